package kr.smartsenior.edge.exercise;

import java.time.Clock;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.protocol.MeasurementRecord;

/**
 * Starts exercise sessions on the kiosk's sensors and records each one through the recorder
 * (normally {@code Kiosk::record}, which returns once the record is on disk). One session at a time:
 * starting another ends the one still running (recorded as stopped early, {@code timeout}).
 *
 * <pre>{@code
 * ExerciseCoach coach = new ExerciseCoach(sensors, kiosk::record, clock);
 * ExercisePlan plan = ExercisePlan.from(rosterEntry.prescription());
 * ExerciseSession session = coach.start(memberId, plan.offers().getFirst());
 * session.addListener(screen);   // then session.begin() when the senior stands on the mat
 * }</pre>
 */
public final class ExerciseCoach {

    private final Sensors sensors;
    private final Consumer<MeasurementRecord> recorder;
    private final Clock clock;
    private final RandomGenerator random;
    private ExerciseSession current;

    public ExerciseCoach(Sensors sensors, Consumer<MeasurementRecord> recorder, Clock clock) {
        this(sensors, recorder, clock, new SplittableRandom());
    }

    /** With a given source of randomness (the targets' order), for repeatable tests. */
    public ExerciseCoach(Sensors sensors, Consumer<MeasurementRecord> recorder, Clock clock, RandomGenerator random) {
        this.sensors = Objects.requireNonNull(sensors, "sensors");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new session in its briefing, at the offer's level. */
    public synchronized ExerciseSession start(String memberId, ExerciseOffer offer) {
        if (current != null && !current.phase().isFinal()) {
            current.cancel();
        }
        current = switch (offer.program()) {
            case STEP_JUMP -> new StepJumpSession(offer, memberId, sensors, recorder, clock, random);
            case BALANCE -> new BalanceSession(offer, memberId, sensors, recorder, clock, random);
            case INTERVAL -> new IntervalSession(offer, memberId, sensors, recorder, clock, random);
        };
        return current;
    }

    public Sensors sensors() {
        return sensors;
    }
}
