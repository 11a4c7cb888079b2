package kr.smartsenior.server.roster;

/**
 * A Spring application event: something a site's roster shows has changed outside the member
 * registry (a prescription), so the site's kiosks must get a new roster. Publish it after the change
 * is committed. It is for features that depend on the roster; the ones the roster reads from publish
 * their own events ({@code member.MembersChanged}, {@code site.SiteCreated}), which it listens to as
 * well, so that no dependency runs both ways.
 */
public record RosterChanged(String siteId) {
}
