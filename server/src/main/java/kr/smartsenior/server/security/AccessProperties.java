package kr.smartsenior.server.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in throttling and request origins, bound from {@code ssc.access.*}.
 *
 * @param freeFailures wrong passwords for one account from one address before each further one makes
 *        that address wait ({@code SSC_SIGNIN_FREE_FAILURES}, formerly {@code SSC_LOCKOUT_FAILURES}, 5)
 * @param addressFreeFailures wrong passwords from one address for any accounts before the address
 *        waits ({@code SSC_SIGNIN_ADDRESS_FREE_FAILURES}, 20: an office behind one address has many staff)
 * @param maxDelay the longest wait, reached by doubling from two seconds
 *        ({@code SSC_SIGNIN_MAX_DELAY}, formerly {@code SSC_LOCKOUT_DURATION}, 15m)
 * @param allowedOrigins extra browser origins ({@code https://ssc.example.go.kr}) whose state-changing
 *        requests are taken as the dashboard's own, for a reverse proxy that rewrites the Host header
 *        ({@code SSC_ALLOWED_ORIGINS}, comma-separated; empty: only the server's own origin)
 */
@ConfigurationProperties("ssc.access")
record AccessProperties(Integer freeFailures, Integer addressFreeFailures, Duration maxDelay,
        List<String> allowedOrigins) {

    static final int DEFAULT_FREE_FAILURES = 5;
    static final int DEFAULT_ADDRESS_FREE_FAILURES = 20;
    static final Duration DEFAULT_MAX_DELAY = Duration.ofMinutes(15);

    AccessProperties {
        freeFailures = freeFailures == null ? DEFAULT_FREE_FAILURES : freeFailures;
        addressFreeFailures = addressFreeFailures == null ? DEFAULT_ADDRESS_FREE_FAILURES : addressFreeFailures;
        maxDelay = maxDelay == null ? DEFAULT_MAX_DELAY : maxDelay;
        allowedOrigins = allowedOrigins == null ? List.of()
                : allowedOrigins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
        if (freeFailures < 1 || addressFreeFailures < 1 || maxDelay.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(
                    "SSC_SIGNIN_FREE_FAILURES and SSC_SIGNIN_ADDRESS_FREE_FAILURES must be 1 or more and "
                            + "SSC_SIGNIN_MAX_DELAY at least 1s");
        }
    }

    static AccessProperties defaults() {
        return new AccessProperties(null, null, null, null);
    }
}
