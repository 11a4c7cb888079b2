/**
 * The member registry: seniors registered at a site ({@code member} table), the staff API and
 * dashboard pages to register, edit, move and import them (CSV or Excel, duplicates skipped unless
 * confirmed), their QR cards (print, reissue), and the withdrawal of consent
 * ({@code ConsentWithdrawal}: the person deleted, the results kept under an anonymous row that no
 * read of this package returns). Public surface: {@link kr.smartsenior.server.member.MemberDirectory} (reads for other
 * features, and {@code requireMember}: the member an account may see) and the event
 * {@link kr.smartsenior.server.member.MembersChanged}, which the roster listens to.
 */
package kr.smartsenior.server.member;
