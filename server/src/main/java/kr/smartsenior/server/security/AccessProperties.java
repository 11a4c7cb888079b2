package kr.smartsenior.server.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in lock-out, bound from {@code ssc.access.*}.
 *
 * @param lockoutFailures wrong passwords in a row that lock an account ({@code SSC_LOCKOUT_FAILURES}, 5)
 * @param lockoutDuration how long it stays locked ({@code SSC_LOCKOUT_DURATION}, 15m)
 */
@ConfigurationProperties("ssc.access")
record AccessProperties(Integer lockoutFailures, Duration lockoutDuration) {

    static final int DEFAULT_FAILURES = 5;
    static final Duration DEFAULT_DURATION = Duration.ofMinutes(15);

    AccessProperties {
        lockoutFailures = lockoutFailures == null ? DEFAULT_FAILURES : lockoutFailures;
        lockoutDuration = lockoutDuration == null ? DEFAULT_DURATION : lockoutDuration;
        if (lockoutFailures < 1 || lockoutDuration.isNegative()) {
            throw new IllegalArgumentException("SSC_LOCKOUT_FAILURES must be 1 or more and SSC_LOCKOUT_DURATION positive");
        }
    }
}
