package kr.smartsenior.server.security;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Counts wrong passwords in a row per account (dashboard and API alike) and locks the account for
 * {@code SSC_LOCKOUT_DURATION} after {@code SSC_LOCKOUT_FAILURES} of them; a successful sign-in
 * resets the count. While locked even the right password is refused ({@link StaffAccounts} reports
 * the account locked). Passwords are never logged; unknown user names are not counted.
 */
@Component
final class LoginAttempts {

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AccessProperties properties;

    LoginAttempts(JdbcClient jdbc, Clock clock, AccessProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        if (username == null || jdbc.sql("UPDATE staff_account SET failed_logins = failed_logins + 1 WHERE username = ?")
                .param(username).update() == 0) {
            return; // no such account: nothing to lock
        }
        int failures = jdbc.sql("SELECT failed_logins FROM staff_account WHERE username = ?").param(username)
                .query(Integer.class).single();
        if (failures >= properties.lockoutFailures()) {
            jdbc.sql("UPDATE staff_account SET failed_logins = 0, locked_until_ms = ? WHERE username = ?")
                    .params(clock.millis() + properties.lockoutDuration().toMillis(), username).update();
            log.warn("staff account {} locked for {} after {} wrong passwords in a row", LogSafe.name(username),
                    properties.lockoutDuration(), failures);
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        Integer failures = jdbc.sql("SELECT failed_logins FROM staff_account WHERE username = ?").param(username)
                .query(Integer.class).optional().orElse(0);
        if (failures > 0) {
            jdbc.sql("UPDATE staff_account SET failed_logins = 0 WHERE username = ?").param(username).update();
        }
    }

    /** A user name as typed at the sign-in, safe for a log line. */
    static final class LogSafe {
        private static final int MAX = 64;

        private LogSafe() {
        }

        static String name(String typed) {
            String clean = typed.replaceAll("[^A-Za-z0-9._@-]", "?");
            return clean.length() > MAX ? clean.substring(0, MAX) + "…" : clean;
        }
    }
}
