package kr.smartsenior.edge.exercise;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import kr.smartsenior.edge.sensor.MotionListener;
import kr.smartsenior.edge.sensor.MotionState;
import kr.smartsenior.edge.sensor.PadEvent;
import kr.smartsenior.edge.sensor.PadListener;
import kr.smartsenior.edge.sensor.SensorLoop;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.edge.session.GuardedListeners;
import kr.smartsenior.edge.session.MatPresence;
import kr.smartsenior.edge.session.SegmentClock;
import kr.smartsenior.edge.session.SensorSubscription;
import kr.smartsenior.protocol.MeasurementRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every program shares: the plan of segments (warm-up, play, rests, cool-down) on loop time,
 * pausing when the senior steps off the mat and resuming when both feet are back, holding at the
 * senior's request, scoring with adaptive difficulty, progress ticks, and the record at the end.
 * Subclasses hold only what happens during play. Everything here runs on the sensor loop.
 */
abstract class ProgramSession implements ExerciseSession, PadListener, MotionListener {

    static final Duration PROGRESS_EVERY = Duration.ofMillis(100);
    static final int LEFT = MatPresence.LEFT;
    static final int RIGHT = MatPresence.RIGHT;
    static final int BACK = 3;
    static final int FRONT = 4;

    private static final Logger log = LoggerFactory.getLogger(ProgramSession.class);

    /** One stretch of the session: its phase, length and (for intervals) round. */
    record Segment(ExercisePhase phase, Duration length, int round) {
    }

    final Sensors sensors;
    final SensorLoop loop;
    final RandomGenerator random;
    final Difficulty difficulty;
    private final ExerciseOffer offer;
    private final String memberId;
    private final Consumer<MeasurementRecord> recorder;
    private final Clock clock;
    private final GuardedListeners<ExerciseListener> listeners = new GuardedListeners<>(log, "an exercise listener failed");
    private final SensorSubscription subscription;
    private final MatPresence feet;
    private final SegmentClock segmentClock;

    private volatile ExercisePhase phase = ExercisePhase.BRIEFING;
    private volatile SessionResult result;
    private volatile boolean saved;

    private List<Segment> plan;
    private int segment;
    private SensorLoop.Scheduled ticker;

    private long startedAt;
    private final Stopwatch active = new Stopwatch();
    private final Stopwatch paused = new Stopwatch();
    private final Stopwatch playing = new Stopwatch();
    private ExercisePhase pausedFrom;
    private boolean heldByUser;

    private int hits;
    private int misses;
    private int steps;
    private long reactionNanos;
    private int reactions;
    private long cueIds;

    ProgramSession(ExerciseOffer offer, String memberId, Sensors sensors, Consumer<MeasurementRecord> recorder, Clock clock,
            RandomGenerator random, int blockSize, double ratio) {
        this.offer = Objects.requireNonNull(offer, "offer");
        this.memberId = Objects.requireNonNull(memberId, "memberId");
        this.sensors = sensors;
        this.loop = sensors.loop();
        this.recorder = recorder;
        this.clock = clock;
        this.random = random;
        this.difficulty = new Difficulty(offer.level(), blockSize, ratio);
        this.subscription = new SensorSubscription(sensors, this, this);
        this.feet = new MatPresence(sensors.mat());
        this.segmentClock = new SegmentClock(loop);
    }

    // --- what each program supplies ---------------------------------------------------------

    /** The session's segments, in order, made when it begins. */
    abstract List<Segment> plan();

    /** A segment began (after its phase was announced). */
    void enterSegment(Segment segment) {
    }

    /** A segment ran its length (before the next begins). */
    void leaveSegment(Segment segment) {
    }

    /** Play is interrupted (pause, stop, the end): drop what is in flight, unscored. */
    void suspend() {
    }

    /** Play goes on after a pause. */
    void proceed() {
    }

    void playPad(PadEvent event) {
    }

    void playMotion(MotionState state) {
    }

    void playTick(long now) {
    }

    int cadenceNow(long now) {
        return 0;
    }

    int roundNow() {
        return 0;
    }

    int rounds() {
        return 0;
    }

    int roundsDone() {
        return 0;
    }

    long heldMillis(long now) {
        return 0;
    }

    // --- ExerciseSession ----------------------------------------------------------------------

    @Override
    public Program program() {
        return offer.program();
    }

    @Override
    public ExerciseOffer offer() {
        return offer;
    }

    @Override
    public ExercisePhase phase() {
        return phase;
    }

