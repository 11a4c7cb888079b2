package kr.smartsenior.edge.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import kr.smartsenior.edge.sensor.DistanceSample;
import kr.smartsenior.edge.sensor.ScaledSensorLoop;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.edge.sensor.SiteCalibration;
import kr.smartsenior.edge.sensor.Trace;
import kr.smartsenior.edge.simulate.SimulatedCards;
import kr.smartsenior.edge.simulate.SimulatedExercisePrograms;
import kr.smartsenior.edge.simulate.SimulatedMembers;
import kr.smartsenior.edge.testing.Prescriptions;
import kr.smartsenior.edge.ui.adapters.SensorFitnessTests;
import kr.smartsenior.edge.ui.adapters.SensorPadEvents;
import kr.smartsenior.edge.ui.adapters.SensorPresenceEvents;
import kr.smartsenior.edge.ui.ports.FitnessTests;
import kr.smartsenior.edge.ui.views.Action;
import kr.smartsenior.edge.ui.views.Screen;
import kr.smartsenior.edge.ui.voice.Prompt;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue #14 on the real protocols, with pads from the mat and presence from the distance sensor (simulated
 * sensors, 20 times real time): a pad press that says "시작" is no false start; a senior out of the beam for a
 * few seconds mid-test is asked "계속하시겠어요?"; back, "네" starts the test again; gone for good, the visit ends
 * with nothing of the test saved.
 */
@Timeout(60)
class PadsAndPresenceJourneyTest {

    private static final String MEMBER = "M7K2Q9XD4T";
    private static final Duration LONG = Duration.ofMinutes(5);
    private static final Duration AWAY = Duration.ofSeconds(3); // a loaded machine may hold the 20x loop back a while
    private static final int SEATED_MM = SiteCalibration.REFERENCE.seatedMm();
    private static final int EMPTY_MM = SiteCalibration.REFERENCE.emptyMm();

    private final Sensors sensors = Sensors.simulated(new ScaledSensorLoop(20), SiteCalibration.REFERENCE);
    private final List<MeasurementRecord> recorded = new CopyOnWriteArrayList<>();
    private final RecordingSink sink = new RecordingSink();
    private final SimulatedCards cards = new SimulatedCards(List.of(new SimulatedCards.Member(MEMBER, "김순자")));
    private final ScheduledExecutorService executor = KioskUi.controllerExecutor();
    private final SimulatedExercisePrograms exercises = new SimulatedExercisePrograms(Duration.ofMillis(5));
    private final KioskController controller;

    PadsAndPresenceJourneyTest() {
        Clock clock = Clock.system(KioskUi.SEOUL);
        KioskUi.Ports ports = new KioskUi.Ports(cards, new SensorPresenceEvents(sensors.motion()),
                new SensorPadEvents(sensors.mat()), new SensorFitnessTests(sensors, clock, test -> { }),
                new SimulatedMembers(Map.of(MEMBER, Prescriptions.lines("걷기를 하루 30분 해요."))), exercises,
                kr.smartsenior.edge.ui.ports.UnwellDays.inMemory());
        controller = new KioskController(ports, recorded::add, sink,
                UiSettings.defaults().withTimeouts(LONG, LONG, LONG, LONG, LONG).withAbsenceToEnd(AWAY), clock, executor);
        controller.start();
    }

    @AfterEach
    void close() {
        executor.shutdownNow();
        exercises.close();
        sensors.close();
    }

    private <T extends Screen> T awaitScreen(Class<T> type) {
        return sink.awaitCurrent(type);
    }

    private void tap(Action action) {
        controller.act(sink.current(), action);
    }

    /** Readings of a senior seated in the chair, out of the beam from {@code leaveS} to {@code backS}. */
    private static Trace seatedAway(double leaveS, double backS, double lengthS) {
        List<Trace.Event> readings = new ArrayList<>();
        for (long ms = 0; ms <= lengthS * 1000; ms += 20) {
            boolean away = ms >= leaveS * 1000 && ms < backS * 1000;
            readings.add(new Trace.Distance(ms * 1_000_000L, away ? EMPTY_MM : SEATED_MM, DistanceSample.Quality.GOOD));
        }
        return new Trace(readings);
    }

    /** Greeted, 체력 측정, no pain today, through the chair stand's steps into its countdown, the trace playing. */
    private void intoTheChairStand(Trace trace) {
        cards.show(1);
        awaitScreen(Screen.Greeting.class);
        tap(Action.NEXT);
        awaitScreen(Screen.Home.class);
        tap(Action.MEASURE);
        awaitScreen(Screen.SafetyAsk.class);
        tap(Action.WELL);
        awaitScreen(Screen.TestStep.class);
        tap(Action.READY);
        await().until(() -> sink.current() instanceof Screen.TestStep s && s.step() == FitnessTests.Step.PRACTICE);
        sensors.loop().execute(() -> sensors.player().orElseThrow().play(trace, () -> { }));
        tap(Action.READY);
        awaitScreen(Screen.Measuring.class);
    }

