package kr.smartsenior.edge.measure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.smartsenior.edge.sensor.MotionListener;
import kr.smartsenior.edge.sensor.MotionSignals;
import kr.smartsenior.edge.sensor.MotionState;
import kr.smartsenior.edge.sensor.PadEvent;
import kr.smartsenior.edge.sensor.PadListener;
import kr.smartsenior.edge.sensor.SensorLoop;
import kr.smartsenior.edge.sensor.Sensors;
import kr.smartsenior.edge.session.GuardedListeners;
import kr.smartsenior.edge.session.MatPresence;
import kr.smartsenior.edge.session.SegmentClock;
import kr.smartsenior.edge.session.SensorSubscription;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementProtocol;
import kr.smartsenior.protocol.RecordDetail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The phases every sensor-measured test shares: listening to the sensors while active, the
 * countdown and its false-start check, the start-position check at "go", progress ticks, the end
 * by timer or by the protocol, and the catalogue range check before a result stands. Subclasses
 * hold only their protocol. Everything here runs on the sensor loop.
 */
abstract class SensorProtocol implements FitnessTestSession, PadListener, MotionListener {

    static final Duration PROGRESS_EVERY = Duration.ofMillis(100);
    /** Events stamped before the end may arrive a little after it on a busy loop. */
    static final Duration END_GRACE = Duration.ofMillis(60);
    /** No usable distance reading for longer than this spoils a motion-measured result. */
    static final long MAX_SIGNAL_GAP_NANOS = 1_000_000_000L;
    /** Two feet cannot leave two pads this close together; a mat losing power can. */
    static final long SIMULTANEOUS_NANOS = 20_000_000L;
    /**
     * A test that starts on the home pads watches for a false start only once both feet have stood on them
     * this long: a senior who confirms "시작" by pressing a pad (the screen's main choice) is still stepping
     * onto the mat, and that press, its release and the steps that follow are no false start.
     */
    static final Duration SETTLE_ON_PADS = Duration.ofSeconds(1);
    /** Not settled on the home pads this long after "시작" is not a start ({@link InvalidReason#NOT_IN_START_POSITION}). */
    static final Duration SETTLE_LIMIT = Duration.ofSeconds(15);

    private static final Logger log = LoggerFactory.getLogger(SensorProtocol.class);

    final Sensors sensors;
    final SensorLoop loop;
    private final MeasurementCode code;
    private final GuardedListeners<TestListener> listeners = new GuardedListeners<>(log, "a test listener failed");
    private final SensorSubscription subscription;
    private final SegmentClock countdown;
    private final List<SensorLoop.Scheduled> timers = new ArrayList<>();
    private volatile TestPhase phase = TestPhase.INSTRUCTIONS;
    private volatile TestResult result;
    private volatile InvalidReason invalid;
    long goAt;
    /** Feet on the home pads during the countdown, for tests that start there ({@link #startsOnPads()}). */
    private final MatPresence home;
    /** The countdown watches for false starts (at once, or once the feet settled on the home pads). */
    private boolean armed;
    /** "go" came before the feet settled: the countdown starts over once they have. */
    private boolean waitingToSettle;
    private long countdownFrom;

    SensorProtocol(MeasurementCode code, Sensors sensors) {
        this.code = code;
        this.sensors = sensors;
        this.loop = sensors.loop();
        this.subscription = new SensorSubscription(sensors, this, this);
        this.countdown = new SegmentClock(loop);
        this.home = new MatPresence(sensors.mat());
    }

    // --- what each protocol supplies -------------------------------------------------------

    /** Whether the senior is in the start position at "go" (seated, both feet on the pads, …). */
    abstract boolean inStartPosition();

    /** The senior sits: the distance sensor sees them, risen no more than someone seated. */
    final boolean seated() {
        MotionState last = sensors.motion().last();
        return last != null && !last.signalLost() && last.present() && last.rise() <= MotionSignals.SIT_BELOW;
    }

    /**
     * Whether the test starts with both feet on the home pads: its countdown then watches for a false start
     * only once they have stood there {@link #SETTLE_ON_PADS}, and waits for that at "go" (at most
     * {@link #SETTLE_LIMIT}), so the press that confirmed "시작" is never a false start nor part of the result.
     */
    boolean startsOnPads() {
        return false;
    }

    /** Whether this event, during the countdown, means they started early. */
    boolean falseStart(PadEvent event) {
        return false;
    }

