package kr.smartsenior.server.card;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret that signs card tokens. From {@code SSC_CARD_KEY} when set; otherwise generated once
 * and kept in {@code ${SSC_DATA_DIR}/card-key}, readable by the server's user only. Losing it makes
 * every printed card unreadable; several server instances must be given the same key.
 */
final class CardKey {

    static final String FILE_NAME = "card-key";
    /** HMAC-SHA256 keys shorter than its block of output add no strength; shorter ones are refused. */
    static final int MIN_BYTES = 32;

    private static final Logger log = LoggerFactory.getLogger(CardKey.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private CardKey() {
    }

    /** The configured key, or the one in the data directory (made on first use). */
    static byte[] load(String configured, Path dataDir) {
        if (configured != null) {
            return parse(configured, "SSC_CARD_KEY");
        }
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
        try {
            if (!Files.exists(file)) {
                return create(file);
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the card key " + file, e);
        }
    }

    /** Hex (64+ digits) or base64 of at least {@value #MIN_BYTES} bytes. */
    static byte[] parse(String text, String source) {
        String clean = text.strip();
        byte[] key;
        if (clean.matches("(?i)[0-9a-f]+") && clean.length() % 2 == 0) {
            key = HexFormat.of().parseHex(clean);
        } else {
            try {
                key = Base64.getDecoder().decode(clean);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + " must be hex or base64 (e.g. `openssl rand -hex 32`)");
            }
        }
        if (key.length < MIN_BYTES) {
            throw new IllegalArgumentException(source + " must hold at least " + MIN_BYTES + " bytes, not " + key.length
                    + " (e.g. `openssl rand -hex 32`)");
        }
        return key;
    }

    private static byte[] create(Path file) throws IOException {
        byte[] key = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(key);
        Path dir = file.getParent();
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        try {
            Files.createFile(file, attributes); // owner-only from the first byte on
        } catch (FileAlreadyExistsException raced) {
            return read(file); // another instance on the same folder was first
        }
        Files.writeString(file, HexFormat.of().formatHex(key) + "\n", StandardCharsets.US_ASCII,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
        log.info("generated a new card key in {} (keep it with the database backups: printed cards need it)", file);
        return key;
    }

    private static byte[] read(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(permissions)) {
                log.warn("the card key {} was readable by others ({}); making it owner-only", file,
                        PosixFilePermissions.toString(permissions));
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        }
        return parse(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
    }
}
