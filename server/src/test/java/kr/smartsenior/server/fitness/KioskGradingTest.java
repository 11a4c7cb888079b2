package kr.smartsenior.server.fitness;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.RecentResults;
import kr.smartsenior.protocol.RecentResults.Trend;
import kr.smartsenior.protocol.RecordDetail;
import kr.smartsenior.protocol.ResultBand;
import kr.smartsenior.server.member.MemberDirectory.Senior;
import org.junit.jupiter.api.Test;

/** The latest results the roster carries for "내 기록": bands at each result's age, the evaluation's trend. */
class KioskGradingTest {

    private final NormTables norms = new NormTables();
    private final KioskGrading grading = new KioskGrading(norms, new Grader(norms), null, null, null);
    /** 76 in 2026: women 75-79 (chair stand grade 3 at 12, grade 1 at 18). */
    private final Senior senior = new Senior("M0000000F1", "ydp-01", "여", 1950, "F");
    private static final OffsetDateTime START = OffsetDateTime.parse("2026-03-02T10:00:00+09:00");

    private static Result test(MeasurementCode code, String value, int day, String protocol, String hand) {
        Map<String, Object> detail = new java.util.HashMap<>();
        if (protocol != null) {
            detail.put(RecordDetail.PROTOCOL, protocol);
        }
        if (hand != null) {
            detail.put(RecordDetail.HAND, hand);
        }
        return new Result(code.name(), "test", new BigDecimal(value), START.plusDays(day), detail);
    }

    @Test
    void theLatestFiveOfTheLatestProcedureWithTheServersBandAndTrend() {
        List<Result> results = new ArrayList<>();
        results.add(test(MeasurementCode.CHAIR_STAND_30S, "30", 0, "chair-stand-30s/1", null)); // superseded: left out
        int[] counts = {9, 10, 11, 12, 13, 19};
        for (int i = 0; i < counts.length; i++) {
            results.add(test(MeasurementCode.CHAIR_STAND_30S, Integer.toString(counts[i]), 10 + i, "chair-stand-30s/2", null));
        }
        results.add(new Result("STEP_JUMP", "exercise", BigDecimal.TEN, START, Map.of()));
        RecentResults chair = grading.recent(senior, results).getFirst();
        assertThat(chair.code()).isEqualTo(MeasurementCode.CHAIR_STAND_30S);
        assertThat(chair.protocol()).isEqualTo("chair-stand-30s/2");
        assertThat(chair.results()).extracting(RecentResults.Result::value).extracting(BigDecimal::intValue)
                .containsExactly(10, 11, 12, 13, 19);
        assertThat(chair.results()).extracting(RecentResults.Result::band).containsExactly(ResultBand.BELOW,
                ResultBand.BELOW, ResultBand.WITHIN, ResultBand.WITHIN, ResultBand.ABOVE);
        assertThat(chair.results().getFirst().day()).isEqualTo(START.plusDays(11).toLocalDate());
        assertThat(chair.trend()).as("19 against the median 12 of 11-13").isEqualTo(Trend.IMPROVED);
    }

    @Test
    void aTrendOnAPlaceholderSmallestRealChangeIsNotCalledAndAnUngradedTestHasNoBand() {
        List<Result> results = List.of(test(MeasurementCode.STEP_IN_PLACE_2MIN, "90", 0, "step-in-place-2min/2", null),
                test(MeasurementCode.STEP_IN_PLACE_2MIN, "60", 7, "step-in-place-2min/2", null),
                test(MeasurementCode.ONE_LEG_STANCE, "12.4", 0, "one-leg-stance-supported/1", null));
        List<RecentResults> recent = grading.recent(senior, results);
        assertThat(recent.get(0).trend()).as("step-in-place: no published smallest real change").isEqualTo(Trend.NOT_CALLED);
        assertThat(recent.get(1).code()).isEqualTo(MeasurementCode.ONE_LEG_STANCE);
        assertThat(recent.get(1).protocol()).isEqualTo("one-leg-stance-supported/1");
        assertThat(recent.get(1).results()).singleElement().satisfies(r -> assertThat(r.band()).isNull());
        assertThat(recent.get(1).trend()).isEqualTo(Trend.NOT_CALLED);
    }

    @Test
    void gripIsTheBestOfEitherHandEachDayAsTheEvaluationGradesIt() {
        List<Result> results = List.of(test(MeasurementCode.GRIP_STRENGTH, "17.5", 0, "grip/1", "right"),
                test(MeasurementCode.GRIP_STRENGTH, "19", 0, "grip/1", "left"),
                test(MeasurementCode.GRIP_STRENGTH, "23.5", 30, "grip/1", "right"));
        RecentResults grip = grading.recent(senior, results).getFirst();
        assertThat(grip.results()).extracting(RecentResults.Result::value)
                .containsExactly(new BigDecimal("19"), new BigDecimal("23.5"));
        assertThat(grip.results()).extracting(RecentResults.Result::band).containsOnly(ResultBand.WITHIN);
        assertThat(grip.trend()).as("+4.5 kg, beyond 2.9 kg").isEqualTo(Trend.IMPROVED);
    }
}