    boolean falseStart(MotionState state) {
        return false;
    }

    /** Measuring starts: reset the protocol's state. */
    abstract void begin();

    void measurePad(PadEvent event) {
    }

    void measureMotion(MotionState state) {
    }

    /** Called about ten times a second while measuring, for time-outs. */
    void tick(long now) {
    }

    /** The value shown live. */
    abstract BigDecimal liveValue(long now);

    /** Fixed length of a timed test, or null when the protocol ends it. */
    Duration fixedLength() {
        return null;
    }

    /** The fixed length is over: produce the result or invalidate. */
    void timeUp() {
    }

    // --- FitnessTestSession -----------------------------------------------------------------------

    @Override
    public MeasurementCode code() {
        return code;
    }

    @Override
    public TestPhase phase() {
        return phase;
    }

    @Override
    public boolean offersPractice() {
        return true;
    }

    @Override
    public void addListener(TestListener listener) {
        listeners.add(listener);
    }

    @Override
    public void practice() {
        loop.execute(() -> {
            if (phase == TestPhase.INSTRUCTIONS && offersPractice()) {
                subscription.start();
                enter(TestPhase.PRACTICE);
            }
        });
    }

    @Override
    public void ready() {
        loop.execute(() -> {
            if (phase == TestPhase.INSTRUCTIONS || phase == TestPhase.PRACTICE || phase == TestPhase.INVALID) {
                countdown();
            }
        });
    }

    @Override
    public void cancel() {
        loop.execute(() -> {
            if (!phase.isFinal()) {
                stopTimers();
                subscription.stop();
                enter(TestPhase.CANCELLED);
            }
        });
    }

    @Override
    public void leave() {
        loop.execute(() -> {
            if (phase == TestPhase.MEASURING) {
                keepWhatIsComplete();
            }
            if (!phase.isFinal()) {
                stopTimers();
                subscription.stop();
                enter(TestPhase.CANCELLED);
            }
        });
    }

    /**
     * The senior left while measuring: finish with the complete part of the test, if it has one (a
     * {@link #finish} here stands as the result); otherwise do nothing, and the test is cancelled.
     */
    void keepWhatIsComplete() {
    }

    @Override
    public Optional<TestResult> result() {
        return Optional.ofNullable(result);
    }

    @Override
    public Optional<InvalidReason> invalidReason() {
        return Optional.ofNullable(invalid);
    }

    // --- sensor events ----------------------------------------------------------------------

    @Override
    public final void onPad(PadEvent event) {
        switch (phase) {
            case COUNTDOWN -> {
                if (!armed) {
                    home.note(event);
                    settle(event.atNanos());
                    return;
                }
                if (falseStart(event)) {
                    invalid(InvalidReason.FALSE_START, "pad " + event.pad() + (event.pressed() ? " pressed" : " released"));
                }
            }
            case MEASURING -> measurePad(event);
            default -> { }
        }
    }

    @Override
    public final void onMotion(MotionState state) {
        switch (phase) {
            case COUNTDOWN -> {
                if (!state.signalLost() && falseStart(state)) {
                    invalid(InvalidReason.FALSE_START, "moved at rise " + String.format("%.2f", state.rise()));
                }
            }
            case MEASURING -> measureMotion(state);
            default -> { }
        }
    }

    // --- for the protocols -------------------------------------------------------------------

    /** Seconds since "go" at a loop time. */
    double secondsSinceGo(long at) {
        return (at - goAt) / 1e9;
    }

    /** The test ends with a value; the catalogue range is checked here. */
    void finish(BigDecimal value, Map<String, Object> detail) {
        if (phase != TestPhase.MEASURING) {
            return;
        }
        if (value.compareTo(code.min()) < 0 || value.compareTo(code.max()) > 0) {
            invalid(InvalidReason.OUT_OF_RANGE, value + " " + code.unit().wireName() + " is outside " + code.min() + ".."
                    + code.max());
            return;
        }
        Map<String, Object> full = new LinkedHashMap<>();
        full.put(RecordDetail.PROTOCOL, protocolName());
        full.put("source", "sensors");
        full.putAll(detail);
        stopTimers();
        subscription.stop();
        result = new TestResult(code, value, full);
        invalid = null;
        log.debug("{}: {} {}", code, value, code.unit().wireName());
        enter(TestPhase.RESULT);
    }

