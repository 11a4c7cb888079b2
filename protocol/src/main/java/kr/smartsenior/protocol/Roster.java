package kr.smartsenior.protocol;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The members a kiosk may identify, published retained by the server. It carries only what the
 * kiosk needs offline: never a birth date or resident number, and token hashes rather than tokens.
 */
public record Roster(String siteId, long version, OffsetDateTime issuedAt, List<RosterEntry> members) {

    public Roster {
        members = members == null ? List.of() : List.copyOf(members);
    }
}
