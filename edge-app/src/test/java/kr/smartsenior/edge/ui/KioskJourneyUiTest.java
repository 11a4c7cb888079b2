package kr.smartsenior.edge.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import kr.smartsenior.edge.simulate.SimulatedKiosk;
import kr.smartsenior.edge.ui.ports.ExercisePrograms;
import kr.smartsenior.edge.ui.views.Screen;
import kr.smartsenior.protocol.MeasurementRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The whole kiosk on the headless JavaFX platform: simulated card, presence, pads and tests; a robot
 * taps the buttons and types the simulation keys, as a senior and the sensors would.
 */
@Timeout(60)
class KioskJourneyUiTest {

    private static final Duration LONG = Duration.ofSeconds(60);
    private static final String NAME = "김순자";

    private final FxRobot robot = new FxRobot();
    private final List<MeasurementRecord> recorded = new CopyOnWriteArrayList<>();
    private SimulatedKiosk simulated;
    private KioskUi ui;

    @BeforeAll
    static void toolkit() {
        FxTesting.startOrSkip();
    }

    @BeforeEach
    void fastPolling() {
        // generous: a loaded 2-core CI machine once took over 10 s for a journey step; a failing wait still fails
        Awaitility.setDefaultPollInterval(Duration.ofMillis(20));
        Awaitility.setDefaultTimeout(Duration.ofSeconds(30));
    }

    private void open(UiSettings settings) throws Exception {
        open(settings, Duration.ofMillis(10));
    }

