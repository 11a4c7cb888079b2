package kr.smartsenior.edge.sensor;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Derives presence, posture and movement from distance readings:
 * <ul>
 *   <li>a running median of the last {@link #MEDIAN_OF} usable readings removes single spikes; the
 *       state is stamped with the middle reading's time, which takes out the median's lag (40 ms at
 *       50 Hz) so thresholds are crossed when the body crossed them;
 *   <li>an unusable reading holds the last value for up to {@link #HOLD_NANOS}; after that the
 *       state says {@code signalLost} (a protocol decides whether that spoils its result);
 *   <li>posture has hysteresis: sitting below {@link #SIT_BELOW} of the way from seated to standing,
 *       standing above {@link #STAND_ABOVE}, otherwise unchanged;
 *   <li>movement is the slope of a least-squares line through the last {@link #SLOPE_WINDOW_NANOS}.
 * </ul>
 * Runs on the loop thread.
 */
public final class MotionSignals implements DistanceListener {

    static final int MEDIAN_OF = 5;
    static final long HOLD_NANOS = 300_000_000L;
    public static final double SIT_BELOW = 0.3;
    public static final double STAND_ABOVE = 0.7;
    static final long SLOPE_WINDOW_NANOS = 400_000_000L;
    /** Walking pace of a frail senior is ~0.4 m/s; swaying stays well below this. */
    static final double MOVING_MM_PER_S = 250;
    private static final int SLOPE_CAPACITY = 64;

    private final SiteCalibration calibration;
    private final List<MotionListener> listeners = new CopyOnWriteArrayList<>();
    private final int[] recent = new int[MEDIAN_OF];
    private final long[] recentTimes = new long[MEDIAN_OF];
    private int recentCount;
    private int recentNext;
    private final long[] slopeTimes = new long[SLOPE_CAPACITY];
    private final int[] slopeValues = new int[SLOPE_CAPACITY];
    private int slopeCount;
    private int slopeNext;
    private long lastUsableAt = Long.MIN_VALUE;
    private int filtered = -1;
    private MotionState.Posture posture = MotionState.Posture.UNKNOWN;
    private MotionState last;

    public MotionSignals(SiteCalibration calibration) {
        this.calibration = calibration;
    }

    public void addListener(MotionListener listener) {
        listeners.add(listener);
    }

    public void removeListener(MotionListener listener) {
        listeners.remove(listener);
    }

    /** The state after the latest reading, or null before the first. */
    public MotionState last() {
        return last;
    }

    public SiteCalibration calibration() {
        return calibration;
    }

    @Override
    public void onDistance(DistanceSample sample) {
        long at = sample.atNanos();
        if (sample.usable()) {
            lastUsableAt = at;
            recent[recentNext] = sample.millimetres();
            recentTimes[recentNext] = at;
            recentNext = (recentNext + 1) % MEDIAN_OF;
            recentCount = Math.min(MEDIAN_OF, recentCount + 1);
            filtered = median();
            at = middleTime(); // a running median lags by half its window: say when the value was true
            slopeTimes[slopeNext] = at;
            slopeValues[slopeNext] = filtered;
            slopeNext = (slopeNext + 1) % SLOPE_CAPACITY;
            slopeCount = Math.min(SLOPE_CAPACITY, slopeCount + 1);
        }
        boolean lost = lastUsableAt == Long.MIN_VALUE || sample.atNanos() - lastUsableAt > HOLD_NANOS;
        MotionState state;
        if (lost) {
            recentCount = 0;
            slopeCount = 0;
            state = new MotionState(at, -1, Double.NaN, false, posture, MotionState.Movement.STILL, true);
        } else {
            double rise = calibration.rise(filtered);
            boolean present = calibration.present(filtered);
            if (!present) {
                posture = MotionState.Posture.ABSENT;
            } else if (rise <= SIT_BELOW) {
                posture = MotionState.Posture.SITTING;
            } else if (rise >= STAND_ABOVE) {
                posture = MotionState.Posture.STANDING;
            } else if (posture == MotionState.Posture.ABSENT || posture == MotionState.Posture.UNKNOWN) {
                posture = rise < 0.5 ? MotionState.Posture.SITTING : MotionState.Posture.STANDING;
            }
            state = new MotionState(at, filtered, rise, present, posture, movement(at), false);
        }
        last = state;
        for (MotionListener listener : listeners) {
            listener.onMotion(state);
        }
    }

    private long middleTime() {
        long[] times = Arrays.copyOf(recentTimes, recentCount);
        Arrays.sort(times);
        return times[times.length / 2];
    }

    private int median() {
        int[] values = Arrays.copyOf(recent, recentCount);
        Arrays.sort(values);
        return values[values.length / 2];
    }

    private MotionState.Movement movement(long now) {
        double sumT = 0;
        double sumV = 0;
        int n = 0;
        for (int i = 0; i < slopeCount; i++) {
            if (now - slopeTimes[i] <= SLOPE_WINDOW_NANOS) {
                sumT += (slopeTimes[i] - now) / 1e9;
                sumV += slopeValues[i];
                n++;
            }
        }
        if (n < 3) {
            return MotionState.Movement.STILL;
        }
        double meanT = sumT / n;
        double meanV = sumV / n;
        double num = 0;
        double den = 0;
        for (int i = 0; i < slopeCount; i++) {
            if (now - slopeTimes[i] <= SLOPE_WINDOW_NANOS) {
                double t = (slopeTimes[i] - now) / 1e9 - meanT;
                num += t * (slopeValues[i] - meanV);
                den += t * t;
            }
        }
        double mmPerS = den == 0 ? 0 : num / den;
        if (mmPerS <= -MOVING_MM_PER_S) {
            return MotionState.Movement.APPROACHING;
        }
        return mmPerS >= MOVING_MM_PER_S ? MotionState.Movement.RECEDING : MotionState.Movement.STILL;
    }
}
