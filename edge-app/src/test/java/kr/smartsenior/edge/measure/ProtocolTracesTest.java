package kr.smartsenior.edge.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import kr.smartsenior.edge.sensor.SiteCalibration;
import kr.smartsenior.edge.simulate.SimulatedSenior;
import kr.smartsenior.edge.simulate.SimulatedSenior.Flaw;
import kr.smartsenior.edge.simulate.SimulatedSenior.Pace;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.RecordValidator;
import kr.smartsenior.protocol.Unit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sensor test against generated traces of a senior moving at normal, slow and fast pace,
 * with a noisy sensor and bouncing pads, a sensor dropout and a false start; several seeds each.
 * Each trace goes through CSV and back before it is played, as a recorded one would.
 */
class ProtocolTracesTest {

    static final int SEEDS = 3;
    /**
     * Counts are exact, except ±1 when a repetition ends within a sample of the 30 s / 2 min limit
     * ({@link SimulatedSenior.Performance#borderline()}) or the sensor is noisy.
     */
    static final int COUNT_TOLERANCE_NOISY = 1;
    /** Seconds: one tenth from 50 Hz sampling and rounding; two with a noisy sensor. */
    static final double SECONDS_TOLERANCE = 0.1;
    static final double SECONDS_TOLERANCE_NOISY = 0.2;

    static Stream<Arguments> scenarios() {
        List<Arguments> all = new ArrayList<>();
        for (MeasurementCode code : TestBattery.SENSOR_TESTS) {
            for (Pace pace : Pace.values()) {
                all.add(Arguments.of(code, pace, Flaw.NONE));
            }
            for (Flaw flaw : List.of(Flaw.NOISY, Flaw.DROPOUT, Flaw.FALSE_START)) {
                all.add(Arguments.of(code, Pace.NORMAL, flaw));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("scenarios")
    void eachProtocolMeasuresWhatTheSeniorDidOrRefuses(MeasurementCode code, Pace pace, Flaw flaw) {
        for (int seed = 1; seed <= SEEDS; seed++) {
            SimulatedSenior senior = new SimulatedSenior(SiteCalibration.REFERENCE, new SplittableRandom(seed * 7919L + code.ordinal()));
            SimulatedSenior.Performance performance = senior.perform(code, pace, flaw);
            try (Station station = new Station()) {
                FitnessTestSession test = station.run(performance);
                String scenario = code + " " + pace + " " + flaw + " seed " + seed;
                if (performance.invalid() != null) {
                    assertThat(test.phase()).as(scenario).isEqualTo(TestPhase.INVALID);
                    assertThat(test.invalidReason()).as(scenario).contains(performance.invalid());
                    assertThat(station.records).as(scenario + ": nothing stored").isEmpty();
                    continue;
                }
                assertThat(test.phase()).as(scenario + " (invalid: " + test.invalidReason() + ")").isEqualTo(TestPhase.RESULT);
                BigDecimal value = test.result().orElseThrow().value();
                boolean noisy = flaw == Flaw.NOISY;
                if (code.unit() == Unit.COUNT) {
                    assertThat(value.intValueExact()).as(scenario)
                            .isCloseTo(performance.expected().intValueExact(), within(noisy || performance.borderline() ? COUNT_TOLERANCE_NOISY : 0));
                } else {
                    assertThat(value.doubleValue()).as(scenario)
                            .isCloseTo(performance.expected().doubleValue(), within(noisy ? SECONDS_TOLERANCE_NOISY : SECONDS_TOLERANCE));
                    assertThat(value.scale()).as(scenario + ": tenths of a second").isEqualTo(1);
                }
                List<MeasurementRecord> records = station.recordsOf(code);
                assertThat(records).as(scenario).hasSize(1);
                MeasurementRecord record = records.getFirst();
                assertThat(record.value()).isEqualByComparingTo(value);
                assertThat(record.detail()).containsKey("protocol").containsEntry("source", "sensors");
                assertThat(RecordValidator.problem(record, java.time.Instant.now())).as(scenario).isEmpty();
            }
        }
    }
}
