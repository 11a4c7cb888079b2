/**
 * Staff account administration: {@code POST} and {@code GET /api/staff} for admins (STAFF accounts
 * with their sites, ADMIN accounts), the password policy, and the first admin account created at
 * start ({@code AdminBootstrap}). Nothing public: signing in with these accounts is
 * {@code security}'s.
 */
package kr.smartsenior.server.staff;
