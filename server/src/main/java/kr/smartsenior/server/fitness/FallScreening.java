package kr.smartsenior.server.fitness;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The fall-risk evaluation's port to the screening: the answers to CDC STEADI's three key
 * questions in a member's latest screening. Owned here so that {@code fitness} does not depend on
 * the screening feature; implemented by {@code screening}.
 */
public interface FallScreening {

    /** The key answers of the member's latest screening, if the member was ever screened. */
    Optional<KeyAnswers> latest(String memberId);

    /**
     * STEADI's key questions as answered (true = yes); null where the screening did not ask it (one
     * recorded before the questions existed).
     */
    record KeyAnswers(OffsetDateTime recordedAt, Boolean fellPastYear, Boolean unsteady, Boolean worriesAboutFalling) {

        /** All three asked. */
        public boolean complete() {
            return fellPastYear != null && unsteady != null && worriesAboutFalling != null;
        }
    }
}
