package kr.smartsenior.edge.sensor;

import java.time.Duration;

/**
 * Judges a distance sensor from its readings: "not responding" when the device has not answered
 * for a while, "noisy" when most recent readings are unusable. Silence is measured in real time
 * (the device's, whatever the simulation speed: a loop busy for a moment at 200x must not look like
 * a dead sensor). Readings are noted on one thread; {@link #health()} may be asked from any thread.
 */
final class DistanceHealth {

    /** No answer from the device for this long: not responding. */
    static final Duration SILENT_AFTER = Duration.ofSeconds(1);
    /** Recent readings looked at for noise. */
    static final int WINDOW = 250;
    /** More unusable readings than this share of the window: noisy or obstructed. */
    static final double NOISY_SHARE = 0.5;

    private final boolean[] unusable = new boolean[WINDOW];
    private int next;
    private volatile int filled;
    private volatile int unusableCount;
    private volatile long lastAnswerAt;
    private volatile boolean started;

    void started() {
        lastAnswerAt = System.nanoTime();
        started = true;
    }

    void note(DistanceSample sample) {
        if (sample.quality() != DistanceSample.Quality.NO_DATA) {
            lastAnswerAt = System.nanoTime();
        }
        boolean bad = !sample.usable();
        int count = unusableCount;
        if (filled == WINDOW && unusable[next]) {
            count--;
        }
        unusable[next] = bad;
        if (bad) {
            count++;
        }
        unusableCount = count;
        next = (next + 1) % WINDOW;
        filled = Math.min(WINDOW, filled + 1);
    }

    String health() {
        if (!started) {
            return "not started";
        }
        if (System.nanoTime() - lastAnswerAt > SILENT_AFTER.toNanos()) {
            return "not responding";
        }
        int count = unusableCount;
        if (filled >= WINDOW / 5 && count > NOISY_SHARE * Math.max(filled, 1)) {
            return "noisy (" + Math.round(100.0 * count / filled) + "% of readings unusable)";
        }
        return Sensors.OK;
    }
}
