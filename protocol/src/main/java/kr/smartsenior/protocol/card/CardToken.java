package kr.smartsenior.protocol.card;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text in a member's QR card: {@code SSC1:<member id>:<card version>:<mac>}, for example
 * {@code SSC1:M7K2Q9XD4T:2:4J8ZQ0N6W2C5TD1XKR3M}.
 *
 * <ul>
 *   <li>{@code SSC1} names the format (version 1 of the card token);</li>
 *   <li>the member id is 10 Crockford base32 characters (the registry id);</li>
 *   <li>the card version is a decimal number from 1 to {@value #MAX_CARD_VERSION}; a reissued card
 *       has a higher one and every older card is revoked;</li>
 *   <li>the MAC is the first {@value #MAC_BITS} bits of HMAC-SHA256 over {@link #body()} with the
 *       server's card key, as {@value #MAC_LENGTH} Crockford base32 characters.</li>
 * </ul>
 *
 * <p>Every character is in the QR alphanumeric set (upper-case letters, digits, {@code :}), so the
 * token (at most {@value #MAX_LENGTH} characters) fits a version 3 QR code at error-correction level
 * Q. Scanners that type in lower case (Caps Lock) are forgiven: {@link #parse} upper-cases first.
 *
 * <p>Kiosks cannot check the MAC (they have no key); the roster gives them {@link #hash()} of each
 * current token instead, so a forged or altered token does not match.
 */
public record CardToken(String memberId, int cardVersion, String mac) {

    /** The fixed start of every card token of this format. */
    public static final String PREFIX = "SSC1:";
    /** Bits of the HMAC-SHA256 kept in the token. */
    public static final int MAC_BITS = 100;
    /** Length of the MAC text: {@value #MAC_BITS} bits as base32. */
    public static final int MAC_LENGTH = MAC_BITS / 5;
    public static final int MEMBER_ID_LENGTH = 10;
    public static final int MAX_CARD_VERSION = 9999;
    /** The longest token text. */
    public static final int MAX_LENGTH = PREFIX.length() + MEMBER_ID_LENGTH + 1 + 4 + 1 + MAC_LENGTH;

    /** Crockford base32: digits and upper-case letters without I, L, O, U. */
    public static final String BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private static final Pattern FORM = Pattern.compile(
            "SSC1:([0-9A-HJKMNP-TV-Z]{10}):([1-9][0-9]{0,3}):([0-9A-HJKMNP-TV-Z]{" + MAC_LENGTH + "})");

    public CardToken {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(mac, "mac");
        if (!isBase32(memberId, MEMBER_ID_LENGTH)) {
            throw new IllegalArgumentException("member id must be " + MEMBER_ID_LENGTH + " Crockford base32 characters");
        }
        if (cardVersion < 1 || cardVersion > MAX_CARD_VERSION) {
            throw new IllegalArgumentException("card version must be 1.." + MAX_CARD_VERSION + ": " + cardVersion);
        }
        if (!isBase32(mac, MAC_LENGTH)) {
            throw new IllegalArgumentException("mac must be " + MAC_LENGTH + " Crockford base32 characters");
        }
    }

    /**
     * Reads a scanned text. Empty when it is not a well-formed token of this format (see
     * {@link #looksLikeOurs} to tell "someone else's QR code" from "ours, but damaged or altered").
     */
    public static Optional<CardToken> parse(String text) {
        if (text == null || text.length() > MAX_LENGTH + 2) {
            return Optional.empty();
        }
        Matcher matcher = FORM.matcher(text.strip().toUpperCase(Locale.ROOT));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new CardToken(matcher.group(1), Integer.parseInt(matcher.group(2)), matcher.group(3)));
    }

    /** Whether a scanned text claims to be a card token of ours ({@code SSC} prefix), well-formed or not. */
    public static boolean looksLikeOurs(String text) {
        return text != null && text.strip().toUpperCase(Locale.ROOT).startsWith("SSC");
    }

    /** The part the MAC covers: {@code SSC1:<member id>:<card version>}. */
    public String body() {
        return body(memberId, cardVersion);
    }

    /** The MAC input for a member and card version. */
    public static String body(String memberId, int cardVersion) {
        return PREFIX + memberId + ":" + cardVersion;
    }

    /** The text printed in the QR code. */
    public String text() {
        return body() + ":" + mac;
    }

    /** The hash the roster carries for this token: SHA-256 of {@link #text()}, lower-case hex. */
    public String hash() {
        return hashOf(text());
    }

    /** SHA-256 of a token text (UTF-8), lower-case hex (64 characters). */
    public static String hashOf(String tokenText) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(tokenText.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The first {@value #MAC_BITS} bits of a full HMAC as the token's MAC text. */
    public static String macText(byte[] hmac) {
        if (hmac == null || hmac.length * 8 < MAC_BITS) {
            throw new IllegalArgumentException("need at least " + MAC_BITS + " bits of MAC");
        }
        StringBuilder out = new StringBuilder(MAC_LENGTH);
        for (int i = 0; i < MAC_LENGTH; i++) {
            int value = 0;
            for (int bit = 0; bit < 5; bit++) {
                int index = i * 5 + bit;
                int b = (hmac[index / 8] >> (7 - index % 8)) & 1;
                value = (value << 1) | b;
            }
            out.append(BASE32.charAt(value));
        }
        return out.toString();
    }

    private static boolean isBase32(String text, int length) {
        if (text.length() != length) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (BASE32.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        // the MAC makes the token a credential: never print it whole
        return "CardToken[" + memberId + " v" + cardVersion + "]";
    }
}
