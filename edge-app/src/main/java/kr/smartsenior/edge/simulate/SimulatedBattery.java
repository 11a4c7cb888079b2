package kr.smartsenior.edge.simulate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import kr.smartsenior.edge.exercise.ExerciseCoach;
import kr.smartsenior.edge.exercise.ExerciseListener;
import kr.smartsenior.edge.exercise.ExerciseOffer;
import kr.smartsenior.edge.exercise.ExercisePhase;
import kr.smartsenior.edge.exercise.ExercisePlan;
import kr.smartsenior.edge.exercise.ExerciseSession;
import kr.smartsenior.edge.exercise.Program;
import kr.smartsenior.edge.exercise.SessionResult;
import kr.smartsenior.edge.exercise.StopReason;
import kr.smartsenior.edge.measure.FitnessTestSession;
import kr.smartsenior.edge.measure.SafetyCheck;
import kr.smartsenior.edge.measure.StaffEntry;
import kr.smartsenior.edge.measure.TestBattery;
import kr.smartsenior.edge.measure.TestPhase;
import kr.smartsenior.edge.sensor.SensorLoop;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.edge.sensor.TracePlayer;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.KioskPrescription;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.RecordDetail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's kiosk visitors: one member after another answers the safety questions, has the staff
 * items entered, and takes every sensor test of the {@link TestBattery}, performed by a
 * {@link SimulatedSenior} whose traces play into the simulated sensors. The real protocols measure
 * them, and their results go through the recorder (the kiosk's outbox) like a real visit's.
 * Sometimes a senior starts early or the sensor drops out: the test is invalid and retried, as
 * staff would.
 *
 * <p>A member whose prescription (from the kiosk's roster) offers exercise programs mostly comes to
 * exercise instead: one of the offered programs, at its prescribed level and length, run by the real
 * {@link ExerciseCoach} on the same sensors while a {@link SimulatedExerciser} plays along; the session
 * is recorded by the coach, and the senior then answers "얼마나 힘드셨어요?"
 * ({@link MeasurementCode#EXERCISE_EFFORT}) as on the screen. Sometimes they stop early.
 *
 * <p>Runs entirely on the sensors' loop, so at {@code SSC_SIM_SPEED} 30 (the demo) a 4-minute visit takes 8 s
 * and a 10-minute program 20 s.
 */
public final class SimulatedBattery implements AutoCloseable {

    /** Share of visitors who are not cleared for testing today. */
    static final double NOT_CLEARED_SHARE = 0.05;
    /** Share of test attempts that go wrong (false start, dropout). */
    static final double FLAW_SHARE = 0.1;
    static final int MAX_ATTEMPTS = 3;
    /** Share of visitors who do the one-leg stance holding the chair. */
    static final double HOLDS_CHAIR_SHARE = 0.2;
    /** Staff pressing "ready" after the instructions. */
    static final Duration INSTRUCTIONS = Duration.ofSeconds(2);
    /** Share of visits of a member with prescribed programs that are for the tests again, not to exercise. */
    static final double TESTS_AGAIN_SHARE = 0.25;
    /** Share of exercise sessions the senior stops before the end (tired, a call). */
    static final double STOPS_EARLY_SHARE = 0.1;

    private static final Logger log = LoggerFactory.getLogger(SimulatedBattery.class);

    private final Consumer<MeasurementRecord> recorder;
    private final List<String> members;
    private final Duration pause;
    private final Sensors sensors;
    private final SensorLoop loop;
    private final TracePlayer player;
    private final SimulatedSenior senior;
    private final RandomGenerator random;
    private final Clock clock;
    private final Function<String, KioskPrescription> prescriptions;
    private final ExerciseCoach coach;
    private final SimulatedExerciser exerciser;
    private volatile boolean closed;
    private long visits;
    private long sessions;
    /** Members who came at least once, and who exercised at least once; on the loop only. */
    private final java.util.Set<String> visited = new java.util.HashSet<>();
    private final java.util.Set<String> exercised = new java.util.HashSet<>();

    /**
     * @param recorder where results go ({@code kiosk::record})
     * @param members  member ids to simulate; none means nothing happens
     * @param pause    loop time between visits
     * @param sensors  simulated sensors (their player drives the tests)
     * @param prescriptions each member's prescription as the kiosk's roster has it ({@code NONE}: tests only)
     */
    public SimulatedBattery(Consumer<MeasurementRecord> recorder, List<String> members, Duration pause, Sensors sensors,
            Function<String, KioskPrescription> prescriptions, RandomGenerator random, Clock clock) {
        this.recorder = recorder;
        this.prescriptions = prescriptions;
        this.members = List.copyOf(members);
        this.pause = pause;
        this.sensors = sensors;
        this.loop = sensors.loop();
        this.player = sensors.player().orElseThrow(() -> new IllegalArgumentException("the sensors are not simulated"));
        this.senior = new SimulatedSenior(sensors.motion().calibration(), random);
        this.random = random;
        this.clock = clock;
        this.coach = new ExerciseCoach(sensors, recorder, clock, random);
        this.exerciser = new SimulatedExerciser(sensors, SimulatedExerciser.Skill.NORMAL, random);
    }

    /** Visitors without prescriptions: the tests only. */
    public SimulatedBattery(Consumer<MeasurementRecord> recorder, List<String> members, Duration pause, Sensors sensors,
            RandomGenerator random, Clock clock) {
        this(recorder, members, pause, sensors, member -> KioskPrescription.NONE, random, clock);
    }

    public SimulatedBattery(Consumer<MeasurementRecord> recorder, List<String> members, Duration pause, Sensors sensors,
            Function<String, KioskPrescription> prescriptions) {
        this(recorder, members, pause, sensors, prescriptions, new SplittableRandom(), Clock.system(SimulatedSessions.SEOUL));
    }

    /** Starts the visits; with no members, says so and does nothing. */
    public void start() {
        if (members.isEmpty()) {
            log.info("nothing to simulate until members are given: set SSC_SIM_MEMBERS=A1,B2,...");
            return;
        }
        log.info("simulating visits to the test station for {} members at {}x speed", members.size(), loop.speed());
        loop.schedule(Duration.ofSeconds(1), this::visit);
    }

    /** Visits completed so far (for the tests or to exercise). */
    public long visits() {
        return visits;
    }

    /** Exercise sessions ended so far (recorded by the coach, finished or stopped early). */
    public long exerciseSessions() {
        return sessions;
    }

    private void visit() {
        if (closed) {
            return;
        }
        String member = nextMember();
        visited.add(member);
        List<ExerciseOffer> offers = offers(member);
        if (!offers.isEmpty() && (!exercised.contains(member) || random.nextDouble() >= TESTS_AGAIN_SHARE)) {
            exercised.add(member);
            exercise(member, offers.get(random.nextInt(offers.size())));
            return;
        }
        SafetyCheck check = random.nextDouble() < NOT_CLEARED_SHARE
                ? new SafetyCheck(false, false, 165, 95)
                : new SafetyCheck(false, false, 110 + random.nextInt(40), 65 + random.nextInt(25));
        TestBattery battery;
        try {
            battery = TestBattery.open(member, check, sensors, recorder, clock);
        } catch (TestBattery.NotClearedException e) {
            log.info("member {}: {}", member, e.getMessage());
            next();
            return;
        }
        try {
            enterStaffItems(battery);
        } catch (RuntimeException e) {
            log.error("could not record the staff items for member {}", member, e);
        }
        runTest(battery, 0);
    }

    /**
     * Who comes next: whoever has a plan and has not exercised yet, then whoever has not come yet
     * (their tests, from which the server makes a plan), then anyone. So the demo shows exercise as
     * soon as the first plan arrives rather than whenever chance picks that member again.
     */
    private String nextMember() {
        for (String member : members) {
            if (!exercised.contains(member) && !offers(member).isEmpty()) {
                return member;
            }
        }
        for (String member : members) {
            if (!visited.contains(member)) {
                return member;
            }
        }
        return members.get(random.nextInt(members.size()));
    }

    /** What the member's prescription offers today, by the kiosk's rules; none when it cannot be read. */
    private List<ExerciseOffer> offers(String member) {
        try {
            return ExercisePlan.from(prescriptions.apply(member)).offers();
        } catch (RuntimeException e) {
            log.warn("no exercise for member {}: the prescription cannot be read ({})", member, e.toString());
            return List.of();
        }
    }

    /**
     * One program as the screens would run it: the coach starts it in its briefing, the senior steps on
     * the mat after the instructions ({@code begin}), plays along, and rates the effort when it ends.
     */
    private void exercise(String member, ExerciseOffer offer) {
        ExerciseSession session = coach.start(member, offer);
        exerciser.skill(SimulatedExerciser.Skill.values()[random.nextInt(SimulatedExerciser.Skill.values().length)]);
        exerciser.follow(session);
        session.addListener(new ExerciseListener() {
            @Override
            public void onPhase(ExerciseSession ended, ExercisePhase phase) {
                if (phase.isFinal()) {
                    loop.execute(() -> afterExercise(member, offer, ended));
                }
            }
        });
        loop.schedule(INSTRUCTIONS, () -> {
            if (closed) {
                session.cancel();
                return;
            }
            session.begin();
            if (random.nextDouble() < STOPS_EARLY_SHARE) {
                Duration after = Duration.ofSeconds(Math.max(30, offer.minutes() * 60L * random.nextInt(2, 8) / 10));
                loop.schedule(after, () -> session.stop(StopReason.USER));
            }
        });
    }

    private void afterExercise(String member, ExerciseOffer offer, ExerciseSession session) {
        sessions++;
        Optional<SessionResult> result = session.result();
        if (session.saved() && result.isPresent()) {
            // "얼마나 힘드셨어요?" 1-10, as the effort screen records it
            int rating = Math.clamp(3 + random.nextInt(4) + (offer.program() == Program.INTERVAL ? 1 : 0)
                    - (result.get().stoppedEarly() ? 1 : 0), 1, 10);
            try {
                recorder.accept(MeasurementRecord.of(member, MeasurementCode.EXERCISE_EFFORT, BigDecimal.valueOf(rating),
                        OffsetDateTime.now(clock), Map.of(RecordDetail.PROGRAM, offer.program().code().name(),
                                RecordDetail.LEVEL, result.get().levelStart())));
            } catch (RuntimeException e) {
                log.error("could not record the effort rating of member {}", member, e);
            }
        }
        visits++;
        next();
    }

    private void enterStaffItems(TestBattery battery) {
        BigDecimal height = tenths(148, 172);
        battery.enterHeight(height);
        battery.enterWeight(tenths(45, 78));
        battery.enterGrip(StaffEntry.Hand.LEFT, List.of(tenths(14, 32), tenths(14, 32)));
        battery.enterGrip(StaffEntry.Hand.RIGHT, List.of(tenths(15, 36), tenths(15, 36)));
        battery.enterSitAndReach(List.of(tenths(-8, 18), tenths(-8, 18)));
    }

    private void runTest(TestBattery battery, int index) {
        if (closed) {
            return;
        }
        if (index >= TestBattery.SENSOR_TESTS.size()) {
            visits++;
            next();
            return;
        }
        MeasurementCode code = TestBattery.SENSOR_TESTS.get(index);
        FitnessTestSession test = code == MeasurementCode.ONE_LEG_STANCE
                ? battery.startOneLegStance(random.nextDouble() >= HOLDS_CHAIR_SHARE) // staff ask before the test
                : battery.start(code);
        int[] attempts = {1};
        test.addListener((finished, phase) -> {
            if (phase == TestPhase.RESULT || phase == TestPhase.CANCELLED) {
                player.stop();
                runTest(battery, index + 1);
            } else if (phase == TestPhase.INVALID) {
                player.stop();
                if (attempts[0] < MAX_ATTEMPTS) {
                    attempts[0]++;
                    attempt(test, attempts[0]); // staff press "try again"
                } else {
                    finished.cancel();
                }
            }
        });
        attempt(test, attempts[0]);
    }

    private void attempt(FitnessTestSession test, int attempt) {
        SimulatedSenior.Pace pace = SimulatedSenior.Pace.values()[random.nextInt(3)];
        SimulatedSenior.Flaw flaw = attempt < MAX_ATTEMPTS && random.nextDouble() < FLAW_SHARE
                ? (random.nextBoolean() ? SimulatedSenior.Flaw.FALSE_START : SimulatedSenior.Flaw.DROPOUT)
                : (random.nextDouble() < 0.3 ? SimulatedSenior.Flaw.NOISY : SimulatedSenior.Flaw.NONE);
        SimulatedSenior.Style style = SimulatedSenior.Style.values()[random.nextInt(SimulatedSenior.Style.values().length)];
        SimulatedSenior.Performance performance = senior.perform(test.code(), style, pace, flaw);
        loop.schedule(INSTRUCTIONS, () -> {
            if (closed) {
                return;
            }
            test.ready();
            loop.execute(() -> player.play(performance.trace(), () -> { }));
        });
    }

    private void next() {
        if (!closed) {
            loop.schedule(pause, this::visit);
        }
    }

    private BigDecimal tenths(int low, int high) {
        return BigDecimal.valueOf(random.nextInt(low * 10, high * 10 + 1), 1);
    }

    /** Stops after the current step; the sensors (and their loop) are closed by their owner. */
    @Override
    public void close() {
        closed = true;
    }
}
