package kr.smartsenior.server.fitness;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementProtocol;
import kr.smartsenior.protocol.RecordDetail;
import kr.smartsenior.server.member.MemberDirectory.Senior;
import org.junit.jupiter.api.Test;

class FallRiskAssessmentTest {

    static final Instant NOW = Instant.parse("2026-11-21T01:00:00Z");
    /** 75 in 2026. */
    static final Senior WOMAN_75 = new Senior("M7K2Q9XD4T", "ydp-01", "김순자", 1951, "F");
    /** 69 in 2026. */
    static final Senior WOMAN_69 = new Senior("M7K2Q9XD4V", "ydp-01", "이영희", 1957, "F");
    /** 82 in 2026. */
    static final Senior MAN_82 = new Senior("M7K2Q9XD4W", "ydp-01", "박철수", 1944, "M");

    static final String TUG = "TIMED_UP_AND_GO";
    static final String STANCE = "ONE_LEG_STANCE";
    static final String CHAIR = "CHAIR_STAND_30S";

    private static Result test(String code, String value, int daysAgo, String protocol) {
        return new Result(code, "test", new BigDecimal(value),
                OffsetDateTime.ofInstant(NOW, ZoneOffset.ofHours(9)).minusDays(daysAgo),
                Map.of(RecordDetail.PROTOCOL, protocol));
    }

    /** By the procedure the kiosk uses today. */
    private static Result today(String code, String value, int daysAgo) {
        return test(code, value, daysAgo, MeasurementProtocol.of(MeasurementCode.valueOf(code)).id());
    }

    private static Optional<FallScreening.KeyAnswers> answers(boolean fell, boolean unsteady, boolean worries) {
        return Evaluations.answers(NOW, fell, unsteady, worries);
    }

    private static Evaluation.FallRisk risk(Senior senior, List<Result> results,
            Optional<FallScreening.KeyAnswers> answers) {
        return Evaluations.evaluator(answers, Set.of()).evaluate(senior, results, NOW).fallRisk();
    }

    private static Evaluation.FallRisk risk(Senior senior, List<Result> results) {
        return risk(senior, results, answers(false, false, false));
    }

    @Test
    void onePassingChairStandNeverMakesASeniorLowRisk() {
        Evaluation.FallRisk risk = risk(WOMAN_75, List.of(today(CHAIR, "14", 5)));

        assertThat(risk.level()).isEqualTo(FallRiskLevel.NEEDS_CHECK);
        assertThat(risk.korean()).isEqualTo("확인 필요");
        assertThat(risk.flags()).isEmpty();
        assertThat(risk.missing()).containsExactly("최근 1년 안의 3m 표적 돌아오기(TUG) 검사가 없어요",
                "최근 1년 안의 한 발로 서기(지지 없이) 검사가 없어요");
    }

    @Test
    void aTugOfTwelvePointFourIsNotLowEvenWithAClearScreening() {
        Evaluation.FallRisk risk = risk(WOMAN_69, List.of(today(TUG, "12.4", 5), today(STANCE, "20", 5)));

        assertThat(risk.level()).isEqualTo(FallRiskLevel.ELEVATED);
        assertThat(risk.flags()).extracting(Evaluation.FallRiskFlag::flag).containsExactly("TUG_12_STEADI");
    }

    @Test
    void aSlowTugAndAShortOneLegStanceAreHigh() {
        Evaluation.FallRisk risk = risk(MAN_82, List.of(today(TUG, "14.2", 5), today(STANCE, "3.1", 5)));

        assertThat(risk.level()).isEqualTo(FallRiskLevel.HIGH);
        assertThat(risk.flags()).extracting(Evaluation.FallRiskFlag::flag)
                .containsExactlyInAnyOrder("TUG_13_5", "TUG_12_STEADI", "ONE_LEG_UNDER_5");
    }

    @Test
    void lowWithACurrentTugAndUnsupportedStanceNoFlagAndNoFall() {
        Evaluation.FallRisk risk = risk(WOMAN_75, List.of(today(TUG, "9", 5), today(STANCE, "20", 5),
                today(CHAIR, "14", 5)));

        assertThat(risk.level()).isEqualTo(FallRiskLevel.LOW);
        assertThat(risk.korean()).isEqualTo("낮음");
        assertThat(risk.missing()).isEmpty();
    }

    @Test
    void aFallInThePastYearIsAtLeastElevatedWhateverTheTests() {
        Evaluation.FallRisk risk = risk(WOMAN_75, List.of(today(TUG, "9", 5), today(STANCE, "20", 5)),
                answers(true, false, false));

        assertThat(risk.level()).isEqualTo(FallRiskLevel.ELEVATED);
        assertThat(risk.keyAnswers()).extracting(Evaluation.KeyAnswer::question).containsExactly("FELL_PAST_YEAR");
    }

    @Test
    void aFallTogetherWithATestFlagIsHigh() {
        Evaluation.FallRisk risk = risk(WOMAN_69, List.of(today(TUG, "12.4", 5), today(STANCE, "20", 5)),
                answers(true, false, false));

        assertThat(risk.level()).isEqualTo(FallRiskLevel.HIGH);
    }

