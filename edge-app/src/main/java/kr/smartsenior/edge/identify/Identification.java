package kr.smartsenior.edge.identify;

import java.util.Map;
import java.util.Objects;

/** What the kiosk decided about one scanned card: a member, or a refusal. */
public sealed interface Identification {

    /** The sentence for the senior (Korean). */
    String message();

    /**
     * The card belongs to a member of this site.
     *
     * @param prescription the member's current prescription summary from the roster, or an empty map
     */
    record Identified(String memberId, String displayName, int cardVersion, Map<String, Object> prescription)
            implements Identification {

        public Identified {
            Objects.requireNonNull(memberId, "memberId");
            Objects.requireNonNull(displayName, "displayName");
            prescription = prescription == null ? Map.of() : prescription;
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
