package kr.smartsenior.edge.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration INITIAL = Duration.ofSeconds(2);
    private static final Duration MAX = Duration.ofSeconds(120);

    private final Backoff backoff = new Backoff(INITIAL, MAX, new SplittableRandom(42));

    @Test
    void everyDelayLiesBetweenInitialAndMax() {
        for (int attempt = 1; attempt <= 40; attempt++) {
            for (int sample = 0; sample < 200; sample++) {
                assertThat(backoff.delay(attempt)).isBetween(INITIAL, MAX);
            }
        }
    }

    @Test
    void theCeilingDoublesFromTwiceInitialUpToMax() {
        assertThat(backoff.ceilingMillis(1)).isEqualTo(4_000);
        assertThat(backoff.ceilingMillis(2)).isEqualTo(8_000);
        assertThat(backoff.ceilingMillis(5)).isEqualTo(64_000);
        assertThat(backoff.ceilingMillis(6)).isEqualTo(120_000);
        assertThat(backoff.ceilingMillis(Integer.MAX_VALUE)).isEqualTo(120_000);
    }

    @Test
    void delaysNeverExceedTheAttemptsCeiling() {
        for (int sample = 0; sample < 500; sample++) {
            assertThat(backoff.delay(1).toMillis()).isBetween(2_000L, 4_000L);
            assertThat(backoff.delay(3).toMillis()).isBetween(2_000L, 16_000L);
        }
    }

    @Test
    void fullJitterSpreadsDelaysOverTheWholeRange() {
        Set<Long> seen = new HashSet<>();
        long shortest = Long.MAX_VALUE;
        long longest = 0;
        for (int sample = 0; sample < 2_000; sample++) {
            long millis = backoff.delay(10).toMillis();
            seen.add(millis);
            shortest = Math.min(shortest, millis);
            longest = Math.max(longest, millis);
        }
        assertThat(seen).hasSizeGreaterThan(1_000);
        assertThat(shortest).isLessThan(10_000);
        assertThat(longest).isGreaterThan(110_000);
    }

    @Test
    void equalInitialAndMaxMeansAFixedDelay() {
        Backoff fixed = new Backoff(INITIAL, INITIAL, new SplittableRandom(1));

        assertThat(fixed.delay(7)).isEqualTo(INITIAL);
    }

    @Test
    void refusesAMaxBelowInitial() {
        assertThatThrownBy(() -> new Backoff(MAX, INITIAL, new SplittableRandom()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, MAX, new SplittableRandom()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
