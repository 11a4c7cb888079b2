package kr.smartsenior.edge.sensor;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Turns raw pad edges into debounced {@link PadEvent}s, and watches the pads' health. A change is
 * accepted once the new level has held for {@link #window}; the event carries the time of the first
 * edge that left the old level, so debouncing delays the event but not its timestamp. Shared by the
 * GPIO driver and the simulator, so both behave alike.
 *
 * <p>Edges are handed in on the loop thread; {@link #health()} may be called from any thread.
 */
final class PadDebouncer {

    /** Pad switches settle within a few ms; 15 ms filters bounce and short spikes. */
    static final Duration DEFAULT_WINDOW = Duration.ofMillis(15);
    /**
     * Without word from the distance sensor: pressed this long while no test or program uses the mat is stuck
     * (longer than any protocol keeps a foot down; one-leg stance stops at 60 s).
     */
    static final Duration STUCK_AFTER = Duration.ofMinutes(3);
    /**
     * Pressed while the distance sensor has seen nobody for this long (and no test or program uses the mat) is
     * stuck: a senior standing on the pads is in the beam. Once stuck, a pad stays so until it is released.
     */
    static final Duration STUCK_WHEN_NOBODY = Duration.ofSeconds(30);
    /** {@link #nobodySince} while the distance sensor has said nothing usable. */
    private static final long PRESENCE_UNKNOWN = Long.MIN_VALUE;
    /** Rejected glitches per {@link #CHATTER_SPAN} above which a pad is reported as chattering. */
    static final int CHATTER_GLITCHES = 50;
    static final Duration CHATTER_SPAN = Duration.ofSeconds(10);

    private final SensorLoop loop;
    private final Duration window;
    private final int pads;
    private final boolean[] stable;
    private final boolean[] raw;
    private final long[] leftStableAt;
    private final SensorLoop.Scheduled[] confirm;
    private final List<PadListener> listeners = new CopyOnWriteArrayList<>();
    // read by health() from other threads
    private final AtomicLongArray pressedSince;
    private final AtomicIntegerArray glitches;
    private final AtomicLongArray glitchSpanStart;
    /** Tests and programs using the mat now. */
    private final AtomicInteger users = new AtomicInteger();
    /** Loop time since which the distance sensor sees nobody; -1 while someone is there; unknown before a reading. */
    private volatile long nobodySince = PRESENCE_UNKNOWN;
    /** The {@link #pressedSince} of a pad found stuck: it stays stuck until released (a new press is a new time). */
    private final AtomicLongArray stuckPress;

    PadDebouncer(SensorLoop loop, int pads, Duration window) {
        if (pads < 1) {
            throw new IllegalArgumentException("a mat needs at least one pad");
        }
        this.loop = loop;
        this.window = window;
        this.pads = pads;
        this.stable = new boolean[pads + 1];
        this.raw = new boolean[pads + 1];
        this.leftStableAt = new long[pads + 1];
        this.confirm = new SensorLoop.Scheduled[pads + 1];
        this.pressedSince = new AtomicLongArray(pads + 1);
        this.glitches = new AtomicIntegerArray(pads + 1);
        this.glitchSpanStart = new AtomicLongArray(pads + 1);
        this.stuckPress = new AtomicLongArray(pads + 1);
        for (int pad = 0; pad <= pads; pad++) {
            pressedSince.set(pad, -1);
            stuckPress.set(pad, -1);
            leftStableAt[pad] = -1;
        }
    }

    int pads() {
        return pads;
    }

    void addListener(PadListener listener) {
        listeners.add(listener);
    }

    void removeListener(PadListener listener) {
        listeners.remove(listener);
    }

    /** The level a pad had when the driver started, taken as settled. On the loop thread. */
    void initial(int pad, boolean pressed, long at) {
        stable[pad] = pressed;
        raw[pad] = pressed;
        pressedSince.set(pad, pressed ? at : -1);
    }

    boolean pressed(int pad) {
        check(pad);
        return stable[pad];
    }

    /** A raw edge from the pin. On the loop thread. */
    void edge(int pad, boolean pressed, long at) {
        check(pad);
        raw[pad] = pressed;
        if (leftStableAt[pad] < 0 && pressed != stable[pad]) {
            leftStableAt[pad] = at;
        }
        if (confirm[pad] != null) {
            confirm[pad].cancel();
        }
        confirm[pad] = loop.at(at + window.toNanos(), () -> settle(pad));
    }

    private void settle(int pad) {
        confirm[pad] = null;
        long edgeAt = leftStableAt[pad];
        leftStableAt[pad] = -1;
        if (raw[pad] == stable[pad]) {
            if (edgeAt >= 0) {
                glitch(pad);
            }
            return;
        }
        stable[pad] = raw[pad];
        pressedSince.set(pad, stable[pad] ? edgeAt : -1);
        PadEvent event = new PadEvent(pad, stable[pad], edgeAt);
        for (PadListener listener : listeners) {
            listener.onPad(event);
        }
    }

    private void glitch(int pad) {
        long now = loop.nanos();
        if (now - glitchSpanStart.get(pad) > CHATTER_SPAN.toNanos()) {
            glitchSpanStart.set(pad, now);
            glitches.set(pad, 0);
        }
        glitches.incrementAndGet(pad);
    }

    /** A test or program uses the mat until the returned hand-back runs (once, however often it is run). */
    Runnable use() {
        users.incrementAndGet();
        AtomicBoolean handedBack = new AtomicBoolean();
        return () -> {
            if (handedBack.compareAndSet(false, true)) {
                users.decrementAndGet();
            }
        };
    }

    /** The distance sensor's word after a reading. On the loop thread. */
    void presence(MotionState state) {
        if (state.signalLost()) {
            nobodySince = PRESENCE_UNKNOWN;
        } else if (state.present()) {
            nobodySince = -1;
        } else if (nobodySince < 0) {
            nobodySince = state.atNanos();
        }
    }

    /** "ok" or the problems, e.g. "pad 3 stuck pressed". */
    String health() {
        long now = loop.nanos();
        StringBuilder problems = new StringBuilder();
        for (int pad = 1; pad <= pads; pad++) {
            if (stuck(pad, now)) {
                append(problems, "pad " + pad + " stuck pressed");
            }
            if (glitches.get(pad) >= CHATTER_GLITCHES && now - glitchSpanStart.get(pad) <= CHATTER_SPAN.toNanos()) {
                append(problems, "pad " + pad + " chattering (loose wire?)");
            }
        }
        return problems.isEmpty() ? Sensors.OK : problems.toString();
    }

    /**
     * Pressed with nobody there: found once, stuck until released. Pads in use by a test or program are not
     * stuck; without word from the distance sensor, pressed {@link #STUCK_AFTER} is.
     */
    private boolean stuck(int pad, long now) {
        long since = pressedSince.get(pad);
        if (since < 0) {
            return false;
        }
        if (stuckPress.get(pad) == since) {
            return true;
        }
        if (users.get() > 0) {
            return false;
        }
        long nobody = nobodySince;
        if (nobody == PRESENCE_UNKNOWN) {
            return now - since >= STUCK_AFTER.toNanos();
        }
        if (nobody >= 0 && now - Math.max(since, nobody) >= STUCK_WHEN_NOBODY.toNanos()) {
            stuckPress.set(pad, since);
            return true;
        }
        return false;
    }

    private static void append(StringBuilder problems, String problem) {
        if (!problems.isEmpty()) {
            problems.append("; ");
        }
        problems.append(problem);
    }

    private void check(int pad) {
        if (pad < 1 || pad > pads) {
            throw new IllegalArgumentException("no pad " + pad + " on a mat of " + pads);
        }
    }
}