    @Override
    public void addListener(ExerciseListener listener) {
        listeners.add(listener);
    }

    @Override
    public void begin() {
        loop.execute(() -> {
            if (phase != ExercisePhase.BRIEFING) {
                return;
            }
            long now = loop.nanos();
            startedAt = now;
            active.start(now);
            subscription.start();
            feet.reset(now);
            plan = List.copyOf(plan());
            ticker = loop.every(PROGRESS_EVERY, this::tick);
            log.info("{} level {} began ({} min{})", program(), offer.level(), offer.minutes(),
                    offer.support() ? ", with support" : "");
            startSegment(0);
        });
    }

    @Override
    public void hold() {
        loop.execute(() -> {
            if (phase.isActive()) {
                pause(true);
            } else if (phase == ExercisePhase.PAUSED) {
                heldByUser = true;
            }
        });
    }

    @Override
    public void resume() {
        loop.execute(() -> {
            if (phase == ExercisePhase.PAUSED) {
                resumeNow();
            }
        });
    }

    @Override
    public void stop(StopReason reason) {
        Objects.requireNonNull(reason, "reason");
        loop.execute(() -> {
            if (phase == ExercisePhase.BRIEFING) {
                cancelled();
            } else if (!phase.isFinal()) {
                finish(reason);
            }
        });
    }

    @Override
    public void cancel() {
        stop(StopReason.TIMEOUT);
    }

    @Override
    public Optional<SessionResult> result() {
        return Optional.ofNullable(result);
    }

    @Override
    public boolean saved() {
        return saved;
    }

    // --- sensor events --------------------------------------------------------------------------

    @Override
    public final void onPad(PadEvent event) {
        feet.note(event);
        if (phase == ExercisePhase.PLAY) {
            if (event.pressed()) {
                steps++;
            }
            playPad(event);
        }
    }

    @Override
    public final void onMotion(MotionState state) {
        if (phase == ExercisePhase.PLAY) {
            playMotion(state);
        }
    }

    // --- for the programs ---------------------------------------------------------------------------

    /** A new cue, announced to the listeners. */
    Cue cue(Cue.Kind kind, Set<Integer> pads, boolean numberOnly, Duration window, Duration hold) {
        Cue cue = new Cue(++cueIds, kind, pads, numberOnly, window, hold);
        listeners.tell(listener -> listener.onCue(this, cue));
        return cue;
    }

    /**
     * Scores an answer and tells the listeners; adapts the difficulty.
     *
     * @param reaction nanoseconds from cue to answer, or -1 when it has none
     */
    void score(Cue cue, boolean hit, long reaction, long heldMillis, long atNanos) {
        if (hit) {
            hits++;
            if (reaction >= 0) {
                reactionNanos += reaction;
                reactions++;
            }
        } else {
            misses++;
        }
        feedback(new Feedback(cue.id(), hit, hit && reaction >= 0 ? reaction / 1_000_000 : -1, heldMillis, atNanos));
        adapted(difficulty.score(hit));
    }

    /** Counts a block's answers at once (an interval round) and adapts. */
    void scoreBlock(int blockHits, int blockMisses, double rate) {
        hits += blockHits;
        misses += blockMisses;
        adapted(difficulty.scoreBlock(rate));
    }

    void feedback(Feedback feedback) {
        listeners.tell(listener -> listener.onFeedback(this, feedback));
    }

    private void adapted(int change) {
        if (change == 0) {
            return;
        }
        log.debug("{}: {} to level {} tempo {}%", program(), change > 0 ? "harder" : "easier", difficulty.level(),
                difficulty.tempoPercent());
        listeners.tell(listener -> listener.onAdapted(this, change > 0, difficulty.level(), difficulty.tempoPercent()));
    }

    boolean pressed(int pad) {
        return feet.pressed(pad);
    }

    /** Loop time of the current segment's start (for rounds). */
    Segment currentSegment() {
        return plan.get(segment);
    }

    // --- phases -------------------------------------------------------------------------------------

    private void startSegment(int index) {
        segment = index;
        Segment next = plan.get(index);
        long now = loop.nanos();
        segmentClock.start(now, next.length(), this::segmentOver);
        if (next.phase() == ExercisePhase.PLAY) {
            playing.start(now);
        }
        enter(next.phase());
        enterSegment(next);
    }

