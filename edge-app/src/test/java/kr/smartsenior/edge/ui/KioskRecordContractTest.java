package kr.smartsenior.edge.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import kr.smartsenior.edge.exercise.ExerciseCoach;
import kr.smartsenior.edge.exercise.ExerciseOffer;
import kr.smartsenior.edge.exercise.ExerciseSession;
import kr.smartsenior.edge.exercise.Program;
import kr.smartsenior.edge.measure.FitnessTestSession;
import kr.smartsenior.edge.measure.SafetyCheck;
import kr.smartsenior.edge.measure.StaffEntry;
import kr.smartsenior.edge.measure.TestBattery;
import kr.smartsenior.edge.sensor.SiteCalibration;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.edge.sensor.VirtualSensorLoop;
import kr.smartsenior.edge.simulate.SimulatedExerciser;
import kr.smartsenior.edge.simulate.SimulatedSenior;
import kr.smartsenior.edge.simulate.SimulatedSessions;
import kr.smartsenior.edge.ui.views.Action;
import kr.smartsenior.edge.ui.views.Screen;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.RecordKind;
import kr.smartsenior.protocol.contract.ContractExamples;
import org.junit.jupiter.api.Test;

/**
 * The kiosk's side of the record contract: every kind of record the kiosk's own code writes (each
 * sensor test by its real protocol on a simulated senior's trace, each staff-entered item, each
 * exercise program coached on the mat, and the "몸이 불편해요" answer through the screens' flow) is
 * exactly the shared example in {@code protocol/src/test/resources/contract/kiosk-records}, which
 * the server's {@code KioskRecordGradingContractTest} ingests and grades. Ids and times are fixed
 * before comparing; everything else is as written.
 */
class KioskRecordContractTest extends JourneyFixture {

    static final String KIND = "kiosk-records";
    private static final String TAKEN_AT = "2026-11-21T10:00:00+09:00";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T01:00:00Z"), SimulatedSessions.SEOUL);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProtocolCodec codec = new ProtocolCodec();

    @Test
    void everyRecordTheKioskWritesIsTheSharedExample() throws IOException {
        Map<String, MeasurementRecord> written = new LinkedHashMap<>();
        measuredAndEntered(written);
        exercised(written);
        ratedEffort(written);
        answeredUnwell(written);

        for (Map.Entry<String, MeasurementRecord> example : written.entrySet()) {
            ContractExamples.check(KIND, example.getKey(), normalized(example.getKey(), example.getValue()));
        }
        assertThat(ContractExamples.names(KIND)).as("examples no kiosk code writes any more are stale")
                .containsExactlyInAnyOrderElementsOf(written.keySet());
        assertThat(written.values()).extracting(MeasurementRecord::code)
                .as("every code in the catalogue but the figure-of-8 walk, no longer taken at the kiosk (kept for stored records)")
                .containsAll(java.util.Arrays.stream(MeasurementCode.values()).filter(code -> code != MeasurementCode.FIGURE_8_WALK)
                        .map(Enum::name).toList())
                .doesNotContain(MeasurementCode.FIGURE_8_WALK.name());
    }

