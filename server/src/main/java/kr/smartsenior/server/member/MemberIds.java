package kr.smartsenior.server.member;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Member ids: 10 Crockford base32 characters (50 random bits), upper case, short enough for a
 * QR card and easy to read aloud: no I, L, O or U.
 */
final class MemberIds {

    static final int LENGTH = 10;
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private MemberIds() {
    }

    static String next() {
        char[] id = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }

    /**
     * The canonical form of an id a person typed: upper case, I and L read as 1, O as 0, hyphens
     * and spaces dropped. Returns the text unchanged (and so unknown) if it cannot be an id.
     */
    static String normalize(String typed) {
        if (typed == null) {
            return "";
        }
        String upper = typed.strip().toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "");
        StringBuilder out = new StringBuilder(upper.length());
        for (char c : upper.toCharArray()) {
            out.append(switch (c) {
                case 'I', 'L' -> '1';
                case 'O' -> '0';
                default -> c;
            });
        }
        return out.toString();
    }

    static boolean isWellFormed(String id) {
        if (id == null || id.length() != LENGTH) {
            return false;
        }
        for (char c : id.toCharArray()) {
            if (new String(ALPHABET).indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}
