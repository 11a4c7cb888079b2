package kr.smartsenior.server.site;

/**
 * A Spring application event: a site was created. Published by this package after the site is
 * stored; the roster listens to it so the site's kiosks get their (empty) roster at once.
 */
public record SiteCreated(String siteId) {
}
