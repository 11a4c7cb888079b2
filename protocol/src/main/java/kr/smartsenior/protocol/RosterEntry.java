package kr.smartsenior.protocol;

/**
 * One member on a {@link Roster}.
 *
 * @param memberId     the registry id
 * @param displayName  the name the kiosk greets with
 * @param tokenHash    hash of the member's current card token (not the token itself)
 * @param cardVersion  the current card version; older cards are revoked
 * @param prescription the current exercise prescription, or {@link KioskPrescription#NONE}
 */
public record RosterEntry(String memberId, String displayName, String tokenHash, int cardVersion,
        KioskPrescription prescription) {

    public RosterEntry {
        prescription = prescription == null ? KioskPrescription.NONE : prescription;
    }
}
