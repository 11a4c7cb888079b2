package kr.smartsenior.server.member;

/**
 * A Spring application event: what a site's kiosks know of its members changed (a member registered,
 * edited, moved to or from the site, imported, or given a new card). Published by this package after
 * the change is stored; the roster listens to it and sends the site's kiosks a new roster.
 */
public record MembersChanged(String siteId) {
}
