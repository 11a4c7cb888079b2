/**
 * The roster: what each kiosk of a site needs offline to greet and guide its members (member id,
 * display name, card token hash and version, current prescription summary), published retained
 * over MQTT whenever it changes.
 */
package kr.smartsenior.server.roster;
