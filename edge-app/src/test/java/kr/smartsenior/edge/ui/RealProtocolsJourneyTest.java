package kr.smartsenior.edge.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import kr.smartsenior.edge.sensor.ScaledSensorLoop;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.edge.sensor.SiteCalibration;
import kr.smartsenior.edge.simulate.SimulatedCards;
import kr.smartsenior.edge.simulate.SimulatedExerciser;
import kr.smartsenior.edge.simulate.SimulatedMembers;
import kr.smartsenior.edge.simulate.SimulatedPresence;
import kr.smartsenior.edge.simulate.SimulatedTestTaker;
import kr.smartsenior.edge.testing.Prescriptions;
import kr.smartsenior.edge.ui.adapters.SensorExercisePrograms;
import kr.smartsenior.edge.ui.adapters.SensorFitnessTests;
import kr.smartsenior.edge.ui.adapters.SensorPadEvents;
import kr.smartsenior.edge.ui.ports.FitnessTests;
import kr.smartsenior.edge.ui.views.Action;
import kr.smartsenior.edge.ui.views.Screen;
import kr.smartsenior.protocol.KioskPrescription;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The screens' journey over the real test protocol and exercise program on simulated sensors
 * running 60 times faster than real time, as {@code --simulate} wires them: pads from the mat, a
 * simulated senior performing.
 */
@Timeout(60)
class RealProtocolsJourneyTest {

    private static final String MEMBER = "M7K2Q9XD4T";
    private static final Duration LONG = Duration.ofMinutes(5);

    private final Sensors sensors = Sensors.simulated(new ScaledSensorLoop(60), SiteCalibration.REFERENCE);
    private final List<MeasurementRecord> recorded = new CopyOnWriteArrayList<>();
    private final RecordingSink sink = new RecordingSink();
    private final SimulatedCards cards = new SimulatedCards(List.of(new SimulatedCards.Member(MEMBER, "김순자")));
    private final ScheduledExecutorService executor = KioskUi.controllerExecutor();
    private final KioskController controller;
    private final SimulatedExerciser exerciser;

    RealProtocolsJourneyTest() {
        Clock clock = Clock.system(KioskUi.SEOUL);
        exerciser = new SimulatedExerciser(sensors, SimulatedExerciser.Skill.EXCELLENT,
                new SplittableRandom(2));
        KioskPrescription prescription = Prescriptions.of(List.of("스텝 & 점프 2단계를 3분 해요."),
                List.of(Prescriptions.program(MeasurementCode.STEP_JUMP, 2, 3)));
        KioskUi.Ports ports = new KioskUi.Ports(cards, new SimulatedPresence(), new SensorPadEvents(sensors.mat()),
                new SensorFitnessTests(sensors, clock, new SimulatedTestTaker(sensors, new SplittableRandom(4))),
                new SimulatedMembers(Map.of(MEMBER, prescription)), new SensorExercisePrograms(sensors, clock, exerciser::follow));
        controller = new KioskController(ports, recorded::add, sink, UiSettings.defaults().withTimeouts(LONG, LONG, LONG, LONG,
                LONG), clock, executor);
        controller.start();
    }

    @AfterEach
    void close() {
        executor.shutdownNow();
        sensors.close();
    }

    private <T extends Screen> T awaitScreen(Class<T> type) {
        return sink.awaitCurrent(type);
    }

    private void tap(Action action) {
        controller.act(sink.current(), action);
    }

