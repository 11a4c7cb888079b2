/**
 * Signing in and what an account may see: the two filter chains ({@code SecurityConfig}: HTTP Basic or
 * an API token for {@code /api/**}, a sign-in form and session for the dashboard), accounts as signing in
 * reads them ({@code StaffAccounts}), API tokens ({@code ApiTokens}, {@code /api/tokens}), growing delays
 * per source address after wrong passwords ({@code SignInThrottle}, {@code SignInGate}, unlocked by an
 * admin at {@code /api/staff/{username}/unlock}), the refusal of cross-site requests
 * ({@code CrossSiteRequests}) and 401/403/429 as problem documents. Public surface:
 * {@link kr.smartsenior.server.security.SiteAccess}, the one check every controller asks (an id outside
 * the account's sites is a 404, audited), {@link kr.smartsenior.server.security.Role}, and
 * {@link kr.smartsenior.server.security.AccountLocks} (the staff pages' "잠금 해제": the same clearing of
 * sign-in delays as the unlock endpoint). Accounts are administered in {@code staff}.
 */
package kr.smartsenior.server.security;
