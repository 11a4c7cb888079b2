package kr.smartsenior.edge.sync;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: before attempt {@code n} the ceiling is
 * {@code initial × 2ⁿ}, capped at {@code max}, and the delay is drawn uniformly from
 * {@code [initial, ceiling]}. Kiosks that lost the broker together do not come back together.
 *
 * <p>Not thread-safe (the random generator): each owner has its own.
 */
final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    private final RandomGenerator random;

    Backoff(Duration initial, Duration max, RandomGenerator random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + " and " + max);
        }
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        this.random = random;
    }

    Duration initial() {
        return Duration.ofMillis(initialMillis);
    }

    /** The wait after the {@code attempt}-th try (1 for the first), in {@code [initial, max]}. */
    Duration delay(int attempt) {
        return Duration.ofMillis(initialMillis + random.nextLong(ceilingMillis(attempt) - initialMillis + 1));
    }

    /** The largest delay {@link #delay} may return for this attempt. */
    long ceilingMillis(int attempt) {
        long ceiling = initialMillis;
        for (int i = 0; i < attempt && ceiling < maxMillis; i++) {
            ceiling = ceiling > maxMillis / 2 ? maxMillis : ceiling * 2;
        }
        return Math.min(ceiling, maxMillis);
    }
}
