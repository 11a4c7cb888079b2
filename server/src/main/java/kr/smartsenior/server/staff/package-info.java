/**
 * Staff account administration: {@code POST} and {@code GET /api/staff} for admins (STAFF accounts
 * with their sites, ADMIN accounts), the admins' account pages ({@code /admin/staff}: edit, disable,
 * unlock, set a password to be changed), an account's own password page and the gate that sends
 * it there ({@code PasswordChangeGate}), the password policy, and the first admin account created at
 * start ({@code AdminBootstrap}). Nothing public: signing in with these accounts is
 * {@code security}'s.
 */
package kr.smartsenior.server.staff;