    private void segmentOver() {
        if (!phase.isActive()) {
            return;
        }
        Segment over = plan.get(segment);
        if (over.phase() == ExercisePhase.PLAY) {
            suspend();
            playing.stop(loop.nanos());
        }
        leaveSegment(over);
        if (phase.isFinal()) {
            return;
        }
        if (segment + 1 < plan.size()) {
            startSegment(segment + 1);
        } else {
            finish(null);
        }
    }

    private void tick() {
        long now = loop.nanos();
        if (phase.isActive() && feet.offSince() >= 0 && now - feet.offSince() >= OFF_MAT_AFTER.toNanos()) {
            log.info("{}: stepped off the mat; paused", program());
            pause(false);
        } else if (phase == ExercisePhase.PAUSED && !heldByUser) {
            if (feet.homeSince() >= 0 && now - feet.homeSince() >= RESUME_AFTER.toNanos()) {
                log.info("{}: back on the mat; resumed", program());
                resumeNow();
            } else if (paused.current(now) >= MAX_PAUSE.toNanos()) {
                log.info("{}: off the mat for {} s; ended", program(), MAX_PAUSE.toSeconds());
                finish(StopReason.STEPPED_OFF);
                return;
            }
        } else if (phase == ExercisePhase.PLAY) {
            playTick(now);
        }
        if (phase.isFinal()) {
            return;
        }
        ExerciseProgress progress = new ExerciseProgress(phase, active.total(now) / 1_000_000,
                segmentClock.remainingNanos(now) / 1_000_000,
                difficulty.level(), difficulty.tempoPercent(), hits, misses, steps,
                phase == ExercisePhase.PLAY ? cadenceNow(now) : 0, roundNow(), rounds(),
                phase == ExercisePhase.PLAY ? heldMillis(now) : 0,
                phase == ExercisePhase.PAUSED && !heldByUser && feet.homeSince() >= 0);
        listeners.tell(listener -> listener.onProgress(this, progress));
    }

    private void pause(boolean byUser) {
        long now = loop.nanos();
        pausedFrom = phase;
        segmentClock.pause(now);
        if (phase == ExercisePhase.PLAY) {
            suspend();
            playing.stop(now);
        }
        active.stop(now);
        paused.start(now);
        heldByUser = byUser;
        enter(ExercisePhase.PAUSED);
    }

    private void resumeNow() {
        long now = loop.nanos();
        paused.stop(now);
        active.start(now);
        heldByUser = false;
        segmentClock.resume(now);
        ExercisePhase back = pausedFrom;
        if (back == ExercisePhase.PLAY) {
            playing.start(now);
        }
        enter(back);
        if (back == ExercisePhase.PLAY) {
            proceed();
        }
    }

    private void finish(StopReason reason) {
        if (phase.isFinal()) {
            return;
        }
        long now = loop.nanos();
        if (phase.isActive()) {
            active.stop(now);
            if (phase == ExercisePhase.PLAY) {
                suspend();
                playing.stop(now);
            }
        } else if (phase == ExercisePhase.PAUSED) {
            paused.stop(now);
        }
        segmentClock.stop();
        if (ticker != null) {
            ticker.cancel();
        }
        subscription.stop();
        long activeNanos = active.total(now);
        double playMinutes = playing.total(now) / 60e9;
        SessionResult done = new SessionResult(program(), offer.level(), difficulty.level(), 100, difficulty.tempoPercent(),
                offer.support(), offer.minutes(), activeNanos / 1_000_000_000L, (now - startedAt) / 1_000_000_000L,
                paused.total(now) / 1_000_000_000L, hits, misses, steps, reactions == 0 ? -1 : reactionNanos / reactions / 1_000_000,
                playMinutes <= 0 ? 0 : (int) Math.round(steps / playMinutes), roundsDone(), difficulty.changes(), reason);
        result = done;
        try {
            recorder.accept(done.toRecord(memberId, OffsetDateTime.now(clock)));
            saved = true;
            log.info("member {}: {} {} s active, level {}→{}, {} hits {} misses{}", memberId, program(), done.activeSeconds(),
                    done.levelStart(), done.levelEnd(), hits, misses,
                    reason == null ? "" : ", stopped early (" + reason.wireName() + ")");
        } catch (RuntimeException e) {
            saved = false;
            log.error("could not save the {} session of member {}", program(), memberId, e);
        }
        enter(ExercisePhase.FINISHED);
    }

    private void cancelled() {
        subscription.stop();
        enter(ExercisePhase.CANCELLED);
    }

    private void enter(ExercisePhase next) {
        phase = next;
        listeners.tell(listener -> listener.onPhase(this, next));
    }
}
