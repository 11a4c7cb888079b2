package kr.smartsenior.edge.identify;

import java.util.Objects;
import kr.smartsenior.protocol.KioskPrescription;

/** What the kiosk decided about one scanned card: a member, or a refusal. */
public sealed interface Identification {

    /** The sentence for the senior (Korean). */
    String message();

    /**
     * The card belongs to a member of this site.
     *
     * @param prescription the member's current prescription from the roster, or {@link KioskPrescription#NONE}
     */
    record Identified(String memberId, String displayName, int cardVersion, KioskPrescription prescription)
            implements Identification {

        public Identified {
            Objects.requireNonNull(memberId, "memberId");
            Objects.requireNonNull(displayName, "displayName");
            prescription = prescription == null ? KioskPrescription.NONE : prescription;
        }

        @Override
        public String message() {
            return displayName + "님, 반갑습니다.";
        }

        @Override
        public String toString() {
            return "Identified[" + memberId + " v" + cardVersion + "]"; // never the name
        }
    }

    /**
     * The card was not accepted.
     *
     * @param memberId the member id the card claims, when it is one of ours; else null
     */
    record Refused(Refusal reason, String memberId) implements Identification {

        public Refused {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String message() {
            return reason.message();
        }
    }
}
