package kr.smartsenior.edge.ui.adapters;

import java.util.Objects;
import java.util.function.Consumer;
import kr.smartsenior.edge.identify.Identification;
import kr.smartsenior.edge.identify.IdentificationListener;
import kr.smartsenior.edge.identify.Identifier;
import kr.smartsenior.edge.ui.ports.CardEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The screens' {@link CardEvents} from the card identification feature: give this to an
 * {@link Identifier} as its listener, and every decision about a card (camera or scanner, repeats
 * already folded) reaches the screens as a {@link CardEvent}. Decisions before the screens start
 * listening are dropped (nobody is looking at the screen yet).
 *
 * <p>Refusals: a card of ours whose member is not on this site's roster, and one the kiosk cannot
 * check yet (no roster received, a card newer than the roster) are {@link CardEvents.Refusal#UNKNOWN_CARD}:
 * the card may well be good, and the spoken advice ("담당 선생님께 말씀해 주세요") fits; an old card
 * is {@link CardEvents.Refusal#REVOKED_CARD}; a forged or damaged card and any QR code that is not ours are
 * {@link CardEvents.Refusal#NOT_A_MEMBER_CARD}. Where the identification's own sentence says more
 * than the screens' sentence for the reason (forged, not yet known, no roster), it is passed on;
 * otherwise the screens' sentence is shown, so what is read and what is heard agree.
 */
public final class IdentifiedCards implements CardEvents, IdentificationListener {

    private static final Logger log = LoggerFactory.getLogger(IdentifiedCards.class);

    private volatile Consumer<CardEvent> listener;

    @Override
    public void start(Consumer<CardEvent> listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public void identified(Identification result, Scan scan) {
        Consumer<CardEvent> screens = listener;
        if (screens == null) {
            log.debug("a card from {} before the screens started; dropped", scan.source());
            return;
        }
        screens.accept(event(result));
    }

    /** The screens' event for an identification. */
    public static CardEvent event(Identification result) {
        return switch (result) {
            case Identification.Identified member -> new CardEvent.Identified(member.memberId(), member.displayName());
            case Identification.Refused refused -> new CardEvent.Refused(reason(refused.reason()),
                    ownSentence(refused.reason()) ? refused.reason().message() : "");
        };
    }

    /** The screens' kind of refusal. */
    public static CardEvents.Refusal reason(kr.smartsenior.edge.identify.Refusal refusal) {
        return switch (refusal) {
            case UNKNOWN_CARD, CARD_NOT_YET_KNOWN, NO_ROSTER -> CardEvents.Refusal.UNKNOWN_CARD;
            case REVOKED_CARD -> CardEvents.Refusal.REVOKED_CARD;
            case NOT_OUR_CARD, FORGED_CARD -> CardEvents.Refusal.NOT_A_MEMBER_CARD;
        };
    }

    /** Whether the identification's sentence tells the senior more than the screens' sentence for the reason. */
    private static boolean ownSentence(kr.smartsenior.edge.identify.Refusal refusal) {
        return switch (refusal) {
            case FORGED_CARD, CARD_NOT_YET_KNOWN, NO_ROSTER -> true;
            case NOT_OUR_CARD, UNKNOWN_CARD, REVOKED_CARD -> false;
        };
    }
}
