/**
 * The staff and admin dashboard: server-rendered Korean pages (Thymeleaf; user data only ever
 * through {@code th:text}) over the same services and the same permission check
 * ({@link kr.smartsenior.server.security.SiteAccess}) as the API. Every page that shows a senior's
 * data writes an audit entry.
 */
package kr.smartsenior.server.dashboard;
