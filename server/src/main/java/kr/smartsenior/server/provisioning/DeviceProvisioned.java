package kr.smartsenior.server.provisioning;

/**
 * A Spring application event, published after a new device is stored (and the broker's access
 * files were rewritten): a kiosk now exists that should get its site's configuration and roster.
 */
public record DeviceProvisioned(String siteId, String deviceId) {
}
