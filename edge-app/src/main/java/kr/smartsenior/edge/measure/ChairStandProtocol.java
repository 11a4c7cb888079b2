package kr.smartsenior.edge.measure;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.smartsenior.edge.sensor.MotionState;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.protocol.MeasurementCode;

/**
 * 30-second chair stand (30초 의자에 앉았다 일어서기): full stands from a seated start, arms crossed.
 * A stand counts when the distance sensor sees the senior reach the standing band, and the next
 * one only after they are seated again; so half-stands never count. Senior Fitness Test rule: a
 * stand more than halfway up when time runs out counts.
 *
 * <p>Invalid: moving before "go", not seated at "go", the signal lost for more than a second at a
 * time or {@link #MAX_LOST} in all, or more than {@link #MAX_PLAUSIBLE} stands (no senior does 41
 * stands in 30 s; a swaying torso near the threshold might look like it).
 */
final class ChairStandProtocol extends SensorProtocol {

    static final Duration LENGTH = Duration.ofSeconds(30);
    static final int MAX_PLAUSIBLE = 40;
    static final Duration MAX_LOST = Duration.ofSeconds(3);
    static final double HALFWAY = 0.5;

    private int stands;
    private boolean seatedSinceLastStand;
    private final List<Double> standTimes = new ArrayList<>();
    private double lastRise;
    private final SignalGaps gaps = new SignalGaps();
    private long endAt;

    ChairStandProtocol(Sensors sensors) {
        super(MeasurementCode.CHAIR_STAND_30S, sensors);
    }

    @Override
    boolean inStartPosition() {
        MotionState last = sensors.motion().last();
        return last != null && !last.signalLost() && last.posture() == MotionState.Posture.SITTING;
    }

    @Override
    boolean falseStart(MotionState state) {
        return state.present() && state.rise() > HALFWAY;
    }

    @Override
    void begin() {
        stands = 0;
        seatedSinceLastStand = true;
        standTimes.clear();
        lastRise = 0;
        gaps.reset();
        endAt = goAt + LENGTH.toNanos();
    }

    @Override
    Duration fixedLength() {
        return LENGTH;
    }

    @Override
    void measureMotion(MotionState state) {
        if (state.atNanos() > endAt) {
            return;
        }
        if (gaps.note(state) > MAX_SIGNAL_GAP_NANOS) {
            invalid(InvalidReason.SENSOR_DROPOUT, "no distance reading for over a second");
            return;
        }
        if (state.signalLost()) {
            return;
        }
        lastRise = state.rise();
        if (seatedSinceLastStand && state.posture() == MotionState.Posture.STANDING) {
            stands++;
            standTimes.add(round3(secondsSinceGo(state.atNanos())));
            seatedSinceLastStand = false;
        } else if (!seatedSinceLastStand && state.posture() == MotionState.Posture.SITTING) {
            seatedSinceLastStand = true;
        }
    }

    @Override
    void timeUp() {
        gaps.close(endAt);
        if (gaps.totalNanos() > MAX_LOST.toNanos()) {
            invalid(InvalidReason.SENSOR_DROPOUT, "signal lost for " + gaps.totalNanos() / 1_000_000 + " ms in all");
            return;
        }
        boolean halfwayAtEnd = seatedSinceLastStand && lastRise >= HALFWAY;
        int count = stands + (halfwayAtEnd ? 1 : 0);
        if (count > MAX_PLAUSIBLE) {
            invalid(InvalidReason.OUT_OF_RANGE, count + " stands in 30 s");
            return;
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("fullStands", stands);
        detail.put("halfwayAtEnd", halfwayAtEnd);
        detail.put("standAtS", List.copyOf(standTimes));
        detail.put("signalLostMs", gaps.totalNanos() / 1_000_000);
        finish(BigDecimal.valueOf(count), detail);
    }

    @Override
    BigDecimal liveValue(long now) {
        return BigDecimal.valueOf(stands);
    }
}
