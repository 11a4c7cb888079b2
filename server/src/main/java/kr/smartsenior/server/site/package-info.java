/**
 * Senior centres (sites): the {@code site} table with address, opening hours and rollout wave, and
 * {@code POST}/{@code GET /api/sites}. Public surface: {@link kr.smartsenior.server.site.SiteRepository}
 * (reads, and the roster version counter), {@link kr.smartsenior.server.site.Site},
 * {@link kr.smartsenior.server.site.OpeningHours} and the event
 * {@link kr.smartsenior.server.site.SiteCreated}.
 */
package kr.smartsenior.server.site;
