package kr.smartsenior.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import kr.smartsenior.edge.Kiosk;
import kr.smartsenior.edge.KioskSettings;
import kr.smartsenior.edge.identify.Identifier;
import kr.smartsenior.edge.sensor.ScaledSensorLoop;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.edge.sensor.SiteCalibration;
import kr.smartsenior.edge.simulate.SimulatedExerciser;
import kr.smartsenior.edge.simulate.SimulatedPresence;
import kr.smartsenior.edge.simulate.SimulatedTestTaker;
import kr.smartsenior.edge.ui.KioskController;
import kr.smartsenior.edge.ui.KioskUi;
import kr.smartsenior.edge.ui.UiSettings;
import kr.smartsenior.edge.ui.adapters.IdentifiedCards;
import kr.smartsenior.edge.ui.adapters.RosterMemberInfo;
import kr.smartsenior.edge.ui.adapters.SensorExercisePrograms;
import kr.smartsenior.edge.ui.adapters.SensorFitnessTests;
import kr.smartsenior.edge.ui.adapters.SensorPadEvents;
import kr.smartsenior.edge.ui.ports.MemberInfo;
import kr.smartsenior.edge.ui.views.Action;
import kr.smartsenior.edge.ui.views.ExerciseLive;
import kr.smartsenior.edge.ui.views.Live;
import kr.smartsenior.edge.ui.views.Screen;
import kr.smartsenior.edge.ui.views.ScreenSink;
import kr.smartsenior.edge.ui.voice.Prompt;
import kr.smartsenior.edge.ui.voice.SpeechComposer;
import kr.smartsenior.edge.ui.voice.Utterance;
import kr.smartsenior.protocol.KioskPrescription;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.RosterEntry;
import kr.smartsenior.server.card.PrintedCard;
import kr.smartsenior.server.screening.ScreeningQuestion;
import kr.smartsenior.server.testsupport.RequiredServices;
import kr.smartsenior.server.testsupport.ServerApi.Download;
import kr.smartsenior.server.testsupport.TestDatabase;
import kr.smartsenior.server.testsupport.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A senior's whole visit on the kiosk's real screens against a real server (Mosquitto and PostgreSQL;
 * skipped without them unless {@code SSC_REQUIRE_SERVICES=1}): staff create the member and screen
 * them, the kiosk gets the server's roster, the senior scans the card the server printed and is
 * greeted by the server's name, takes the battery (the real protocols on simulated sensors, 60 times
 * faster, a simulated senior performing), the records reach the server and are graded, the server's
 * new prescription reaches the kiosk, the senior plays one program it prescribes, sees and hears the
 * prescription on 내 기록, and walks away: the visit ends on the idle screen.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class KioskJourneyIT {

    private static final Duration SYNC = Duration.ofSeconds(40);
    private static final Duration STEP = Duration.ofSeconds(30);
    /** Long enough that no screen times out while the test waits for the server. */
    private static final Duration PATIENT = Duration.ofMinutes(5);
    private static final String NAME = "김영자";
    private static final List<MeasurementCode> BATTERY = SensorFitnessTests.BATTERY;

    private final Sensors sensors = Sensors.simulated(new ScaledSensorLoop(60), SiteCalibration.REFERENCE);
    private final ScheduledExecutorService executor = KioskUi.controllerExecutor();
    private final Recording sink = new Recording();
    private final SimulatedPresence presence = new SimulatedPresence();
    private KioskController controller;

    @AfterEach
    void stop() {
        executor.shutdownNow();
        sensors.close();
    }

    @Test
    void aSeniorScansTakesTheBatteryPlaysThePrescribedProgramAndHearsTheServersPrescription() throws Exception {
        String siteId = "journey-" + UUID.randomUUID().toString().substring(0, 8);
        Path dataDir = Files.createTempDirectory("ssc-kiosk-journey");
        try (TestServer server = TestServer.mosquittoPostgres()) {
            server.api().createSite(siteId, "여정 경로당");
            String memberId = server.api().createMember(siteId, NAME, 1948, "F");
            assertThat(server.api().post("/api/members/" + memberId + "/screening", clearScreening()).status())
                    .isEqualTo(201);
            long screened = prescriptionVersion(server, memberId);
            String card = printedToken(server.api().download("/api/members/" + memberId + "/card.pdf"));

            KioskSettings settings = KioskSettings.of(siteId, "kiosk-01", server.mqttUri(), dataDir)
                    .withBackoff(Duration.ofMillis(200), Duration.ofSeconds(2));
            try (Kiosk kiosk = Kiosk.start(settings)) {
                IdentifiedCards screensCards = new IdentifiedCards();
                AtomicReference<KioskPrescription> shown = new AtomicReference<>();
                MemberInfo roster = new RosterMemberInfo(kiosk.roster());
                MemberInfo watched = id -> {
                    KioskPrescription prescription = roster.prescription(id);
                    shown.set(prescription);
                    return prescription;
                };
                Clock clock = Clock.system(KioskUi.SEOUL);
                SimulatedExerciser exerciser = new SimulatedExerciser(sensors, SimulatedExerciser.Skill.EXCELLENT,
                        new SplittableRandom(3));
                KioskUi.Ports ports = new KioskUi.Ports(screensCards, presence, new SensorPadEvents(sensors.mat()),
                        new SensorFitnessTests(sensors, clock, new SimulatedTestTaker(sensors, new SplittableRandom(5))),
                        watched, new SensorExercisePrograms(sensors, clock, exerciser::follow))
                        .withUnwellDays(kiosk.unwellDays());
                controller = new KioskController(ports, kiosk::record, sink,
                        UiSettings.defaults().withTimeouts(PATIENT, PATIENT, PATIENT, Duration.ofSeconds(1), PATIENT)
                                .withAbsenceToEnd(Duration.ofSeconds(1)),
                        clock, executor);
                controller.start();
                sink.await(Screen.Idle.class);

                await("the server's roster with the screened member's prescription").atMost(SYNC)
                        .until(() -> entry(kiosk, memberId).map(e -> e.prescription().version()).orElse(0L) >= screened);

                // the senior scans the card the server printed and is greeted by the server's name
                visit(kiosk, screensCards, card);
                // the battery: every test measured by the real protocols, its result recorded and shown
                tap(Action.MEASURE);
                sink.await(Screen.SafetyAsk.class);
                tap(Action.WELL);
                List<Screen.Result> results = takeTheBattery();
                assertThat(results).extracting(Screen.Result::test).containsExactlyElementsOf(BATTERY);

                // the records reach the server and are graded there; its new prescription reaches the kiosk
                await("the battery's records on the server").atMost(SYNC).until(() -> kiosk.outboxSize() == 0
                        && storedCodes(server, memberId).containsAll(codes(BATTERY)));
                JsonNode evaluation = server.api().get("/api/members/" + memberId + "/evaluation").json();
                for (MeasurementCode test : BATTERY) {
                    JsonNode graded = find(evaluation.get("results"), test.name());
                    if (test == MeasurementCode.ONE_LEG_STANCE) { // no age norm adopted: it counts for the fall risk
                        assertThat(graded.get("grade").get("band").asText()).isEqualTo("NOT_GRADED");
                    } else {
                        assertThat(graded.get("grade").get("band").asText()).as(graded.toString()).isIn("BELOW",
                                "WITHIN", "ABOVE");
                    }
                }
                assertThat(texts(evaluation.get("fallRisk").get("notMeasured"))).as("the fall risk rests on the kiosk's tests")
                        .doesNotContain(MeasurementCode.ONE_LEG_STANCE.name(), MeasurementCode.TIMED_UP_AND_GO.name());
                await("a prescription written from the battery").atMost(SYNC)
                        .until(() -> prescriptionVersion(server, memberId) > screened);
                long afterBattery = prescriptionVersion(server, memberId);
                await("the battery's prescription in the kiosk's roster").atMost(SYNC)
                        .until(() -> entry(kiosk, memberId).map(e -> e.prescription().version()).orElse(0L) >= afterBattery);

                // the first visit ends with 끝내기 on the summary
                tap(Action.FINISH);
                sink.await(Screen.Goodbye.class);
                sink.await(Screen.Idle.class);

                // next visit: one program the server now prescribes, played on the mat
                visit(kiosk, screensCards, card);
                tap(Action.EXERCISE);
                Screen.ExerciseChoice choice = sink.await(Screen.ExerciseChoice.class);
                KioskPrescription prescribed = shown.get();
                assertThat(prescribed.version()).isGreaterThanOrEqualTo(afterBattery);
                assertThat(choice.offers()).as("the programs the server prescribed, at its level and minutes")
                        .extracting(offer -> offer.program() + "@" + offer.level() + "/" + offer.minutes())
                        .isNotEmpty().containsExactlyElementsOf(prescribed.programs().stream()
                                .map(p -> p.code() + "@" + p.level() + "/" + p.minutes()).toList());
                int shortest = 0;
                for (int i = 1; i < choice.offers().size(); i++) {
                    if (choice.offers().get(i).minutes() < choice.offers().get(shortest).minutes()) {
                        shortest = i;
                    }
                }
                MeasurementCode program = choice.offers().get(shortest).program();
                tap(choice.choices().get(shortest).action());
                sink.await(Screen.ExerciseBriefing.class);
                tap(Action.READY);
                sink.await(Screen.EffortAsk.class, Duration.ofSeconds(120));
                tap(Action.effort(3));
                Screen.ExerciseResult played = sink.await(Screen.ExerciseResult.class);
                assertThat(played.summary().stopReason()).isNull();
                await("the session on the server").atMost(SYNC).until(() -> kiosk.outboxSize() == 0
                        && storedCodes(server, memberId).containsAll(List.of(program.name(),
                                MeasurementCode.EXERCISE_EFFORT.name())));

                // 내 기록: the server's prescription, shown and said (never the name)
                tap(Action.HOME);
                sink.await(Screen.Home.class);
                int said = sink.utterances.size();
                tap(Action.RECORDS);
                Screen.Summary summary = sink.await(Screen.Summary.class);
                KioskPrescription onScreen = shown.get();
                JsonNode serverPrescription = server.api()
                        .get("/api/members/" + memberId + "/prescription?version=" + onScreen.version()).json();
                List<String> serverLines = texts(serverPrescription.get("seniorLines"));
                assertThat(serverLines).isNotEmpty();
                assertThat(summary.prescription()).extracting(Screen.Line::text).containsExactlyElementsOf(serverLines);
                await().atMost(STEP).until(() -> sink.utterances.subList(said, sink.utterances.size()).stream()
                        .anyMatch(u -> u.prompts().contains(Prompt.RECORDS)));
                Utterance spoken = sink.utterances.subList(said, sink.utterances.size()).stream()
                        .filter(u -> u.prompts().contains(Prompt.RECORDS)).findFirst().orElseThrow();
                List<String> sayable = serverLines.stream()
                        .filter(line -> SpeechComposer.builtIn().compose(line).isPresent()).toList();
                assertThat(sayable).as("the server's lines the voice pack can say").isNotEmpty();
                assertThat(sayable).allSatisfy(line -> assertThat(spoken.text()).contains(line));
                assertThat(sink.utterances).extracting(Utterance::text).noneMatch(text -> text.contains(NAME));

                // the senior walks away: the visit ends on the idle screen
                presence.leave();
                sink.await(Screen.Idle.class);
                assertThat(kiosk.outboxSize()).isZero();
            }
        } finally {
            TestDatabase.deleteTree(dataDir);
        }
    }

    /**
     * Through the four tests to the summary, as a senior who confirms each step by touch: ready on each
     * waiting step, hands free for the one-leg stance, again after a false start, on after each result.
     */
    private List<Screen.Result> takeTheBattery() {
        List<Screen.Result> results = new ArrayList<>();
        while (true) {
            Screen now = await().atMost(STEP).until(sink::current, screen -> !(screen instanceof Screen.Countdown
                    || screen instanceof Screen.Measuring || screen instanceof Screen.SafetyAsk));
            switch (now) {
                case Screen.Summary summary -> {
                    return results;
                }
                case Screen.TestStep step -> tap(Action.READY);
                case Screen.OneLegHandsAsk ask -> tap(Action.HANDS_FREE);
                case Screen.Retry retry -> tap(Action.RETRY);
                case Screen.Result result -> {
                    results.add(result);
                    tap(Action.NEXT);
                }
                default -> throw new AssertionError("unexpected screen during the battery: " + now);
            }
            await().atMost(STEP).until(() -> sink.current() != now);
        }
    }

    /** Someone arrives and scans the card; the greeting names them as the server does; on to home. */
    private void visit(Kiosk kiosk, IdentifiedCards screensCards, String card) {
        try (Identifier identifier = new Identifier(kiosk.roster(), screensCards)) {
            presence.arrive();
            identifier.scanned(card, Identifier.SCANNER);
            Screen.Greeting greeting = sink.await(Screen.Greeting.class);
            assertThat(greeting.name()).isEqualTo(NAME);
        }
        tap(Action.NEXT);
        sink.await(Screen.Home.class);
    }

    private void tap(Action action) {
        controller.act(sink.current(), action);
    }

    private static Optional<RosterEntry> entry(Kiosk kiosk, String memberId) {
        return kiosk.roster().member(memberId);
    }

    private static long prescriptionVersion(TestServer server, String memberId) {
        var response = server.api().get("/api/members/" + memberId + "/prescription");
        return response.status() == 200 ? response.json().get("version").asLong() : 0;
    }

    private static List<String> storedCodes(TestServer server, String memberId) {
        List<String> codes = new ArrayList<>();
        server.api().get("/api/members/" + memberId + "/measurements").json().forEach(r -> codes.add(r.get("code").asText()));
        return codes;
    }

    private static List<String> codes(List<MeasurementCode> tests) {
        return tests.stream().map(MeasurementCode::name).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static JsonNode find(JsonNode results, String code) {
        for (JsonNode result : results) {
            if (result.get("code").asText().equals(code)) {
                return result;
            }
        }
        throw new AssertionError("no " + code + " in " + results);
    }

    private static Map<String, Object> clearScreening() {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (ScreeningQuestion question : ScreeningQuestion.values()) {
            answers.put(question.name(), false);
        }
        return Map.of("answers", answers, "systolic", 125, "diastolic", 80);
    }

    /** Renders the card PDF as a camera sees one printed card and reads its QR code. */
    private static String printedToken(Download pdf) throws Exception {
        if (pdf.status() == 503 && !RequiredServices.servicesRequired()) {
            Assumptions.abort("no Korean font on this machine");
        }
        assertThat(pdf.status()).isEqualTo(200);
        return PrintedCard.firstQrText(pdf.body());
    }

    /** What the screens showed and said, in order. */
    private static final class Recording implements ScreenSink {
        final List<Screen> screens = new CopyOnWriteArrayList<>();
        final List<Utterance> utterances = new CopyOnWriteArrayList<>();

        @Override
        public void show(Screen screen) {
            screens.add(screen);
        }

        @Override
        public void live(Live live) {
        }

        @Override
        public void exercise(ExerciseLive live) {
        }

        @Override
        public void say(Prompt prompt) {
            utterances.add(Utterance.of(prompt));
        }

        @Override
        public void say(Utterance utterance) {
            utterances.add(utterance);
        }

        Screen current() {
            return screens.isEmpty() ? null : screens.getLast();
        }

        <T extends Screen> T await(Class<T> type) {
            return await(type, STEP);
        }

        <T extends Screen> T await(Class<T> type, Duration atMost) {
            return type.cast(org.awaitility.Awaitility.await(type.getSimpleName()).atMost(atMost)
                    .pollInterval(Duration.ofMillis(20)).until(this::current, type::isInstance));
        }
    }
}
