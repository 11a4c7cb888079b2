package kr.smartsenior.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The growing delays' arithmetic; the database side is in {@code AccessIT}. */
class SignInThrottleTest {

    private static final Duration CAP = Duration.ofMinutes(15);

    @Test
    void theFreeFailuresCostNothingThenTheWaitDoublesFromTwoSecondsToTheCap() {
        for (int failures = 0; failures <= 5; failures++) {
            assertThat(SignInThrottle.delay(failures, 5, CAP)).isZero();
        }
        assertThat(SignInThrottle.delay(6, 5, CAP)).isEqualTo(Duration.ofSeconds(2));
        assertThat(SignInThrottle.delay(7, 5, CAP)).isEqualTo(Duration.ofSeconds(4));
        assertThat(SignInThrottle.delay(8, 5, CAP)).isEqualTo(Duration.ofSeconds(8));
        assertThat(SignInThrottle.delay(14, 5, CAP)).isEqualTo(Duration.ofSeconds(512));
        assertThat(SignInThrottle.delay(15, 5, CAP)).isEqualTo(CAP);
        assertThat(SignInThrottle.delay(Integer.MAX_VALUE, 5, CAP)).as("no overflow").isEqualTo(CAP);
    }
}
