package kr.smartsenior.edge.measure;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.smartsenior.edge.sensor.PadEvent;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.edge.session.MatPresence;
import kr.smartsenior.protocol.MeasurementCode;

/**
 * 2-minute step in place (2분 제자리 걷기), Senior Fitness Test: standing with each foot on its pad (1
 * left, 2 right), the senior marches for two minutes raising each knee to the target height, midway
 * between the kneecap and the hip bone (said and shown in the instructions); the score is the number
 * of <b>right-knee lifts</b> (회). Resting is allowed (the clock runs on).
 *
 * <p>The pads see the right foot leave pad 2 and come back, not the knee. A lift counts when the foot
 * stays off at least {@link #MIN_LIFT} (a knee raised to mid-thigh height and lowered again cannot be
 * quicker; a shuffle or a heel raise is), at its landing, or at the end of the two minutes when the
 * foot is still up and has been for that long. Staff watch the height, as the SFT has a counter do.
 *
 * <p>Invalid: a foot lifted before "go", not both feet on the pads at "go", both pads letting go
 * within 20 ms (the mat lost power or its cable), left and right counts far apart (one pad not
 * working, or stepping off the mat), no foot on the mat for {@link #MAX_BOTH_OFF} (stepped off, or the
 * mat went dead with a foot in the air), more than {@link #MAX_PLAUSIBLE} lifts.
 */
final class StepInPlaceProtocol extends HomePadsProtocol {

    static final Duration LENGTH = Duration.ofMinutes(2);
    static final int LEFT = MatPresence.LEFT;
    static final int RIGHT = MatPresence.RIGHT;
    static final int MAX_PLAUSIBLE = 200;
    /** Left and right may differ by this much, or {@link #UNEVEN_SHARE} of the larger, whichever is more. */
    static final int UNEVEN_SLACK = 5;
    static final double UNEVEN_SHARE = 0.2;
    /** Marching lifts one foot at a time and resting is done standing: both feet off this long is no one on the mat. */
    static final Duration MAX_BOTH_OFF = Duration.ofSeconds(2);
    /** Shortest time off the pad of a lift that reached the target height (project rule, docs/fitness-norms.md). */
    static final Duration MIN_LIFT = Duration.ofMillis(250);

    private int rightLifts;
    private int rightReleases;
    private int shortLifts;
    private long rightUpSince;
    private int leftLifts;
    private long lastLeftRelease;
    private long lastRightRelease;
    private double firstLift = -1;
    private double lastLift = -1;
    private long endAt;

    StepInPlaceProtocol(Sensors sensors) {
        super(MeasurementCode.STEP_IN_PLACE_2MIN, sensors);
    }

    @Override
    void begin() {
        rightLifts = 0;
        rightReleases = 0;
        shortLifts = 0;
        rightUpSince = -1;
        leftLifts = 0;
        lastLeftRelease = Long.MIN_VALUE / 2;
        lastRightRelease = Long.MIN_VALUE / 2;
        firstLift = -1;
        lastLift = -1;
        endAt = goAt + LENGTH.toNanos();
        feet.reset(loop.nanos());
    }

    @Override
    Duration fixedLength() {
        return LENGTH;
    }

    @Override
    void tick(long now) {
        long bothOffSince = feet.homeEmptySince();
        if (bothOffSince >= 0 && now - bothOffSince > MAX_BOTH_OFF.toNanos() && now <= endAt) {
            invalid(InvalidReason.SENSOR_DROPOUT, "no foot on the mat for " + MAX_BOTH_OFF.toSeconds() + " s");
        }
    }

    @Override
    void measurePad(PadEvent event) {
        if (event.atNanos() > endAt || (event.pad() != LEFT && event.pad() != RIGHT)) {
            return;
        }
        feet.note(event);
        long at = event.atNanos();
        if (event.pressed()) {
            if (event.pad() == RIGHT && rightUpSince >= 0) {
                countRightLift(rightUpSince, at);
                rightUpSince = -1;
            }
            return;
        }
        if (event.pad() == RIGHT) {
            if (Math.abs(at - lastLeftRelease) <= SIMULTANEOUS_NANOS && !feet.pressed(LEFT)) {
                invalid(InvalidReason.SENSOR_DROPOUT, "both pads let go at once");
                return;
            }
            lastRightRelease = at;
            rightReleases++;
            rightUpSince = at;
        } else {
            if (Math.abs(at - lastRightRelease) <= SIMULTANEOUS_NANOS && !feet.pressed(RIGHT)) {
                invalid(InvalidReason.SENSOR_DROPOUT, "both pads let go at once");
                return;
            }
            lastLeftRelease = at;
            leftLifts++;
        }
    }

    /** A right-foot lift from release to landing (or to the end): a knee lift when long enough. */
    private void countRightLift(long releasedAt, long until) {
        if (until - releasedAt < MIN_LIFT.toNanos()) {
            shortLifts++;
            return;
        }
        rightLifts++;
        double t = round3(secondsSinceGo(releasedAt));
        if (firstLift < 0) {
            firstLift = t;
        }
        lastLift = t;
    }

    @Override
    void timeUp() {
        if (rightUpSince >= 0) {
            countRightLift(rightUpSince, endAt);
            rightUpSince = -1;
        }
        int larger = Math.max(leftLifts, rightReleases);
        if (Math.abs(leftLifts - rightReleases) > Math.max(UNEVEN_SLACK, UNEVEN_SHARE * larger)) {
            invalid(InvalidReason.UNEVEN_STEPS, "left " + leftLifts + ", right " + rightReleases);
            return;
        }
        if (rightLifts > MAX_PLAUSIBLE) {
            invalid(InvalidReason.OUT_OF_RANGE, rightLifts + " lifts in 2 min");
            return;
        }
        if (rightLifts == 0) {
            invalid(InvalidReason.NO_MOVEMENT, "no steps");
            return;
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("countedSide", "right");
        detail.put("rightLifts", rightLifts);
        detail.put("rightTooShort", shortLifts);
        detail.put("leftSteps", leftLifts);
        detail.put("minLiftS", MIN_LIFT.toMillis() / 1000.0);
        detail.put("firstLiftS", firstLift);
        detail.put("lastLiftS", lastLift);
        finish(BigDecimal.valueOf(rightLifts), detail);
    }

    @Override
    BigDecimal liveValue(long now) {
        return BigDecimal.valueOf(rightLifts);
    }
}
