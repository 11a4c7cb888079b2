package kr.smartsenior.edge.measure;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.smartsenior.edge.sensor.MotionSignals;
import kr.smartsenior.edge.sensor.MotionState;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.protocol.MeasurementCode;

/**
 * A walk timed from leaving the chair until seated in it again, both seen by the distance sensor:
 * the clock starts at the first reading out of the seated band ({@link MotionSignals#SIT_BELOW} of
 * the way to standing) and stops at the first reading back in it, once the senior has stayed
 * seated for {@link #SETTLE}. Both thresholds are the same, so the sensor's filtering delay cancels
 * out. Subclasses say whether the course was walked.
 */
abstract class ChairToChairProtocol extends SensorProtocol {

    /** Seated this long ends the walk. */
    static final Duration SETTLE = Duration.ofMillis(500);
    /** Seated this long without completing the course: they stopped. A shorter sit is a pause. */
    static final Duration GIVE_UP_SEATED = Duration.ofSeconds(5);
    /** Not out of the chair this long after "go": nothing happened. */
    static final Duration MAX_REACTION = Duration.ofSeconds(10);
    static final Duration MAX_WALK = Duration.ofMinutes(2);

    private enum Stage { WAITING, WALKING, SETTLING }

    private Stage stage;
    long leftChairAt;
    private long seatedAt;
    int nearestMm;
    final SignalGaps gaps = new SignalGaps();

    ChairToChairProtocol(MeasurementCode code, Sensors sensors) {
        super(code, sensors);
    }

    /** Whether the course was walked; checked when the senior is seated again. */
    abstract boolean courseCompleted();

    /** The course's own readings for the record. */
    abstract void describeCourse(Map<String, Object> detail);

    /** Fastest plausible time for the course. */
    abstract BigDecimal fastestPlausible();

    /** A reading while walking, for the course checks. */
    void walking(MotionState state) {
    }

    /** Whether a signal gap while walking is acceptable (the senior may leave the beam on purpose). */
    boolean gapAllowedWhileWalking() {
        return false;
    }

    void resetCourse() {
    }

    @Override
    boolean inStartPosition() {
        MotionState last = sensors.motion().last();
        return last != null && !last.signalLost() && last.posture() == MotionState.Posture.SITTING;
    }

    @Override
    boolean falseStart(MotionState state) {
        return state.present() && state.rise() > MotionSignals.SIT_BELOW;
    }

    @Override
    void begin() {
        stage = Stage.WAITING;
        leftChairAt = -1;
        seatedAt = -1;
        nearestMm = Integer.MAX_VALUE;
        gaps.reset();
        resetCourse();
    }

    @Override
    void measureMotion(MotionState state) {
        long gap = gaps.note(state);
        if (gap > MAX_SIGNAL_GAP_NANOS && !(stage == Stage.WALKING && gapAllowedWhileWalking())) {
            invalid(InvalidReason.SENSOR_DROPOUT, "no distance reading for over a second while " + stage);
            return;
        }
        if (stage == Stage.WALKING) {
            walking(state);
            if (phase() != TestPhase.MEASURING) {
                return;
            }
        }
        if (state.signalLost()) {
            return;
        }
        boolean seated = state.present() && state.rise() <= MotionSignals.SIT_BELOW;
        switch (stage) {
            case WAITING -> {
                if (state.present() && !seated) {
                    leftChairAt = state.atNanos();
                    stage = Stage.WALKING;
                }
            }
            case WALKING -> {
                if (state.present()) {
                    nearestMm = Math.min(nearestMm, state.millimetres());
                }
                if (seated) {
                    seatedAt = state.atNanos();
                    stage = Stage.SETTLING;
                }
            }
            case SETTLING -> {
                if (!seated) {
                    stage = Stage.WALKING; // rose again: it was a pause, not the end
                } else if (courseCompleted() && state.atNanos() - seatedAt >= SETTLE.toNanos()) {
                    end();
                } else if (state.atNanos() - seatedAt >= GIVE_UP_SEATED.toNanos()) {
                    invalid(InvalidReason.COURSE_NOT_COMPLETED, "seated again without completing the course");
                }
            }
        }
    }

    @Override
    void tick(long now) {
        if (stage == Stage.WAITING && now - goAt > MAX_REACTION.toNanos()) {
            invalid(InvalidReason.NO_MOVEMENT, "did not leave the chair");
        } else if (stage != Stage.WAITING && now - leftChairAt > MAX_WALK.toNanos()) {
            invalid(InvalidReason.TIMED_OUT, "not back in the chair after " + MAX_WALK.toSeconds() + " s");
        }
    }

    private void end() {
        BigDecimal seconds = tenths(leftChairAt, seatedAt);
        if (seconds.compareTo(fastestPlausible()) < 0) {
            invalid(InvalidReason.OUT_OF_RANGE, seconds + " s is faster than anyone walks the course");
            return;
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("reactionS", round3(secondsSinceGo(leftChairAt)));
        detail.put("walkS", round3((seatedAt - leftChairAt) / 1e9));
        detail.put("nearestMm", nearestMm == Integer.MAX_VALUE ? null : nearestMm);
        detail.put("signalLostMs", gaps.totalNanos() / 1_000_000);
        describeCourse(detail);
        finish(seconds, detail);
    }

    @Override
    BigDecimal liveValue(long now) {
        return switch (stage) {
            case WAITING -> BigDecimal.ZERO;
            case WALKING -> tenths(leftChairAt, now);
            case SETTLING -> tenths(leftChairAt, seatedAt);
        };
    }
}
