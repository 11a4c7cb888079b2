/**
 * Senior centres (sites): the {@code site} table with address, opening hours, rollout wave and
 * closing ({@code closed_at}), {@code POST}/{@code GET /api/sites} and the admins' site page
 * ({@code /admin/sites/{id}}: edit, wave, close, reopen) and the admins' list with the create form
 * ({@code /admin/sites}, {@code SiteListPages}). Public surface: {@link kr.smartsenior.server.site.SiteRepository}
 * (reads, and the roster version counter), {@link kr.smartsenior.server.site.Site},
 * {@link kr.smartsenior.server.site.OpeningHours} and the event
 * {@link kr.smartsenior.server.site.SiteCreated}.
 */
package kr.smartsenior.server.site;