    /** The test ends without a result; the senior may retry. */
    void invalid(InvalidReason reason, String why) {
        if (phase != TestPhase.MEASURING && phase != TestPhase.COUNTDOWN) {
            return;
        }
        stopTimers();
        invalid = reason;
        log.info("{} invalid: {} ({})", code, reason, why);
        enter(TestPhase.INVALID);
    }

    /** Protocol identifier with a version, kept in the record's detail. */
    String protocolName() {
        return MeasurementProtocol.of(code).id();
    }

    /** Seconds between two loop times at the 0.1 s resolution of a stopwatch. */
    static BigDecimal tenths(long fromNanos, long toNanos) {
        return BigDecimal.valueOf(toNanos - fromNanos).movePointLeft(9).setScale(1, RoundingMode.HALF_UP);
    }

    static double round3(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    // --- phase machinery ---------------------------------------------------------------------

    private void countdown() {
        stopTimers();
        subscription.start();
        result = null;
        invalid = null;
        long start = loop.nanos();
        countdownFrom = start;
        waitingToSettle = false;
        armed = !startsOnPads();
        home.reset(start);
        countdown.start(start, COUNTDOWN, this::go);
        goAt = countdown.endsAt();
        enter(TestPhase.COUNTDOWN);
        timers.add(loop.every(PROGRESS_EVERY, this::progressTick));
    }

    /**
     * Arms the false-start check once both feet have stood on the home pads {@link #SETTLE_ON_PADS}; when
     * "go" already came, the countdown starts over from here.
     */
    private void settle(long now) {
        if (armed || phase != TestPhase.COUNTDOWN) {
            return;
        }
        long since = home.homeSince();
        if (since < 0 || now - since < SETTLE_ON_PADS.toNanos()) {
            return;
        }
        armed = true;
        if (waitingToSettle) {
            waitingToSettle = false;
            log.info("{}: settled on the pads; the countdown starts over", code);
            countdown.start(now, COUNTDOWN, this::go);
            goAt = countdown.endsAt();
        }
    }

    private void go() {
        if (phase != TestPhase.COUNTDOWN) {
            return;
        }
        if (!armed) {
            long now = loop.nanos();
            if (now - countdownFrom >= SETTLE_LIMIT.toNanos()) {
                invalid(InvalidReason.NOT_IN_START_POSITION, "not settled on the home pads within "
                        + SETTLE_LIMIT.toSeconds() + " s");
                return;
            }
            waitingToSettle = true; // the countdown shows its first number until they settle
            countdown.start(now, Duration.ofMillis(Math.min(SETTLE_LIMIT.toMillis() - (now - countdownFrom) / 1_000_000,
                    PROGRESS_EVERY.toMillis() * 10)), this::go);
            goAt = Long.MAX_VALUE;
            return;
        }
        if (!inStartPosition()) {
            invalid(InvalidReason.NOT_IN_START_POSITION, "not in the start position at go");
            return;
        }
        begin();
        enter(TestPhase.MEASURING);
        Duration length = fixedLength();
        if (length != null) {
            timers.add(loop.schedule(length.plus(END_GRACE), () -> {
                if (phase == TestPhase.MEASURING) {
                    timeUp();
                }
            }));
        }
    }

    private void progressTick() {
        long now = loop.nanos();
        if (phase == TestPhase.COUNTDOWN && !armed) {
            settle(now);
        }
        if (phase == TestPhase.MEASURING) {
            tick(now);
        }
        if (phase != TestPhase.COUNTDOWN && phase != TestPhase.MEASURING) {
            return;
        }
        int secondsToGo = phase != TestPhase.COUNTDOWN ? 0
                : waitingToSettle ? (int) COUNTDOWN.toSeconds() : (int) Math.ceil(countdown.remainingNanos(now) / 1e9);
        long elapsed = Math.max(0, (now - goAt) / 1_000_000);
        Duration length = fixedLength();
        long remaining = length == null ? -1 : Math.max(0, length.toMillis() - elapsed);
        TestProgress progress = new TestProgress(phase, secondsToGo, elapsed, remaining,
                phase == TestPhase.MEASURING ? liveValue(now) : BigDecimal.ZERO);
        listeners.tell(listener -> listener.onProgress(this, progress));
    }

    private void enter(TestPhase next) {
        phase = next;
        listeners.tell(listener -> listener.onPhase(this, next));
    }

    private void stopTimers() {
        countdown.stop();
        timers.forEach(SensorLoop.Scheduled::cancel);
        timers.clear();
    }
}
