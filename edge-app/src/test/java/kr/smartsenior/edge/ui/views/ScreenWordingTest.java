package kr.smartsenior.edge.ui.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import kr.smartsenior.edge.testing.Prescriptions;
import kr.smartsenior.edge.ui.ports.CardEvents.CardEvent;
import kr.smartsenior.edge.ui.ports.CardEvents.Refusal;
import kr.smartsenior.edge.ui.ports.ExercisePrograms;
import kr.smartsenior.edge.ui.ports.ExercisePrograms.ExerciseEvent;
import kr.smartsenior.edge.ui.ports.FitnessTests.Grade;
import kr.smartsenior.edge.ui.ports.FitnessTests.Step;
import kr.smartsenior.edge.ui.ports.FitnessTests.TestEvent;
import kr.smartsenior.edge.ui.views.Screen.Line;
import kr.smartsenior.edge.ui.voice.Prompt;
import kr.smartsenior.protocol.KioskPrescription;
import kr.smartsenior.protocol.MeasurementCode;
import org.junit.jupiter.api.Test;

class ScreenWordingTest {

    private static final ExercisePrograms.Offer STEP_JUMP = new ExercisePrograms.Offer(MeasurementCode.STEP_JUMP, 2, 10, false);
    private static final ExercisePrograms.Offer INTERVAL = new ExercisePrograms.Offer(MeasurementCode.INTERVAL, 1, 10, false);

    @Test
    void aRefusedCardShowsTheIdentifiersOwnSentenceOrElseTheKiosksForItsReason() {
        assertThat(ScreenWording.refusalMessage(new CardEvent.Refused(Refusal.REVOKED_CARD, "새 카드를 받으셨어요.")))
                .isEqualTo("새 카드를 받으셨어요.");
        assertThat(ScreenWording.refusalMessage(new CardEvent.Refused(Refusal.UNKNOWN_CARD, " ")))
                .isEqualTo(Prompt.CARD_UNKNOWN.text()).contains("등록되지 않은 카드");
        assertThat(ScreenWording.refusalPrompt(Refusal.NOT_A_MEMBER_CARD)).isEqualTo(Prompt.CARD_NOT_MEMBER);
    }

    @Test
    void aFixedLengthTestShowsTheCountTheTimeLeftAndABar() {
        Live live = ScreenWording.measuring(TestGuide.of(MeasurementCode.CHAIR_STAND_30S),
                new TestEvent.Progress(new BigDecimal("7"), Duration.ofMillis(7_500), Duration.ofSeconds(30)));
        assertThat(live).isEqualTo(new Live("7", "남은 시간 22초", 0.25));
    }

    @Test
    void aTimedTestShowsTheSecondsWithoutTheUnitAndTheTimeTakenWithoutABar() {
        Live live = ScreenWording.measuring(TestGuide.of(MeasurementCode.TIMED_UP_AND_GO),
                new TestEvent.Progress(new BigDecimal("8.44"), Duration.ofMillis(8_440), Duration.ZERO));
        assertThat(live).isEqualTo(new Live("8.4", "걸린 시간 8초", -1));
        assertThat(ScreenWording.countdown(3)).isEqualTo(new Live("3", "", -1));
    }

    @Test
    void aResultLineCarriesTheGradeWordOnlyWhenThereIsALocalGrade() {
        TestGuide chairStand = TestGuide.of(MeasurementCode.CHAIR_STAND_30S);
        assertThat(ScreenWording.resultLine(chairStand, new BigDecimal("14"), Grade.GOOD))
                .isEqualTo(new Line("30초 의자에 앉았다 일어서기", "14번 · 좋아요"));
        assertThat(ScreenWording.resultLine(chairStand, new BigDecimal("14"), Grade.UNRATED))
                .isEqualTo(new Line("30초 의자에 앉았다 일어서기", "14번"));
    }

    @Test
    void aDayWithoutResultsSaysSo() {
        assertThat(ScreenWording.todaysResults(List.of())).containsExactly(new Line("오늘", "아직 측정하지 않았어요"));
        assertThat(ScreenWording.todaysResults(List.of(new Line("악력", "23.5kg")))).containsExactly(new Line("악력", "23.5kg"));
    }

    @Test
    void theRostersPrescriptionShowsItsOwnLinesUnderOneLabel() {
        KioskPrescription roster = Prescriptions.lines("스텝 & 점프 2단계를 10분 해요.", "일주일에 3번 해요.");
        assertThat(ScreenWording.prescription(roster)).containsExactly(new Line("운동 처방", "스텝 & 점프 2단계를 10분 해요."),
                new Line("", "일주일에 3번 해요."));
        assertThat(ScreenWording.prescription(Prescriptions.lines("", " ")))
                .containsExactly(new Line("운동 처방", "처방 준비 중"));
    }

    @Test
    void noPrescriptionIsBeingPrepared() {
        assertThat(ScreenWording.prescription(KioskPrescription.NONE)).containsExactly(new Line("운동 처방", "처방 준비 중"));
    }

    @Test
    void theTimeLeftIsRoundedUpToWholeSecondsAndNeverNegative() {
        assertThat(ScreenWording.timeLeft(Duration.ofMillis(252_001))).isEqualTo("남은 시간 4분 13초");
        assertThat(ScreenWording.timeLeft(Duration.ofSeconds(59))).isEqualTo("남은 시간 59초");
        assertThat(ScreenWording.timeLeft(Duration.ofSeconds(-2))).isEqualTo("남은 시간 0초");
    }

