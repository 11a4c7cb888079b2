package kr.smartsenior.edge.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledExecutorService;
import kr.smartsenior.edge.identify.RosterBook;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.edge.sensor.SiteCalibration;
import kr.smartsenior.edge.sensor.VirtualSensorLoop;
import kr.smartsenior.edge.simulate.SimulatedRoster;
import kr.smartsenior.edge.simulate.SimulatedSensorKiosk;
import kr.smartsenior.edge.store.LocalStore;
import kr.smartsenior.edge.testing.Prescriptions;
import kr.smartsenior.edge.ui.ports.ExercisePrograms.Offer;
import kr.smartsenior.edge.ui.views.Action;
import kr.smartsenior.edge.ui.views.Screen;
import kr.smartsenior.protocol.KioskPrescription;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.Roster;
import kr.smartsenior.protocol.RosterEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --simulate} on the kiosk's stored roster (issue #14: card 2 greeted a canned "박영수님" while the
 * server's member was 이영호, and intervals were offered that the server's prescription ruled out): the
 * screens greet each card by the roster's name and offer only the roster prescription's programs; the
 * canned examples appear only without a roster, and then the idle and greeting screens say so.
 */
class SimulationFollowsRosterTest {

    private static final String SITE = "demo-01";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final VirtualSensorLoop loop = new VirtualSensorLoop();
    private final Sensors sensors = Sensors.simulated(loop, SiteCalibration.REFERENCE);
    private final ScheduledExecutorService executor = KioskUi.controllerExecutor();
    private final RecordingSink sink = new RecordingSink();
    private LocalStore store;
    private RosterBook roster;

    @AfterEach
    void close() {
        executor.shutdownNow();
        sensors.close();
        if (roster != null) {
            roster.close();
        }
        if (store != null) {
            store.close();
        }
    }

    /** The roster as the sync leaves it in the kiosk's local store. */
    private RosterBook storedRoster(RosterEntry... members) {
        store = LocalStore.open(dir);
        Roster synced = new Roster(SITE, 4, OffsetDateTime.parse("2026-12-05T09:00:00+09:00"), List.of(members));
        store.rosterCache().save(SITE, synced.version(), new String(new ProtocolCodec().encode(synced), StandardCharsets.UTF_8));
        roster = RosterBook.open(SITE, store.rosterCache());
        return roster;
    }

    private KioskController start(SimulatedSensorKiosk simulated) {
        KioskController controller = new KioskController(simulated.ports(), record -> { }, sink, UiSettings.defaults(),
                Clock.system(KioskUi.SEOUL), executor);
        controller.start();
        await().atMost(WAIT).until(() -> sink.current() instanceof Screen.Idle);
        return controller;
    }

    /** Shows card n (key n) and returns the greeting. */
    private Screen.Greeting greet(SimulatedSensorKiosk simulated, int card) {
        simulated.cards().show(card);
        await().atMost(WAIT).until(() -> sink.current() instanceof Screen.Greeting);
        return (Screen.Greeting) sink.current();
    }

    /** From the greeting, the programs offered on 운동하기. */
    private List<MeasurementCode> offered(KioskController controller) {
        controller.act(sink.current(), Action.NEXT);
        await().atMost(WAIT).until(() -> sink.current() instanceof Screen.Home);
        controller.act(sink.current(), Action.EXERCISE);
        await().atMost(WAIT).until(() -> sink.current() instanceof Screen.ExerciseChoice
                || sink.current() instanceof Screen.ExerciseNone);
        return sink.current() instanceof Screen.ExerciseChoice choice
                ? choice.offers().stream().map(Offer::program).toList() : List.of();
    }

    /** 처음 화면으로, then 끝내기: the goodbye, on which the next card starts the next visit. */
    private void finish(KioskController controller) {
        controller.act(sink.current(), Action.HOME);
        await().atMost(WAIT).until(() -> sink.current() instanceof Screen.Home);
        controller.act(sink.current(), Action.FINISH);
        await().atMost(WAIT).until(() -> sink.current() instanceof Screen.Goodbye);
    }

    @Test
    void withARosterEachCardIsTheRostersMemberWithTheRostersPrescription() {
        KioskPrescription noIntervals = Prescriptions.of(List.of("스텝 & 점프 2단계를 10분 해요.", "밸런스 2단계를 10분 해요."),
                List.of(Prescriptions.program(MeasurementCode.STEP_JUMP, 2, 10),
                        Prescriptions.program(MeasurementCode.BALANCE, 2, 10)));
        RosterBook book = storedRoster(
                new RosterEntry("GS7DRHQ65N", "김순자", "aa", 1, noIntervals),
                new RosterEntry("B4KBXPR899", "이영호", "bb", 1, KioskPrescription.NONE),
                new RosterEntry("H0SF0VGP83", "박말순", "cc", 1, KioskPrescription.NONE));
        // SSC_SIM_MEMBERS as demo.sh sets it: the roster's members, keys 1-3 in that order
        SimulatedSensorKiosk simulated = SimulatedSensorKiosk.create(List.of("GS7DRHQ65N", "B4KBXPR899", "H0SF0VGP83"),
                sensors, book, Clock.system(KioskUi.SEOUL), new SplittableRandom(3));
        KioskController controller = start(simulated);
        assertThat(((Screen.Idle) sink.current()).notice()).as("no example-data note with a roster").isEmpty();

        Screen.Greeting second = greet(simulated, 2);
        assertThat(second).isEqualTo(new Screen.Greeting("이영호", ""));
        assertThat(offered(controller)).as("no prescription yet: nothing offered").isEmpty();
        finish(controller);

        Screen.Greeting first = greet(simulated, 1);
        assertThat(first.name()).isEqualTo("김순자");
        assertThat(offered(controller)).as("only what the roster's prescription has: no intervals")
                .containsExactly(MeasurementCode.STEP_JUMP, MeasurementCode.BALANCE);
    }

    @Test
    void withoutARosterTheCannedExamplesAreUsedAndMarkedOnTheIdleAndGreetingScreens() {
        SimulatedSensorKiosk simulated = SimulatedSensorKiosk.create(List.of(), sensors, storedRoster(),
                Clock.system(KioskUi.SEOUL), new SplittableRandom(3));
        KioskController controller = start(simulated);
        assertThat(((Screen.Idle) sink.current()).notice()).isEqualTo(SimulatedRoster.EXAMPLES);

        Screen.Greeting greeting = greet(simulated, 1);
        assertThat(greeting.notice()).isEqualTo(SimulatedRoster.EXAMPLES);
        assertThat(greeting.name()).isNotBlank();
        assertThat(offered(controller)).as("the first example member's canned prescription")
                .containsExactly(MeasurementCode.STEP_JUMP, MeasurementCode.BALANCE, MeasurementCode.INTERVAL);
    }
}
