package kr.smartsenior.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One member on a {@link Roster}.
 *
 * @param memberId     the registry id
 * @param displayName  the name the kiosk greets with
 * @param tokenHash    hash of the member's current card token (not the token itself)
 * @param cardVersion  the current card version; older cards are revoked
 * @param prescription the current exercise prescription for display, or an empty map
 */
public record RosterEntry(String memberId, String displayName, String tokenHash, int cardVersion,
        Map<String, Object> prescription) {

    public RosterEntry {
        prescription = prescription == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(prescription));
    }
}