    @Test
    void aChairStandIsMeasuredByTheRealProtocolAndAnExerciseSessionPlayedOnTheMatIsRecorded() {
        cards.show(1);
        awaitScreen(Screen.Greeting.class);
        sensors.player().orElseThrow().tap(1, Duration.ofMillis(300)); // a real pad press says "yes"
        awaitScreen(Screen.Home.class);
        tap(Action.MEASURE);
        awaitScreen(Screen.SafetyAsk.class);
        tap(Action.WELL); // the real measure gate clears "no pain or dizziness today"
        awaitScreen(Screen.TestStep.class);
        tap(Action.READY);
        await().until(() -> sink.current() instanceof Screen.TestStep s && s.step() == FitnessTests.Step.PRACTICE);
        tap(Action.READY);
        Screen.Result result = awaitScreen(Screen.Result.class);
        assertThat(sink.screens).anyMatch(Screen.Countdown.class::isInstance).anyMatch(Screen.Measuring.class::isInstance);
        assertThat(recorded).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("CHAIR_STAND_30S");
            assertThat(r.detail()).containsEntry("protocol", kr.smartsenior.protocol.MeasurementProtocol.CHAIR_STAND_30S.id());
            assertThat(result.valueText()).isEqualTo(r.value().toPlainString() + "번");
            // every stand said as it is counted, once and in order (the last may be counted as time runs out)
            List<String> counts = sink.utterances.stream().filter(u -> u.ids().size() == 2
                    && u.ids().get(1).equals("unit_beon")).map(kr.smartsenior.edge.ui.voice.Utterance::text).toList();
            assertThat(counts).isEqualTo(java.util.stream.IntStream.rangeClosed(1, counts.size()).mapToObj(i -> i + "번")
                    .toList());
            assertThat(counts.size()).isBetween(r.value().intValue() - 1, r.value().intValue());
        });

        tap(Action.NEXT); // the other tests are skipped (the one-leg stance asks first: holding the chair)
        while (!(sink.current() instanceof Screen.Summary)) {
            Screen before = sink.current();
            if (before instanceof Screen.TestStep) {
                controller.act(before, Action.SKIP);
            } else if (before instanceof Screen.OneLegHandsAsk) {
                controller.act(before, Action.HOLD_CHAIR);
            }
            await().pollInterval(Duration.ofMillis(10)).until(() -> sink.current() != before);
        }
        tap(Action.HOME);
        awaitScreen(Screen.Home.class);
        tap(Action.EXERCISE);
        awaitScreen(Screen.ExerciseChoice.class);
        tap(Action.CHOOSE_STEP_JUMP);
        awaitScreen(Screen.ExerciseBriefing.class);
        tap(Action.READY);
        awaitScreen(Screen.EffortAsk.class);
        assertThat(recorded).as("the session is on disk before the effort question").hasSize(2);
        tap(Action.effort(4));
        Screen.ExerciseResult done = awaitScreen(Screen.ExerciseResult.class);
        assertThat(done.summary().stopReason()).isNull();
        assertThat(done.summary().accuracyPercent()).isGreaterThan(85);
        assertThat(recorded).hasSize(3).element(1).satisfies(r -> {
            assertThat(r.code()).isEqualTo("STEP_JUMP");
            assertThat(r.detail()).containsEntry("protocol", "step-jump/1").containsEntry("level", 2);
            assertThat(r.value().intValue()).isEqualTo(180);
        });
        assertThat(sink.exercise).anyMatch(live -> !live.lit().isEmpty());
        await().during(Duration.ofMillis(300)).until(() -> sink.current() instanceof Screen.ExerciseResult);
    }

    /**
     * Off the mat mid-session and back: while both feet stand on the pads again and the session settles
     * before it goes on, the screen no longer asks to put them there ("곧 다시 시작해요"), and it is not said.
     */
    @Test
    void backOnThePadsThePausedScreenStopsAskingForTheFeetWhileTheSessionSettles() {
        cards.show(1);
        awaitScreen(Screen.Greeting.class);
        tap(Action.NEXT);
        awaitScreen(Screen.Home.class);
        tap(Action.EXERCISE);
        awaitScreen(Screen.ExerciseChoice.class);
        tap(Action.CHOOSE_STEP_JUMP);
        awaitScreen(Screen.ExerciseBriefing.class);
        tap(Action.READY);
        await().until(() -> sink.current() instanceof Screen.ExercisePlay play
                && play.stage() == kr.smartsenior.edge.ui.ports.ExercisePrograms.Stage.PLAY);
        sensors.loop().execute(() -> exerciser.stepOff(Duration.ofSeconds(15)));
        // the sensor loop keeps loop time: on a loaded machine it runs slower than 60x, so wait longer than the default
        await().atMost(Duration.ofSeconds(30))
                .until(() -> sink.screens.stream().anyMatch(s -> s instanceof Screen.ExercisePaused p && p.feetBack()));
        await().atMost(Duration.ofSeconds(30)).until(() -> sink.current() instanceof Screen.ExercisePlay);
        List<Screen> screens = List.copyOf(sink.screens);
        int paused = screens.indexOf(screens.stream().filter(Screen.ExercisePaused.class::isInstance).findFirst().orElseThrow());
        assertThat(screens.subList(paused, paused + 3)).as("asked for the feet, then settling, then on")
                .satisfies(s -> assertThat(((Screen.ExercisePaused) s.get(0)).feetBack()).isFalse())
                .satisfies(s -> assertThat(((Screen.ExercisePaused) s.get(1)).feetBack()).isTrue())
                .satisfies(s -> assertThat(s.get(2)).isInstanceOf(Screen.ExercisePlay.class));
        assertThat(sink.prompts).containsSubsequence(kr.smartsenior.edge.ui.voice.Prompt.EXERCISE_PAUSED,
                kr.smartsenior.edge.ui.voice.Prompt.EXERCISE_RESUMING);
        assertThat(sink.prompts.subList(sink.prompts.lastIndexOf(kr.smartsenior.edge.ui.voice.Prompt.EXERCISE_RESUMING),
                sink.prompts.size())).doesNotContain(kr.smartsenior.edge.ui.voice.Prompt.EXERCISE_PAUSED);
    }

    /**
     * The one-leg stance on the real protocol: the answer chosen on the screen before it decides the
     * protocol the record carries (the mat cannot see hands).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"HANDS_FREE, one-leg-stance/2", "HOLD_CHAIR, one-leg-stance-supported/1"})
    void theOneLegStanceIsRecordedHandsFreeOnlyWhenTheSeniorChoseItOnTheScreen(Action answer, String protocol) {
        cards.show(1);
        awaitScreen(Screen.Greeting.class);
        tap(Action.NEXT);
        awaitScreen(Screen.Home.class);
        tap(Action.MEASURE);
        awaitScreen(Screen.SafetyAsk.class);
        tap(Action.WELL);
        while (!(sink.current() instanceof Screen.OneLegHandsAsk)) { // the first three are skipped
            Screen before = sink.current();
            if (before instanceof Screen.TestStep) {
                controller.act(before, Action.SKIP);
            }
            await().pollInterval(Duration.ofMillis(10)).until(() -> sink.current() != before);
        }
        assertThat(sink.prompts).contains(kr.smartsenior.edge.ui.voice.Prompt.ONE_LEG_HANDS_ASK);
        tap(answer);
        Screen.Result result = null;
        for (int attempt = 0; attempt < 3 && result == null; attempt++) { // a simulated senior may start too early
            while (!(sink.current() instanceof Screen.Result || sink.current() instanceof Screen.Retry)) {
                Screen before = sink.current();
                if (before instanceof Screen.TestStep) {
                    controller.act(before, Action.READY);
                }
                await().pollInterval(Duration.ofMillis(10)).until(() -> sink.current() != before);
            }
            if (sink.current() instanceof Screen.Result shown) {
                result = shown;
            } else {
                tap(Action.RETRY);
                awaitScreen(Screen.OneLegHandsAsk.class);
                tap(answer);
            }
        }
        assertThat(result).as("the one-leg stance gave a result").isNotNull();
        assertThat(recorded).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("ONE_LEG_STANCE");
            assertThat(r.detail()).containsEntry("protocol", protocol);
        });
        assertThat(result.valueText().startsWith("의자 잡고 ")).isEqualTo(answer == Action.HOLD_CHAIR);
    }
}
