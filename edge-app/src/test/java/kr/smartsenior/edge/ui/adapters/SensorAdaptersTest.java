package kr.smartsenior.edge.ui.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import kr.smartsenior.edge.exercise.Cue;
import kr.smartsenior.edge.sensor.SiteCalibration;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.edge.sensor.Trace;
import kr.smartsenior.edge.sensor.VirtualSensorLoop;
import kr.smartsenior.edge.simulate.SimulatedExerciser;
import kr.smartsenior.edge.simulate.SimulatedSenior;
import kr.smartsenior.edge.simulate.SimulatedTestTaker;
import kr.smartsenior.edge.testing.Prescriptions;
import kr.smartsenior.edge.ui.ports.ExercisePrograms;
import kr.smartsenior.edge.ui.ports.ExercisePrograms.ExerciseEvent;
import kr.smartsenior.edge.ui.ports.FitnessTests;
import kr.smartsenior.edge.ui.ports.FitnessTests.TestEvent;
import kr.smartsenior.edge.ui.ports.PresenceEvents.Presence;
import kr.smartsenior.protocol.KioskPrescription;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.RestrictionCode;
import kr.smartsenior.protocol.MeasurementRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The screens' ports over the real protocols, exercise programs and sensors, on virtual time. */
class SensorAdaptersTest {

    private static final String MEMBER = "M7K2Q9XD4T";
    private final VirtualSensorLoop loop = new VirtualSensorLoop();
    private final Sensors sensors = Sensors.simulated(loop, SiteCalibration.REFERENCE);
    private final Clock clock = Clock.systemUTC();
    private final List<MeasurementRecord> records = new ArrayList<>();

    SensorAdaptersTest() {
        loop.runFor(Duration.ofSeconds(1));
    }

    @AfterEach
    void close() {
        sensors.close();
    }

    private static KioskPrescription prescription() {
        return Prescriptions.of(List.of("…"), List.of(Prescriptions.program(MeasurementCode.BALANCE, 2, 3),
                Prescriptions.program(MeasurementCode.INTERVAL, 1, 10)), RestrictionCode.FALL_SUPPORT);
    }

