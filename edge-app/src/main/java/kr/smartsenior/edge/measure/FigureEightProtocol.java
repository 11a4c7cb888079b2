package kr.smartsenior.edge.measure;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.smartsenior.edge.sensor.MotionState;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.protocol.MeasurementCode;

/**
 * Figure-of-8 walk (8자 보행): from the chair, round the two cones set to either side in front of
 * it in a figure of eight, and sit again. The cones stand outside the distance sensor's narrow
 * beam (2°), so rounding each one takes the senior out of the beam; the kiosk times from leaving
 * the chair until seated again ({@link ChairToChairProtocol}) and requires two absences from the beam
 * of at least {@link #MIN_AWAY} (one per cone) before a return to the chair ends the walk. A sit
 * after fewer is a pause, not the end. Staff watch that the path was a figure of eight.
 *
 * <p>Invalid: fewer than two absences by the time the senior is seated for good, or an absence
 * longer than {@link #MAX_AWAY} (rounding a cone takes seconds; that long means the sensor lost
 * them).
 */
final class FigureEightProtocol extends ChairToChairProtocol {

    static final Duration MIN_AWAY = Duration.ofMillis(300);
    static final Duration MAX_AWAY = Duration.ofSeconds(15);
    static final int CONES = 2;
    static final BigDecimal FASTEST = new BigDecimal("5.0");

    private long awaySince;
    private final List<Double> awayAt = new ArrayList<>();

    FigureEightProtocol(Sensors sensors) {
        super(MeasurementCode.FIGURE_8_WALK, sensors);
    }

    @Override
    void resetCourse() {
        awaySince = -1;
        awayAt.clear();
    }

    @Override
    boolean gapAllowedWhileWalking() {
        return true;
    }

    @Override
    void walking(MotionState state) {
        boolean away = state.signalLost() || !state.present();
        if (away) {
            if (awaySince < 0) {
                awaySince = state.atNanos();
            } else if (state.atNanos() - awaySince > MAX_AWAY.toNanos()) {
                invalid(InvalidReason.SENSOR_DROPOUT, "out of the beam for over " + MAX_AWAY.toSeconds() + " s");
            }
        } else if (awaySince >= 0) {
            if (state.atNanos() - awaySince >= MIN_AWAY.toNanos()) {
                awayAt.add(round3((awaySince - leftChairAt) / 1e9));
            }
            awaySince = -1;
        }
    }

    @Override
    boolean courseCompleted() {
        return awayAt.size() >= CONES;
    }

    @Override
    void describeCourse(Map<String, Object> detail) {
        detail.put("outOfBeamAtS", List.copyOf(awayAt));
    }

    @Override
    BigDecimal fastestPlausible() {
        return FASTEST;
    }
}
