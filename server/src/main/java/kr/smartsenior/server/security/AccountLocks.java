package kr.smartsenior.server.security;

import org.springframework.stereotype.Component;

/**
 * Clearing an account's sign-in delays by hand (the account administration's "잠금 해제"): the same as
 * {@code POST /api/staff/{username}/unlock}, the delays of {@link SignInThrottle} at every address.
 */
@Component
public final class AccountLocks {

    private final SignInThrottle throttle;
    private final StaffAccounts accounts;

    AccountLocks(SignInThrottle throttle, StaffAccounts accounts) {
        this.throttle = throttle;
        this.accounts = accounts;
    }

    /** Clears the account's delays; false when there is no such account. */
    public boolean unlock(String username) {
        if (!accounts.exists(username)) {
            return false;
        }
        throttle.unlock(username);
        return true;
    }
}
