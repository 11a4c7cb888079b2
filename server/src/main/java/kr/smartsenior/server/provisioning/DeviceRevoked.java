package kr.smartsenior.server.provisioning;

/**
 * A Spring application event, published after a device was revoked and the broker no longer
 * accepts its account: whatever was retained for it may be cleared.
 */
public record DeviceRevoked(String siteId, String deviceId) {
}
