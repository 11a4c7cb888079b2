package kr.smartsenior.edge.ui.ports;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Cards shown to the kiosk's camera or scanner, already checked against the site's roster.
 *
 * <p>An adapter from the QR identification feature maps each of its outcomes to a {@link CardEvent}:
 * an identified member to {@link CardEvent.Identified}, an unknown, revoked, forged or foreign code
 * to {@link CardEvent.Refused} with the matching {@link CardEvent.Refusal}.
 */
public interface CardEvents {

    /**
     * Delivers every card shown from now on to {@code listener}, on any thread, one at a time.
     * Called once, when the screen starts.
     */
    void start(Consumer<CardEvent> listener);

    /** What a shown card turned out to be. */
    sealed interface CardEvent {

        /**
         * A member of this site.
         *
         * @param memberId    the opaque registry id results are recorded under
         * @param displayName the name the kiosk greets with (from the roster)
         */
        record Identified(String memberId, String displayName) implements CardEvent {
            public Identified {
                Objects.requireNonNull(memberId, "memberId");
                Objects.requireNonNull(displayName, "displayName");
            }
        }

        /**
         * A card the kiosk will not accept.
         *
         * @param reason        which kind of refusal (chooses the spoken prompt)
         * @param koreanMessage a short, calm sentence shown as is, e.g. "등록되지 않은 카드예요."; may be blank,
         *                      then the kiosk's own sentence for the reason is shown
         */
        record Refused(Refusal reason, String koreanMessage) implements CardEvent {
            public Refused {
                Objects.requireNonNull(reason, "reason");
                koreanMessage = koreanMessage == null ? "" : koreanMessage.strip();
            }
        }
    }

    /** Why a card was refused. */
    enum Refusal {
        /** A well-formed card of this system whose member is not on this site's roster. */
        UNKNOWN_CARD,
        /** An older card of a member whose card was replaced (lost card). */
        REVOKED_CARD,
        /** Not a member card at all: a forged signature or somebody else's QR code. */
        NOT_A_MEMBER_CARD
    }
}
