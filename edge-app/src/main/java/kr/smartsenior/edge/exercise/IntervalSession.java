package kr.smartsenior.edge.exercise;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import kr.smartsenior.edge.sensor.PadEvent;
import kr.smartsenior.edge.sensor.SensorLoop;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.protocol.MeasurementRecord;

/**
 * High-intensity intervals (고강도 인터벌): after a two-minute warm-up, rounds of fast stepping in place
 * on pads 1 and 2 against a cadence target (a beat lights the pads alternately), each followed by a
 * longer rest of slow walking, then a two-minute cool-down. The level sets the rounds, work and rest
 * times and the cadence (from the prescription); adaptation raises or lowers the cadence target by
 * {@link #CADENCE_RATIO} per step after each round, from the share of the target steps done.
 *
 * <p>Hits are the target steps done in a round, misses the steps short of it; every step is fed back
 * at once. Only offered when the prescription lists it and no restriction forbids it
 * ({@link ExercisePlan}); the screen shows the "stop if you feel dizzy or chest pain" prompt.
 */
final class IntervalSession extends ProgramSession {

    /** What a level asks for. */
    record Level(int rounds, Duration work, Duration rest, int cadenceSpm) {
    }

    static final List<Level> LEVELS = List.of(
            new Level(3, Duration.ofSeconds(20), Duration.ofSeconds(60), 80),
            new Level(4, Duration.ofSeconds(20), Duration.ofSeconds(50), 90),
            new Level(5, Duration.ofSeconds(25), Duration.ofSeconds(50), 100),
            new Level(6, Duration.ofSeconds(25), Duration.ofSeconds(45), 110),
            new Level(6, Duration.ofSeconds(30), Duration.ofSeconds(45), 120));
    static final double CADENCE_RATIO = 1.08;
    static final Duration WARM_UP = Duration.ofMinutes(2);
    static final Duration COOL_DOWN = Duration.ofMinutes(2);

    private int round;
    private int roundsDone;
    private int roundSteps;
    private long roundActiveNanos;
    private long roundSince;
    private int beat;
    private SensorLoop.Scheduled beats;

    IntervalSession(ExerciseOffer offer, String memberId, Sensors sensors, Consumer<MeasurementRecord> recorder, Clock clock,
            RandomGenerator random) {
        super(offer, memberId, sensors, recorder, clock, random, 1, CADENCE_RATIO);
    }

    private Level startLevel() {
        return LEVELS.get(offer().level() - 1);
    }

    @Override
    List<Segment> plan() {
        Level level = startLevel();
        List<Segment> plan = new ArrayList<>();
        plan.add(new Segment(ExercisePhase.WARM_UP, WARM_UP, 0));
        for (int i = 1; i <= level.rounds(); i++) {
            plan.add(new Segment(ExercisePhase.PLAY, level.work(), i));
            if (i < level.rounds()) {
                plan.add(new Segment(ExercisePhase.REST, level.rest(), i));
            }
        }
        plan.add(new Segment(ExercisePhase.COOL_DOWN, COOL_DOWN, 0));
        return plan;
    }

    /** The cadence target now: the current level's, adapted. */
    double targetCadence() {
        return LEVELS.get(difficulty.level() - 1).cadenceSpm() * difficulty.factor();
    }

    @Override
    void enterSegment(Segment segment) {
        if (segment.phase() == ExercisePhase.PLAY) {
            round = segment.round();
            roundSteps = 0;
            roundActiveNanos = 0;
            roundSince = loop.nanos();
            beat = 0;
            startBeats();
        }
    }

    @Override
    void leaveSegment(Segment segment) {
        if (segment.phase() != ExercisePhase.PLAY) {
            return;
        }
        double minutes = roundActiveNanos / 60e9;
        int target = Math.max(1, (int) Math.round(targetCadence() * minutes));
        int done = Math.min(roundSteps, target);
        roundsDone++;
        scoreBlock(done, target - done, (double) roundSteps / target);
    }

    @Override
    void suspend() {
        stopBeats();
        roundActiveNanos += loop.nanos() - roundSince;
    }

    @Override
    void proceed() {
        roundSince = loop.nanos();
        startBeats();
    }

    private void startBeats() {
        stopBeats();
        Duration period = Duration.ofNanos(Math.round(60e9 / targetCadence()));
        beats = loop.every(period, () -> {
            int pad = beat++ % 2 == 0 ? LEFT : RIGHT;
            cue(Cue.Kind.MARCH, Set.of(pad), false, period, Duration.ZERO);
        });
    }

    private void stopBeats() {
        if (beats != null) {
            beats.cancel();
            beats = null;
        }
    }

    @Override
    void playPad(PadEvent event) {
        if (event.pressed() && (event.pad() == LEFT || event.pad() == RIGHT)) {
            roundSteps++;
            feedback(new Feedback(0, true, -1, 0, event.atNanos()));
        }
    }

    @Override
    int cadenceNow(long now) {
        double minutes = (roundActiveNanos + (now - roundSince)) / 60e9;
        return minutes < 0.05 ? 0 : (int) Math.round(roundSteps / minutes);
    }

    @Override
    int roundNow() {
        return round;
    }

    @Override
    int rounds() {
        return startLevel().rounds();
    }

    @Override
    int roundsDone() {
        return roundsDone;
    }
}
