package kr.smartsenior.server.provisioning;

import java.util.Optional;
import kr.smartsenior.protocol.DeviceConfig;

/** The remote configuration a device should run, for its bundle; implemented by the configuration feature. */
public interface SettingsSource {

    /** The configuration this device of this site should run, or empty when none was set. */
    Optional<DeviceConfig> effective(String siteId, String deviceId);
}