    /** @param second a simulated second: short for the tests' phases, longer where the robot must catch a screen */
    private void open(UiSettings settings, Duration second) throws Exception {
        simulated = SimulatedKiosk.create(List.of(), second);
        Stage stage = FxToolkit.registerPrimaryStage();
        ui = FxTesting.onFx(() -> KioskUi.attach(stage, simulated.ports(), recorded::add, settings,
                Optional.of(simulated.keyboard())));
        FxTesting.onFx(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.show();
            stage.toFront();
            ui.controller().start();
        });
        awaitText("카드를 보여 주세요");
    }

    @AfterEach
    void close() {
        Awaitility.reset();
        if (ui != null) {
            ui.close();
        }
        if (simulated != null) {
            simulated.close();
        }
    }

    /**
     * The admin's remote settings apply live (decision 0042): the voice's volume (floored at 30 %), the text
     * of the screen shown (capped), the idle timeout; settings left out fall back to the kiosk's own.
     */
    @Test
    void theAdminsRemoteSettingsApplyLiveAndFallBackWhenCleared() throws Exception {
        open(UiSettings.defaults().withTimeouts(LONG, LONG, LONG, LONG, LONG));
        double designFont = FxTesting.onFx(() -> largestFont(ui.stage().getScene().getRoot()));
        ui.applyRemote(java.util.Map.of("volume", 0, "textScale", 2.0, "idleTimeoutSeconds", 45, "language", "ko"));
        await().until(() -> FxTesting.onFx(() -> ui.voice().volume()) == 0.3);
        await().until(() -> ui.controller().idleTimeout().equals(Duration.ofSeconds(45)));
        assertThat(FxTesting.onFx(() -> ui.model().textScale().get())).isEqualTo(kr.smartsenior.edge.ui.views.TextScale.MAX);
        await().until(() -> FxTesting.onFx(() -> {
            ui.stage().getScene().getRoot().applyCss();
            return largestFont(ui.stage().getScene().getRoot());
        }) >= designFont * kr.smartsenior.edge.ui.views.TextScale.MAX - 1);
        awaitText("카드를 보여 주세요"); // the same screen, drawn again

        ui.applyRemote(java.util.Map.of("volume", 80));
        await().until(() -> FxTesting.onFx(() -> ui.voice().volume()) == 0.8);
        await().until(() -> ui.controller().idleTimeout().equals(LONG));
        await().until(() -> FxTesting.onFx(() -> ui.model().textScale().get()) == 1.0);
    }

    private static double largestFont(Node node) {
        double largest = node instanceof javafx.scene.text.Text text ? text.getFont().getSize() : 0;
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                largest = Math.max(largest, largestFont(child));
            }
        }
        return largest;
    }

    @Test
    void aSeniorGoesFromCardToGoodbyeTappingAndSteppingAndEveryResultIsKept() throws Exception {
        open(UiSettings.defaults().withTimeouts(LONG, LONG, LONG, Duration.ofMillis(500), LONG));
        robot.type(KeyCode.P); // someone steps in front
        awaitText("어서 오세요! 카드를 보여 주세요");
        robot.type(KeyCode.DIGIT1); // shows the test card
        awaitText(NAME + "님, 반갑습니다!");
        tap("시작하기");
        awaitText(NAME + "님, 무엇을 할까요?");
        tap("체력 측정");
        awaitText("오늘 몸이 아프거나 어지러우세요?");
        robot.type(KeyCode.A); // a pad does not answer the safety question
        await().during(Duration.ofMillis(300)).until(() -> screen() instanceof Screen.SafetyAsk);
        tap("아니요, 괜찮아요");
        for (int test = 1; test <= 4; test++) {
            awaitText("체력 측정  " + test + " / 4");
            // every waiting step (safety question, instructions, practice) is confirmed with a pad (key A)
            while (!(screen() instanceof Screen.Result)) {
                Screen before = screen();
                if (before instanceof Screen.TestStep) {
                    robot.type(KeyCode.A);
                    await().until(() -> screen() != before);
                } else if (before instanceof Screen.OneLegHandsAsk) {
                    robot.type(KeyCode.A); // a pad does not answer whether they hold the chair
                    await().during(Duration.ofMillis(300)).until(() -> screen() == before);
                    tap("손 떼고 해 볼게요");
                    await().until(() -> screen() != before);
                } else {
                    await().until(() -> screen() instanceof Screen.TestStep || screen() instanceof Screen.Result
                            || screen() instanceof Screen.OneLegHandsAsk);
                }
            }
            awaitText(" 결과");
            tap(test == 4 ? "오늘 결과 보기" : "다음 측정");
        }
        awaitText(NAME + "님의 오늘 결과");
        awaitText("1 / 2");
        tap("다음"); // today's results first, the prescription on the next page (decision 0025)
        awaitText("2 / 2");
        assertThat(hasText("걷기, 의자 앉았다 일어서기")).isTrue();
        assertThat(recorded).hasSize(4).extracting(MeasurementRecord::code)
                .containsExactly("CHAIR_STAND_30S", "STEP_IN_PLACE_2MIN", "TIMED_UP_AND_GO", "ONE_LEG_STANCE");
        assertThat(recorded.getLast().detail()).as("chosen hands free on the screen")
                .containsEntry("protocol", "one-leg-stance/2");
        tap("끝내기");
        awaitText(NAME + "님, 안녕히 가세요");
        awaitText("카드를 보여 주세요");
        assertThat(allText()).noneMatch(text -> text.contains(NAME));
    }

    @Test
    void aSeniorExercisesOnTheMatAndTheSessionIsKept() throws Exception {
        open(UiSettings.defaults().withTimeouts(LONG, LONG, LONG, Duration.ofMillis(500), LONG), Duration.ofMillis(250));
        robot.type(KeyCode.DIGIT1);
        tap("시작하기");
        tap("운동하기");
        awaitText("어떤 운동을 할까요?");
        assertThat(hasText("고강도 인터벌")).isTrue();
        robot.type(KeyCode.A); // a pad chooses the first program
        awaitText("어지럽거나 가슴이 아프면 바로 멈추세요.");
        assertThat(hasText("스텝 & 점프 2단계 · 10분")).isTrue();
        tap("시작하기");
        awaitText("번 발판을 밟으세요");
        assertThat(screen()).isInstanceOf(Screen.ExercisePlay.class);
        awaitText(Screen.EffortAsk.QUESTION);
        assertThat(recorded).as("saved before the question").singleElement()
                .satisfies(r -> assertThat(r.code()).isEqualTo("STEP_JUMP"));
        awaitText("최대로\n힘듦"); // inside a button's graphic: there once the button has its skin (next pulse)
        tap("7");
        awaitText("수고하셨어요!");
        assertThat(hasText("운동 시간")).isTrue();
        assertThat(recorded).extracting(MeasurementRecord::code).containsExactly("STEP_JUMP", "EXERCISE_EFFORT");
        assertThat(recorded.getLast().value()).isEqualByComparingTo("7");
        tap("끝내기");
        awaitText("카드를 보여 주세요");
    }

    @Test
    void stoppingAnExerciseForChestPainTellsTheSeniorToSitDownAndTellStaff() throws Exception {
        open(UiSettings.defaults(), Duration.ofMillis(700));
        robot.type(KeyCode.DIGIT1);
        tap("시작하기");
        tap("운동하기");
        tap("고강도 인터벌\n1단계 · 10분");
        awaitText("어지럽거나 가슴이 아프면 바로 멈추세요");
        tap("시작하기");
        // the play screen is built anew at each stage: tap once the program itself is on
        await().until(() -> screen() instanceof Screen.ExercisePlay play && play.stage() == ExercisePrograms.Stage.PLAY);
        tap("멈추기");
        tap("어지럽거나 가슴이 아파요");
        awaitText("담당 선생님께 꼭 알려 주세요");
        await().until(() -> recorded.size() == 1);
        assertThat(recorded.getFirst().detail()).containsEntry("symptom", "dizziness-or-chest-pain");
        tap("처음 화면으로");
        awaitText(NAME + "님, 무엇을 할까요?");
    }

    @Test
    void afterTheQuestionGoesUnansweredTheScreenForgetsThePerson() throws Exception {
        open(UiSettings.defaults().withTimeouts(Duration.ofMillis(400), Duration.ofMillis(800), LONG, LONG, LONG));
        List<Screen> seen = new CopyOnWriteArrayList<>();
        FxTesting.onFx(() -> ui.model().screen().addListener((obs, was, now) -> seen.add(now)));
        robot.type(KeyCode.DIGIT1);
        tap("시작하기");
        await().until(() -> seen.stream().anyMatch(Screen.StillThere.class::isInstance) && screen() instanceof Screen.Idle);
        assertThat(seen).map(screen -> screen.getClass().getSimpleName())
                .containsSubsequence("Greeting", "Home", "StillThere", "Idle");
        awaitText("카드를 보여 주세요");
        assertThat(allText()).noneMatch(text -> text.contains(NAME));
    }

    @Test
    void anUnknownCardShowsACalmMessageWithAWayBack() throws Exception {
        open(UiSettings.defaults());
        robot.type(KeyCode.U);
        awaitText("카드를 확인하지 못했어요");
        assertThat(hasText("등록되지 않은 카드예요. 담당 선생님께 말씀해 주세요.")).isTrue();
        tap("처음으로");
        awaitText("카드를 보여 주세요");
    }

    @Test
    void aSeniorWhoIsUnwellTodayIsToldToRestNothingIsMeasuredAndStaffAreTold() throws Exception {
        open(UiSettings.defaults());
        robot.type(KeyCode.DIGIT1);
        tap("시작하기");
        tap("체력 측정");
        tap("네, 있어요");
        awaitText("오늘은 체력 측정도 운동도 쉬어요");
        awaitText("담당 선생님께 말씀해 주세요.");
        tap("처음 화면으로");
        awaitText(NAME + "님, 무엇을 할까요?");
        awaitText("몸이 불편하다고 하셔서 오늘은 운동을 쉬어요.");
        tap(Screen.Home.EXERCISE_RESTS); // the drawn tile leads only to why
        awaitText("운동은 오늘 쉬세요");
        assertThat(screen()).isInstanceOf(Screen.ExerciseRestToday.class);
        tap("처음 화면으로");
        awaitText(NAME + "님, 무엇을 할까요?");
        assertThat(recorded).extracting(MeasurementRecord::code).containsExactly("UNWELL_TODAY"); // the answer, no test
    }

    @Test
    void staffHoldTheIdleCornerToSwitchOnValidationAndTheirHandValueGoesWithTheResult() throws Exception {
        open(UiSettings.defaults());
        Node corner = FxTesting.onFx(() -> ui.stage().getScene().lookup("#staff-corner"));
        robot.moveTo(corner);
        robot.press(javafx.scene.input.MouseButton.PRIMARY);
        Thread.sleep(1000);
        robot.release(javafx.scene.input.MouseButton.PRIMARY);
        waitForFx();
        assertThat(hasText("직원 메뉴")).as("a short touch opens nothing").isFalse();
        robot.press(javafx.scene.input.MouseButton.PRIMARY);
        try {
            await().atMost(Duration.ofSeconds(9)).until(() -> hasText("직원 메뉴"));
        } finally {
            robot.release(javafx.scene.input.MouseButton.PRIMARY);
        }
        tap("검증 측정 켜기");
        awaitText("검증 측정이 켜져 있어요");
        tap("나가기");
        awaitText("카드를 보여 주세요");
        assertThat(hasText("검증 측정 중")).isFalse();

        robot.type(KeyCode.DIGIT1);
        tap("시작하기");
        tap("체력 측정");
        tap("아니요, 괜찮아요");
        awaitText("검증 측정 중");
        tap("시작하기");
        tap("준비됐어요");
        awaitText("검증 측정: 손으로 잰 값");
        awaitText("검증 측정 중");
        assertThat(recorded).isEmpty();
        tap("1");
        tap("2");
        awaitText("12번");
        tap("저장");
        awaitText("결과");
        assertThat(recorded).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("CHAIR_STAND_30S");
            assertThat(r.detail()).containsEntry("handReference", new java.math.BigDecimal("12"));
        });
    }

    @Test
    void aSensorFailureMidTestShowsACalmScreenAndLeadsBackHome() throws Exception {
        open(UiSettings.defaults());
        robot.type(KeyCode.E); // the next test's sensor will fail
        robot.type(KeyCode.DIGIT1);
        tap("시작하기");
        tap("체력 측정");
        tap("아니요, 괜찮아요");
        tap("시작하기");
        tap("준비됐어요");
        awaitText("측정을 계속할 수 없어요");
        assertThat(hasText("발판 센서의 연결이 끊어졌어요. 담당 선생님께 알려 주세요.")).isTrue();
        tap("처음 화면으로");
        awaitText(NAME + "님, 무엇을 할까요?");
        assertThat(recorded).isEmpty();
    }

    @Test
    void anExceptionOnTheScreenThreadShowsTheCalmScreenNeverAStackTrace() throws Exception {
        open(UiSettings.defaults());
        robot.type(KeyCode.DIGIT1);
        awaitText(NAME + "님, 반갑습니다!");
        Platform.runLater(() -> {
            throw new IllegalStateException("boom in a view");
        });
        awaitText("잠시 후 다시 시도해 주세요.");
        assertThat(allText()).noneMatch(text -> text.contains("boom") || text.contains("Exception") || text.contains(NAME));
        tap("처음으로");
        awaitText("카드를 보여 주세요");
    }

    // --- helpers: read the scene graph on the FX thread, tap with the robot ---

    private List<String> allText() {
        return FxTesting.onFx(() -> {
            List<String> texts = new ArrayList<>();
            collect(ui.stage().getScene().getRoot(), texts);
            return texts;
        });
    }

    private static void collect(Node node, List<String> texts) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null) {
            texts.add(labeled.getText());
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collect(child, texts));
        }
    }

    private boolean hasText(String part) {
        return allText().stream().anyMatch(text -> text.contains(part));
    }

    private boolean hasButton(String label) {
        return findButton(label).isPresent();
    }

    private void awaitText(String part) {
        await().until(() -> hasText(part));
    }

    private Screen screen() {
        return FxTesting.onFx(() -> ui.model().screen().get());
    }

    private Optional<Button> findButton(String label) {
        return FxTesting.onFx(() -> {
            List<Button> buttons = new ArrayList<>();
            findButtons(ui.stage().getScene().getRoot(), buttons);
            return buttons.stream().filter(b -> label.equals(b.getText())).findFirst();
        });
    }

    private static void findButtons(Node node, List<Button> found) {
        if (node instanceof Button button) {
            found.add(button);
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> findButtons(child, found));
        }
    }

    private void tap(String label) {
        await().until(() -> hasButton(label));
        robot.clickOn(findButton(label).orElseThrow());
        waitForFx();
    }

    private static void waitForFx() {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }
}
