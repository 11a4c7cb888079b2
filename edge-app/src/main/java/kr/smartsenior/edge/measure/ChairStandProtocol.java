package kr.smartsenior.edge.measure;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.smartsenior.edge.sensor.MotionSignals;
import kr.smartsenior.edge.sensor.MotionState;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.protocol.MeasurementCode;

/**
 * 30-second chair stand (30초 의자에 앉았다 일어서기), Senior Fitness Test / CDC STEADI: seated
 * mid-seat, back upright, arms crossed at the chest; on "시작" the senior stands up fully and sits
 * down again as many times as they can in 30 s. The site's seated reference is calibrated in that
 * upright posture and its standing reference fully upright (docs/hardware.md), so the distance
 * sensor's rise runs from 0 (seated upright; below 0 leaning back) to 1 (standing straight).
 *
 * <p>A stand counts only at <b>full extension</b>: the body reaching {@link #FULL_EXTENSION} of the
 * way to the standing reference; the next one only after seated again (below
 * {@link MotionSignals#SIT_BELOW}). A forward lean in the seat or a half stand stays short of full
 * extension and never counts. SFT rule: a stand more than halfway up when time runs out counts.
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
    /**
     * Full extension: within 15 % of the seated-to-standing distance of the standing reference
     * (about 45 mm at the reference site; a senior of another build stands a little nearer or
     * farther than the person who calibrated).
     */
    static final double FULL_EXTENSION = 0.85;

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
        return seated();
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
        if (!state.present()) {
            return;
        }
        if (seatedSinceLastStand && state.rise() >= FULL_EXTENSION) {
            stands++;
            standTimes.add(round3(secondsSinceGo(state.atNanos())));
            seatedSinceLastStand = false;
        } else if (!seatedSinceLastStand && state.rise() <= MotionSignals.SIT_BELOW) {
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
