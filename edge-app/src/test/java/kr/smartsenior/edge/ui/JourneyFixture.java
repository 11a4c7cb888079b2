package kr.smartsenior.edge.ui;

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
import kr.smartsenior.edge.testing.Prescriptions;
import kr.smartsenior.edge.ui.ports.UnwellDays;
import kr.smartsenior.edge.ui.views.Action;
import kr.smartsenior.edge.ui.views.Screen;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.RestrictionCode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A kiosk's journey without a window, for the flows' tests: the controller on its own ordered thread,
 * fed by simulated cards, presence, pads, tests and exercise programs, its screens and prompts kept by
 * a {@link RecordingSink} and its records in {@link #recorded}. Timeouts are long unless a test starts
 * it again with its own ({@link #start(UiSettings)}).
 */
abstract class JourneyFixture {

    static final Duration SHORT = Duration.ofMillis(150);
    static final Duration LONG = Duration.ofSeconds(30);
    static final String MEMBER = "M7K2Q9XD4T";
    static final String NAME = "김순자";

    static final String EXERCISER = "M5R1C8ZL2B";
    static final String HIGH_PRESSURE = "M9B4P1XH6S";
    final SimulatedCards cards = new SimulatedCards(List.of(new SimulatedCards.Member(MEMBER, NAME),
            new SimulatedCards.Member("M3H8P2WQ6N", "박영수"), new SimulatedCards.Member(EXERCISER, "이옥분"),
            new SimulatedCards.Member(HIGH_PRESSURE, "정말순")));
    final SimulatedPresence presence = new SimulatedPresence();
    final SimulatedPads pads = new SimulatedPads();
    final SimulatedFitnessTests tests = new SimulatedFitnessTests(Duration.ofMillis(5));
    final SimulatedMembers members = new SimulatedMembers(Map.of(MEMBER, Prescriptions.lines("걷기를 하루 30분 해요."),
            EXERCISER, Prescriptions.of(List.of("스텝 & 점프 2단계를 10분, 일주일에 3번 해요."),
                    List.of(Prescriptions.program(MeasurementCode.STEP_JUMP, 2, 10),
                            Prescriptions.program(MeasurementCode.INTERVAL, 1, 10))),
            HIGH_PRESSURE, Prescriptions.of(List.of("혈압이 높은 편이라 힘든 운동(인터벌)은 하지 않아요."), List.of(),
                    RestrictionCode.BP_HIGH)));
    /**
     * One step of a simulated exercise run every 100 ms: a run (about ten steps) lasts about a second, long
     * enough that "멈추기" reaches it before it ends on its own even when the test's thread waits its turn on a
     * loaded machine (at 5 ms a step a run ended in ~40 ms and the stop tests failed under load).
     */
    final SimulatedExercisePrograms exercises = new SimulatedExercisePrograms(Duration.ofMillis(100));
    final List<MeasurementRecord> recorded = new CopyOnWriteArrayList<>();
    final RecordingSink sink = new RecordingSink();
    ScheduledExecutorService executor;
    Consumer<MeasurementRecord> recorder = recorded::add;
    /** The kiosk's clock: Seoul time, moved by hand where a test needs another day. */
    Clock clock = Clock.system(KioskUi.SEOUL);
    /** What the kiosk remembers across visits (its local store in production). */
    UnwellDays unwellDays = UnwellDays.inMemory();
    KioskController controller;
    /** How {@link #walkOneTest} answers the one-leg stance's question: hands free, or holding the chair. */
    boolean handsFree;

    @BeforeEach
    void startWithLongTimeouts() {
        Awaitility.setDefaultPollInterval(Duration.ofMillis(10));
        Awaitility.setDefaultPollDelay(Duration.ZERO);
        start(UiSettings.defaults().withTimeouts(LONG, LONG, LONG, LONG, LONG));
    }

    void start(UiSettings settings) {
        if (executor != null) {
            executor.shutdownNow();
        }
        executor = KioskUi.controllerExecutor();
        controller = new KioskController(new KioskUi.Ports(cards, presence, pads, tests, members, exercises, unwellDays),
                r -> recorder.accept(r), sink, settings, clock, executor);
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
    <T extends Screen> T awaitScreen(Class<T> type) {
        Screen shown = await().atMost(Duration.ofSeconds(20)).until(sink::current, type::isInstance);
        try {
            executor.submit(() -> { }).get(20, java.util.concurrent.TimeUnit.SECONDS); // one thread: runs after that step
        } catch (Exception e) {
            throw new AssertionError("the controller did not finish showing " + type.getSimpleName(), e);
        }
        return type.cast(shown);
    }

    void tap(Action action) {
        controller.act(sink.current(), action);
    }

    /**
     * "멈추기" during an exercise session. The play screen is redrawn as the session goes on and a tap on
     * a screen already replaced is ignored (as on the kiosk), so it is tapped on whatever screen offers
     * it until the question "어떻게 할까요?" is up.
     */
    void stopExercise() {
        long asked = sink.screens.stream().filter(Screen.ExerciseStopAsk.class::isInstance).count();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> {
            Screen now = sink.current();
            if (now != null && now.offers(Action.STOP)) {
                controller.act(now, Action.STOP);
            }
            return sink.screens.stream().filter(Screen.ExerciseStopAsk.class::isInstance).count() > asked;
        });
    }

    /** Member 1 shows their card, is greeted and goes on to the home screen. */
    void greetedAtHome() {
        cards.show(1);
        awaitScreen(Screen.Greeting.class);
        tap(Action.NEXT);
        awaitScreen(Screen.Home.class);
    }

    /** 체력 측정, and "no pain or dizziness today". */
    void measure() {
        tap(Action.MEASURE);
        awaitScreen(Screen.SafetyAsk.class);
        tap(Action.WELL);
    }

    /**
     * Through one test's waiting steps to its result, confirming each with a pad or a tap; the one-leg
     * stance's hands-free question (touch only) is answered with a tap, holding the chair unless
     * {@link #handsFree} says otherwise.
     */
    void walkOneTest(boolean pads) {
        Screen first = await().atMost(Duration.ofSeconds(20)).until(sink::current,
                screen -> screen instanceof Screen.TestStep || screen instanceof Screen.OneLegHandsAsk);
        if (first instanceof Screen.OneLegHandsAsk) {
            awaitScreen(Screen.OneLegHandsAsk.class);
            tap(handsFree ? Action.HANDS_FREE : Action.HOLD_CHAIR);
        }
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
}
