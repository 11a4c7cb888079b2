/**
 * The member registry: seniors registered at a site ({@code member} table), the staff API and
 * dashboard pages to register, edit and import them (CSV or Excel), and their QR cards (print,
 * reissue). Public surface: {@link kr.smartsenior.server.member.MemberDirectory} (reads for other
 * features, and {@code requireMember}: the member an account may see) and the event
 * {@link kr.smartsenior.server.member.MembersChanged}, which the roster listens to.
 */
package kr.smartsenior.server.member;
