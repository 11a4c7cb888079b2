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
import kr.smartsenior.edge.simulate.SimulatedSenior.Style;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.RecordDetail;
import kr.smartsenior.protocol.RecordValidator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sensor test against simulated seniors of every {@link Style} at every {@link Pace}, and with
 * a noisy sensor and bouncing pads, a sensor dropout and a false start; several seeds each. The
 * result must be the trace's true value within the tolerance docs/fitness-norms.md states
 * ("Measurement on the kiosk"). Each trace goes through CSV and back before it is played, as a
 * recorded one would.
 */
class ProtocolTracesTest {

    static final int SEEDS = 2;
    /** TUG, from "시작" to seated again, with the TF-Luna's usual noise (8 mm). */
    static final double TUG_TOLERANCE_S = 0.3;
    /** TUG with a sensor four times noisier (30 mm, spikes, unusable readings): a slow sit-down blurs. */
    static final double TUG_TOLERANCE_NOISY_S = 1.0;
    /** One-leg stance: pad edges are exact but for debouncing and the 0.1 s rounding. */
    static final double ONE_LEG_TOLERANCE_S = 0.1;
    /**
     * Stands and knee lifts are exact, ±1 only when one is under way at the 30 s / 2 min bell (where a
     * sample decides) or, for stands, with the noisy sensor.
     */
    static final int BORDERLINE_COUNT = 1;

    static Stream<Arguments> scenarios() {
        List<Arguments> all = new ArrayList<>();
        for (MeasurementCode code : TestBattery.SENSOR_TESTS) {
            for (Style style : Style.values()) {
                for (Pace pace : Pace.values()) {
                    all.add(Arguments.of(code, style, pace, Flaw.NONE));
                }
                all.add(Arguments.of(code, style, Pace.NORMAL, Flaw.NOISY));
            }
            for (Flaw flaw : List.of(Flaw.DROPOUT, Flaw.FALSE_START)) {
                all.add(Arguments.of(code, Style.UPRIGHT, Pace.NORMAL, flaw));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("scenarios")
    void eachProtocolMeasuresTheTrueValueForEveryStyleOrRefuses(MeasurementCode code, Style style, Pace pace, Flaw flaw) {
        for (int seed = 1; seed <= SEEDS; seed++) {
            SimulatedSenior senior = new SimulatedSenior(SiteCalibration.REFERENCE,
                    new SplittableRandom(seed * 7919L + code.ordinal() * 31L + style.ordinal()));
            SimulatedSenior.Performance performance = senior.perform(code, style, pace, flaw);
            try (Station station = new Station()) {
                FitnessTestSession test = station.run(performance);
                String scenario = code + " " + style + " " + pace + " " + flaw + " seed " + seed;
                if (performance.invalid() != null) {
                    assertThat(test.phase()).as(scenario).isEqualTo(TestPhase.INVALID);
                    assertThat(test.invalidReason()).as(scenario).contains(performance.invalid());
                    assertThat(station.records).as(scenario + ": nothing stored").isEmpty();
                    continue;
                }
                assertThat(test.phase()).as(scenario + " (invalid: " + test.invalidReason() + ")").isEqualTo(TestPhase.RESULT);
                BigDecimal value = test.result().orElseThrow().value();
                BigDecimal truth = performance.expected();
                switch (code) {
                    case TIMED_UP_AND_GO -> assertThat(value.doubleValue()).as(scenario).isCloseTo(truth.doubleValue(),
                            within(flaw == Flaw.NOISY ? TUG_TOLERANCE_NOISY_S : TUG_TOLERANCE_S));
                    case ONE_LEG_STANCE -> assertThat(value.doubleValue()).as(scenario).isCloseTo(truth.doubleValue(),
                            within(ONE_LEG_TOLERANCE_S));
                    default -> assertThat(value.intValueExact()).as(scenario)
                            .isCloseTo(truth.intValueExact(),
                                    within(performance.borderline() || flaw == Flaw.NOISY ? BORDERLINE_COUNT : 0));
                }
                List<MeasurementRecord> records = station.recordsOf(code);
                assertThat(records).as(scenario).hasSize(1);
                MeasurementRecord record = records.getFirst();
                assertThat(record.value()).isEqualByComparingTo(value);
                assertThat(record.detail()).containsKey(RecordDetail.PROTOCOL).containsEntry("source", "sensors");
                assertThat(RecordValidator.problem(record, java.time.Instant.now())).as(scenario).isEmpty();
            }
        }
    }
}