    @Test
    void theScoreCountsHitsAndMissesOrForIntervalsTheRoundAndCadence() {
        assertThat(ScreenWording.score(STEP_JUMP, progress(0, 0, 0, 0))).isEmpty();
        assertThat(ScreenWording.score(STEP_JUMP, progress(12, 3, 0, 0))).isEqualTo("성공 12  ·  놓침 3");
        assertThat(ScreenWording.score(INTERVAL, progress(0, 0, 2, 96))).isEqualTo("라운드 2 / 4  ·  분당 96걸음");
        assertThat(ScreenWording.score(INTERVAL, progress(0, 0, 0, 0))).isEmpty();
        assertThat(ScreenWording.answer(true)).isEqualTo("좋아요!");
        assertThat(ScreenWording.answer(false)).isEqualTo("놓쳤어요");
    }

    @Test
    void aStepAndJumpResultSaysTimeHitsReactionAndTheLevelsItWentThrough() {
        ExercisePrograms.Summary summary = new ExercisePrograms.Summary(MeasurementCode.STEP_JUMP, Duration.ofSeconds(605),
                40, 10, 80, 1_234, 0, 2, 3, 0, null);
        assertThat(ScreenWording.exerciseResult(summary)).containsExactly(new Line("운동 시간", "10분 5초"),
                new Line("성공", "40번 (80%)"), new Line("반응 시간", "평균 1.2초"), new Line("단계", "2단계 → 3단계"));
    }

    @Test
    void anIntervalResultSaysRoundsAndCadenceAndWhyItStopped() {
        ExercisePrograms.Summary summary = new ExercisePrograms.Summary(MeasurementCode.INTERVAL, Duration.ofSeconds(42),
                0, 0, 0, -1, 88, 1, 1, 2, "symptom");
        assertThat(ScreenWording.exerciseResult(summary)).containsExactly(new Line("운동 시간", "42초"),
                new Line("라운드", "2번"), new Line("걸음", "분당 88걸음"), new Line("단계", "1단계"),
                new Line("멈춤", "몸이 불편해서 멈췄어요"));
    }

    @Test
    void theTestsAreExplainedAsTheirProtocolsSayAndTheStepScoreIsKneeLiftsInHoe() {
        TestGuide step = TestGuide.of(MeasurementCode.STEP_IN_PLACE_2MIN);
        assertThat(step.valueText(BigDecimal.valueOf(85))).isEqualTo("85회");
        assertThat(step.resultSentence(BigDecimal.valueOf(85))).contains("85회").contains("무릎").doesNotContain("걸음");
        assertThat(step.unitWord()).isEqualTo("회");
        assertThat(TestGuide.of(MeasurementCode.CHAIR_STAND_30S).valueText(BigDecimal.valueOf(14))).isEqualTo("14번");
        assertThat(Prompt.STEP_IN_PLACE_INTRO.text()).contains("무릎뼈와 골반뼈의 중간 높이").contains("오른쪽 무릎");
        assertThat(Prompt.UP_AND_GO_INTRO.text()).contains("평소 걷는 속도").contains("시작 소리부터");
        assertThat(Prompt.CHAIR_STAND_INTRO.text()).contains("가운데").contains("팔짱").contains("끝까지");
        assertThat(Prompt.ONE_LEG_INTRO.text()).contains("두 번").contains("손은 허리에");
        assertThat(TestGuide.of(MeasurementCode.ONE_LEG_STANCE).resultSentence(new BigDecimal("9.3"))).contains("가장 오래")
                .contains("9.3초");
    }

    @Test
    void aOneLegStanceHeldAtTheChairSaysSoWhereverItsValueShows() {
        TestGuide oneLeg = TestGuide.of(MeasurementCode.ONE_LEG_STANCE);
        BigDecimal value = new BigDecimal("12.34");
        assertThat(oneLeg.valueText(value, true)).isEqualTo("의자 잡고 12.3초");
        assertThat(oneLeg.valueText(value, false)).isEqualTo("12.3초");
        assertThat(oneLeg.resultSentence(value, true)).startsWith("의자를 잡고 한 발로").contains("12.3초");
        assertThat(oneLeg.resultSentence(value, false)).isEqualTo(oneLeg.resultSentence(value));
        assertThat(ScreenWording.resultLine(oneLeg, value, Grade.UNRATED, true).text()).isEqualTo("의자 잡고 12.3초");
        assertThat(oneLeg.prompt(Step.INSTRUCTIONS, true)).isEqualTo(Prompt.ONE_LEG_INTRO_CHAIR);
        assertThat(oneLeg.prompt(Step.INSTRUCTIONS, false)).isEqualTo(Prompt.ONE_LEG_INTRO);
        assertThat(Prompt.ONE_LEG_INTRO_CHAIR.text()).contains("의자를 잡으세요").doesNotContain("허리에");
        assertThat(Prompt.ONE_LEG_HANDS_ASK.text()).startsWith(Screen.OneLegHandsAsk.QUESTION).contains("괜찮아요");
        assertThat(new Screen.OneLegHandsAsk(4, 4).padAction()).as("touch only").isEmpty();
    }

    private static ExerciseEvent.Progress progress(int hits, int misses, int round, int cadence) {
        return new ExerciseEvent.Progress(Duration.ofSeconds(30), Duration.ofSeconds(90), 2, hits, misses, 0, cadence, round, 4,
                Duration.ZERO);
    }
}
