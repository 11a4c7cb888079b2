/**
 * Provisioning: a kiosk's identity (device id, its own MQTT account, its config bundle), revoking it,
 * and the broker's access files (Mosquitto's password file and ACL) generated from the devices in
 * the database. Other features learn about devices through {@link kr.smartsenior.server.provisioning.ProvisionedDevices}
 * and the {@link kr.smartsenior.server.provisioning.DeviceProvisioned} and
 * {@link kr.smartsenior.server.provisioning.DeviceRevoked} events. The admins' kiosk page of a site
 * ({@code DevicePages}, {@code /admin/sites/{siteId}/devices}: enter a kiosk's code, revoke, move; decision
 * 0039) learns what the fleet last heard from a kiosk through the port
 * {@link kr.smartsenior.server.provisioning.DeviceLastSeen}, which the fleet implements.
 */
package kr.smartsenior.server.provisioning;
