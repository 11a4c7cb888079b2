package kr.smartsenior.edge.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import kr.smartsenior.edge.sensor.SiteCalibration;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.edge.sensor.VirtualSensorLoop;
import kr.smartsenior.edge.simulate.SimulatedCards;
import kr.smartsenior.edge.simulate.SimulatedFitnessTests;
import kr.smartsenior.edge.simulate.SimulatedMembers;
import kr.smartsenior.edge.simulate.SimulatedPads;
import kr.smartsenior.edge.simulate.SimulatedPresence;
import kr.smartsenior.edge.ui.adapters.SensorExercisePrograms;
import kr.smartsenior.edge.ui.ports.ExercisePrograms.Offer;
import kr.smartsenior.edge.ui.views.Action;
import kr.smartsenior.edge.ui.views.Screen;
import kr.smartsenior.protocol.Decoded;
import kr.smartsenior.protocol.KioskPrescription;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.RestrictionCode;
import kr.smartsenior.protocol.Roster;
import kr.smartsenior.protocol.contract.ContractExamples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kiosk's side of the prescription contract: every prescription the server's rules write (one
 * shared example per rule path, {@code protocol/src/test/resources/contract/prescriptions}, kept
 * equal to the server's output by its {@code PrescriptionContractTest}) arrives in a roster, is
 * decoded by the kiosk's codec, and on the real screens' controller with the real exercise adapter
 * shows the senior exactly its lines under 내 기록 and offers exactly the programs below.
 */
class PrescriptionOfferContractTest {

    static final String KIND = "prescriptions";
    private static final String MEMBER = "M7K2Q9XD4T";

    /**
     * What each rule path offers at the kiosk: program@level, and "hold" when a restriction makes the
     * senior hold on for every program. A new example without a line here fails the test.
     */
    private static final Map<String, String> OFFERED = Map.ofEntries(
            Map.entry("clear-fit", "STEP_JUMP@2 BALANCE@2 INTERVAL@1"),
            Map.entry("cleared-by-staff", "STEP_JUMP@2 BALANCE@2 INTERVAL@1"),
            Map.entry("not-screened", "STEP_JUMP@1 BALANCE@2"),
            Map.entry("screening-expired", "STEP_JUMP@1 BALANCE@2"),
            Map.entry("needs-clearance", "STEP_JUMP@1 BALANCE@2"),
            Map.entry("no-results", "STEP_JUMP@1 BALANCE@1"),
            Map.entry("bp-high", "STEP_JUMP@1 BALANCE@2"),
            Map.entry("bp-severe", ""),
            Map.entry("fall-risk-high", "STEP_JUMP@1 BALANCE@1 hold"),
            Map.entry("fall-risk-elevated", "STEP_JUMP@2 BALANCE@1 hold"),
            Map.entry("bone-unanswered", "STEP_JUMP@2 BALANCE@2 INTERVAL@1"),
            Map.entry("bone-fragile", "STEP_JUMP@2 BALANCE@2 INTERVAL@1"),
            Map.entry("fall-risk-unknown", "STEP_JUMP@2 BALANCE@1"),
            Map.entry("every-restriction", "STEP_JUMP@1 BALANCE@1 hold"));

    static List<String> examples() {
        return ContractExamples.names(KIND);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void theServersPrescriptionIsShownAndOfferedOnTheRealScreens(String example) throws Exception {
        assertThat(OFFERED).as("what the kiosk should offer for the server's '%s'", example).containsKey(example);
        KioskPrescription prescription = fromRoster(ContractExamples.read(KIND, example));
        assertThat(prescription.version()).isPositive();

        VirtualSensorLoop loop = new VirtualSensorLoop();
        ScheduledExecutorService executor = KioskUi.controllerExecutor();
        RecordingSink sink = new RecordingSink();
        SimulatedCards cards = new SimulatedCards(List.of(new SimulatedCards.Member(MEMBER, "김순자")));
        try (Sensors sensors = Sensors.simulated(loop, SiteCalibration.REFERENCE);
                SimulatedFitnessTests tests = new SimulatedFitnessTests(Duration.ofMillis(5))) {
            KioskController controller = new KioskController(new KioskUi.Ports(cards, new SimulatedPresence(),
                    new SimulatedPads(), tests, new SimulatedMembers(Map.of(MEMBER, prescription)),
                    new SensorExercisePrograms(sensors, Clock.systemUTC(), session -> { })), record -> { }, sink,
                    UiSettings.defaults(), Clock.system(KioskUi.SEOUL), executor);
            controller.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> sink.current() instanceof Screen.Idle);
            cards.show(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> sink.current() instanceof Screen.Greeting);
            controller.act(sink.current(), Action.NEXT);
            await().atMost(Duration.ofSeconds(10)).until(() -> sink.current() instanceof Screen.Home);

            controller.act(sink.current(), Action.RECORDS);
            await().atMost(Duration.ofSeconds(10)).until(() -> sink.current() instanceof Screen.Summary);
            Screen.Summary summary = (Screen.Summary) sink.current();
            assertThat(summary.prescription()).extracting(Screen.Line::text).as(example)
                    .containsExactlyElementsOf(prescription.lines());

            controller.act(summary, Action.HOME);
            await().atMost(Duration.ofSeconds(10)).until(() -> sink.current() instanceof Screen.Home);
            controller.act(sink.current(), Action.EXERCISE);
            await().atMost(Duration.ofSeconds(10)).until(() -> sink.current() instanceof Screen.ExerciseChoice
                    || sink.current() instanceof Screen.ExerciseNone);
            List<Offer> offers = sink.current() instanceof Screen.ExerciseChoice choice ? choice.offers() : List.of();
            String offered = String.join(" ", offers.stream().map(o -> o.program() + "@" + o.level()).toList());
            boolean support = prescription.restrictionCodes().stream().anyMatch(RestrictionCode::withSupport);
            assertThat((offered + (support ? " hold" : "")).trim()).as(example).isEqualTo(OFFERED.get(example));
            if (support) {
                assertThat(offers).as(example + ": hold on to a chair or rail").allMatch(Offer::holdOn);
            }
        } finally {
            executor.shutdownNow();
        }
    }

    /** The example as the kiosk receives it: inside a roster, decoded by the kiosk's codec. */
    private static KioskPrescription fromRoster(byte[] prescription) {
        String roster = """
                {"siteId":"ydp-01","version":7,"issuedAt":"2026-11-21T09:00:00Z","members":[{"memberId":"%s",
                 "displayName":"김순자","tokenHash":"00","cardVersion":1,"prescription":%s}]}"""
                .formatted(MEMBER, new String(prescription, StandardCharsets.UTF_8));
        Decoded<Roster> decoded = new ProtocolCodec().decodeRoster(roster.getBytes(StandardCharsets.UTF_8));
        assertThat(decoded).isInstanceOf(Decoded.Ok.class);
        return ((Decoded.Ok<Roster>) decoded).value().members().getFirst().prescription();
    }
}
