package kr.smartsenior.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A kiosk's health, published retained on {@code status}; the same topic carries the Last Will
 * with state {@code offline}.
 *
 * <p>The fields after {@code at} were added within v1 (additive, optional): an older kiosk leaves
 * them out, and they are omitted from the JSON when unknown.
 *
 * @param state          {@code online} or {@code offline}
 * @param version        the kiosk software version
 * @param outbox         records waiting for an ack
 * @param sensors        sensor name to a short state ("ok", "not responding", ...)
 * @param at             when the kiosk wrote this status
 * @param lastSyncAt     when the kiosk last applied an ack from the server; null if never
 * @param diskFreeBytes  free space for the kiosk's data directory; null if unknown
 * @param temperatureC   the board's temperature in °C (the Pi's SoC); null if unknown
 * @param configVersion  the version of the remote configuration the kiosk runs; null if none yet
 * @param configRefused  the last configuration the kiosk refused, with the reason; null if none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeviceStatus(
        String state,
        String version,
        long outbox,
        Map<String, String> sensors,
        OffsetDateTime at,
        OffsetDateTime lastSyncAt,
        Long diskFreeBytes,
        Double temperatureC,
        Long configVersion,
        ConfigRefusal configRefused) {

    public static final String ONLINE = "online";
    public static final String OFFLINE = "offline";

    public DeviceStatus {
        sensors = sensors == null ? Map.of() : Map.copyOf(sensors);
    }

    /** A status with only the fields of the first v1 release. */
    public DeviceStatus(String state, String version, long outbox, Map<String, String> sensors, OffsetDateTime at) {
        this(state, version, outbox, sensors, at, null, null, null, null, null);
    }

    /**
     * A configuration the kiosk would not apply; it keeps running the one it had.
     *
     * @param version the refused configuration's version
     * @param reason  why, for the admin (which setting, what is wrong)
     */
    public record ConfigRefusal(long version, String reason) {
    }
}
