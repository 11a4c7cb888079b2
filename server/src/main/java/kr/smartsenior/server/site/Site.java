package kr.smartsenior.server.site;

import java.util.Map;

/**
 * A senior center; {@code id} is also its MQTT topic segment.
 *
 * @param address      postal address, or null
 * @param openingHours weekday to opening ranges (see {@link OpeningHours}), or null when not set
 * @param wave         the rollout wave (1, 2, 3, ...), or null when not planned yet
 * @param closedAt     when the site was closed (폐쇄: no new seniors, data kept), or null while open
 */
public record Site(String id, String name, String createdAt, String address, Map<String, String> openingHours,
        Integer wave, String closedAt) {

    /** An open site. */
    public Site(String id, String name, String createdAt, String address, Map<String, String> openingHours,
            Integer wave) {
        this(id, name, createdAt, address, openingHours, wave, null);
    }

    /** Whether the site is closed (폐쇄). */
    public boolean closed() {
        return closedAt != null;
    }

    /** The hours the fleet checks: the site's own, or open around the clock when none are set. */
    public OpeningHours hours() {
        return openingHours == null ? OpeningHours.always() : OpeningHours.parse(openingHours);
    }
}
