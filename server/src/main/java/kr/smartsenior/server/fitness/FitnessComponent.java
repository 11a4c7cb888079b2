package kr.smartsenior.server.fitness;

import java.util.List;
import kr.smartsenior.protocol.MeasurementCode;

/** The fitness components and the tests that show each. */
public enum FitnessComponent {
    STRENGTH("근력", List.of(MeasurementCode.CHAIR_STAND_30S, MeasurementCode.GRIP_STRENGTH)),
    ENDURANCE("심폐지구력", List.of(MeasurementCode.STEP_IN_PLACE_2MIN)),
    FLEXIBILITY("유연성", List.of(MeasurementCode.SIT_AND_REACH)),
    BALANCE_AGILITY("평형성·민첩성", List.of(MeasurementCode.TIMED_UP_AND_GO, MeasurementCode.ONE_LEG_STANCE,
            MeasurementCode.FIGURE_8_WALK)),
    BODY_COMPOSITION("신체조성", List.of(MeasurementCode.HEIGHT, MeasurementCode.WEIGHT));

    private final String korean;
    private final List<MeasurementCode> tests;

    FitnessComponent(String korean, List<MeasurementCode> tests) {
        this.korean = korean;
        this.tests = tests;
    }

    public String korean() {
        return korean;
    }

    public List<MeasurementCode> tests() {
        return tests;
    }
}
