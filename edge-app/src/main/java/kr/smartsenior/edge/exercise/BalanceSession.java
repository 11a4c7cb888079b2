package kr.smartsenior.edge.exercise;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import kr.smartsenior.edge.sensor.MotionState;
import kr.smartsenior.edge.sensor.PadEvent;
import kr.smartsenior.edge.sensor.SensorLoop;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.protocol.MeasurementRecord;

/**
 * Balance (밸런스): positions held for a target time, one after another with a short rest: standing
 * still on both feet, leaning towards the screen (the distance sensor sees the weight shift forward),
 * standing on one foot, and a staggered stance with one foot forward on pad 4. A task is a hit when
 * the position is taken within its window and held for the target; reaction is the time to take it.
 * Safe progressions: the low levels use two-footed tasks and short holds, and the screen says when to
 * hold on to a chair or rail ({@link ExerciseOffer#support()} and the level's own rule).
 *
 * <p>Adaptation lengthens the holds (one step: 15 % longer) or shortens them.
 */
final class BalanceSession extends ProgramSession {

    /** What a level asks for. */
    record Level(List<Cue.Kind> tasks, Duration hold, Duration ready, Duration rest) {
    }

    static final List<Level> LEVELS = List.of(
            new Level(List.of(Cue.Kind.BOTH_FEET, Cue.Kind.LEAN), Duration.ofSeconds(8), Duration.ofSeconds(6),
                    Duration.ofSeconds(5)),
            new Level(List.of(Cue.Kind.LEAN, Cue.Kind.LEFT_LEG, Cue.Kind.RIGHT_LEG), Duration.ofSeconds(6),
                    Duration.ofSeconds(6), Duration.ofSeconds(5)),
            new Level(List.of(Cue.Kind.STAGGERED, Cue.Kind.LEFT_LEG, Cue.Kind.RIGHT_LEG), Duration.ofSeconds(10),
                    Duration.ofSeconds(6), Duration.ofSeconds(5)),
            new Level(List.of(Cue.Kind.STAGGERED, Cue.Kind.LEFT_LEG, Cue.Kind.RIGHT_LEG), Duration.ofSeconds(15),
                    Duration.ofSeconds(5), Duration.ofSeconds(5)),
            new Level(List.of(Cue.Kind.LEFT_LEG, Cue.Kind.RIGHT_LEG), Duration.ofSeconds(20), Duration.ofSeconds(5),
                    Duration.ofSeconds(5)));
    /** Up to this level the senior always holds on to a chair or rail (the screen says so). */
    static final int SUPPORT_UP_TO_LEVEL = 3;
    static final int BLOCK = 4;
    static final double HOLD_RATIO = 1.15;
    static final Duration WARM_UP = Duration.ofSeconds(60);
    static final Duration COOL_DOWN = Duration.ofSeconds(60);
    static final Duration MIN_PLAY = Duration.ofSeconds(60);
    /** Leaning towards the screen brings the chest at least this much nearer the sensor. */
    static final int LEAN_MM = 60;
    /** A position may be lost this long (a wobble, a bounce) before the task is lost. */
    static final long BREAK_GRACE_NANOS = 300_000_000L;

    private Cue task;
    private long cueAt;
    private long holdStart = -1;
    private long outSince = -1;
    private int baselineMm = -1;
    private int taskIndex;
    private SensorLoop.Scheduled taskTimer;
    private SensorLoop.Scheduled nextTimer;

    BalanceSession(ExerciseOffer offer, String memberId, Sensors sensors, Consumer<MeasurementRecord> recorder, Clock clock,
            RandomGenerator random) {
        super(offer, memberId, sensors, recorder, clock, random, BLOCK, HOLD_RATIO);
    }

    @Override
    List<Segment> plan() {
        Duration play = Duration.ofMinutes(offer().minutes()).minus(WARM_UP).minus(COOL_DOWN);
        return List.of(new Segment(ExercisePhase.WARM_UP, WARM_UP, 0),
                new Segment(ExercisePhase.PLAY, play.compareTo(MIN_PLAY) < 0 ? MIN_PLAY : play, 0),
                new Segment(ExercisePhase.COOL_DOWN, COOL_DOWN, 0));
    }

    private Level level() {
        return LEVELS.get(difficulty.level() - 1);
    }

