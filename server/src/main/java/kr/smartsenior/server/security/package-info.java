/**
 * Signing in and what an account may see: the two filter chains ({@code SecurityConfig}: HTTP Basic
 * for {@code /api/**}, a sign-in form and session for the dashboard), accounts as signing in reads them
 * ({@code StaffAccounts}), the lock-out after wrong passwords ({@code LoginAttempts}) and 401/403 as
 * problem documents. Public surface: {@link kr.smartsenior.server.security.SiteAccess}, the one check
 * every controller asks, {@link kr.smartsenior.server.security.Role}, and
 * {@link kr.smartsenior.server.security.AccountLocks} (lifting a lock-out by hand). Accounts are administered in
 * {@code staff}.
 */
package kr.smartsenior.server.security;
