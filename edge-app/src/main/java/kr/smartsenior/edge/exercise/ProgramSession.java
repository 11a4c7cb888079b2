package kr.smartsenior.edge.exercise;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import kr.smartsenior.edge.sensor.MotionListener;
import kr.smartsenior.edge.sensor.MotionState;
import kr.smartsenior.edge.sensor.PadEvent;
import kr.smartsenior.edge.sensor.PadListener;
import kr.smartsenior.edge.sensor.SensorLoop;
import kr.smartsenior.edge.sensor.Sensors;
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
    static final int LEFT = 1;
    static final int RIGHT = 2;
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
    private final List<ExerciseListener> listeners = new CopyOnWriteArrayList<>();

    private volatile ExercisePhase phase = ExercisePhase.BRIEFING;
    private volatile SessionResult result;
    private volatile boolean saved;

    private List<Segment> plan;
    private int segment;
    private long segmentEndsAt;
    private long segmentRemaining;
    private SensorLoop.Scheduled segmentTimer;
    private SensorLoop.Scheduled ticker;
    private boolean listening;

    private long startedAt;
    private long activeSince;
    private long activeNanos;
    private long pausedAt;
    private long pausedNanos;
    private long playSince;
    private long playNanos;
    private ExercisePhase pausedFrom;
    private boolean heldByUser;
    private long noPadSince = -1;
    private long homeSince = -1;

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
            activeSince = now;
            listen();
            noPadSince = anyPadPressed() ? -1 : now;
            homeSince = bothHomePressed() ? now : -1;
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
        if (!anyPadPressed()) {
            if (noPadSince < 0) {
                noPadSince = event.atNanos();
            }
        } else {
            noPadSince = -1;
        }
        if (bothHomePressed()) {
            if (homeSince < 0) {
                homeSince = event.atNanos();
            }
        } else {
            homeSince = -1;
        }
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
        for (ExerciseListener listener : listeners) {
            try {
                listener.onCue(this, cue);
            } catch (RuntimeException e) {
                log.error("an exercise listener failed", e);
            }
        }
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
        for (ExerciseListener listener : listeners) {
            try {
                listener.onFeedback(this, feedback);
            } catch (RuntimeException e) {
                log.error("an exercise listener failed", e);
            }
        }
    }

    private void adapted(int change) {
        if (change == 0) {
            return;
        }
        log.debug("{}: {} to level {} tempo {}%", program(), change > 0 ? "harder" : "easier", difficulty.level(),
                difficulty.tempoPercent());
        for (ExerciseListener listener : listeners) {
            try {
                listener.onAdapted(this, change > 0, difficulty.level(), difficulty.tempoPercent());
            } catch (RuntimeException e) {
                log.error("an exercise listener failed", e);
            }
        }
    }

    boolean pressed(int pad) {
        return pad <= sensors.mat().padCount() && sensors.mat().pressed(pad);
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
        segmentEndsAt = now + next.length().toNanos();
        segmentTimer = loop.at(segmentEndsAt, this::segmentOver);
        if (next.phase() == ExercisePhase.PLAY) {
            playSince = now;
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
            playNanos += loop.nanos() - playSince;
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
        if (phase.isActive() && noPadSince >= 0 && now - noPadSince >= OFF_MAT_AFTER.toNanos()) {
            log.info("{}: stepped off the mat; paused", program());
            pause(false);
        } else if (phase == ExercisePhase.PAUSED && !heldByUser) {
            if (homeSince >= 0 && now - homeSince >= RESUME_AFTER.toNanos()) {
                log.info("{}: back on the mat; resumed", program());
                resumeNow();
            } else if (now - pausedAt >= MAX_PAUSE.toNanos()) {
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
        ExerciseProgress progress = new ExerciseProgress(phase, activeNanos(now) / 1_000_000,
                Math.max(0, (phase == ExercisePhase.PAUSED ? segmentRemaining : segmentEndsAt - now) / 1_000_000),
                difficulty.level(), difficulty.tempoPercent(), hits, misses, steps,
                phase == ExercisePhase.PLAY ? cadenceNow(now) : 0, roundNow(), rounds(),
                phase == ExercisePhase.PLAY ? heldMillis(now) : 0);
        for (ExerciseListener listener : listeners) {
            try {
                listener.onProgress(this, progress);
            } catch (RuntimeException e) {
                log.error("an exercise listener failed", e);
            }
        }
    }

    private void pause(boolean byUser) {
        long now = loop.nanos();
        pausedFrom = phase;
        segmentRemaining = Math.max(0, segmentEndsAt - now);
        segmentTimer.cancel();
        if (phase == ExercisePhase.PLAY) {
            suspend();
            playNanos += now - playSince;
        }
        activeNanos += now - activeSince;
        pausedAt = now;
        heldByUser = byUser;
        enter(ExercisePhase.PAUSED);
    }

    private void resumeNow() {
        long now = loop.nanos();
        pausedNanos += now - pausedAt;
        activeSince = now;
        heldByUser = false;
        segmentEndsAt = now + segmentRemaining;
        segmentTimer = loop.at(segmentEndsAt, this::segmentOver);
        ExercisePhase back = pausedFrom;
        if (back == ExercisePhase.PLAY) {
            playSince = now;
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
            activeNanos += now - activeSince;
            if (phase == ExercisePhase.PLAY) {
                suspend();
                playNanos += now - playSince;
            }
        } else if (phase == ExercisePhase.PAUSED) {
            pausedNanos += now - pausedAt;
        }
        if (segmentTimer != null) {
            segmentTimer.cancel();
        }
        if (ticker != null) {
            ticker.cancel();
        }
        stopListening();
        double playMinutes = playNanos / 60e9;
        SessionResult done = new SessionResult(program(), offer.level(), difficulty.level(), 100, difficulty.tempoPercent(),
                offer.support(), offer.minutes(), activeNanos / 1_000_000_000L, (now - startedAt) / 1_000_000_000L,
                pausedNanos / 1_000_000_000L, hits, misses, steps, reactions == 0 ? -1 : reactionNanos / reactions / 1_000_000,
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
        stopListening();
        enter(ExercisePhase.CANCELLED);
    }

    private long activeNanos(long now) {
        return activeNanos + (phase.isActive() ? now - activeSince : 0);
    }

    private void enter(ExercisePhase next) {
        phase = next;
        for (ExerciseListener listener : listeners) {
            try {
                listener.onPhase(this, next);
            } catch (RuntimeException e) {
                log.error("an exercise listener failed", e);
            }
        }
    }

    private boolean anyPadPressed() {
        for (int pad = 1; pad <= sensors.mat().padCount(); pad++) {
            if (sensors.mat().pressed(pad)) {
                return true;
            }
        }
        return false;
    }

    private boolean bothHomePressed() {
        return pressed(LEFT) && pressed(RIGHT);
    }

    private void listen() {
        if (!listening) {
            sensors.mat().addListener(this);
            sensors.motion().addListener(this);
            listening = true;
        }
    }

    private void stopListening() {
        if (listening) {
            sensors.mat().removeListener(this);
            sensors.motion().removeListener(this);
            listening = false;
        }
    }
}
