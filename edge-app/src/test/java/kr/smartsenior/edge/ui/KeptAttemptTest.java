package kr.smartsenior.edge.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import kr.smartsenior.edge.simulate.SimulatedCards;
import kr.smartsenior.edge.simulate.SimulatedExercisePrograms;
import kr.smartsenior.edge.simulate.SimulatedMembers;
import kr.smartsenior.edge.simulate.SimulatedPads;
import kr.smartsenior.edge.simulate.SimulatedPresence;
import kr.smartsenior.edge.testing.Prescriptions;
import kr.smartsenior.edge.ui.ports.FitnessTests;
import kr.smartsenior.edge.ui.ports.UnwellDays;
import kr.smartsenior.edge.ui.views.Action;
import kr.smartsenior.edge.ui.views.Screen;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementProtocol;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.RecordDetail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #14: a senior who leaves after a complete attempt (the one-leg stance's first trial) keeps it: the run
 * sends it when told the senior left ({@link FitnessTests.TestRun#leave()}), the screens record it at once, show
 * it when the senior comes back and says "네", and the visit ending without them keeps it too.
 */
class KeptAttemptTest {

    private static final String MEMBER = "M7K2Q9XD4T";
    private static final Duration LONG = Duration.ofMinutes(5);
    private static final Duration AWAY = Duration.ofMillis(1500);

    private final SimulatedCards cards = new SimulatedCards(List.of(new SimulatedCards.Member(MEMBER, "김순자")));
    private final SimulatedPresence presence = new SimulatedPresence();
    private final SimulatedExercisePrograms exercises = new SimulatedExercisePrograms(Duration.ofMillis(5));
    private final List<MeasurementRecord> recorded = new CopyOnWriteArrayList<>();
    private final RecordingSink sink = new RecordingSink();
    private final ScheduledExecutorService executor = KioskUi.controllerExecutor();
    private final KioskController controller;

    /** A one-leg stance whose first trial (7.3 s) ended; leaving keeps it, as the real protocol does. */
    private static final class FirstTrialDone implements FitnessTests {
        @Override
        public List<MeasurementCode> battery() {
            return List.of(MeasurementCode.ONE_LEG_STANCE);
        }

        @Override
        public TestRun start(MeasurementCode test, String memberId, Safety safety, Consumer<TestEvent> events) {
            events.accept(new TestEvent.Waiting(Step.INSTRUCTIONS));
            return new TestRun() {
                @Override
                public void ready() {
                    events.accept(new TestEvent.Countdown(1));
                    events.accept(new TestEvent.Progress(BigDecimal.ZERO, Duration.ofSeconds(9), Duration.ZERO));
                }

                @Override
                public void cancel() {
                }

                @Override
                public void leave() {
                    events.accept(new TestEvent.Finished(new BigDecimal("7.3"), Grade.UNRATED, Map.of(RecordDetail.PROTOCOL,
                            MeasurementProtocol.ONE_LEG_STANCE.id(), RecordDetail.TRIALS, List.of(new BigDecimal("7.3")))));
                }
            };
        }
    }

    KeptAttemptTest() {
        KioskUi.Ports ports = new KioskUi.Ports(cards, presence, new SimulatedPads(), new FirstTrialDone(),
                new SimulatedMembers(Map.of(MEMBER, Prescriptions.lines("걷기를 하루 30분 해요."))), exercises,
                UnwellDays.inMemory());
        controller = new KioskController(ports, recorded::add, sink,
                UiSettings.defaults().withTimeouts(LONG, LONG, LONG, LONG, LONG).withAbsenceToEnd(AWAY),
                Clock.system(KioskUi.SEOUL), executor);
        controller.start();
    }

    @AfterEach
    void close() {
        executor.shutdownNow();
        exercises.close();
    }

    private <T extends Screen> T awaitScreen(Class<T> type) {
        return sink.awaitCurrent(type);
    }

    private void tap(Action action) {
        controller.act(sink.current(), action);
    }

    private void leftAfterTheFirstTrial() {
        cards.show(1);
        awaitScreen(Screen.Greeting.class);
        tap(Action.NEXT);
        awaitScreen(Screen.Home.class);
        tap(Action.MEASURE);
        awaitScreen(Screen.SafetyAsk.class);
        tap(Action.WELL);
        awaitScreen(Screen.OneLegHandsAsk.class);
        tap(Action.HANDS_FREE);
        awaitScreen(Screen.TestStep.class);
        tap(Action.READY);
        awaitScreen(Screen.Measuring.class);
        presence.leave();
        awaitScreen(Screen.StillThere.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> recorded.size() == 1);
        assertThat(recorded.getFirst().code()).isEqualTo("ONE_LEG_STANCE");
        assertThat(recorded.getFirst().value()).isEqualByComparingTo("7.3");
        assertThat(sink.current()).isInstanceOf(Screen.StillThere.class); // not shown while they are away
    }

    @Test
    void backAndYesShowsTheKeptTrial() {
        leftAfterTheFirstTrial();
        presence.arrive();
        tap(Action.KEEP_GOING);
        Screen.Result result = awaitScreen(Screen.Result.class);
        assertThat(result.valueText()).contains("7.3");
        assertThat(recorded).hasSize(1);
    }

    @Test
    void goneForGoodTheVisitEndsAndTheTrialStaysSaved() {
        leftAfterTheFirstTrial();
        await().atMost(AWAY.plusSeconds(10)).until(() -> sink.current() instanceof Screen.Idle);
        assertThat(recorded).hasSize(1);
    }
}
