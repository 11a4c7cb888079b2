package kr.smartsenior.edge.ui.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import kr.smartsenior.edge.measure.InvalidReason;
import kr.smartsenior.edge.ui.ports.ExercisePrograms;
import kr.smartsenior.edge.ui.ports.FitnessTests.Grade;
import kr.smartsenior.edge.ui.views.ScreenWording;
import kr.smartsenior.edge.ui.views.TestGuide;
import kr.smartsenior.protocol.MeasurementCode;
import org.junit.jupiter.api.Test;

class SpeechComposerTest {

    private final SpeechComposer composer = SpeechComposer.builtIn();

    private List<String> said(String shown) {
        return composer.compose(shown).orElseThrow(() -> new AssertionError("not composable: " + shown)).ids();
    }

    private String words(String shown) {
        return String.join(" ", said(shown).stream().map(id -> Utterance.promptOf(id).map(Prompt::text)
                .orElseGet(() -> Segments.get(id).spoken())).toList());
    }

    @Test
    void countsWithBeonAreNativeKorean() {
        assertThat(said("14번")).containsExactly("native_14", "unit_beon");
        assertThat(words("14번")).isEqualTo("열네 번");
        assertThat(words("20번")).isEqualTo("스무 번");
        assertThat(words("1번")).isEqualTo("한 번");
        assertThat(words("112번")).isEqualTo("백 열두 번");
        assertThat(words("0번")).isEqualTo("영 번");
    }

    @Test
    void secondsAndKneeLiftsAreSinoKorean() {
        assertThat(said("10.8초")).containsExactly("sino_10", "point", "sino_8", "unit_cho");
        assertThat(words("0.8초")).isEqualTo("영 점 팔 초");
        assertThat(words("12.0초")).isEqualTo("십이 점 영 초");
        assertThat(said("123회")).containsExactly("sino_100", "sino_23", "unit_hoe");
        assertThat(words("85회")).isEqualTo("팔십오 회");
        assertThat(words("250회")).isEqualTo("이백 오십 회");
        assertThat(words("4분 12초")).isEqualTo("사 분 십이 초");
        assertThat(words("-3.5cm")).isEqualTo("마이너스 삼 점 오 센티미터");
    }

    @Test
    void aResultSentenceIsItsPhrasesAroundTheNumber() {
        TestGuide chair = TestGuide.of(MeasurementCode.CHAIR_STAND_30S);
        assertThat(said(chair.resultSentence(BigDecimal.valueOf(14))))
                .containsExactly("r_chair_stand_before", "native_14", "unit_beon", "r_chair_stand_after");
        TestGuide tug = TestGuide.of(MeasurementCode.TIMED_UP_AND_GO);
        assertThat(words(tug.resultSentence(new BigDecimal("10.8")))).isEqualTo("다녀오는 데 십 점 팔 초 걸렸어요.");
        TestGuide step = TestGuide.of(MeasurementCode.STEP_IN_PLACE_2MIN);
        assertThat(words(step.resultSentence(BigDecimal.valueOf(123))))
                .isEqualTo("2분 동안 오른쪽 무릎을 백 이십삼 회 올리셨어요.");
        TestGuide oneLeg = TestGuide.of(MeasurementCode.ONE_LEG_STANCE);
        assertThat(said(oneLeg.resultSentence(new BigDecimal("12.3"), true))).containsExactly("r_one_leg_chair_before",
                "sino_12", "point", "sino_3", "unit_cho", "p_ye_yo");
        assertThat(words(TestGuide.of(MeasurementCode.GRIP_STRENGTH).resultSentence(new BigDecimal("23.5"))))
                .isEqualTo("결과는 이십삼 점 오 킬로그램 이에요.");
    }

