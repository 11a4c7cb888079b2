package kr.smartsenior.server.fitness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

    static Result test(String code, String value, int daysAgo, Map<String, Object> detail) {
        return new Result(code, "test", new BigDecimal(value),
                OffsetDateTime.ofInstant(NOW, ZoneOffset.ofHours(9)).minusDays(daysAgo), detail);
    }

    static Result grip(String hand, String kg, int daysAgo) {
        return test("GRIP_STRENGTH", kg, daysAgo, Map.of("protocol", "grip/1", "hand", hand));
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

    @Test
    void gripGradesTheBestTrialOfTheBetterHandNotWhicheverHandWasTypedLast() {
        // the example: right 21.5 kg, then left 17.0 kg in the same session showed "낮음, 감소"
        for (List<Result> session : List.of(List.of(grip("right", "21.5", 1), grip("left", "17.0", 1)),
                List.of(grip("left", "17.0", 1), grip("right", "21.5", 1)))) {
            Evaluation.TestResult result = evaluator.evaluate(WOMAN, session, NOW).result("GRIP_STRENGTH").orElseThrow();

            assertThat(result.value()).isEqualByComparingTo("21.5");
            assertThat(result.grade().band()).as("AWGS 2019 women: low under 18 kg").isEqualTo(Band.WITHIN);
            assertThat(result.trend().direction()).isEqualTo(TrendDirection.FIRST);
            assertThat(result.hands()).extracting(Evaluation.HandResult::hand, h -> h.value().doubleValue())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("right", 21.5),
                            org.assertj.core.groups.Tuple.tuple("left", 17.0));
        }
    }

    @Test
    void oneRecordPerTrialCountsTheBestTrialOfTheDay() {
        List<Result> trials = List.of(grip("right", "20.0", 1), grip("right", "22.5", 1), grip("left", "19.0", 1),
                grip("left", "18.0", 1));

        Evaluation.TestResult result = evaluator.evaluate(WOMAN, trials, NOW).result("GRIP_STRENGTH").orElseThrow();

        assertThat(result.value()).isEqualByComparingTo("22.5");
        assertThat(result.hands()).extracting(h -> h.value().doubleValue()).containsExactly(22.5, 19.0);
    }

    @Test
    void eachHandHasItsOwnTrendAndADeclineOfOneHandShowsOnTheComponent() {
        // grip MDC 2.9 kg: the left hand lost 3.5 kg, the better (right) hand 0.5 kg
        List<Result> results = List.of(grip("right", "22.0", 200), grip("left", "20.0", 200), grip("right", "21.5", 1),
                grip("left", "16.5", 1));

        Evaluation evaluation = evaluator.evaluate(WOMAN, results, NOW);
        Evaluation.TestResult result = evaluation.result("GRIP_STRENGTH").orElseThrow();

        assertThat(result.trend().direction()).isEqualTo(TrendDirection.STABLE);
        assertThat(result.hands()).extracting(h -> h.trend().direction())
                .containsExactly(TrendDirection.STABLE, TrendDirection.DECLINED);
        assertThat(evaluation.component(FitnessComponent.STRENGTH).trend()).isEqualTo(TrendDirection.DECLINED);
    }

    @Test
    void relativeGripIsTheGripPerBodyWeightGradedAgainstTheKoreanNorm() {
        List<Result> results = List.of(grip("right", "21.5", 1), grip("left", "17.0", 1), test("WEIGHT", "55", 1));

        Evaluation.RelativeGrip relative = evaluator.evaluate(WOMAN, results, NOW).result("GRIP_STRENGTH")
                .orElseThrow().relativeGrip();

        // 21.5 / 55 x 100 = 39.1 %: women 75-79 grade 1 from 36.2 %
        assertThat(relative.value()).isEqualByComparingTo("39.1");
        assertThat(relative.weight()).isEqualByComparingTo("55");
        assertThat(relative.grade().grade()).isEqualTo(1);
        assertThat(relative.grade().population()).isEqualTo("한국 어르신 (국민체력100 인증기준)");
    }

    @Test
    void relativeGripNeedsAWeightTakenWithinNinetyDaysOfTheGrip() {
        List<Result> results = List.of(test("WEIGHT", "55", 100), grip("right", "21.5", 1));

        Evaluation.RelativeGrip relative = evaluator.evaluate(WOMAN, results, NOW).result("GRIP_STRENGTH")
                .orElseThrow().relativeGrip();

        assertThat(relative.value()).isNull();
        assertThat(relative.grade().band()).isEqualTo(Band.NOT_GRADED);
        assertThat(relative.grade().note()).contains("몸무게");
    }

    @Test
    void aSlowGripDeclineOverThreeYearsIsCalledThoughEachVisitLooksStable() {
        // the example: 19 -> 15.7 kg over three years, every six months, showed "유지"
        String[] kg = {"19.0", "18.6", "18.0", "17.5", "17.1", "16.5", "15.7"};
        int[] daysAgo = {1095, 913, 730, 548, 365, 183, 1};
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < kg.length; i++) {
            results.add(grip("right", kg[i], daysAgo[i]));
        }

        Evaluation evaluation = evaluator.evaluate(WOMAN, results, NOW);
        Evaluation.Trend trend = evaluation.result("GRIP_STRENGTH").orElseThrow().trend();

        // short-term: median of 17.5, 17.1, 16.5 = 17.1, change -1.4 kg, within the MDC of 2.9 kg
        assertThat(trend.direction()).isEqualTo(TrendDirection.STABLE);
        assertThat(trend.korean()).contains("유지");
        // long-term: least-squares -1.07 kg a year, -3.21 kg over the 3 years, beyond 2.9 kg
        assertThat(trend.longTerm().direction()).isEqualTo(TrendDirection.DECLINED);
        assertThat(trend.longTerm().perYear().doubleValue()).isCloseTo(-1.07, within(0.01));
        assertThat(trend.longTerm().fittedChange().doubleValue()).isCloseTo(-3.21, within(0.01));
        assertThat(trend.longTerm().results()).isEqualTo(7);
        assertThat(trend.longTerm().threshold()).isEqualByComparingTo("2.9");
        assertThat(trend.longTerm().korean()).contains("서서히 나빠짐").contains("측정 오차(2.9 kg)");
        assertThat(evaluation.component(FitnessComponent.STRENGTH).trend()).isEqualTo(TrendDirection.DECLINED);
    }

    @Test
    void noiseOverThreeYearsIsNotCalledADecline() {
        String[] kg = {"19.0", "20.0", "18.5", "19.5", "18.8", "19.6", "18.9"};
        int[] daysAgo = {1095, 913, 730, 548, 365, 183, 1};
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < kg.length; i++) {
            results.add(grip("right", kg[i], daysAgo[i]));
        }

        Evaluation.Trend trend = evaluator.evaluate(WOMAN, results, NOW).result("GRIP_STRENGTH").orElseThrow().trend();

        assertThat(trend.longTerm().direction()).isEqualTo(TrendDirection.STABLE);
        assertThat(evaluator.evaluate(WOMAN, results, NOW).component(FitnessComponent.STRENGTH).trend())
                .isEqualTo(TrendDirection.STABLE);
    }

    @ParameterizedTest(name = "{0} results over {1} days: not assessed")
    @CsvSource({"2, 400", "3, 300"})
    void theLongTermTrendNeedsThreeResultsOverAtLeastAYear(int count, int spanDays) {
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            results.add(test("CHAIR_STAND_30S", String.valueOf(20 - 3 * i), 1 + spanDays - spanDays * i / (count - 1)));
        }

        Evaluation.LongTermTrend longTerm = evaluator.evaluate(WOMAN, results, NOW).result("CHAIR_STAND_30S")
                .orElseThrow().trend().longTerm();

        assertThat(longTerm.direction()).isEqualTo(TrendDirection.NOT_ASSESSED);
        assertThat(longTerm.korean()).contains("3회 이상");
    }

    @Test
    void resultsOfASupersededProcedureAreLeftOutOfTheTrendAgainstTodaysProcedure() {
        // timed-up-and-go/1 read 0.7-1.5 s short: 10 s then is not comparable with 12 s now
        List<Result> results = List.of(test("TIMED_UP_AND_GO", "10", 90, Map.of("protocol", "timed-up-and-go/1")),
                test("TIMED_UP_AND_GO", "10", 60, Map.of("protocol", "timed-up-and-go/1")),
                test("TIMED_UP_AND_GO", "10", 30, Map.of("protocol", "timed-up-and-go/1")),
                test("TIMED_UP_AND_GO", "11.4", 1, Map.of("protocol", "timed-up-and-go/2")));

        Evaluation.TestResult result = evaluator.evaluate(WOMAN, results, NOW).result("TIMED_UP_AND_GO").orElseThrow();

        assertThat(result.trend().direction()).isEqualTo(TrendDirection.FIRST);
        assertThat(result.trend().excluded()).isEqualTo(3);
        assertThat(result.trend().korean()).contains("다른 측정 방식").contains("3회");
        assertThat(result.grade().band()).isNotEqualTo(Band.NOT_GRADED);
    }

    @Test
    void aLatestResultOfASupersededProcedureIsShownUngradedAndComparedOnlyWithItsOwnKind() {
        List<Result> results = List.of(test("TIMED_UP_AND_GO", "12", 60, Map.of("protocol", "timed-up-and-go/2")),
                test("TIMED_UP_AND_GO", "9", 30, Map.of("protocol", "timed-up-and-go/1")),
                test("TIMED_UP_AND_GO", "9.2", 1, Map.of("protocol", "timed-up-and-go/1")));

        Evaluation.TestResult result = evaluator.evaluate(WOMAN, results, NOW).result("TIMED_UP_AND_GO").orElseThrow();

        assertThat(result.grade().band()).isEqualTo(Band.NOT_GRADED);
        assertThat(result.grade().note()).contains("timed-up-and-go/1");
        assertThat(result.trend().earlierResults()).isEqualTo(1);
        assertThat(result.trend().excluded()).isEqualTo(1);
    }

    @Test
    void theComponentBasisAndTrendWordingAreKorean() {
        List<Result> results = List.of(test("CHAIR_STAND_30S", "12", 60), test("CHAIR_STAND_30S", "14", 1),
                test("HEIGHT", "150", 5), test("WEIGHT", "60", 5));

        Evaluation evaluation = evaluator.evaluate(WOMAN, results, NOW);

        assertThat(evaluation.component(FitnessComponent.STRENGTH).basis())
                .containsExactly("30초 의자에 앉았다 일어서기 14회 (" + OffsetDateTime.ofInstant(NOW, ZoneOffset.ofHours(9))
                        .minusDays(1).toLocalDate() + "): 정상 범위, 국민체력100 3등급");
        assertThat(evaluation.component(FitnessComponent.BODY_COMPOSITION).basis()).contains("BMI 26.7 (비만)");
        assertThat(evaluation.result("CHAIR_STAND_30S").orElseThrow().trend().korean())
                .isEqualTo("이전 1회 중앙값 12회 대비 +2회: 측정 오차(2.5회) 이내라 유지");
    }
}
