/**
 * Fleet health: the latest status of every kiosk ({@link kr.smartsenior.server.fleet.DeviceStatusRegistry}),
 * what is wrong with each and since when ({@code FleetHealth}: offline during opening hours, a backlog
 * that keeps growing, failing sensors, refused or pending configuration, ...), and the admin's
 * overview grouped by rollout wave ({@code GET /api/fleet}).
 */
package kr.smartsenior.server.fleet;
