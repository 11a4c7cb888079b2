package kr.smartsenior.server.provisioning;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Mosquitto's password hash, as {@code mosquitto_passwd} writes it since Mosquitto 2.0:
 * {@code $7$<iterations>$<base64 salt>$<base64 PBKDF2-HMAC-SHA512 of the UTF-8 password>}, with a
 * 12-byte salt and a 64-byte key. Only this hash is stored; the password is shown once.
 */
final class MosquittoPasswordHash {

    /** {@code mosquitto_passwd}'s default. The passwords are random and long, so more buys little. */
    static final int ITERATIONS = 101;
    static final int SALT_BYTES = 12;
    static final int KEY_BYTES = 64;
    private static final String PREFIX = "$7$";

    private MosquittoPasswordHash() {
    }

    static String hash(String password, SecureRandom random) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return format(password, salt, ITERATIONS);
    }

    static String format(String password, byte[] salt, int iterations) {
        Base64.Encoder base64 = Base64.getEncoder();
        return PREFIX + iterations + "$" + base64.encodeToString(salt) + "$"
                + base64.encodeToString(pbkdf2(password, salt, iterations));
    }

    /** Whether the password matches a {@code $7$} hash (as Mosquitto checks it). */
    static boolean matches(String password, String hash) {
        String[] parts = hash == null ? new String[0] : hash.split("\\$", -1);
        if (parts.length != 5 || !parts[0].isEmpty() || !"7".equals(parts[1])) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[2]);
            byte[] salt = Base64.getDecoder().decode(parts[3]);
            byte[] expected = Base64.getDecoder().decode(parts[4]);
            return MessageDigest.isEqual(expected, pbkdf2(password, salt, iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        // PBEKeySpec turns the characters into UTF-8 bytes, as Mosquitto hashes the password's bytes
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, KEY_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA512 is missing from this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
