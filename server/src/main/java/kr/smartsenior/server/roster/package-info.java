/**
 * The roster: what each kiosk of a site needs offline to greet and guide its members (member id,
 * display name, card token hash and version, current prescription summary), published retained
 * over MQTT whenever it changes ({@link kr.smartsenior.server.roster.RosterPublisher}: each build is
 * a (ROSTER, site) row of the durable derived-work queue, done on an {@code ssc-derived} thread of one
 * server instance, decision 0037; thread {@code ssc-roster} re-publishes every 30 min). It reads {@code member} and {@code site} and listens to their events
 * ({@code MembersChanged}, {@code SiteCreated}); features that depend on the roster tell it of a change
 * with {@link kr.smartsenior.server.roster.RosterChanged} and supply prescriptions through the port
 * {@link kr.smartsenior.server.roster.KioskPrescriptions}.
 */
package kr.smartsenior.server.roster;
