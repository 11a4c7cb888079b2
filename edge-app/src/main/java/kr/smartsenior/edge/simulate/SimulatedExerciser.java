package kr.smartsenior.edge.simulate;

import java.time.Duration;
import java.util.random.RandomGenerator;
import kr.smartsenior.edge.exercise.Cue;
import kr.smartsenior.edge.exercise.ExerciseListener;
import kr.smartsenior.edge.exercise.ExercisePhase;
import kr.smartsenior.edge.exercise.ExerciseSession;
import kr.smartsenior.edge.sensor.SensorLoop;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.edge.sensor.TracePlayer;

/**
 * A senior doing an exercise program on the simulated mat: answers each cue as it comes with a short
 * sensor trace (pad edges, and the distance sensor seeing the body on the mat), played into the same
 * simulated sensors the session listens to. Marches during the warm-up, rests and cool-down, steps
 * fast in interval rounds, and can step off the mat for a while.
 *
 * <p>How well: {@link Skill#EXCELLENT} answers every cue quickly; {@link Skill#NORMAL} misses one
 * cue in four (a hit rate the programs keep their tempo for); {@link Skill#POOR} hits two in five and
 * is slow. Which cues are missed follows a fixed pattern, so a test gets the same hit rate every
 * time; reaction times vary. Runs on the sensor loop (a listener of the session).
 */
public final class SimulatedExerciser implements ExerciseListener {

    /** How well the simulated senior plays. */
    public enum Skill {
        EXCELLENT(0.35, 0.6, 1.1),
        NORMAL(0.6, 1.1, 0.75),
        POOR(1.0, 1.8, 0.45);

        final double fastestS;
        final double slowestS;
        /** Steps in an interval round, against the cadence target. */
        final double cadenceShare;

        Skill(double fastestS, double slowestS, double cadenceShare) {
            this.fastestS = fastestS;
            this.slowestS = slowestS;
            this.cadenceShare = cadenceShare;
        }

        boolean answers(int cue) {
            return switch (this) {
                case EXCELLENT -> true;
                case NORMAL -> cue % 4 != 3;
                case POOR -> cue % 5 == 0 || cue % 5 == 2;
            };
        }
    }

    /** The body on the mat in front of the kiosk, as the distance sensor sees it. */
    static final int ON_MAT_MM = SimulatedSenior.ON_MAT_MM;
    /** Leaning towards the screen for a balance task. */
    static final int LEAN_MM = 90;
    static final double EASY_CADENCE = 70;
    /** Long enough to outlast any phase that has no cues (the interval's warm-up is 2 min). */
    static final double MARCH_FOR_S = 130;

    private final Sensors sensors;
    private final SensorLoop loop;
    private final TracePlayer player;
    private final RandomGenerator random;
    private volatile Skill skill;
    private int answered;
    private boolean marching;
    private long awayUntil = Long.MIN_VALUE;

    public SimulatedExerciser(Sensors sensors, Skill skill, RandomGenerator random) {
        this.sensors = sensors;
        this.loop = sensors.loop();
        this.player = sensors.player().orElseThrow(() -> new IllegalArgumentException("the sensors are not simulated"));
        this.skill = skill;
        this.random = random;
    }

    /** Plays along with this session from now on. */
    public void follow(ExerciseSession session) {
        session.addListener(this);
    }

    /** From the next cue on, plays this well. */
    public void skill(Skill skill) {
        this.skill = skill;
    }

    /** Steps off the mat now (both feet, out of the beam) and comes back after {@code away}. On the loop. */
    public void stepOff(Duration away) {
        double awayS = away.toMillis() / 1000.0;
        awayUntil = loop.nanos() + away.toNanos() + 500_000_000L;
        TraceBuilder trace = new TraceBuilder(random);
        for (int pad = 1; pad <= sensors.mat().padCount(); pad++) {
            if (sensors.mat().pressed(pad)) {
                trace.pad(pad, false, 0.1 + pad * 0.15);
            }
        }
        trace.distance(awayS + 6, t -> t < 1 || t >= awayS ? ON_MAT_MM : sensors.motion().calibration().emptyMm());
        trace.pad(1, true, awayS).pad(2, true, awayS + 0.2);
        player.play(trace.build(), () -> { });
    }

    @Override
    public void onPhase(ExerciseSession session, ExercisePhase phase) {
        if (phase.isFinal()) {
            player.stop(); // off the mat: nothing more presses a pad (the next screen must not take it as a "yes")
            awayUntil = Long.MIN_VALUE;
            return;
        }
        if (away()) {
            return;
        }
        switch (phase) {
            case WARM_UP, REST, COOL_DOWN -> march(EASY_CADENCE, MARCH_FOR_S);
            case PLAY -> {
                marching = false;
                stand(10);
            }
            default -> { }
        }
    }

