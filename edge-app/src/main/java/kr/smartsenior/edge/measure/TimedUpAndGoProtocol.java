package kr.smartsenior.edge.measure;

import java.math.BigDecimal;
import java.util.Map;
import kr.smartsenior.edge.sensor.PadEvent;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.protocol.MeasurementCode;

/**
 * 3 m timed up-and-go (3m 표적 돌아오기), to 0.1 s: from leaving the chair, walk to the turn marker
 * 3 m ahead (pad 3 of the reference mat, on the floor in front of the kiosk), turn, walk back and
 * sit. Timed by the distance sensor from leaving the chair until seated again
 * ({@link ChairToChairProtocol}); the turn pad proves the 3 m were walked.
 */
final class TimedUpAndGoProtocol extends ChairToChairProtocol {

    static final int TURN_PAD = 3;
    static final BigDecimal FASTEST = new BigDecimal("2.5");

    private long turnAt;

    TimedUpAndGoProtocol(Sensors sensors) {
        super(MeasurementCode.TIMED_UP_AND_GO, sensors);
    }

    @Override
    void resetCourse() {
        turnAt = -1;
    }

    @Override
    void measurePad(PadEvent event) {
        if (event.pad() == TURN_PAD && event.pressed() && leftChairAt >= 0 && turnAt < 0) {
            turnAt = event.atNanos();
        }
    }

    @Override
    boolean courseCompleted() {
        return turnAt >= 0;
    }

    @Override
    void describeCourse(Map<String, Object> detail) {
        detail.put("turnPadAtS", round3((turnAt - leftChairAt) / 1e9));
    }

    @Override
    BigDecimal fastestPlausible() {
        return FASTEST;
    }
}
