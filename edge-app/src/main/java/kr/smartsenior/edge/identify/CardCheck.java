package kr.smartsenior.edge.identify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import kr.smartsenior.protocol.RosterEntry;
import kr.smartsenior.protocol.card.CardToken;

/** Decides about one scanned text against the roster in use, offline. */
final class CardCheck {

    private CardCheck() {
    }

    static Identification check(String text, RosterBook.Snapshot roster) {
        Optional<CardToken> parsed = CardToken.parse(text);
        if (parsed.isEmpty()) {
            return new Identification.Refused(CardToken.looksLikeOurs(text) ? Refusal.FORGED_CARD : Refusal.NOT_OUR_CARD,
                    null);
        }
        CardToken token = parsed.get();
        if (roster == null) {
            return new Identification.Refused(Refusal.NO_ROSTER, token.memberId());
        }
        Optional<RosterEntry> found = roster.entry(token.memberId());
        if (found.isEmpty()) {
            return new Identification.Refused(Refusal.UNKNOWN_CARD, token.memberId());
        }
        RosterEntry entry = found.get();
        if (token.cardVersion() < entry.cardVersion()) {
            return new Identification.Refused(Refusal.REVOKED_CARD, token.memberId());
        }
        if (token.cardVersion() > entry.cardVersion()) {
            return new Identification.Refused(Refusal.CARD_NOT_YET_KNOWN, token.memberId());
        }
        byte[] expected = RosterBook.Snapshot.normalizedHash(entry.tokenHash()).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = token.hash().getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, actual)) {
            return new Identification.Refused(Refusal.FORGED_CARD, token.memberId());
        }
        return new Identification.Identified(entry.memberId(), entry.displayName(), entry.cardVersion(),
                entry.prescription());
    }
}
