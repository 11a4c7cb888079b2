/**
 * The roster: what each kiosk of a site needs offline to greet and guide its members (member id,
 * display name, card token hash and version, current prescription summary), published retained
 * over MQTT whenever it changes ({@link kr.smartsenior.server.roster.RosterPublisher}, thread
 * {@code ssc-roster}). It reads {@code member} and {@code site} and listens to their events
 * ({@code MembersChanged}, {@code SiteCreated}); features that depend on the roster tell it of a change
 * with {@link kr.smartsenior.server.roster.RosterChanged} and supply prescriptions through the port
 * {@link kr.smartsenior.server.roster.KioskPrescriptions}.
 */
package kr.smartsenior.server.roster;
