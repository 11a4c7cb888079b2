package kr.smartsenior.server.roster;

/**
 * A Spring application event: something a site's roster shows has changed (a member, a card, a
 * prescription), so the site's kiosks must get a new roster. Publish it after the change is
 * committed.
 */
public record RosterChanged(String siteId) {
}
