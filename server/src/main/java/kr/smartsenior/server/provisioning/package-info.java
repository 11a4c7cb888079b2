/**
 * Provisioning: a kiosk's identity (device id, its own MQTT account, its config bundle), revoking it,
 * and the broker's access files (Mosquitto's password file and ACL) generated from the devices in
 * the database. Other features learn about devices through {@link kr.smartsenior.server.provisioning.Devices}
 * and the {@link kr.smartsenior.server.provisioning.DeviceProvisioned} and
 * {@link kr.smartsenior.server.provisioning.DeviceRevoked} events.
 */
package kr.smartsenior.server.provisioning;