    /** Every result sentence and summary line a kiosk test can show, over its whole range, can be said. */
    @Test
    void everyResultTheScreensShowCanBeSaid() {
        for (MeasurementCode test : List.of(MeasurementCode.CHAIR_STAND_30S, MeasurementCode.STEP_IN_PLACE_2MIN,
                MeasurementCode.TIMED_UP_AND_GO, MeasurementCode.ONE_LEG_STANCE)) {
            TestGuide guide = TestGuide.of(test);
            int max = test.max().intValueExact();
            for (int tenths = 0; tenths <= max * 10; tenths += test.unit() == kr.smartsenior.protocol.Unit.COUNT ? 10 : 1) {
                BigDecimal value = BigDecimal.valueOf(tenths, 1);
                for (boolean chair : new boolean[] {false, true}) {
                    assertThat(composer.compose(guide.resultSentence(value, chair))).as(guide.resultSentence(value, chair))
                            .isPresent();
                    for (Grade grade : Grade.values()) {
                        var line = ScreenWording.resultLine(guide, value, grade, chair);
                        assertThat(composer.compose(line.label() + " " + line.text())).as(line.text()).isPresent();
                    }
                }
            }
        }
    }

    @Test
    void theSummaryLineSaysTheTestTheValueAndTheGrade() {
        var line = ScreenWording.resultLine(TestGuide.of(MeasurementCode.TIMED_UP_AND_GO), new BigDecimal("10.8"), Grade.GOOD);
        assertThat(said(line.label() + " " + line.text()))
                .containsExactly("t_up_and_go", "sino_10", "point", "sino_8", "unit_cho", "g_good");
        assertThat(said("오늘 " + ScreenWording.NOTHING_MEASURED)).containsExactly("s_today", "s_nothing_measured");
        assertThat(said("운동 처방 " + ScreenWording.NO_PRESCRIPTION)).containsExactly("s_prescription", "s_no_prescription");
    }

    /** The server's prescription lines (PrescriptionRules): fixed ones whole, the ones with numbers in pieces. */
    @Test
    void prescriptionLinesAreSaid() {
        assertThat(said("스텝 & 점프 2단계를 15분, 일주일에 3번 해요.")).containsExactly("x_step_jump", "sino_2", "unit_dangye",
                "p_reul", "sino_15", "unit_bun", "rx_per_week", "native_3", "unit_beon", "p_haeyo");
        assertThat(words("의자를 잡고, 의자에서 일어서기부터 팔 올리기까지 7가지 동작을 10번씩, 일주일에 2-3번 해요."))
                .isEqualTo("의자를 잡고, 의자에서 일어서기부터 팔 올리기까지 일곱 가지 동작을 열 번 씩 일주일에 두 번 에서 세 번 해요.");
        assertThat(said("싱크대나 의자를 잡고 균형 운동을 하루 15분, 거의 매일 해요.")).containsExactly("rx_balance_support",
                "rx_per_day", "sino_15", "unit_bun", "rx_almost_daily");
        assertThat(said("평소 걸음으로 하루 10분, 일주일에 2-3번 걸어요. 빠르게 걷지는 마세요.")).containsExactly("rx_aerobic_fall_start");
        assertThat(said("건강 질문에 '예'가 있어 가벼운 운동만 해요. 선생님이 확인하면 바뀌어요.")).containsExactly("rx_safe_clearance");
        assertThat(said("운동 처방 혈압이 높은 편이라 힘든 운동(인터벌)은 하지 않아요.")).containsExactly("s_prescription", "rx_bp_high");
        for (String fixed : List.of("안전 확인 전이라 가벼운 운동만 해요. 선생님께 건강 질문을 받아 주세요.",
                "건강 질문을 받은 지 1년이 지났어요. 다시 받을 때까지 가벼운 운동만 해요.",
                "혈압이 매우 높아요. 키오스크 운동은 쉬고, 선생님과 상담한 뒤 다시 시작해요.",
                "넘어질 위험이 있어 인터벌, 점프, 빠르게 걷기는 하지 않고, 의자를 잡고 하는 근력·균형 운동을 먼저 해요.",
                "운동할 때는 의자나 손잡이를 잡고 하세요.", "인터벌 운동은 균형 검사를 한 뒤에 시작해요.",
                "인터벌 운동은 넘어질 위험이 낮을 때만 해요.", "뼈를 보호하려고 점프는 하지 않아요.",
                "뼈 건강 질문에 답하기 전에는 점프는 하지 않아요.", "평소처럼 가볍게 걸으세요. 힘든 운동은 쉬어요.",
                "평소 걸음으로 하루 30분까지, 일주일에 3-5번 걸어요. 빠르게 걷지는 마세요.",
                "빠르게 걷기를 하루 10분부터, 일주일에 3번 시작해요.", "빠르게 걷기를 하루 30분, 일주일에 5번 해요.",
                "근력 운동은 잠시 쉬어요.", "한 발로 서기, 일자로 걷기 같은 균형 운동을 하루 10분, 거의 매일 해요.",
                "운동 뒤에 다리 뒤를 30초씩 늘려요.", "밸런스 3단계를 10분, 일주일에 3번 해요.",
                "고강도 인터벌 1단계를 10분, 일주일에 2번 해요.")) {
            assertThat(composer.compose(fixed)).as(fixed).isPresent();
        }
    }