    /**
     * Issue #14: "시작" of the 2-minute step test said with a pad while stepping onto the mat was a false start every
     * time. The press, its release and the steps onto the pads are not; the count starts at "go".
     */
    @Test
    void aPadPressThatStartsTheStepTestIsNoFalseStartAndIsNotCounted() {
        cards.show(1);
        awaitScreen(Screen.Greeting.class);
        tap(Action.NEXT);
        awaitScreen(Screen.Home.class);
        tap(Action.MEASURE);
        awaitScreen(Screen.SafetyAsk.class);
        tap(Action.WELL);
        awaitScreen(Screen.TestStep.class);
        tap(Action.SKIP); // the chair stand
        await().until(() -> sink.current() instanceof Screen.TestStep s && s.test() == MeasurementCode.STEP_IN_PLACE_2MIN);
        List<Trace.Event> events = new ArrayList<>();
        for (long ms = 0; ms <= 135_000; ms += 20) {
            events.add(new Trace.Distance(ms * 1_000_000L, 600, DistanceSample.Quality.GOOD)); // on the mat
        }
        events.add(new Trace.Pad(0, 2, true)); // "시작" with the right foot
        events.add(new Trace.Pad(300_000_000L, 2, false));
        events.add(new Trace.Pad(1_000_000_000L, 1, true)); // onto the pads
        events.add(new Trace.Pad(1_200_000_000L, 2, true));
        for (int k = 0; k < 12; k++) { // twelve knee lifts, well after "go"
            long t = 8_000_000_000L + k * 1_200_000_000L;
            events.add(new Trace.Pad(t, 2, false));
            events.add(new Trace.Pad(t + 500_000_000L, 2, true));
            events.add(new Trace.Pad(t + 600_000_000L, 1, false));
            events.add(new Trace.Pad(t + 1_000_000_000L, 1, true));
        }
        events.sort((a, b) -> Long.compare(a.atNanos(), b.atNanos()));
        sensors.loop().execute(() -> sensors.player().orElseThrow().play(new Trace(events), () -> { }));

        Screen.Result result = await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(20))
                .until(() -> sink.current() instanceof Screen.Result || sink.current() instanceof Screen.Retry
                        ? sink.current() : null, java.util.Objects::nonNull) instanceof Screen.Result r ? r : null;
        assertThat(result).as("a result, not a retry (%s)", sink.current()).isNotNull();
        assertThat(sink.screens).noneMatch(Screen.Retry.class::isInstance);
        assertThat(recorded).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("STEP_IN_PLACE_2MIN");
            assertThat(r.value()).isEqualByComparingTo("12");
        });
    }

    @Test
    void outOfTheBeamForAFewSecondsMidChairStandPausesAndAsksAndBackTheTestStartsAgain() {
        intoTheChairStand(seatedAway(8, 12, 300)); // "go" at 3 s; away 5 s into the test for 4 s
        Screen.StillThere asked = awaitScreen(Screen.StillThere.class);
        assertThat(asked.choices()).hasSize(1); // one decision
        assertThat(sink.prompts).contains(Prompt.STILL_THERE);
        // back in the beam: the visit goes on and waits for the answer
        await().during(AWAY.plusSeconds(1)).atMost(AWAY.multipliedBy(3)).until(() -> sink.current() == asked);

        tap(Action.KEEP_GOING);
        Screen.TestStep again = awaitScreen(Screen.TestStep.class);
        assertThat(again.test()).isEqualTo(MeasurementCode.CHAIR_STAND_30S);
        assertThat(again.step()).isEqualTo(FitnessTests.Step.INSTRUCTIONS);
        assertThat(recorded).isEmpty(); // the interrupted attempt is not a result
    }

    @Test
    void walkingAwayForGoodMidChairStandEndsTheVisitWithNothingSaved() {
        intoTheChairStand(seatedAway(8, 1000, 300));
        awaitScreen(Screen.StillThere.class);
        long asked = System.nanoTime();
        await().atMost(Duration.ofSeconds(10)).until(() -> sink.current() instanceof Screen.Idle idle && !idle.awake());
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isGreaterThanOrEqualTo(AWAY.minusMillis(50));
        await().during(Duration.ofSeconds(2)).until(() -> sink.current() instanceof Screen.Idle); // 30 s of test time
        assertThat(recorded).isEmpty();
    }
}
