package kr.smartsenior.server.provisioning;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import kr.smartsenior.protocol.Topics;
import kr.smartsenior.server.site.SiteRepository;
import kr.smartsenior.server.web.ConflictException;
import kr.smartsenior.server.web.InvalidFieldException;
import kr.smartsenior.server.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Enrollment by code: a kiosk without a bundle {@linkplain #start starts} an enrollment and shows its
 * short code on screen; an admin {@linkplain #assign assigns} the code to a site (and optionally a device
 * id); the kiosk, polling with the secret token only it got, {@linkplain #fetch fetches} its bundle.
 * The device is provisioned at that fetch, in one transaction, so its password exists only in that
 * answer; a poll again within {@link #REDELIVERY_WINDOW} (the answer was lost) gets new credentials
 * for the same device, never a second device.
 *
 * <p>Codes are 6 characters from an alphabet without look-alikes (shown as {@code ABC-234}); an open
 * code expires after {@link #CODE_LIFETIME}. Anyone may start one, so: one client address holds at most
 * {@link #MAX_OPEN_PER_ADDRESS} open codes (more is refused), and when {@link #MAX_OPEN} are open the
 * oldest unassigned one is dropped (its kiosk gets 404 and asks for a new code), so a script cannot
 * lock real kiosks out. A code said aloud or mistyped reaches nothing but another waiting kiosk, which
 * is harmless unless an admin assigns it; the token is compared by its SHA-256.
 */
@Component
final class Enrollments {

    static final Duration CODE_LIFETIME = Duration.ofMinutes(30);
    /** After assignment the kiosk has this long to fetch its bundle. */
    static final Duration FETCH_WINDOW = Duration.ofHours(1);
    static final int MAX_OPEN = 100;
    /** Open codes one client address (IPv4, or an IPv6 /64) may hold: a district office imaging a batch behind one NAT. */
    static final int MAX_OPEN_PER_ADDRESS = 10;
    /** A poll again this soon after the delivery gets new credentials for the same device (the answer was lost). */
    static final Duration REDELIVERY_WINDOW = Duration.ofMinutes(10);
    static final int POLL_AFTER_SECONDS = 5;
    private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final int CODE_LENGTH = 6;
    private static final Logger log = LoggerFactory.getLogger(Enrollments.class);

    private final JdbcClient jdbc;
    private final Provisioning provisioning;
    private final ProvisionedDevices devices;
    private final SiteRepository sites;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final SecureRandom random = new SecureRandom();

    Enrollments(JdbcClient jdbc, Provisioning provisioning, ProvisionedDevices devices, SiteRepository sites, Clock clock,
            TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
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

        /** Assigned: the device was provisioned now (or, on a repeated poll, got new credentials); the bundle with its password. */
        record Delivered(Provisioning.Provisioned provisioned) implements Fetch {
        }

        /** Expired, or the bundle was already fetched: start again (a new code). */
        record Gone(String reason) implements Fetch {
        }
    }

    /** Refused: this client address already holds {@link #MAX_OPEN_PER_ADDRESS} open codes. */
    static final class TooManyFromAddress extends RuntimeException {
        TooManyFromAddress(String message) {
            super(message);
        }
    }

    /**
     * Starts an enrollment for a kiosk at {@code remoteAddress}.
     *
     * @throws TooManyFromAddress that address already holds {@link #MAX_OPEN_PER_ADDRESS} open codes
     */
    synchronized Started start(String remoteAddress) {
        long now = clock.millis();
        String client = clientKey(remoteAddress);
        jdbc.sql("DELETE FROM enrollment WHERE expires_at_ms < ?").param(now - FETCH_WINDOW.toMillis()).update();
        long fromClient = jdbc.sql("SELECT COUNT(*) FROM enrollment WHERE site_id IS NULL AND expires_at_ms >= ? AND client_address = ?")
                .params(now, client).query(Long.class).single();
        if (fromClient >= MAX_OPEN_PER_ADDRESS) {
            log.warn("refused an enrollment: {} already holds {} open codes", client, fromClient);
            throw new TooManyFromAddress("this address already has " + fromClient
                    + " kiosks waiting for their code to be entered; enter those first or wait for them to expire");
        }
        long open = jdbc.sql("SELECT COUNT(*) FROM enrollment WHERE site_id IS NULL AND expires_at_ms >= ?").param(now)
                .query(Long.class).single();
        if (open >= MAX_OPEN) {
            // full: drop the oldest unassigned codes rather than refuse, so a script cannot lock real kiosks
            // out; a dropped kiosk's next poll is a 404 and it shows a new code
            List<String> oldest = jdbc.sql("""
                    SELECT code FROM enrollment WHERE site_id IS NULL AND expires_at_ms >= ? ORDER BY created_at_ms, code LIMIT ?""")
                    .params(now, open - MAX_OPEN + 1).query(String.class).list();
            for (String dropped : oldest) {
                jdbc.sql("DELETE FROM enrollment WHERE code = ? AND site_id IS NULL").param(dropped).update();
            }
            log.warn("{} kiosks are waiting for a code to be entered; dropped the oldest open code(s) {}", open,
                    oldest.stream().map(Enrollments::shown).toList());
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);
        String code;
        do {
            code = newCode();
        } while (jdbc.sql("SELECT COUNT(*) FROM enrollment WHERE code = ?").param(code).query(Long.class).single() > 0);
        Instant expiresAt = Instant.ofEpochMilli(now).plus(CODE_LIFETIME);
        jdbc.sql("INSERT INTO enrollment (code, token_hash, created_at_ms, expires_at_ms, client_address) VALUES (?, ?, ?, ?, ?)")
                .params(code, sha256(token), now, expiresAt.toEpochMilli(), client).update();
        log.info("enrollment {} started; waiting for an admin to enter it", shown(code));
        return new Started(shown(code), token, expiresAt, POLL_AFTER_SECONDS);
    }

    /** What one client counts as: an IPv4 address, or the /64 of an IPv6 one (hosts get whole /64s). */
    static String clientKey(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return "unknown";
        }
        try {
            // a literal from the servlet container: no name lookup
            InetAddress address = InetAddress.ofLiteral(remoteAddress.strip());
            if (address instanceof Inet6Address) {
                byte[] bytes = address.getAddress();
                return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
            }
            return address.getHostAddress();
        } catch (IllegalArgumentException e) {
            return remoteAddress.length() > 64 ? remoteAddress.substring(0, 64) : remoteAddress;
        }
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

    /**
     * A code an admin entered for a site, as the devices page shows it.
     *
     * @param deviceId the device id asked for, or null for a generated one
     * @param fetchBy  until when the kiosk may fetch its bundle
     * @param fetchedDevice the device its fetch provisioned, or null while the kiosk has not fetched
     */
    record Assignment(String code, String deviceId, Instant assignedAt, Instant fetchBy, String fetchedDevice) {

        boolean fetched() {
            return fetchedDevice != null;
        }
    }

    /** The codes entered for this site in the last {@code within}, newest first (rows are dropped a while after they expire). */
    List<Assignment> assignedAt(String siteId, Duration within) {
        return jdbc.sql("""
                SELECT code, device_id, assigned_at_ms, expires_at_ms, fetched_device FROM enrollment
                WHERE site_id = ? AND assigned_at_ms >= ? ORDER BY assigned_at_ms DESC, code""")
                .params(siteId, clock.millis() - within.toMillis())
                .query((rs, n) -> new Assignment(shown(rs.getString(1)), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                        Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5)))
                .list();
    }

    /** A kiosk's poll, with the code it shows and its token. Empty when code and token do not match. */
    Optional<Fetch> fetch(String typedCode, String token) {
        Optional<String> code = normalise(typedCode);
        if (code.isEmpty() || token == null || token.isBlank()) {
            return Optional.empty();
        }
        Optional<Row> found = row(code.get());
        if (found.isEmpty() || !MessageDigest.isEqual(found.get().tokenHash().getBytes(StandardCharsets.US_ASCII),
                sha256(token.strip()).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        Row row = found.get();
        long now = clock.millis();
        if (row.fetchedAt() != null) {
            return Optional.of(again(code.get(), row, now));
        }
        if (row.expiresAt() < now) {
            return Optional.of(new Fetch.Gone("the code expired; start a new enrollment for a new code"));
        }
        if (row.siteId() == null) {
            return Optional.of(new Fetch.Waiting(shown(code.get()), Instant.ofEpochMilli(row.expiresAt()), POLL_AFTER_SECONDS));
        }
        // one transaction: the claim, the device row and the record of which device it made. If anything
        // fails (the broker's files, the CA file) nothing stays behind and the kiosk's next poll tries again.
        Fetch result = transaction.execute(status -> {
            // claim it first: of two polls at once only one provisions (the other waits for this row)
            if (jdbc.sql("UPDATE enrollment SET fetched_at_ms = ? WHERE code = ? AND fetched_at_ms IS NULL").params(now, code.get())
                    .update() != 1) {
                return null;
            }
            Provisioning.Provisioned made = provisioning.provision(row.siteId(), row.deviceId(), null, row.assignedBy());
            jdbc.sql("UPDATE enrollment SET fetched_device = ? WHERE code = ?").params(made.device().id(), code.get()).update();
            log.info("enrollment {} delivered the bundle of {}/{}", shown(code.get()), row.siteId(), made.device().id());
            return new Fetch.Delivered(made);
        });
        if (result == null) {
            // another poll with this token provisioned it just now (a retry after a client timeout)
            return row(code.get()).map(claimed -> again(code.get(), claimed, clock.millis()));
        }
        return Optional.of(result);
    }

    private record Row(String tokenHash, long expiresAt, String siteId, String deviceId, String assignedBy, Long fetchedAt,
            String fetchedDevice) {
    }

    private Optional<Row> row(String code) {
        return jdbc.sql("""
                SELECT token_hash, expires_at_ms, site_id, device_id, assigned_by, fetched_at_ms, fetched_device
                FROM enrollment WHERE code = ?""")
                .param(code)
                .query((rs, n) -> {
                    long fetchedAt = rs.getLong(6);
                    Long fetched = rs.wasNull() ? null : fetchedAt;
                    return new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), fetched,
                            rs.getString(7));
                })
                .optional();
    }

    /**
     * A poll after the bundle was delivered: the answer was lost (client timeout) or the kiosk failed to
     * store it. Shortly after, the same device gets new credentials (the old password stops working:
     * only this token's holder can have had it); later, the enrollment is over.
     */
    private Fetch again(String code, Row row, long now) {
        if (row.fetchedDevice() == null || now - row.fetchedAt() > REDELIVERY_WINDOW.toMillis()) {
            return new Fetch.Gone("this enrollment's bundle was already fetched; start a new enrollment");
        }
        Provisioning.Provisioned renewed = transaction.execute(status -> provisioning.renewCredentials(row.fetchedDevice(),
                row.assignedBy()));
        log.warn("enrollment {} polled again after its delivery: new credentials for {}/{} (the first answer was lost?)",
                shown(code), row.siteId(), row.fetchedDevice());
        return new Fetch.Delivered(renewed);
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
