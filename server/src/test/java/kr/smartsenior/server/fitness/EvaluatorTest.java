package kr.smartsenior.server.fitness;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.smartsenior.server.member.MemberDirectory.Senior;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvaluatorTest {

    static final Instant NOW = Instant.parse("2026-11-21T01:00:00Z");
    /** Born 1951: 75 in 2026 (band 75-79). */
    static final Senior WOMAN = new Senior("M7K2Q9XD4T", "ydp-01", "김순자", 1951, "F");
    static final Senior MAN = new Senior("M7K2Q9XD4U", "ydp-01", "박철수", 1951, "M");

    private final NormTables norms = new NormTables();
    private final Evaluator evaluator = Evaluations.evaluator(Evaluations.noFall(NOW), java.util.Set.of());

    static Result test(String code, String value, int daysAgo) {
        return new Result(code, "test", new BigDecimal(value),
                OffsetDateTime.ofInstant(NOW, ZoneOffset.ofHours(9)).minusDays(daysAgo), Map.of());
    }

    @ParameterizedTest(name = "{0} {1} raises {2}, level {3}")
    @CsvSource({
            "TIMED_UP_AND_GO, 13.5, 'TUG_13_5,TUG_12_STEADI', HIGH",
            "TIMED_UP_AND_GO, 13.4, TUG_12_STEADI, ELEVATED",
            "TIMED_UP_AND_GO, 12, TUG_12_STEADI, ELEVATED",
            "TIMED_UP_AND_GO, 11.9, '', NEEDS_CHECK",
            "ONE_LEG_STANCE, 4.9, ONE_LEG_UNDER_5, HIGH",
            "ONE_LEG_STANCE, 5, '', NEEDS_CHECK",
            // woman 75: STEADI below average under 10 stands
            "CHAIR_STAND_30S, 9, CHAIR_STAND_BELOW_AVERAGE, ELEVATED",
            "CHAIR_STAND_30S, 10, '', NEEDS_CHECK"})
    void fallRiskFlagsAtTheirCutOffs(String code, String value, String flags, FallRiskLevel level) {
        Evaluation evaluation = evaluator.evaluate(WOMAN, List.of(test(code, value, 3)), NOW);

        List<String> expected = flags.isBlank() ? List.of() : List.of(flags.split(","));
        assertThat(evaluation.fallRisk().flags()).extracting(Evaluation.FallRiskFlag::flag)
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(evaluation.fallRisk().level()).isEqualTo(level);
    }

    @Test
    void theChairStandFlagUsesTheSexOfTheSenior() {
        // man 75: below average under 11 stands
        assertThat(evaluator.evaluate(MAN, List.of(test("CHAIR_STAND_30S", "10", 3)), NOW).fallRisk().level())
                .isEqualTo(FallRiskLevel.ELEVATED);
        assertThat(evaluator.evaluate(WOMAN, List.of(test("CHAIR_STAND_30S", "10", 3)), NOW).fallRisk().flags())
                .isEmpty();
    }

    @Test
    void resultsOlderThanAYearRaiseNoFlagAndLeaveFallRiskToBeChecked() {
        Evaluation evaluation = evaluator.evaluate(WOMAN, List.of(test("TIMED_UP_AND_GO", "20", 400)), NOW);

        assertThat(evaluation.fallRisk().level()).isEqualTo(FallRiskLevel.NEEDS_CHECK);
        assertThat(evaluation.fallRisk().notMeasured()).contains("TIMED_UP_AND_GO", "ONE_LEG_STANCE");
        assertThat(evaluation.result("TIMED_UP_AND_GO").orElseThrow().current()).isFalse();
    }

    @Test
    void noiseWithinTheMeasurementErrorIsStable() {
        // chair stand MDC 2.5: 12, 14, 11, then 13 -> baseline median 12, change 1
        List<Result> results = List.of(test("CHAIR_STAND_30S", "12", 90), test("CHAIR_STAND_30S", "14", 60),
                test("CHAIR_STAND_30S", "11", 30), test("CHAIR_STAND_30S", "13", 1));

        Evaluation.Trend trend = evaluator.evaluate(WOMAN, results, NOW).result("CHAIR_STAND_30S").orElseThrow().trend();

        assertThat(trend.direction()).isEqualTo(TrendDirection.STABLE);
        assertThat(trend.baseline()).isEqualByComparingTo("12");
        assertThat(trend.change()).isEqualByComparingTo("1");
        assertThat(trend.threshold()).isEqualByComparingTo("2.5");
        assertThat(trend.earlierResults()).isEqualTo(3);
        assertThat(trend.source()).contains("Gill");
    }

    @ParameterizedTest(name = "{0}: earlier {1}, latest {2} -> {3}")
    @CsvSource({
            "CHAIR_STAND_30S, '12,12,12', 14.5, STABLE",
            "CHAIR_STAND_30S, '12,12,12', 15, IMPROVED",
            "CHAIR_STAND_30S, '12,12,12', 9, DECLINED",
            // one noisy earlier result does not move the median
            "CHAIR_STAND_30S, '12,20,12', 15, IMPROVED",
            "CHAIR_STAND_30S, '5,12,12,12', 15, IMPROVED",
            // times: lower is better; MDC 1.14 s
            "TIMED_UP_AND_GO, '10,10,10', 8.8, IMPROVED",
            "TIMED_UP_AND_GO, '10,10,10', 8.9, STABLE",
            "TIMED_UP_AND_GO, '10,10,10', 11.2, DECLINED",
            // weight: 5 % of the baseline either way, no better direction
            "WEIGHT, '60,60,60', 56.9, DECREASED",
            "WEIGHT, '60,60,60', 57, STABLE",
            "WEIGHT, '60,60,60', 63.1, INCREASED"})
    void aChangeIsCalledOnlyBeyondTheTestsMeasurementError(String code, String earlier, String latest,
            TrendDirection expected) {
        List<Result> results = new ArrayList<>();
        String[] values = earlier.split(",");
        for (int i = 0; i < values.length; i++) {
            results.add(test(code, values[i], 100 - i * 10));
        }
        results.add(test(code, latest, 1));

        assertThat(evaluator.evaluate(WOMAN, results, NOW).result(code).orElseThrow().trend().direction())
                .isEqualTo(expected);
    }

    @Test
    void aTrendOnAProvisionalThresholdSaysSo() {
        List<Result> results = List.of(test("STEP_IN_PLACE_2MIN", "70", 60), test("STEP_IN_PLACE_2MIN", "85", 1));

        Evaluation.Trend trend = evaluator.evaluate(WOMAN, results, NOW).result("STEP_IN_PLACE_2MIN").orElseThrow()
                .trend();

        assertThat(trend.direction()).isEqualTo(TrendDirection.IMPROVED);
        assertThat(trend.provisional()).isTrue();
    }

    @Test
    void componentsBmiAndTheFirstResult() {
        List<Result> results = List.of(test("CHAIR_STAND_30S", "8", 5), test("STEP_IN_PLACE_2MIN", "120", 5),
                test("SIT_AND_REACH", "0", 5), test("HEIGHT", "150", 5), test("WEIGHT", "60", 5));

        Evaluation evaluation = evaluator.evaluate(WOMAN, results, NOW);

        assertThat(evaluation.component(FitnessComponent.STRENGTH).status()).isEqualTo(ComponentStatus.NEEDS_WORK);
        assertThat(evaluation.component(FitnessComponent.ENDURANCE).status()).isEqualTo(ComponentStatus.GOOD);
        assertThat(evaluation.component(FitnessComponent.FLEXIBILITY).status()).isEqualTo(ComponentStatus.OK);
        assertThat(evaluation.component(FitnessComponent.BALANCE_AGILITY).status()).isEqualTo(ComponentStatus.NO_DATA);
        assertThat(evaluation.bmi().value()).isEqualByComparingTo("26.7");
        assertThat(evaluation.bmi().bmiClass()).isEqualTo("OBESE");
        assertThat(evaluation.component(FitnessComponent.BODY_COMPOSITION).status())
                .isEqualTo(ComponentStatus.NEEDS_WORK);
        assertThat(evaluation.result("CHAIR_STAND_30S").orElseThrow().trend().direction())
                .isEqualTo(TrendDirection.FIRST);
        assertThat(evaluation.age()).isEqualTo(75);
    }
}