    @Override
    void enterSegment(Segment segment) {
        if (segment.phase() == ExercisePhase.PLAY) {
            next(Duration.ofSeconds(2));
        }
    }

    @Override
    void suspend() {
        cancelTimers();
        task = null;
    }

    @Override
    void proceed() {
        next(level().rest());
    }

    private void next(Duration after) {
        cancelTimers();
        nextTimer = loop.schedule(after, this::nextTask);
    }

    private void nextTask() {
        Level level = level();
        Cue.Kind kind = level.tasks().get(taskIndex++ % level.tasks().size());
        baselineMm = -1;
        if (kind == Cue.Kind.LEAN) {
            MotionState last = sensors.motion().last();
            if (last != null && !last.signalLost() && last.present()) {
                baselineMm = last.millimetres();
            } else {
                kind = Cue.Kind.BOTH_FEET; // the sensor cannot see the lean: stand still instead
            }
        }
        if (kind == Cue.Kind.STAGGERED && sensors.mat().padCount() < FRONT) {
            kind = Cue.Kind.LEFT_LEG;
        }
        Set<Integer> pads = switch (kind) {
            case LEFT_LEG -> Set.of(LEFT);
            case RIGHT_LEG -> Set.of(RIGHT);
            case STAGGERED -> Set.of(FRONT);
            default -> Set.of(LEFT, RIGHT);
        };
        Duration hold = Duration.ofMillis(Math.round(level.hold().toMillis() * difficulty.factor() / 100.0) * 100);
        cueAt = loop.nanos();
        holdStart = -1;
        outSince = -1;
        task = cue(kind, pads, false, level.ready(), hold);
        taskTimer = loop.at(cueAt + level.ready().toNanos(), () -> {
            if (task != null && holdStart < 0) {
                resolve(false, loop.nanos());
            }
        });
        check(cueAt);
    }

    @Override
    void playPad(PadEvent event) {
        check(event.atNanos());
    }

    @Override
    void playMotion(MotionState state) {
        if (task != null && task.kind() == Cue.Kind.LEAN) {
            check(state.atNanos());
        }
    }

    @Override
    void playTick(long now) {
        check(now);
    }

    @Override
    long heldMillis(long now) {
        return task != null && holdStart >= 0 ? Math.max(0, now - holdStart) / 1_000_000 : 0;
    }

    private void check(long at) {
        if (task == null) {
            return;
        }
        boolean in = inPosition();
        if (holdStart < 0) {
            if (in) {
                holdStart = Math.max(at, cueAt);
                if (taskTimer != null) {
                    taskTimer.cancel();
                }
                taskTimer = loop.at(holdStart + task.hold().toNanos(), () -> {
                    if (task != null) {
                        resolve(true, loop.nanos());
                    }
                });
            }
        } else if (!in) {
            if (outSince < 0) {
                outSince = at;
            } else if (at - outSince >= BREAK_GRACE_NANOS) {
                resolve(false, at);
            }
        } else {
            outSince = -1;
        }
    }

    private boolean inPosition() {
        boolean left = pressed(LEFT);
        boolean right = pressed(RIGHT);
        return switch (task.kind()) {
            case BOTH_FEET -> left && right;
            case LEAN -> {
                MotionState last = sensors.motion().last();
                yield left && right && last != null && !last.signalLost() && baselineMm > 0
                        && last.millimetres() <= baselineMm - LEAN_MM;
            }
            case LEFT_LEG -> left && !right;
            case RIGHT_LEG -> right && !left;
            case STAGGERED -> pressed(FRONT) && (left ^ right);
            default -> false;
        };
    }

    private void resolve(boolean hit, long at) {
        Cue answered = task;
        task = null;
        long reaction = holdStart >= 0 ? holdStart - cueAt : -1;
        long held = holdStart < 0 ? 0 : ((hit ? holdStart + answered.hold().toNanos() : (outSince >= 0 ? outSince : at))
                - holdStart) / 1_000_000;
        cancelTimers();
        score(answered, hit, reaction, held, at);
        next(level().rest());
    }

    private void cancelTimers() {
        if (taskTimer != null) {
            taskTimer.cancel();
            taskTimer = null;
        }
        if (nextTimer != null) {
            nextTimer.cancel();
            nextTimer = null;
        }
    }
}
