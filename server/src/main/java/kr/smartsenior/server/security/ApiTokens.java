package kr.smartsenior.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * API tokens for scripts, made by an admin per purpose ({@code api_token}): a random 256-bit secret
 * shown once ({@code ssc_} and 43 base64url characters), of which only the SHA-256 is stored; a
 * {@link Scope}, the sites it may see, an expiry; revocable. A token that is unknown, expired or
 * revoked signs nobody in.
 */
@Component
final class ApiTokens {

    /** What a token may do. */
    enum Scope {
        /** Read (GET) the seniors and results of its sites. */
        READ,
        /** Read and change (register, reissue, screen, import) at its sites. */
        SITES,
        /** Everything an admin account may do, at every site. */
        ADMIN
    }

    /** A token as listed (never the secret). {@code revokedAt}, {@code lastUsedAt} may be null. */
    record Token(String id, String name, Scope scope, List<String> siteIds, String createdBy, Instant createdAt,
            Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

        boolean activeAt(Instant now) {
            return revokedAt == null && expiresAt.isAfter(now);
        }
    }

    /** A new token and its secret, which is shown this once. */
    record Issued(Token token, String secret) {
    }

    static final String PREFIX = "ssc_";
    static final Duration LONGEST = Duration.ofDays(366);
    private static final Duration LAST_USED_STEP = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Issued create(String name, Scope scope, List<String> siteIds, Duration validFor, String createdBy) {
        byte[] secretBytes = new byte[32];
        RANDOM.nextBytes(secretBytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        byte[] idBytes = new byte[8];
        RANDOM.nextBytes(idBytes);
        String id = HexFormat.of().formatHex(idBytes);
        long now = clock.millis();
        List<String> sites = scope == Scope.ADMIN ? List.of() : siteIds.stream().distinct().sorted().toList();
        jdbc.sql("""
                INSERT INTO api_token (id, token_hash, name, scope, site_ids, created_by, created_at_ms, expires_at_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, hash(secret), name, scope.name(), String.join(",", sites), createdBy, now,
                        now + validFor.toMillis())
                .update();
        return new Issued(find(id).orElseThrow(), secret);
    }

    Optional<Token> find(String id) {
        return jdbc.sql("SELECT * FROM api_token WHERE id = ?").param(id).query(ApiTokens::token).optional();
    }

    /** Every token, newest first. */
    List<Token> all() {
        return jdbc.sql("SELECT * FROM api_token ORDER BY created_at_ms DESC, id").query(ApiTokens::token).list();
    }

    /** Revokes a token; false if there is no such token or it was revoked before. */
    boolean revoke(String id, String by) {
        return jdbc.sql("UPDATE api_token SET revoked_at_ms = ?, revoked_by = ? WHERE id = ? AND revoked_at_ms IS NULL")
                .params(clock.millis(), by, id).update() == 1;
    }

    /** Whether a site exists (a token may only name existing sites). */
    boolean siteExists(String siteId) {
        return jdbc.sql("SELECT COUNT(*) FROM site WHERE id = ?").param(siteId).query(Long.class).single() > 0;
    }

    /** Every site's name by id, in id order (for the tokens page). */
    java.util.Map<String, String> siteNames() {
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT id, name FROM site ORDER BY id").query(rs -> {
            names.put(rs.getString("id"), rs.getString("name"));
        });
        return names;
    }

    /** The active token with this secret. */
    Optional<Token> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<Token> token = jdbc.sql("SELECT * FROM api_token WHERE token_hash = ?").param(hash(secret))
                .query(ApiTokens::token).optional().filter(t -> t.activeAt(now));
        token.filter(t -> t.lastUsedAt() == null || t.lastUsedAt().isBefore(now.minus(LAST_USED_STEP)))
                .ifPresent(t -> jdbc.sql("UPDATE api_token SET last_used_ms = ? WHERE id = ?")
                        .params(now.toEpochMilli(), t.id()).update());
        return token;
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Token token(ResultSet rs, int row) throws SQLException {
        String sites = rs.getString("site_ids");
        return new Token(rs.getString("id"), rs.getString("name"), Scope.valueOf(rs.getString("scope")),
                sites == null || sites.isEmpty() ? List.of() : Arrays.asList(sites.split(",")),
                rs.getString("created_by"), Instant.ofEpochMilli(rs.getLong("created_at_ms")),
                Instant.ofEpochMilli(rs.getLong("expires_at_ms")), instant(rs, "revoked_at_ms"),
                instant(rs, "last_used_ms"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long ms = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(ms);
    }
}
