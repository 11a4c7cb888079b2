package kr.smartsenior.edge.exercise;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import kr.smartsenior.edge.sensor.PadEvent;
import kr.smartsenior.edge.sensor.SensorLoop;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.protocol.MeasurementRecord;

/**
 * Step &amp; jump (스텝&amp;점프): a target pad lights up (with its number, a shape and a sound) and the
 * senior, standing on pads 1 and 2, steps onto it in time: a stamp of that foot for pads 1 and 2,
 * a step forward onto pad 4 or back onto pad 3 (and home again) at higher levels. Scored by hits,
 * misses and reaction time (cue to the foot's first contact).
 *
 * <p>Levels change the tempo, the number of pads and the dual-task elements: "stay" cues (a crossed
 * pad: do not step), jumps with both feet (never when the senior must hold on), and number-only cues
 * (the number is shown, the pad is not lit). A wrong pad is a miss; a "stay" is a hit when nothing
 * is pressed in its window.
 */
final class StepJumpSession extends ProgramSession {

    /** What a level asks for; times are at the level's own tempo. */
    record Level(List<Integer> pads, Duration window, Duration gap, double stayShare, double jumpShare,
            double numberOnlyShare) {
    }

    static final List<Level> LEVELS = List.of(
            new Level(List.of(LEFT, RIGHT), Duration.ofMillis(3000), Duration.ofMillis(1500), 0, 0, 0),
            new Level(List.of(LEFT, RIGHT), Duration.ofMillis(2500), Duration.ofMillis(1200), 0.15, 0, 0),
            new Level(List.of(LEFT, RIGHT, FRONT), Duration.ofMillis(2200), Duration.ofMillis(1100), 0.15, 0, 0),
            new Level(List.of(LEFT, RIGHT, BACK, FRONT), Duration.ofMillis(2000), Duration.ofMillis(1000), 0.15, 0.2, 0),
            new Level(List.of(LEFT, RIGHT, BACK, FRONT), Duration.ofMillis(1800), Duration.ofMillis(900), 0.15, 0.25, 0.3));
    /** Answers judged together for adaptation. */
    static final int BLOCK = 10;
    /** One tempo step: 15 % faster (or slower). */
    static final double TEMPO_RATIO = 1.15;
    static final Duration WARM_UP = Duration.ofSeconds(60);
    static final Duration COOL_DOWN = Duration.ofSeconds(60);
    static final Duration MIN_PLAY = Duration.ofSeconds(60);

    private Cue cue;
    private long cueAt;
    private long takeoffAt = -1;
    private SensorLoop.Scheduled cueTimer;
    private SensorLoop.Scheduled nextTimer;

    StepJumpSession(ExerciseOffer offer, String memberId, Sensors sensors, Consumer<MeasurementRecord> recorder, Clock clock,
            RandomGenerator random) {
        super(offer, memberId, sensors, recorder, clock, random, BLOCK, TEMPO_RATIO);
    }

    static Duration playLength(int minutes) {
        Duration play = Duration.ofMinutes(minutes).minus(WARM_UP).minus(COOL_DOWN);
        return play.compareTo(MIN_PLAY) < 0 ? MIN_PLAY : play;
    }

    @Override
    List<Segment> plan() {
        return List.of(new Segment(ExercisePhase.WARM_UP, WARM_UP, 0),
                new Segment(ExercisePhase.PLAY, playLength(offer().minutes()), 0),
                new Segment(ExercisePhase.COOL_DOWN, COOL_DOWN, 0));
    }

    private Level level() {
        return LEVELS.get(difficulty.level() - 1);
    }

    private Duration scaled(Duration atLevelTempo) {
        return Duration.ofNanos(Math.round(atLevelTempo.toNanos() / difficulty.factor()));
    }

    @Override
    void enterSegment(Segment segment) {
        if (segment.phase() == ExercisePhase.PLAY) {
            next();
        }
    }

    @Override
    void suspend() {
        cancelTimers();
        cue = null;
    }

    @Override
    void proceed() {
        next();
    }

    private void next() {
        cancelTimers();
        nextTimer = loop.schedule(scaled(level().gap()), this::nextCue);
    }

    private void nextCue() {
        Level level = level();
        double r = random.nextDouble();
        Cue.Kind kind;
        Set<Integer> pads;
        boolean jumps = level.jumpShare() > 0 && !offer().support();
        int target = usable(level.pads()).get(random.nextInt(usable(level.pads()).size()));
        if (jumps && r < level.jumpShare()) {
            kind = Cue.Kind.JUMP;
            pads = Set.of(LEFT, RIGHT);
        } else if (r < level.jumpShare() + level.stayShare()) {
            kind = Cue.Kind.STAY;
            pads = Set.of(target);
        } else {
            kind = Cue.Kind.STEP;
            pads = Set.of(target);
        }
        boolean numberOnly = kind == Cue.Kind.STEP && random.nextDouble() < level.numberOnlyShare();
        Duration window = scaled(level.window());
        cueAt = loop.nanos();
        takeoffAt = -1;
        cue = cue(kind, pads, numberOnly, window, Duration.ZERO);
        cueTimer = loop.at(cueAt + window.toNanos(), this::windowOver);
    }

    /** The level's pads that exist on this mat. */
    private List<Integer> usable(List<Integer> pads) {
        List<Integer> present = pads.stream().filter(p -> p <= sensors.mat().padCount()).toList();
        return present.isEmpty() ? List.of(LEFT) : present;
    }

    private void windowOver() {
        if (cue == null) {
            return;
        }
        resolve(cue.kind() == Cue.Kind.STAY, -1, loop.nanos());
    }

    @Override
    void playPad(PadEvent event) {
        if (cue == null || event.atNanos() < cueAt) {
            return;
        }
        int target = cue.pads().iterator().next();
        switch (cue.kind()) {
            case STEP -> {
                if (event.pressed()) {
                    resolve(event.pad() == target, event.atNanos() - cueAt, event.atNanos());
                }
            }
            case JUMP -> {
                boolean home = event.pad() == LEFT || event.pad() == RIGHT;
                if (!event.pressed() && home && !pressed(LEFT) && !pressed(RIGHT)) {
                    takeoffAt = event.atNanos();
                } else if (event.pressed() && !home) {
                    resolve(false, -1, event.atNanos());
                } else if (event.pressed() && takeoffAt >= 0 && pressed(LEFT) && pressed(RIGHT)) {
                    resolve(true, takeoffAt - cueAt, event.atNanos());
                }
            }
            case STAY -> {
                if (event.pressed()) {
                    resolve(false, -1, event.atNanos());
                }
            }
            default -> { }
        }
    }

    private void resolve(boolean hit, long reaction, long atNanos) {
        Cue answered = cue;
        cue = null;
        cancelTimers();
        score(answered, hit, answered.kind() == Cue.Kind.STAY ? -1 : reaction, 0, atNanos);
        next();
    }

    private void cancelTimers() {
        if (cueTimer != null) {
            cueTimer.cancel();
            cueTimer = null;
        }
        if (nextTimer != null) {
            nextTimer.cancel();
            nextTimer = null;
        }
    }
}