    @Test
    void anExerciseSessionReachesTheScreensAsStagesTargetsAnswersAndAFinishedSummaryAfterItIsRecorded() {
        SimulatedExerciser senior = new SimulatedExerciser(sensors, SimulatedExerciser.Skill.NORMAL, new SplittableRandom(3));
        SensorExercisePrograms programs = new SensorExercisePrograms(sensors, clock, senior::follow);
        List<ExercisePrograms.Offer> offers = programs.offers(prescription());
        assertThat(offers).containsExactly(new ExercisePrograms.Offer(MeasurementCode.BALANCE, 2, 3, true),
                new ExercisePrograms.Offer(MeasurementCode.INTERVAL, 1, 10, true)); // the support restriction holds for all
        List<ExerciseEvent> events = new ArrayList<>();
        ExercisePrograms.ExerciseRun run = programs.start(offers.getFirst(), MEMBER, records::add, events::add);
        run.begin();
        loop.runFor(Duration.ofMinutes(4));

        assertThat(events).filteredOn(ExerciseEvent.Stage.class::isInstance).map(e -> ((ExerciseEvent.Stage) e).stage())
                .containsExactly(ExercisePrograms.Stage.WARM_UP, ExercisePrograms.Stage.PLAY, ExercisePrograms.Stage.COOL_DOWN);
        assertThat(events).anyMatch(e -> e instanceof ExerciseEvent.Target t && t.move() == Cue.Kind.LEAN)
                .anyMatch(e -> e instanceof ExerciseEvent.Answer a && a.hit())
                .anyMatch(e -> e instanceof ExerciseEvent.Progress p && p.held().toMillis() > 0);
        ExerciseEvent.Finished finished = (ExerciseEvent.Finished) events.getLast();
        assertThat(finished.summary().active()).isEqualTo(Duration.ofMinutes(3));
        assertThat(finished.summary().stopReason()).isNull();
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("BALANCE");
            assertThat(r.detail()).containsEntry("protocol", "balance/1").containsEntry("support", true);
        });
    }

    @Test
    void aSymptomStopIsRecordedAndAStuckMatFailsTheNextSessionBeforeItBegins() {
        SensorExercisePrograms programs = new SensorExercisePrograms(sensors, clock, session -> { });
        List<ExerciseEvent> events = new ArrayList<>();
        ExercisePrograms.Offer interval = programs.offers(Prescriptions.of(List.of(),
                List.of(Prescriptions.program(MeasurementCode.INTERVAL, 1, 10)))).getFirst();
        ExercisePrograms.ExerciseRun run = programs.start(interval, MEMBER, records::add, events::add);
        run.begin();
        loop.runFor(Duration.ofSeconds(5));
        run.stop(true);
        loop.runPending();
        assertThat(((ExerciseEvent.Finished) events.getLast()).summary().stopReason()).isEqualTo("symptom");
        assertThat(records.getLast().detail()).containsEntry("symptom", "dizziness-or-chest-pain");

        sensors.player().orElseThrow().tap(3, Duration.ofMinutes(10)); // something heavy left on pad 3
        loop.runFor(Duration.ofMinutes(4));
        events.clear();
        programs.start(interval, MEMBER, records::add, events::add).begin();
        loop.runPending();
        assertThat(events).singleElement().isEqualTo(new ExerciseEvent.Failed(SensorExercisePrograms.MAT_PROBLEM, false));
        assertThat(records).hasSize(1);
    }

    /** Issue #14: three minutes of exercise standing on pads 1 and 2 made them "stuck" and the next test refused to start. */
    @Test
    void threeMinutesOfExerciseOnTheHomePadsLeaveNoStuckPadAndATestStartsAfterwards() {
        List<Trace.Event> readings = new ArrayList<>();
        for (int ms = 0; ms < 300_000; ms += 20) { // the senior in front of the kiosk, on the mat
            readings.add(new Trace.Distance(ms * 1_000_000L, 600, kr.smartsenior.edge.sensor.DistanceSample.Quality.GOOD));
        }
        loop.execute(() -> sensors.player().orElseThrow().play(new Trace(readings), () -> { }));
        sensors.player().orElseThrow().tap(1, Duration.ofMinutes(10));
        sensors.player().orElseThrow().tap(2, Duration.ofMinutes(10));
        SensorExercisePrograms programs = new SensorExercisePrograms(sensors, clock, session -> { });
        ExercisePrograms.Offer interval = programs.offers(Prescriptions.of(List.of(),
                List.of(Prescriptions.program(MeasurementCode.INTERVAL, 1, 10)))).getFirst();
        List<ExerciseEvent> exercise = new ArrayList<>();
        ExercisePrograms.ExerciseRun run = programs.start(interval, MEMBER, records::add, exercise::add);
        run.begin();
        loop.runFor(Duration.ofMinutes(3).plusSeconds(20));
        run.stop(false);
        loop.runFor(Duration.ofSeconds(5));
        assertThat(exercise).noneMatch(ExerciseEvent.Failed.class::isInstance);

        assertThat(sensors.health()).containsEntry(Sensors.STEP_MAT, Sensors.OK);
        List<TestEvent> events = new ArrayList<>();
        new SensorFitnessTests(sensors, clock, test -> { })
                .start(MeasurementCode.STEP_IN_PLACE_2MIN, MEMBER, FitnessTests.Safety.clear(), events::add);
        assertThat(events).containsExactly(new TestEvent.Waiting(FitnessTests.Step.INSTRUCTIONS));
    }

    @Test
    void aFitnessTestRunsTheRealProtocolThroughItsWaitingStepsCountdownAndProgress() {
        SimulatedTestTaker taker = new SimulatedTestTaker(sensors, new SplittableRandom(5));
        SensorFitnessTests tests = new SensorFitnessTests(sensors, clock, taker);
        assertThat(tests.battery()).containsExactly(MeasurementCode.CHAIR_STAND_30S, MeasurementCode.STEP_IN_PLACE_2MIN,
                MeasurementCode.TIMED_UP_AND_GO, MeasurementCode.ONE_LEG_STANCE);
        List<TestEvent> events = new ArrayList<>();
        FitnessTests.TestRun run = tests.start(MeasurementCode.CHAIR_STAND_30S, MEMBER, FitnessTests.Safety.clear(), events::add);
        assertThat(events).containsExactly(new TestEvent.Waiting(FitnessTests.Step.INSTRUCTIONS));
        run.ready();
        loop.runPending();
        assertThat(events.getLast()).isEqualTo(new TestEvent.Waiting(FitnessTests.Step.PRACTICE));
        run.ready();
        loop.runFor(Duration.ofSeconds(40));

        assertThat(events).filteredOn(TestEvent.Countdown.class::isInstance).map(e -> ((TestEvent.Countdown) e).secondsLeft())
                .containsExactly(3, 2, 1);
        assertThat(events).anyMatch(e -> e instanceof TestEvent.Progress p
                && p.limit().equals(Duration.ofSeconds(30)) && p.value().signum() > 0);
        TestEvent.Finished finished = (TestEvent.Finished) events.getLast();
        assertThat(finished.value()).isBetween(BigDecimal.valueOf(5), BigDecimal.valueOf(25));
        assertThat(finished.detail()).containsEntry("protocol", kr.smartsenior.protocol.MeasurementProtocol.CHAIR_STAND_30S.id());
        assertThat(finished.grade()).isEqualTo(FitnessTests.Grade.UNRATED);
    }

    @Test
    void theMeasureSafetyGateDecidesAndAnUnclearedMemberIsNeitherMeasuredNorAskedToGetReady() {
        SimulatedTestTaker taker = new SimulatedTestTaker(sensors, new SplittableRandom(5));
        SensorFitnessTests tests = new SensorFitnessTests(sensors, clock, taker);
        List<TestEvent> unwell = new ArrayList<>();
        tests.start(MeasurementCode.CHAIR_STAND_30S, MEMBER, new FitnessTests.Safety(true, false), unwell::add).ready();
        List<TestEvent> pressure = new ArrayList<>();
        tests.start(MeasurementCode.CHAIR_STAND_30S, MEMBER, new FitnessTests.Safety(false, true), pressure::add).ready();
        loop.runFor(Duration.ofSeconds(40));

        assertThat(unwell).containsExactly(new TestEvent.NotToday(List.of("오늘 통증이 있어요", "오늘 어지러움이 있어요")));
        assertThat(pressure).containsExactly(new TestEvent.NotToday(List.of("혈압이 높다고 기록되어 있어요")));
    }

    @Test
    void anEarlyStartIsAnInvalidAttemptWithTheProtocolsOwnReason() {
        SimulatedTestTaker taker = new SimulatedTestTaker(sensors, new SplittableRandom(5));
        taker.flawNext(SimulatedSenior.Flaw.FALSE_START);
        SensorFitnessTests tests = new SensorFitnessTests(sensors, clock, taker);
        List<TestEvent> events = new ArrayList<>();
        FitnessTests.TestRun run = tests.start(MeasurementCode.TIMED_UP_AND_GO, MEMBER, FitnessTests.Safety.clear(), events::add);
        run.ready();
        loop.runFor(Duration.ofSeconds(20));
        assertThat(events.getLast()).isEqualTo(new TestEvent.Invalid("신호 전에 움직였어요. 다시 해 볼까요?"));
        assertThat(events).noneMatch(TestEvent.Finished.class::isInstance);
    }

    @Test
    void padPressesAndPresenceComeFromTheSensors() {
        List<Integer> pressed = new ArrayList<>();
        new SensorPadEvents(sensors.mat()).start(pressed::add);
        List<Presence> presence = new ArrayList<>();
        new SensorPresenceEvents(sensors.motion()).start(presence::add);

        sensors.player().orElseThrow().tap(2, Duration.ofMillis(300));
        loop.runFor(Duration.ofSeconds(1));
        assertThat(pressed).containsExactly(2);

        // someone stands in front for 3 s, is out of the beam for 1 s, back for 2 s, then leaves
        List<Trace.Event> readings = new ArrayList<>();
        for (int ms = 0; ms < 12_000; ms += 20) {
            boolean there = ms < 3000 || (ms >= 4000 && ms < 6000);
            readings.add(new Trace.Distance(ms * 1_000_000L, there ? 600 : 4500,
                    kr.smartsenior.edge.sensor.DistanceSample.Quality.GOOD));
        }
        loop.execute(() -> sensors.player().orElseThrow().play(new Trace(readings), () -> { }));
        loop.runFor(Duration.ofSeconds(13));
        assertThat(presence).containsExactly(Presence.ARRIVED, Presence.LEFT);
    }

    /** The absence that counts as leaving is a setting ({@code SSC_ABSENCE_PAUSE_S}): shorter, a 1 s gap is a departure. */
    @Test
    void aShorterAbsenceSettingTurnsAOneSecondGapIntoLeavingAndComingBack() {
        List<Presence> presence = new ArrayList<>();
        new SensorPresenceEvents(sensors.motion(), Duration.ofMillis(500)).start(presence::add);
        List<Trace.Event> readings = new ArrayList<>();
        for (int ms = 0; ms < 8_000; ms += 20) {
            boolean there = ms < 3000 || ms >= 4000;
            readings.add(new Trace.Distance(ms * 1_000_000L, there ? 600 : 4500,
                    kr.smartsenior.edge.sensor.DistanceSample.Quality.GOOD));
        }
        loop.execute(() -> sensors.player().orElseThrow().play(new Trace(readings), () -> { }));
        loop.runFor(Duration.ofSeconds(7));
        assertThat(presence).containsExactly(Presence.ARRIVED, Presence.LEFT, Presence.ARRIVED);
    }
}
