package kr.smartsenior.server.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lifting the sign-in lock-out of {@link LoginAttempts} by hand (the account administration's
 * "잠금 해제"): the count of wrong passwords and the lock are cleared at once.
 */
@Component
public final class AccountLocks {

    private final JdbcClient jdbc;

    AccountLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Unlocks the account; false when there is no such account. */
    public boolean unlock(String username) {
        return jdbc.sql("UPDATE staff_account SET failed_logins = 0, locked_until_ms = NULL WHERE username = ?")
                .param(username).update() == 1;
    }
}
