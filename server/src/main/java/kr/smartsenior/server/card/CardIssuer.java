package kr.smartsenior.server.card;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import kr.smartsenior.protocol.card.CardToken;
import kr.smartsenior.server.config.SscProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Makes the card token of a member's card version: HMAC-SHA256 with the server's card key over
 * {@link CardToken#body()}, cut to {@value CardToken#MAC_BITS} bits. Thread-safe.
 */
@Component
public final class CardIssuer {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    @Autowired
    CardIssuer(CardSettings settings, SscProperties properties) {
        this(CardKey.load(settings.key(), properties.dataPath()));
    }

    CardIssuer(byte[] key) {
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** The token printed on this member's card of this version. */
    public CardToken token(String memberId, int cardVersion) {
        return new CardToken(memberId, cardVersion, CardToken.macText(hmac(CardToken.body(memberId, cardVersion))));
    }

    /** Whether the token's MAC is the one this server's key gives (compared in constant time). */
    public boolean isGenuine(CardToken token) {
        byte[] expected = token(token.memberId(), token.cardVersion()).mac().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, token.mac().getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] hmac(String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // not thread-safe: one per call, cheap next to a QR or PDF
            mac.init(key);
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
