package kr.smartsenior.edge.exercise;

/**
 * Loop time added up over the stretches it runs: a session's active, paused and playing time.
 * Times are the loop's nanoseconds. On the loop.
 */
final class Stopwatch {

    private long since = -1;
    private long total;

    /** Runs from {@code now}. */
    void start(long now) {
        since = now;
    }

    /** Adds the stretch since {@link #start} and stops; nothing when not running. */
    void stop(long now) {
        if (since >= 0) {
            total += now - since;
            since = -1;
        }
    }

    /** The stretch running at {@code now}, or 0. */
    long current(long now) {
        return since >= 0 ? now - since : 0;
    }

    /** Everything so far, the running stretch included. */
    long total(long now) {
        return total + current(now);
    }
}