    @Test
    void anExercisesResultLinesAreSaid() {
        var summary = new ExercisePrograms.Summary(MeasurementCode.STEP_JUMP, Duration.ofSeconds(252), 14, 3, 82, 850, 0,
                2, 3, 0, "stepped-off");
        for (var line : ScreenWording.exerciseResult(summary)) {
            assertThat(composer.compose(line.label() + " " + line.text())).as(line.text()).isPresent();
        }
        assertThat(words("운동 시간 4분 12초")).isEqualTo("운동 시간 사 분 십이 초");
        assertThat(words("성공 14번 (82%)")).isEqualTo("성공 열네 번 팔십이 퍼센트");
        assertThat(words("단계 2단계 → 3단계")).isEqualTo("단계 이 단계 에서 삼 단계");
        assertThat(words("걸음 분당 110걸음")).isEqualTo("걸음 분당 백 열 걸음");
    }

    /** Why a test is offered again: every reason the measuring code gives is a whole recorded phrase. */
    @Test
    void everyRetryReasonIsSaid() {
        for (InvalidReason reason : InvalidReason.values()) {
            assertThat(said(reason.korean())).as(reason.name()).hasSize(1);
        }
        assertThat(said(ScreenWording.STOPPED_REASON)).containsExactly("iv_stopped");
        assertThat(said("다시 해 볼까요?")).containsExactly("iv_again");
    }

    @Test
    void anOfferedProgramIsSaidWithItsLevelAndMinutes() {
        assertThat(words("고강도 인터벌 1단계 10분")).isEqualTo("고강도 인터벌 일 단계 십 분");
    }

    @Test
    void aLineWithAnythingNotRecordedIsNotSaidAtAll() {
        assertThat(composer.compose("김영희 어르신의 결과")).isEmpty();
        assertThat(composer.compose("14번 그리고 뭔가 새로운 말")).isEmpty();
        assertThat(composer.compose("12345번")).isEmpty(); // over 9999: shown, not said
    }

    @Test
    void linesKeepTheLeadPromptAndSkipWhatCannotBeSaid() {
        Utterance said = composer.lines(Prompt.SUMMARY, List.of("한 발로 서기 12.3초 · 보통이에요", "알 수 없는 줄"));
        assertThat(said.ids()).containsExactly("summary", "t_one_leg", "sino_12", "point", "sino_3", "unit_cho", "g_fair");
        assertThat(said.prompts()).containsExactly(Prompt.SUMMARY);
        assertThat(said.text()).isEqualTo(Prompt.SUMMARY.text() + " 한 발로 서기 12.3초 · 보통이에요");
    }
}
