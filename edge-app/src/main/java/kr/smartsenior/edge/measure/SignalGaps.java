package kr.smartsenior.edge.measure;

import kr.smartsenior.edge.sensor.MotionState;

/** Adds up the time the distance signal was lost during a test. */
final class SignalGaps {

    private long lostSince = -1;
    private long total;

    void reset() {
        lostSince = -1;
        total = 0;
    }

    /** Notes a state; returns how long the current gap has lasted (0 when the signal is there). */
    long note(MotionState state) {
        if (state.signalLost()) {
            if (lostSince < 0) {
                lostSince = state.atNanos();
            }
            return state.atNanos() - lostSince;
        }
        if (lostSince >= 0) {
            total += state.atNanos() - lostSince;
            lostSince = -1;
        }
        return 0;
    }

    /** Ends a gap still open at the end of the test. */
    void close(long at) {
        if (lostSince >= 0) {
            total += Math.max(0, at - lostSince);
            lostSince = -1;
        }
    }

    long totalNanos() {
        return total;
    }
}