    @Test
    void feelingUnsteadyOrWorryingAboutFallingIsScreenedAtRisk() {
        List<Result> good = List.of(today(TUG, "9", 5), today(STANCE, "20", 5));

        assertThat(risk(WOMAN_75, good, answers(false, true, false)).level()).isEqualTo(FallRiskLevel.ELEVATED);
        assertThat(risk(WOMAN_75, good, answers(false, false, true)).level()).isEqualTo(FallRiskLevel.ELEVATED);
    }

    @Test
    void withoutACurrentScreeningAskingTheFallQuestionsGoodTestsStillNeedCheck() {
        List<Result> good = List.of(today(TUG, "9", 5), today(STANCE, "20", 5));
        Optional<FallScreening.KeyAnswers> expired = Optional.of(new FallScreening.KeyAnswers(
                OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC).minusDays(400), false, false, false));
        Optional<FallScreening.KeyAnswers> notAsked = Optional.of(new FallScreening.KeyAnswers(
                OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC).minusDays(10), null, null, null));

        assertThat(risk(WOMAN_75, good, Optional.empty()).level()).isEqualTo(FallRiskLevel.NEEDS_CHECK);
        assertThat(risk(WOMAN_75, good, expired).level()).isEqualTo(FallRiskLevel.NEEDS_CHECK);
        Evaluation.FallRisk old = risk(WOMAN_75, good, notAsked);
        assertThat(old.level()).isEqualTo(FallRiskLevel.NEEDS_CHECK);
        assertThat(old.missing()).singleElement().asString().contains("다시 물어봐 주세요");
    }

    @Test
    void aSupersededResultNeverCountsTowardLow() {
        Evaluation.FallRisk risk = risk(WOMAN_75, List.of(test(TUG, "9", 5, "timed-up-and-go/1"),
                today(STANCE, "20", 5)));

        assertThat(risk.level()).isEqualTo(FallRiskLevel.NEEDS_CHECK);
        assertThat(risk.flags()).isEmpty();
        assertThat(risk.missing()).singleElement().asString().contains("이전 절차(timed-up-and-go/1)");
    }

    @Test
    void aSupersededResultStillRaisesItsFlag() {
        Evaluation.FallRisk risk = risk(MAN_82, List.of(today(TUG, "9", 30), test(TUG, "13.6", 5, "timed-up-and-go/1"),
                test(STANCE, "4", 5, "one-leg-stance/1")));

        assertThat(risk.level()).isEqualTo(FallRiskLevel.HIGH);
        assertThat(risk.flags()).extracting(Evaluation.FallRiskFlag::flag)
                .containsExactlyInAnyOrder("TUG_13_5", "TUG_12_STEADI", "ONE_LEG_UNDER_5");
        assertThat(risk.flags()).allSatisfy(f -> {
            assertThat(f.earlierProcedure()).isTrue();
            assertThat(f.note()).contains("이전 절차로 측정");
        });
    }

    @Test
    void aLaterResultByTodaysProcedureStandsOverAnEarlierSupersededOne() {
        Evaluation.FallRisk risk = risk(WOMAN_75, List.of(test(TUG, "14", 60, "timed-up-and-go/1"),
                today(TUG, "9", 5), today(STANCE, "20", 5)));

        assertThat(risk.flags()).isEmpty();
        assertThat(risk.level()).isEqualTo(FallRiskLevel.LOW);
    }

    @Test
    void aSupportedOneLegStanceCountsTowardNothing() {
        Evaluation.FallRisk risk = risk(WOMAN_75, List.of(today(TUG, "9", 5),
                test(STANCE, "2", 5, MeasurementProtocol.ONE_LEG_STANCE_SUPPORTED.id())));

        assertThat(risk.flags()).isEmpty();
        assertThat(risk.level()).isEqualTo(FallRiskLevel.NEEDS_CHECK);
        assertThat(risk.missing()).singleElement().asString().contains("의자를 잡고(지지)");
        assertThat(risk.notMeasured()).contains(STANCE);
    }

    @Test
    void flagsOfATestNotYetValidatedAtTheSiteAreMarkedAndStillCount() {
        List<Result> slow = List.of(today(TUG, "14", 5), today(STANCE, "20", 5));

        Evaluation.FallRisk before = risk(MAN_82, slow);
        assertThat(before.level()).isEqualTo(FallRiskLevel.HIGH);
        assertThat(before.flags()).allSatisfy(f -> {
            assertThat(f.validated()).isFalse();
            assertThat(f.note()).isEqualTo("검증 전");
        });

        Evaluation.FallRisk after = Evaluations.evaluator(answers(false, false, false),
                Set.of(MeasurementCode.TIMED_UP_AND_GO)).evaluate(MAN_82, slow, NOW).fallRisk();
        assertThat(after.level()).isEqualTo(FallRiskLevel.HIGH);
        assertThat(after.flags()).allSatisfy(f -> {
            assertThat(f.validated()).isTrue();
            assertThat(f.note()).isNull();
        });
    }
}