    /**
     * Every sensor test on a senior's trace (the one-leg stance confirmed hands free, and once more
     * not confirmed: supported), then the items staff type in, through the battery.
     */
    private void measuredAndEntered(Map<String, MeasurementRecord> written) {
        VirtualSensorLoop loop = new VirtualSensorLoop();
        List<MeasurementRecord> records = new ArrayList<>();
        try (Sensors sensors = Sensors.simulated(loop, SiteCalibration.REFERENCE)) {
            loop.runFor(Duration.ofSeconds(1));
            TestBattery battery = TestBattery.open(MEMBER, SafetyCheck.allClear(), sensors, records::add, CLOCK);
            for (MeasurementCode code : TestBattery.SENSOR_TESTS) {
                FitnessTestSession test = code == MeasurementCode.ONE_LEG_STANCE ? battery.startOneLegStance(true)
                        : battery.start(code);
                measure(loop, sensors, test, 11 + code.ordinal());
                written.put(code.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), only(records, code));
            }
            records.clear();
            measure(loop, sensors, battery.start(MeasurementCode.ONE_LEG_STANCE), 29);
            written.put("one-leg-stance-supported", only(records, MeasurementCode.ONE_LEG_STANCE));
            battery.enterGrip(StaffEntry.Hand.RIGHT, List.of(new BigDecimal("21.5"), new BigDecimal("22.0")));
            written.put("grip-right", records.getLast());
            battery.enterGrip(StaffEntry.Hand.LEFT, List.of(new BigDecimal("17.0")));
            written.put("grip-left", records.getLast());
            battery.enterSitAndReach(List.of(new BigDecimal("-3.5"), new BigDecimal("1.5")));
            written.put("sit-and-reach", records.getLast());
            battery.enterHeight(new BigDecimal("156.4"));
            written.put("height", records.getLast());
            battery.enterWeight(new BigDecimal("58.2"));
            written.put("weight", records.getLast());
        }
    }

    /** A simulated senior performs the test on the sensors, from "ready" to its end. */
    private static void measure(VirtualSensorLoop loop, Sensors sensors, FitnessTestSession test, long seed) {
        SimulatedSenior.Performance performance = new SimulatedSenior(SiteCalibration.REFERENCE, new SplittableRandom(seed))
                .perform(test.code(), SimulatedSenior.Pace.NORMAL, SimulatedSenior.Flaw.NONE);
        test.ready();
        loop.runPending();
        sensors.player().orElseThrow().play(performance.trace(), () -> { });
        loop.runFor(Duration.ofMillis(Math.round(performance.lengthS() * 1000) + 2000));
    }

    /** Each exercise program, coached on the mat and followed by a simulated senior, to its end. */
    private void exercised(Map<String, MeasurementRecord> written) {
        for (Program program : Program.values()) {
            VirtualSensorLoop loop = new VirtualSensorLoop();
            List<MeasurementRecord> records = new ArrayList<>();
            try (Sensors sensors = Sensors.simulated(loop, SiteCalibration.REFERENCE)) {
                loop.runFor(Duration.ofSeconds(1));
                ExerciseCoach coach = new ExerciseCoach(sensors, records::add, CLOCK, new SplittableRandom(7));
                ExerciseSession session = coach.start(MEMBER, new ExerciseOffer(program, 2, 1, false));
                new SimulatedExerciser(sensors, SimulatedExerciser.Skill.NORMAL, new SplittableRandom(11)).follow(session);
                session.begin();
                for (int s = 0; s < 600 && !session.phase().isFinal(); s++) {
                    loop.runFor(Duration.ofSeconds(1));
                }
                assertThat(records).as(program.name()).hasSize(1);
                written.put(program.protocol().substring(0, program.protocol().indexOf('/')), records.getFirst());
            }
        }
    }

    /** "방금 운동, 얼마나 힘드셨어요?" answered on the screens after a step &amp; jump session. */
    private void ratedEffort(Map<String, MeasurementRecord> written) {
        cards.show(3);
        awaitScreen(Screen.Greeting.class);
        tap(Action.NEXT);
        awaitScreen(Screen.Home.class);
        tap(Action.EXERCISE);
        awaitScreen(Screen.ExerciseChoice.class);
        tap(Action.CHOOSE_STEP_JUMP);
        awaitScreen(Screen.ExerciseBriefing.class);
        tap(Action.READY);
        awaitScreen(Screen.EffortAsk.class);
        tap(Action.effort(5));
        awaitScreen(Screen.ExerciseResult.class);
        MeasurementRecord effort = recorded.getLast();
        assertThat(effort.code()).isEqualTo(MeasurementCode.EXERCISE_EFFORT.name());
        written.put("exercise-effort", effort);
        tap(Action.FINISH);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> sink.current() instanceof Screen.Idle || sink.current() instanceof Screen.Goodbye);
        recorded.clear();
    }

    /** "몸이 불편해요" before the tests, answered on the screens. */
    private void answeredUnwell(Map<String, MeasurementRecord> written) {
        greetedAtHome();
        tap(Action.MEASURE);
        awaitScreen(Screen.SafetyAsk.class);
        tap(Action.UNWELL);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !recorded.isEmpty());
        assertThat(recorded).hasSize(1);
        written.put("unwell-today", recorded.getFirst());
    }

    private static MeasurementRecord only(List<MeasurementRecord> records, MeasurementCode code) {
        List<MeasurementRecord> of = records.stream().filter(r -> r.code().equals(code.name())).toList();
        assertThat(of).as(code + " measured").hasSize(1);
        assertThat(of.getFirst().kind()).isEqualTo(RecordKind.TEST.wireName());
        return of.getFirst();
    }

    /** The record as the outbox keeps it, with the member, id and time fixed so the example stays put. */
    private JsonNode normalized(String name, MeasurementRecord record) throws IOException {
        ObjectNode json = (ObjectNode) JSON.readTree(new String(codec.encode(record), StandardCharsets.UTF_8));
        json.put("id", UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
        json.put("memberId", MEMBER);
        json.put("takenAt", TAKEN_AT);
        return json;
    }
}
