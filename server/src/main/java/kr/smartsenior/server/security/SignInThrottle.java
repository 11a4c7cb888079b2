package kr.smartsenior.server.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Growing delays after wrong passwords, per source address, instead of an account lock-out that a
 * stranger could trigger for everyone. Two counters take each failure (dashboard, Basic and unknown
 * API tokens alike, known and unknown user names alike): the account at that address (after
 * {@code SSC_SIGNIN_FREE_FAILURES}) and the address for all accounts (after
 * {@code SSC_SIGNIN_ADDRESS_FREE_FAILURES}). Past its free failures each further one makes that key wait
 * 2 s, 4 s, 8 s … up to {@code SSC_SIGNIN_MAX_DELAY}; during the wait a sign-in from that address is
 * refused without looking at the password ({@link SignInGate}). The right password from any other
 * address is never held up. A success clears the account's counter at that address; an admin's
 * {@link #unlock} clears an account everywhere. Failures of one name over all addresses are logged
 * (every tenth), never locking. Known and unknown names cost the same statements, so the time of a
 * refusal does not tell which names exist. Passwords are never logged.
 * The state is in the database ({@code sign_in_throttle}), so it holds across server instances.
 */
@Component
final class SignInThrottle {

    /** The {@code username} of an address's own counter (every account). */
    static final String ANY_ACCOUNT = "";
    /** A counter without failures this long starts again from zero. */
    static final Duration FORGET_AFTER = Duration.ofHours(24);
    /** The first wait after the free failures; each further failure doubles it. */
    static final Duration FIRST_WAIT = Duration.ofSeconds(2);
    private static final int WARN_EVERY = 10;
    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AccessProperties properties;

    SignInThrottle(JdbcClient jdbc, Clock clock, AccessProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** How long a sign-in as {@code username} (null: unknown, a token) from this address must still wait. */
    Optional<Duration> waitFor(String address, String username) {
        if (address == null) {
            return Optional.empty();
        }
        long now = clock.millis();
        Long until = jdbc.sql("""
                SELECT MAX(next_allowed_ms) FROM sign_in_throttle WHERE address = ? AND username IN (?, ?)""")
                .params(address, ANY_ACCOUNT, key(username)).query(Long.class).optional().orElse(null);
        return until == null || until <= now ? Optional.empty() : Optional.of(Duration.ofMillis(until - now));
    }

    /** A wrong password (or unknown token) from this address; returns the wait it now has (zero: none). */
    Duration failed(String address, String username) {
        if (address == null) {
            return Duration.ZERO;
        }
        // the same statements for a known and an unknown user name: the time must not tell them apart
        Duration wait = count(address, ANY_ACCOUNT, properties.addressFreeFailures());
        if (username != null && !username.isEmpty()) {
            Duration own = count(address, key(username), properties.freeFailures());
            wait = own.compareTo(wait) > 0 ? own : wait;
            long total = jdbc.sql("SELECT COALESCE(SUM(failures), 0) FROM sign_in_throttle WHERE username = ?")
                    .param(key(username)).query(Long.class).single();
            if (total % WARN_EVERY == 0) {
                log.warn("sign-in name {} has {} wrong passwords (all addresses, last 24 h)", LogSafe.name(username),
                        total);
            }
        }
        if (!wait.isZero()) {
            log.info("sign-in from {} waits {} after wrong passwords", LogSafe.name(address), wait);
        }
        return wait;
    }

    /** The right password: the account's counter at this address starts again. */
    void succeeded(String address, String username) {
        if (address != null) {
            jdbc.sql("DELETE FROM sign_in_throttle WHERE address = ? AND username = ?").params(address, key(username))
                    .update();
        }
    }

    /**
     * An admin clears an account's delays: its counters at every address and those addresses' own
     * counters. Returns how many addresses were waiting.
     */
    int unlock(String username) {
        List<String> addresses = jdbc.sql("SELECT address FROM sign_in_throttle WHERE username = ?")
                .param(key(username)).query(String.class).list();
        for (String address : addresses) {
            jdbc.sql("DELETE FROM sign_in_throttle WHERE address = ? AND username IN (?, ?)")
                    .params(address, ANY_ACCOUNT, key(username)).update();
        }
        jdbc.sql("UPDATE staff_account SET failed_logins = 0, locked_until_ms = NULL WHERE username = ?")
                .param(username).update();
        return addresses.size();
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        failed(address(event.getAuthentication().getDetails()), event.getAuthentication().getName());
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication() instanceof ApiTokenAuthentication)) {
            succeeded(address(event.getAuthentication().getDetails()), event.getAuthentication().getName());
        }
    }

    /** The wait after {@code failures} in a row with {@code free} of them free: 0, then {@link #FIRST_WAIT} doubling to the cap. */
    static Duration delay(int failures, int free, Duration max) {
        if (failures <= free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - free - 1, 30);
        long millis = Math.min(max.toMillis(), FIRST_WAIT.toMillis() << doublings);
        return Duration.ofMillis(millis);
    }

    private Duration count(String address, String username, int free) {
        long now = clock.millis();
        jdbc.sql("DELETE FROM sign_in_throttle WHERE address = ? AND username = ? AND updated_at_ms < ?")
                .params(address, username, now - FORGET_AFTER.toMillis()).update();
        jdbc.sql("""
                INSERT INTO sign_in_throttle (address, username, failures, next_allowed_ms, updated_at_ms)
                VALUES (?, ?, 1, 0, ?)
                ON CONFLICT (address, username) DO UPDATE SET failures = sign_in_throttle.failures + 1,
                    updated_at_ms = excluded.updated_at_ms""")
                .params(address, username, now).update();
        int failures = jdbc.sql("SELECT failures FROM sign_in_throttle WHERE address = ? AND username = ?")
                .params(address, username).query(Integer.class).single();
        Duration wait = delay(failures, free, properties.maxDelay());
        if (!wait.isZero()) {
            jdbc.sql("UPDATE sign_in_throttle SET next_allowed_ms = ? WHERE address = ? AND username = ?")
                    .params(now + wait.toMillis(), address, username).update();
        }
        return wait;
    }

    private static String key(String username) {
        if (username == null) {
            return ANY_ACCOUNT;
        }
        return username.length() > 64 ? username.substring(0, 64) : username;
    }

    private static String address(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }
}
