package kr.smartsenior.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One member on a {@link Roster}.
 *
 * @param memberId     the registry id
 * @param displayName  the name the kiosk greets with
 * @param tokenHash    hash of the member's current card token (not the token itself)
 * @param cardVersion  the current card version; older cards are revoked
 * @param prescription the current exercise prescription, or {@link KioskPrescription#NONE}
 * @param results      the server's grade cut-offs and the member's latest results, or {@link MemberResults#NONE}
 *                     (left out on the wire; a roster of an older server has none)
 */
public record RosterEntry(String memberId, String displayName, String tokenHash, int cardVersion,
        KioskPrescription prescription,
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = MemberResults.LeftOutWhenNone.class)
        MemberResults results) {

    public RosterEntry {
        prescription = prescription == null ? KioskPrescription.NONE : prescription;
        results = results == null ? MemberResults.NONE : results;
    }

    /** An entry without results (an older server's). */
    public RosterEntry(String memberId, String displayName, String tokenHash, int cardVersion,
            KioskPrescription prescription) {
        this(memberId, displayName, tokenHash, cardVersion, prescription, MemberResults.NONE);
    }
}
