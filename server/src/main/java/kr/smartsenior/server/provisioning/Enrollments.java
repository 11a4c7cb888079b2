package kr.smartsenior.server.provisioning;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import kr.smartsenior.protocol.Topics;
import kr.smartsenior.server.site.SiteRepository;
import kr.smartsenior.server.web.ConflictException;
import kr.smartsenior.server.web.InvalidFieldException;
import kr.smartsenior.server.web.NotFoundException;
import kr.smartsenior.server.web.UnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Enrollment by code: a kiosk without a bundle {@linkplain #start starts} an enrollment and shows its
 * short code on screen; an admin {@linkplain #assign assigns} the code to a site (and optionally a device
 * id); the kiosk, polling with the secret token only it got, {@linkplain #fetch fetches} its bundle once.
 * The device is provisioned at that fetch, so its password exists only in that one answer.
 *
 * <p>Codes are 6 characters from an alphabet without look-alikes (shown as {@code ABC-234}); an open
 * code expires after {@link #CODE_LIFETIME}, and at most {@link #MAX_OPEN} wait at once (anyone may
 * start one). A code said aloud or mistyped reaches nothing but another waiting kiosk, which is
 * harmless unless an admin assigns it; the token is compared by its SHA-256.
 */
@Component
final class Enrollments {

    static final Duration CODE_LIFETIME = Duration.ofMinutes(30);
    /** After assignment the kiosk has this long to fetch its bundle. */
    static final Duration FETCH_WINDOW = Duration.ofHours(1);
    static final int MAX_OPEN = 100;
    static final int POLL_AFTER_SECONDS = 5;
    private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final int CODE_LENGTH = 6;
    private static final Logger log = LoggerFactory.getLogger(Enrollments.class);

    private final JdbcClient jdbc;
    private final Provisioning provisioning;
    private final ProvisionedDevices devices;
    private final SiteRepository sites;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Enrollments(JdbcClient jdbc, Provisioning provisioning, ProvisionedDevices devices, SiteRepository sites, Clock clock) {
        this.jdbc = jdbc;
        this.provisioning = provisioning;
        this.devices = devices;
        this.sites = sites;
        this.clock = clock;
    }

    /** A started enrollment: the code to show, the token to poll with (kept by the kiosk only). */
    record Started(String code, String token, Instant expiresAt, int pollAfterSeconds) {
    }

    /** An assignment: which kiosk code goes to which site (and device id, or null for a generated one). */
    record Assigned(String code, String siteId, String deviceId, Instant fetchBy) {
    }

    /** What a kiosk's poll finds. */
    sealed interface Fetch {
        /** Not assigned yet: poll again. */
        record Waiting(String code, Instant expiresAt, int pollAfterSeconds) implements Fetch {
        }

        /** Assigned: the device was provisioned now; this is the only time its bundle is given. */
        record Delivered(Provisioning.Provisioned provisioned) implements Fetch {
        }

        /** Expired, or the bundle was already fetched: start again (a new code). */
        record Gone(String reason) implements Fetch {
        }
    }

    synchronized Started start() {
        long now = clock.millis();
        jdbc.sql("DELETE FROM enrollment WHERE expires_at_ms < ?").param(now - FETCH_WINDOW.toMillis()).update();
        long open = jdbc.sql("SELECT COUNT(*) FROM enrollment WHERE site_id IS NULL AND expires_at_ms >= ?").param(now)
                .query(Long.class).single();
        if (open >= MAX_OPEN) {
            log.warn("refused an enrollment: {} kiosks are already waiting for a code to be entered", open);
            throw new UnavailableException("too many kiosks are waiting for enrollment; try again in a few minutes");
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);
        String code;
        do {
            code = newCode();
        } while (jdbc.sql("SELECT COUNT(*) FROM enrollment WHERE code = ?").param(code).query(Long.class).single() > 0);
        Instant expiresAt = Instant.ofEpochMilli(now).plus(CODE_LIFETIME);
        jdbc.sql("INSERT INTO enrollment (code, token_hash, created_at_ms, expires_at_ms) VALUES (?, ?, ?, ?)")
                .params(code, sha256(token), now, expiresAt.toEpochMilli()).update();
        log.info("enrollment {} started; waiting for an admin to enter it", shown(code));
        return new Started(shown(code), token, expiresAt, POLL_AFTER_SECONDS);
    }

    /**
     * Assigns the kiosk showing {@code typedCode} to a site.
     *
     * @throws NotFoundException     no kiosk is waiting with that code (mistyped, expired, or already assigned)
     * @throws ConflictException     the device id is taken
     * @throws InvalidFieldException the code, site or device id is malformed
     */
    synchronized Assigned assign(String typedCode, String siteId, String deviceId, String actor) {
        String code = normalise(typedCode)
                .orElseThrow(() -> new InvalidFieldException("code", "is the 6 letters and digits the kiosk shows, e.g. ABC-234"));
        if (siteId == null || !Topics.isValidId(siteId) || !sites.exists(siteId)) {
            throw new InvalidFieldException("siteId", "no such site");
        }
        String device = deviceId == null || deviceId.isBlank() ? null : deviceId.strip();
        if (device != null && (!Topics.isValidId(device) || !Topics.isValidDeviceId(device))) {
            throw new InvalidFieldException("deviceId", "must be 1-32 lower-case letters, digits and hyphens, e.g. kiosk-01");
        }
        if (device != null && (devices.exists(device) || jdbc.sql("""
                SELECT COUNT(*) FROM enrollment WHERE device_id = ? AND fetched_at_ms IS NULL AND expires_at_ms >= ?""")
                .params(device, clock.millis()).query(Long.class).single() > 0)) {
            throw new ConflictException("device " + device + " already exists");
        }
        long now = clock.millis();
        Instant fetchBy = Instant.ofEpochMilli(now).plus(FETCH_WINDOW);
        int updated = jdbc.sql("""
                UPDATE enrollment SET site_id = ?, device_id = ?, assigned_by = ?, assigned_at_ms = ?, expires_at_ms = ?
                WHERE code = ? AND site_id IS NULL AND expires_at_ms >= ?""")
                .params(siteId, device, actor, now, fetchBy.toEpochMilli(), code, now).update();
        if (updated != 1) {
            throw new NotFoundException("no kiosk is waiting with code " + shown(code)
                    + ": check the code on the kiosk's screen (it changes every " + CODE_LIFETIME.toMinutes() + " minutes)");
        }
        log.info("enrollment {} assigned to site {} ({}) by {}", shown(code), siteId, device == null ? "new device id" : device,
                actor);
        return new Assigned(shown(code), siteId, device, fetchBy);
    }

    /** A kiosk's poll, with the code it shows and its token. Empty when code and token do not match. */
    Optional<Fetch> fetch(String typedCode, String token) {
        Optional<String> code = normalise(typedCode);
        if (code.isEmpty() || token == null || token.isBlank()) {
            return Optional.empty();
        }
        record Row(String tokenHash, long expiresAt, String siteId, String deviceId, String assignedBy, Long fetchedAt) {
        }
        Optional<Row> found = jdbc.sql("""
                SELECT token_hash, expires_at_ms, site_id, device_id, assigned_by, fetched_at_ms FROM enrollment WHERE code = ?""")
                .param(code.get())
                .query((rs, n) -> {
                    long fetchedAt = rs.getLong(6);
                    Long fetched = rs.wasNull() ? null : fetchedAt;
                    return new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), fetched);
                })
                .optional();
        if (found.isEmpty() || !MessageDigest.isEqual(found.get().tokenHash().getBytes(StandardCharsets.US_ASCII),
                sha256(token.strip()).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        Row row = found.get();
        long now = clock.millis();
        if (row.fetchedAt() != null) {
            return Optional.of(new Fetch.Gone("this enrollment's bundle was already fetched; start a new enrollment"));
        }
        if (row.expiresAt() < now) {
            return Optional.of(new Fetch.Gone("the code expired; start a new enrollment for a new code"));
        }
        if (row.siteId() == null) {
            return Optional.of(new Fetch.Waiting(shown(code.get()), Instant.ofEpochMilli(row.expiresAt()), POLL_AFTER_SECONDS));
        }
        // claim it first: of two polls at once only one provisions
        if (jdbc.sql("UPDATE enrollment SET fetched_at_ms = ? WHERE code = ? AND fetched_at_ms IS NULL").params(now, code.get())
                .update() != 1) {
            return Optional.of(new Fetch.Gone("this enrollment's bundle was already fetched; start a new enrollment"));
        }
        try {
            Provisioning.Provisioned made = provisioning.provision(row.siteId(), row.deviceId(), null, row.assignedBy());
            jdbc.sql("UPDATE enrollment SET fetched_device = ? WHERE code = ?").params(made.device().id(), code.get()).update();
            log.info("enrollment {} delivered the bundle of {}/{}", shown(code.get()), row.siteId(), made.device().id());
            return Optional.of(new Fetch.Delivered(made));
        } catch (RuntimeException e) {
            jdbc.sql("UPDATE enrollment SET fetched_at_ms = NULL WHERE code = ?").param(code.get()).update();
            throw e;
        }
    }

    /** The code without dashes or spaces, upper case, if it can be one. */
    static Optional<String> normalise(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (code.length() != CODE_LENGTH || !code.chars().allMatch(c -> CODE_ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(code);
    }

    /** {@code ABC234} as {@code ABC-234}, easier to read aloud and type. */
    static String shown(String code) {
        return code.substring(0, 3) + "-" + code.substring(3);
    }

    private String newCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
