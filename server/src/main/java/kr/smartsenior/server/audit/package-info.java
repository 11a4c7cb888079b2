/**
 * The audit log: who read or changed which senior's personal data, when and from where (table
 * {@code audit_log}, rows only added). Public surface: {@link kr.smartsenior.server.audit.AuditLog}
 * ({@code record} and the action names), which every feature that shows a senior's data calls;
 * {@code GET /api/audit} and the page {@code /admin/audit} (filters, paging, CSV) let admins search it.
 */
package kr.smartsenior.server.audit;