    @Override
    public void onCue(ExerciseSession session, Cue cue) {
        if (away()) {
            return;
        }
        if (cue.kind() == Cue.Kind.MARCH) {
            if (!marching) {
                marching = true;
                double cadence = 60e3 / cue.window().toMillis() * skill.cadenceShare;
                march(cadence, 40);
            }
            return;
        }
        int index = answered++;
        boolean right = skill.answers(index);
        double window = cue.window().toMillis() / 1000.0;
        double reaction = Math.min(skill.fastestS + random.nextDouble() * (skill.slowestS - skill.fastestS), window * 0.8);
        TraceBuilder trace = new TraceBuilder(random);
        double length = switch (cue.kind()) {
            case STEP, JUMP, STAY -> {
                respondToTarget(trace, cue, right, reaction, window, index);
                yield window * 2 + 3;
            }
            default -> {
                holdPosition(trace, cue, right, reaction);
                yield window + cue.hold().toMillis() / 1000.0 + 8;
            }
        };
        int[] lean = leanSpan(cue, right, reaction);
        trace.distance(length, t -> lean != null && t >= lean[0] / 1000.0 && t < lean[1] / 1000.0
                ? ON_MAT_MM - LEAN_MM : ON_MAT_MM);
        player.play(trace.build(), () -> { });
    }

    private void respondToTarget(TraceBuilder trace, Cue cue, boolean right, double reaction, double window, int index) {
        int target = cue.pads().iterator().next();
        switch (cue.kind()) {
            case STEP -> {
                if (right) {
                    stepOnto(trace, target, reaction);
                } else if (index % 2 == 0) {
                    stepOnto(trace, target == 1 ? 2 : 1, reaction); // the wrong pad
                } else {
                    stepOnto(trace, target, window + 0.4); // too late
                }
            }
            case JUMP -> {
                if (right) {
                    trace.pad(1, false, reaction - 0.1).pad(2, false, reaction - 0.08)
                            .pad(1, true, reaction + 0.25).pad(2, true, reaction + 0.27);
                } else {
                    stepOnto(trace, 1, reaction); // one foot only
                }
            }
            case STAY -> {
                if (!right) {
                    stepOnto(trace, 2, Math.min(0.5, window / 2)); // could not hold back
                }
            }
            default -> { }
        }
    }

    /** A foot onto a pad: a stamp on pads 1 and 2, a step out and home again on pads 3 and 4. */
    private static void stepOnto(TraceBuilder trace, int pad, double at) {
        if (pad == 1 || pad == 2) {
            trace.pad(pad, false, Math.max(0.02, at - 0.25)).pad(pad, true, at);
        } else {
            trace.pad(2, false, Math.max(0.02, at - 0.3)).pad(pad, true, at).pad(pad, false, at + 0.5).pad(2, true, at + 0.8);
        }
    }

    private static void holdPosition(TraceBuilder trace, Cue cue, boolean right, double reaction) {
        double hold = cue.hold().toMillis() / 1000.0;
        double until = right ? reaction + hold + 0.6 : reaction + hold * 0.4;
        switch (cue.kind()) {
            case BOTH_FEET -> {
                if (!right) {
                    trace.pad(2, false, hold * 0.4).pad(2, true, hold * 0.4 + 1.0);
                }
            }
            case LEFT_LEG -> trace.pad(2, false, reaction).pad(2, true, until);
            case RIGHT_LEG -> trace.pad(1, false, reaction).pad(1, true, until);
            case STAGGERED -> trace.pad(2, false, Math.max(0.02, reaction - 0.3)).pad(4, true, reaction)
                    .pad(4, false, until).pad(2, true, until + 0.3);
            default -> { }
        }
    }

    /** When the body leans forward (ms from the cue), or null. */
    private static int[] leanSpan(Cue cue, boolean right, double reaction) {
        if (cue.kind() != Cue.Kind.LEAN) {
            return null;
        }
        double hold = cue.hold().toMillis() / 1000.0;
        double until = right ? reaction + hold + 0.6 : reaction + hold * 0.4;
        return new int[] {(int) (reaction * 1000) - 100, (int) (until * 1000)};
    }

    private void stand(double seconds) {
        TraceBuilder trace = new TraceBuilder(random);
        trace.pad(1, true, 0.02).pad(2, true, 0.03);
        trace.distance(seconds, t -> ON_MAT_MM);
        player.play(trace.build(), () -> { });
    }

    /** Marching in place: alternate feet lift and come down, {@code cadence} steps a minute. */
    private void march(double cadence, double seconds) {
        TraceBuilder trace = new TraceBuilder(random);
        double period = 60 / cadence;
        trace.pad(1, true, 0.02).pad(2, true, 0.03);
        int k = 0;
        for (double t = 0.1; t < seconds; t += period) {
            int foot = k++ % 2 == 0 ? 1 : 2;
            trace.pad(foot, false, t).pad(foot, true, t + period * 0.45);
        }
        trace.distance(seconds, t -> ON_MAT_MM);
        player.play(trace.build(), () -> { });
    }

    private boolean away() {
        return loop.nanos() < awayUntil;
    }
}
