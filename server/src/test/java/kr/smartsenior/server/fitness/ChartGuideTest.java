package kr.smartsenior.server.fitness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a senior page's chart draws beside a result: the range the grader uses for every graded
 * test (two-sided, or one-sided for the 3 m TUG and grip), the fall-risk cut-offs of
 * {@code fall-risk-cutoffs.csv}, and which tests are better when lower.
 */
class ChartGuideTest {

    private final Evaluator evaluator = Evaluations.evaluator(Evaluations.noFall(Instant.parse("2026-12-01T00:00:00Z")),
            Set.of());

    @Test
    void everyGradedTestHasItsRangeAndTheTimedOnesAreBetterLower() {
        // 국민체력100 for a woman of 72, the SFT for the chair sit-and-reach
        Evaluator.ChartGuide chair = evaluator.chartGuide("CHAIR_STAND_30S", "F", 72);
        assertThat(chair.low()).isNotNull().isLessThan(chair.high());
        assertThat(chair.population()).contains("국민체력100");
        assertThat(evaluator.chartGuide("STEP_IN_PLACE_2MIN", "F", 72).population()).contains("국민체력100");
        assertThat(evaluator.chartGuide("SIT_AND_REACH", "F", 72).population()).contains("Rikli");
        // TUG: no slower than Bohannon 2006's upper confidence limit for 70-79 (10.2 s), open below
        Evaluator.ChartGuide tug = evaluator.chartGuide("TIMED_UP_AND_GO", "F", 72);
        assertThat(tug.low()).isNull();
        assertThat(tug.high()).isEqualTo(10.2);
        assertThat(tug.lowerIsBetter()).isTrue();
        // grip: not below AWGS 2019's 18 kg for women, open above
        Evaluator.ChartGuide grip = evaluator.chartGuide("GRIP_STRENGTH", "F", 72);
        assertThat(grip.low()).isEqualTo(18.0);
        assertThat(grip.high()).isNull();
        assertThat(evaluator.chartGuide("FIGURE_8_WALK", "F", 72).lowerIsBetter()).isTrue();
        assertThat(evaluator.chartGuide("FIGURE_8_WALK", "F", 72).population()).isNull();
        assertThat(chair.lowerIsBetter()).isFalse();
    }

    @Test
    void theFallRiskLinesAreTheCutOffsTheAssessmentUses() {
        assertThat(evaluator.chartGuide("TIMED_UP_AND_GO", "M", 80).fallRisk())
                .extracting(Evaluator.FallRiskLine::flag, Evaluator.FallRiskLine::value, Evaluator.FallRiskLine::level)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("TUG_13_5", 13.5, FallRiskLevel.HIGH),
                        org.assertj.core.groups.Tuple.tuple("TUG_12_STEADI", 12.0, FallRiskLevel.ELEVATED));
        assertThat(evaluator.chartGuide("ONE_LEG_STANCE", "F", 75).fallRisk()).singleElement()
                .satisfies(line -> {
                    assertThat(line.korean()).isEqualTo("낙상 위험 높음: 5초 미만");
                    assertThat(line.source()).isEqualTo("Vellas et al. 1997");
                });
        // the chair stand's STEADI threshold follows age and sex: men 85-89 under 8, 90 and over under 7
        assertThat(evaluator.chartGuide("CHAIR_STAND_30S", "M", 87).fallRisk()).singleElement()
                .extracting(Evaluator.FallRiskLine::value).isEqualTo(8.0);
        assertThat(evaluator.chartGuide("CHAIR_STAND_30S", "M", 97).fallRisk()).singleElement()
                .extracting(Evaluator.FallRiskLine::value).isEqualTo(7.0);
        assertThat(evaluator.chartGuide("GRIP_STRENGTH", "M", 80).fallRisk()).isEmpty();
    }

    @Test
    void underTheAgeTheNormsStartAtOnlyGripKeepsItsCutOff() {
        assertThat(evaluator.chartGuide("CHAIR_STAND_30S", "F", 58).low()).isNull();
        assertThat(evaluator.chartGuide("CHAIR_STAND_30S", "F", 58).fallRisk()).isEmpty();
        assertThat(evaluator.chartGuide("TIMED_UP_AND_GO", "F", 58).high()).isNull();
        assertThat(evaluator.chartGuide("GRIP_STRENGTH", "F", 58).low()).isEqualTo(18.0);
        assertThat(evaluator.chartGuide("NOT_A_TEST", "F", 70).fallRisk()).isEmpty();
    }
}
