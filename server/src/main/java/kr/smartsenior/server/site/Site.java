package kr.smartsenior.server.site;

import java.util.Map;

/**
 * A senior center; {@code id} is also its MQTT topic segment.
 *
 * @param address      postal address, or null
 * @param openingHours weekday to opening ranges (see {@link OpeningHours}), or null when not set
 * @param wave         the rollout wave (1, 2, 3, ...), or null when not planned yet
 */
public record Site(String id, String name, String createdAt, String address, Map<String, String> openingHours,
        Integer wave) {

    /** The hours the fleet checks: the site's own, or open around the clock when none are set. */
    public OpeningHours hours() {
        return openingHours == null ? OpeningHours.always() : OpeningHours.parse(openingHours);
    }
}
