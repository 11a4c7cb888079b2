package kr.smartsenior.edge.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import kr.smartsenior.edge.simulate.SimulatedCards;
import kr.smartsenior.edge.simulate.SimulatedExercisePrograms;
import kr.smartsenior.edge.simulate.SimulatedFitnessTests;
import kr.smartsenior.edge.simulate.SimulatedMembers;
import kr.smartsenior.edge.simulate.SimulatedPads;
import kr.smartsenior.edge.simulate.SimulatedPresence;
import kr.smartsenior.edge.store.StoreException;
import kr.smartsenior.edge.ui.ports.ExercisePrograms;
import kr.smartsenior.edge.ui.ports.FitnessTests.Step;
import kr.smartsenior.edge.ui.views.Action;
import kr.smartsenior.edge.ui.views.Screen;
import kr.smartsenior.edge.ui.voice.Prompt;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KioskControllerTest {

    private static final Duration SHORT = Duration.ofMillis(150);
    private static final Duration LONG = Duration.ofSeconds(30);
    private static final String MEMBER = "M7K2Q9XD4T";
    private static final String NAME = "김순자";

    private static final String EXERCISER = "M5R1C8ZL2B";
    private static final String HIGH_PRESSURE = "M9B4P1XH6S";
    private final SimulatedCards cards = new SimulatedCards(List.of(new SimulatedCards.Member(MEMBER, NAME),
            new SimulatedCards.Member("M3H8P2WQ6N", "박영수"), new SimulatedCards.Member(EXERCISER, "이옥분"),
            new SimulatedCards.Member(HIGH_PRESSURE, "정말순")));
    private final SimulatedPresence presence = new SimulatedPresence();
    private final SimulatedPads pads = new SimulatedPads();
    private final SimulatedFitnessTests tests = new SimulatedFitnessTests(Duration.ofMillis(5));
    private final SimulatedMembers members = new SimulatedMembers(Map.of(MEMBER, Map.of("운동", "걷기"), EXERCISER,
            Map.of("version", 3, "lines", List.of("스텝 & 점프 2단계를 10분, 일주일에 3번 해요."),
                    "programs", List.of(Map.of("code", "STEP_JUMP", "name", "스텝 & 점프", "level", 2, "minutes", 10, "perWeek", 3),
                            Map.of("code", "INTERVAL", "name", "고강도 인터벌", "level", 1, "minutes", 10, "perWeek", 2)),
                    "restrictions", List.of()),
            HIGH_PRESSURE, Map.of("version", 4, "lines", List.of("혈압이 높은 편이라 힘든 운동(인터벌)은 하지 않아요."),
                    "programs", List.of(), "restrictions", List.of(Map.of("code", "SAFE-BP-HIGH",
                            "text", "혈압이 높은 편이라 힘든 운동(인터벌)은 하지 않아요.")))));
    private final SimulatedExercisePrograms exercises = new SimulatedExercisePrograms(Duration.ofMillis(5));
    private final List<MeasurementRecord> recorded = new CopyOnWriteArrayList<>();
    private final RecordingSink sink = new RecordingSink();
    private ScheduledExecutorService executor;
    private Consumer<MeasurementRecord> recorder = recorded::add;
    private KioskController controller;

    @BeforeEach
    void start() {
        Awaitility.setDefaultPollInterval(Duration.ofMillis(10));
        Awaitility.setDefaultPollDelay(Duration.ZERO);
        start(UiSettings.defaults().withTimeouts(LONG, LONG, LONG, LONG, LONG));
    }

    private void start(UiSettings settings) {
        if (executor != null) {
            executor.shutdownNow();
        }
        executor = KioskUi.controllerExecutor();
        controller = new KioskController(new KioskUi.Ports(cards, presence, pads, tests, members, exercises), r -> recorder.accept(r),
                sink, settings, Clock.system(KioskUi.SEOUL), executor);
        controller.start();
        awaitScreen(Screen.Idle.class);
    }

    @AfterEach
    void stop() {
        Awaitility.reset();
        executor.shutdownNow();
        tests.close();
        exercises.close();
    }

    /**
     * Waits for the screen, then for the controller to finish the step that showed it: the screen
     * reaches the sink before its spoken prompt, so asserting on prompts right after the screen raced.
     */
    private <T extends Screen> T awaitScreen(Class<T> type) {
        Screen shown = await().atMost(Duration.ofSeconds(20)).until(sink::current, type::isInstance);
        try {
            executor.submit(() -> { }).get(20, java.util.concurrent.TimeUnit.SECONDS); // one thread: runs after that step
        } catch (Exception e) {
            throw new AssertionError("the controller did not finish showing " + type.getSimpleName(), e);
        }
        return type.cast(shown);
    }

    private void tap(Action action) {
        controller.act(sink.current(), action);
    }

    /** Member 1 shows their card, is greeted and goes on to the home screen. */
    private void greetedAtHome() {
        cards.show(1);
        awaitScreen(Screen.Greeting.class);
        tap(Action.NEXT);
        awaitScreen(Screen.Home.class);
    }

    /** 체력 측정, and "no pain or dizziness today". */
    private void measure() {
        tap(Action.MEASURE);
        awaitScreen(Screen.SafetyAsk.class);
        tap(Action.WELL);
    }

    private void walkOneTest(boolean pads) {
        Screen.TestStep step = awaitScreen(Screen.TestStep.class);
        while (true) {
            if (pads) {
                this.pads.press(2);
            } else {
                tap(Action.READY);
            }
            Screen before = step;
            await().atMost(Duration.ofSeconds(5)).until(() -> sink.current() != before);
            if (!(sink.current() instanceof Screen.TestStep next)) {
                break;
            }
            step = next;
        }
        awaitScreen(Screen.Result.class);
    }

    @Test
    void aSeniorWalksTheWholeJourneyHandsFreeAndEveryResultIsRecordedBeforeItIsShown() {
        cards.show(1);
        assertThat(awaitScreen(Screen.Greeting.class).name()).isEqualTo(NAME);
        pads.press(1);
        awaitScreen(Screen.Home.class);
        pads.press(1); // the pad chooses 체력 측정
        awaitScreen(Screen.SafetyAsk.class);
        tap(Action.WELL); // only a touch answers the safety question
        for (MeasurementCode test : SimulatedFitnessTests.BATTERY) {
            walkOneTest(true);
            Screen.Result result = (Screen.Result) sink.current();
            assertThat(result.test()).isEqualTo(test);
            assertThat(recorded).extracting(MeasurementRecord::code).contains(test.name());
            pads.press(1);
        }
        Screen.Summary summary = awaitScreen(Screen.Summary.class);
        assertThat(summary.results()).hasSize(4);
        assertThat(summary.prescription()).containsExactly(new Screen.Line("운동", "걷기"));
        assertThat(recorded).hasSize(4).allSatisfy(r -> {
            assertThat(r.memberId()).isEqualTo(MEMBER);
            assertThat(r.takenAt().getOffset().getTotalSeconds()).isEqualTo(9 * 3600);
            assertThat(r.detail()).containsEntry("simulated", true);
        });
        pads.press(1);
        awaitScreen(Screen.Goodbye.class);
        assertThat(sink.prompts).contains(Prompt.GREETING, Prompt.HOME, Prompt.CHAIR_STAND_INTRO, Prompt.CHAIR_STAND_PRACTICE,
                Prompt.ONE_LEG_SAFETY, Prompt.COUNT_3, Prompt.COUNT_2, Prompt.COUNT_1, Prompt.GO, Prompt.SUMMARY,
                Prompt.GOODBYE);
        assertThat(sink.lives).anyMatch(live -> live.progress() > 0 && live.caption().startsWith("남은 시간"))
                .anyMatch(live -> live.caption().startsWith("걸린 시간"));
    }

    @Test
    void painOrDizzinessTodayMeansNoTestTheAnswerRecordedForStaffAndBackHome() {
        greetedAtHome();
        tap(Action.MEASURE);
        awaitScreen(Screen.SafetyAsk.class);
        assertThat(sink.prompts).contains(Prompt.SAFETY_ASK);
        tap(Action.UNWELL);
        awaitScreen(Screen.RestToday.class);
        assertThat(sink.prompts).last().isEqualTo(Prompt.REST_TODAY);
        assertThat(sink.screens).noneMatch(s -> s instanceof Screen.TestStep || s instanceof Screen.Countdown
                || s instanceof Screen.Measuring || s instanceof Screen.Result);
        tap(Action.HOME);
        assertThat(awaitScreen(Screen.Home.class).name()).isEqualTo(NAME);
        assertThat(recorded).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo(MeasurementCode.UNWELL_TODAY.name());
            assertThat(r.kind()).isEqualTo("check");
            assertThat(r.value()).isEqualByComparingTo("1");
            assertThat(r.detail()).containsEntry("question", "오늘 몸이 아프거나 어지러우세요?");
        });
    }

    @Test
    void anUnwellAnswerThatCannotBeSavedStillSendsTheSeniorToRest() {
        recorder = r -> {
            throw new StoreException("disk full");
        };
        greetedAtHome();
        tap(Action.MEASURE);
        awaitScreen(Screen.SafetyAsk.class);
        tap(Action.UNWELL);
        awaitScreen(Screen.RestToday.class);
    }

    @Test
    void noPainOrDizzinessStartsTheBattery() {
        greetedAtHome();
        measure();
        Screen.TestStep first = awaitScreen(Screen.TestStep.class);
        assertThat(first.test()).isEqualTo(MeasurementCode.CHAIR_STAND_30S);
        assertThat(first.number()).isEqualTo(1);
        assertThat(sink.screens).noneMatch(Screen.RestToday.class::isInstance);
    }

    @Test
    void aPadPressDoesNotAnswerTheSafetyQuestion() {
        cards.show(1);
        awaitScreen(Screen.Greeting.class);
        pads.press(1);
        awaitScreen(Screen.Home.class);
        pads.press(1); // 체력 측정
        Screen.SafetyAsk ask = awaitScreen(Screen.SafetyAsk.class);
        assertThat(ask.padAction()).isEmpty();
        int shown = sink.screens.size();
        pads.press(1);
        pads.press(2);
        await().during(Duration.ofMillis(200)).until(() -> sink.screens.size() == shown);
        assertThat(sink.current()).isSameAs(ask);
    }

    @Test
    void aHighBloodPressureOnTheRosterMeansNoTestWithoutAsking() {
        cards.show(4);
        awaitScreen(Screen.Greeting.class);
        tap(Action.NEXT);
        awaitScreen(Screen.Home.class);
        tap(Action.MEASURE);
        awaitScreen(Screen.RestToday.class);
        assertThat(sink.screens).noneMatch(s -> s instanceof Screen.SafetyAsk || s instanceof Screen.TestStep);
        assertThat(recorded).isEmpty();
    }

    @Test
    void noInputAsksWhetherToGoOnAndThenForgetsThePerson() {
        start(UiSettings.defaults().withTimeouts(SHORT, SHORT, LONG, LONG, LONG));
        cards.show(1);
        awaitScreen(Screen.Greeting.class);
        tap(Action.NEXT);
        await().until(() -> sink.screens.stream().anyMatch(Screen.StillThere.class::isInstance)
                && sink.current() instanceof Screen.Idle);
        assertThat(sink.screens).map(screen -> screen.getClass().getSimpleName())
                .containsSubsequence("Greeting", "Home", "StillThere", "Idle");
        assertThat(sink.prompts).contains(Prompt.STILL_THERE);
        int shown = sink.screens.size();
        pads.press(1);
        tap(Action.MEASURE);
        await().during(Duration.ofMillis(200)).until(() -> sink.screens.size() == shown);
        // the next person gets a fresh session
        cards.show(2);
        assertThat(awaitScreen(Screen.Greeting.class).name()).isEqualTo("박영수");
    }

    @Test
    void yesToTheQuestionReturnsToTheSameScreen() {
        // long enough that a loaded machine does not ask a second time while the test answers the first
        start(UiSettings.defaults().withTimeouts(Duration.ofMillis(1500), LONG, LONG, LONG, LONG));
        greetedAtHome();
        measure();
        awaitScreen(Screen.StillThere.class);
        Screen.TestStep step = (Screen.TestStep) sink.screens.get(sink.screens.size() - 2);
        pads.press(3);
        assertThat(awaitScreen(Screen.TestStep.class)).isSameAs(step);
        tap(Action.READY); // the run still waits for the senior
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.screens.stream()
                .anyMatch(screen -> screen instanceof Screen.TestStep next && next.step() == Step.PRACTICE));
    }

    @Test
    void anUnknownCardGetsACalmMessageAndAWayBack() {
        cards.showUnknown();
        Screen.Problem problem = awaitScreen(Screen.Problem.class);
        assertThat(problem.kind()).isEqualTo(Screen.Problem.Kind.CARD);
        assertThat(problem.message()).contains("등록되지 않은 카드");
        assertThat(sink.prompts).contains(Prompt.CARD_UNKNOWN);
        pads.press(1);
        awaitScreen(Screen.Idle.class);
        cards.showRevoked();
        awaitScreen(Screen.Problem.class);
        assertThat(sink.prompts).contains(Prompt.CARD_REVOKED);
        cards.show(1); // the right card right after works
        awaitScreen(Screen.Greeting.class);
    }

    @Test
    void aCardShownDuringASessionDoesNotTakeItOver() {
        greetedAtHome();
        cards.show(2);
        cards.showUnknown();
        await().during(Duration.ofMillis(200)).until(() -> sink.current() instanceof Screen.Home home
                && home.name().equals(NAME));
    }

    @Test
    void aSensorFailureShowsACalmScreenAndKeepsThePersonsSession() {
        greetedAtHome();
        tests.failNext();
        measure();
        awaitScreen(Screen.TestStep.class);
        tap(Action.READY);
        awaitScreen(Screen.TestStep.class);
        await().until(() -> ((Screen.TestStep) sink.current()).step() == Step.PRACTICE);
        tap(Action.READY);
        Screen.Problem problem = awaitScreen(Screen.Problem.class);
        assertThat(problem.kind()).isEqualTo(Screen.Problem.Kind.SENSOR);
        assertThat(sink.prompts).contains(Prompt.SENSOR_FAILURE);
        assertThat(recorded).isEmpty();
        tap(Action.HOME);
        assertThat(awaitScreen(Screen.Home.class).name()).isEqualTo(NAME);
    }

    @Test
    void anInvalidAttemptOffersARetryAndSkipMovesOn() {
        greetedAtHome();
        tap(Action.SKIP); // not offered on home: nothing happens
        tests.invalidNext();
        measure();
        awaitScreen(Screen.TestStep.class);
        tap(Action.READY);
        await().until(() -> sink.current() instanceof Screen.TestStep s && s.step() == Step.PRACTICE);
        tap(Action.READY);
        Screen.Retry retry = awaitScreen(Screen.Retry.class);
        assertThat(retry.reason()).contains("다시 재야");
        tap(Action.SKIP);
        assertThat(awaitScreen(Screen.TestStep.class).test()).isEqualTo(MeasurementCode.STEP_IN_PLACE_2MIN);
    }

    @Test
    void aResultThatCannotBeSavedIsNeverShownAsSaved() {
        recorder = r -> {
            throw new StoreException("disk full");
        };
        greetedAtHome();
        measure();
        awaitScreen(Screen.TestStep.class);
        tap(Action.SKIP); // on to the step test, which has one waiting step
        await().until(() -> sink.current() instanceof Screen.TestStep s && s.test() == MeasurementCode.STEP_IN_PLACE_2MIN);
        tap(Action.READY);
        Screen.Problem problem = awaitScreen(Screen.Problem.class);
        assertThat(problem.kind()).isEqualTo(Screen.Problem.Kind.SAVE);
        assertThat(sink.screens).noneMatch(Screen.Result.class::isInstance);
        assertThat(sink.prompts).contains(Prompt.SAVE_FAILURE);
        tap(Action.HOME);
        awaitScreen(Screen.Home.class);
    }

    @Test
    void somethingUnexpectedEndsTheSessionCalmly() {
        cards.show(1);
        awaitScreen(Screen.Greeting.class);
        controller.unexpected(new IllegalStateException("boom"));
        Screen.Problem problem = awaitScreen(Screen.Problem.class);
        assertThat(problem.kind()).isEqualTo(Screen.Problem.Kind.UNEXPECTED);
        assertThat(problem.message()).isEqualTo("잠시 후 다시 시도해 주세요.").doesNotContain("boom");
        tap(Action.START_OVER);
        awaitScreen(Screen.Idle.class);
    }

    @Test
    void someoneInFrontWakesTheIdleScreenWithTheSpokenInvitation() {
        presence.arrive();
        await().until(() -> sink.current() instanceof Screen.Idle idle && idle.awake());
        await().until(() -> sink.prompts.equals(List.of(Prompt.IDLE_INVITE)));
        presence.leave();
        await().until(() -> sink.current() instanceof Screen.Idle idle && !idle.awake());
    }

    @Test
    void aLateTapOnAScreenThatIsGoneDoesNothing() {
        cards.show(1);
        Screen.Greeting greeting = awaitScreen(Screen.Greeting.class);
        tap(Action.NEXT);
        awaitScreen(Screen.Home.class);
        controller.act(greeting, Action.NEXT);
        controller.act(greeting, Action.FINISH);
        await().during(Duration.ofMillis(150)).until(() -> sink.current() instanceof Screen.Home);
    }

    @Test
    void withoutAPrescriptionTheSummarySaysItIsBeingPrepared() {
        cards.show(2);
        awaitScreen(Screen.Greeting.class);
        tap(Action.NEXT);
        awaitScreen(Screen.Home.class);
        tap(Action.RECORDS);
        Screen.Summary summary = awaitScreen(Screen.Summary.class);
        assertThat(summary.prescription()).containsExactly(new Screen.Line("운동 처방", "처방 준비 중"));
        assertThat(summary.results()).containsExactly(new Screen.Line("오늘", "아직 측정하지 않았어요"));
    }

    // --- exercise ---

    private void homeOf(int card) {
        cards.show(card);
        awaitScreen(Screen.Greeting.class);
        tap(Action.NEXT);
        awaitScreen(Screen.Home.class);
    }

    private Screen.ExercisePlay intoPlay() {
        homeOf(3);
        tap(Action.EXERCISE);
        awaitScreen(Screen.ExerciseChoice.class);
        tap(Action.CHOOSE_STEP_JUMP);
        awaitScreen(Screen.ExerciseBriefing.class);
        tap(Action.READY);
        await().until(() -> sink.current() instanceof Screen.ExercisePlay play && play.stage() == ExercisePrograms.Stage.PLAY);
        return (Screen.ExercisePlay) sink.current();
    }

    @Test
    void aSeniorChoosesAPrescribedProgramWithAPadExercisesAndSeesTheResultOnlyAfterItIsRecorded() {
        homeOf(3);
        tap(Action.EXERCISE);
        Screen.ExerciseChoice choice = awaitScreen(Screen.ExerciseChoice.class);
        assertThat(choice.offers()).extracting(ExercisePrograms.Offer::program)
                .containsExactly(MeasurementCode.STEP_JUMP, MeasurementCode.INTERVAL);
        assertThat(sink.prompts).contains(Prompt.EXERCISE_CHOOSE);
        pads.press(1); // the first program is the pad's choice
        Screen.ExerciseBriefing briefing = awaitScreen(Screen.ExerciseBriefing.class);
        assertThat(briefing.offer().level()).isEqualTo(2);
        assertThat(sink.prompts.getLast()).isEqualTo(Prompt.STEP_JUMP_INTRO);
        assertThat(Prompt.STEP_JUMP_INTRO.text()).contains(Prompt.EXERCISE_SAFETY.text());
        pads.press(2); // stepping on the mat starts it
        Screen.ExerciseResult result = awaitScreen(Screen.ExerciseResult.class);
        assertThat(sink.screens).filteredOn(Screen.ExercisePlay.class::isInstance).map(s -> ((Screen.ExercisePlay) s).stage())
                .containsSubsequence(ExercisePrograms.Stage.WARM_UP, ExercisePrograms.Stage.PLAY,
                        ExercisePrograms.Stage.COOL_DOWN);
        assertThat(recorded).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("STEP_JUMP");
            assertThat(r.memberId()).isEqualTo(EXERCISER);
            assertThat(r.detail()).containsEntry("stoppedEarly", false);
        });
        assertThat(result.summary().stopReason()).isNull();
        assertThat(result.lines()).extracting(Screen.Line::label).contains("운동 시간", "성공", "반응 시간", "단계");
        assertThat(sink.prompts).contains(Prompt.WARM_UP, Prompt.EXERCISE_GO, Prompt.CUE_PAD_1, Prompt.CUE_PAD_2,
                Prompt.CUE_STAY, Prompt.HARDER, Prompt.COOL_DOWN, Prompt.EXERCISE_DONE);
        assertThat(sink.exercise).anyMatch(live -> live.lit().equals(java.util.Set.of(2)) && live.cue().equals("2번 발판을 밟으세요"))
                .anyMatch(live -> live.answer().equals("좋아요!") && live.hit())
                .anyMatch(live -> live.answer().equals("놓쳤어요") && !live.hit())
                .anyMatch(live -> live.score().startsWith("성공 ") && live.time().startsWith("남은 시간"));
        pads.press(1);
        awaitScreen(Screen.Home.class);
    }

    @Test
    void withoutAPrescriptionNoProgramIsOfferedAndTheScreenSaysWhy() {
        homeOf(2);
        tap(Action.EXERCISE);
        awaitScreen(Screen.ExerciseNone.class);
        assertThat(sink.prompts).contains(Prompt.EXERCISE_NONE);
        tap(Action.HOME);
        awaitScreen(Screen.Home.class);
        tap(Action.FINISH);
        awaitScreen(Screen.Goodbye.class);
        homeOf(1); // a prescription without programs offers nothing either
        tap(Action.EXERCISE);
        awaitScreen(Screen.ExerciseNone.class);
    }

    @Test
    void stoppingForDizzinessOrChestPainShowsWhatToDoAndTheRecordSaysSo() {
        intoPlay();
        tap(Action.STOP);
        awaitScreen(Screen.ExerciseStopAsk.class);
        assertThat(sink.current().padAction()).isEmpty(); // a wobble onto a pad must not answer this
        pads.press(1);
        await().during(Duration.ofMillis(100)).until(() -> sink.current() instanceof Screen.ExerciseStopAsk);
        tap(Action.SYMPTOM);
        awaitScreen(Screen.ExerciseSymptom.class);
        assertThat(sink.prompts).contains(Prompt.EXERCISE_STOP_ASK, Prompt.EXERCISE_SYMPTOM);
        await().until(() -> recorded.size() == 1);
        assertThat(recorded.getFirst().detail()).containsEntry("stoppedEarly", true).containsEntry("symptom",
                "dizziness-or-chest-pain");
        await().during(Duration.ofMillis(100)).until(() -> sink.current() instanceof Screen.ExerciseSymptom);
    }

    @Test
    void aSeniorCanPauseToThinkGoOnAndThenEndTheSessionEarly() {
        intoPlay();
        tap(Action.STOP);
        awaitScreen(Screen.ExerciseStopAsk.class);
        tap(Action.RESUME);
        awaitScreen(Screen.ExercisePlay.class);
        tap(Action.STOP);
        awaitScreen(Screen.ExerciseStopAsk.class);
        tap(Action.END_EXERCISE);
        Screen.ExerciseResult result = awaitScreen(Screen.ExerciseResult.class);
        assertThat(result.summary().stopReason()).isEqualTo("user");
        assertThat(result.lines()).contains(new Screen.Line("멈춤", "중간에 그만했어요"));
        assertThat(sink.prompts.getLast()).isEqualTo(Prompt.EXERCISE_STOPPED);
        assertThat(recorded).singleElement().satisfies(r -> assertThat(r.detail()).containsEntry("stopReason", "user"));
    }

    @Test
    void steppingOffTheMatShowsThePausedScreenUntilTheSeniorIsBack() {
        exercises.stepOffNext();
        intoPlay();
        // the pause is one simulated second (5 ms): read the screen history, not the current screen
        await().until(() -> sink.screens.stream().anyMatch(Screen.ExercisePaused.class::isInstance));
        assertThat(sink.prompts).contains(Prompt.EXERCISE_PAUSED);
        awaitScreen(Screen.ExerciseResult.class);
        assertThat(sink.screens).map(screen -> screen.getClass().getSimpleName())
                .containsSubsequence("ExercisePlay", "ExercisePaused", "ExercisePlay", "ExerciseResult");
    }

    @Test
    void aSessionLeftUnansweredEndsAndTheExerciseIsStillRecordedAsTimedOut() {
        start(UiSettings.defaults().withTimeouts(Duration.ofMillis(300), Duration.ofMillis(300), LONG, LONG, LONG));
        intoPlay();
        tap(Action.STOP);
        await().until(() -> sink.current() instanceof Screen.Idle);
        assertThat(sink.screens).map(screen -> screen.getClass().getSimpleName())
                .containsSubsequence("ExerciseStopAsk", "StillThere", "Idle");
        await().until(() -> recorded.size() == 1);
        assertThat(recorded.getFirst().detail()).containsEntry("stopReason", "timeout");
    }

    @Test
    void leavingABriefingRecordsNothing() {
        homeOf(3);
        tap(Action.EXERCISE);
        awaitScreen(Screen.ExerciseChoice.class);
        tap(Action.CHOOSE_INTERVAL);
        Screen.ExerciseBriefing briefing = awaitScreen(Screen.ExerciseBriefing.class);
        assertThat(briefing.offer().program()).isEqualTo(MeasurementCode.INTERVAL);
        assertThat(sink.prompts.getLast()).isEqualTo(Prompt.INTERVAL_INTRO);
        tap(Action.EXERCISE); // 다른 운동
        awaitScreen(Screen.ExerciseChoice.class);
        tap(Action.HOME);
        awaitScreen(Screen.Home.class);
        await().during(Duration.ofMillis(100)).until(recorded::isEmpty);
    }
}
