package kr.smartsenior.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Device settings pushed retained by the server; a higher version replaces a lower one. The kiosk
 * applies a configuration only when {@link DeviceSettings#problem} finds nothing wrong with it, and
 * confirms the version it runs in its status ({@link DeviceStatus#configVersion()}).
 */
public record DeviceConfig(long version, Map<String, Object> settings) {

    public DeviceConfig {
        settings = settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }
}
