package kr.smartsenior.edge.session;

import java.time.Duration;
import kr.smartsenior.edge.sensor.SensorLoop;

/**
 * One stretch of a session on loop time (a countdown, a warm-up, a round of play) that ends by
 * itself: its task runs on the loop at the end. A pause freezes what is left and the end moves on
 * by the time paused. Times are the loop's nanoseconds, passed in so that everything a session does
 * in one step uses one instant. On the loop.
 */
public final class SegmentClock {

    private final SensorLoop loop;
    private Runnable whenOver;
    private long endsAt;
    private long remaining;
    private boolean paused;
    private SensorLoop.Scheduled timer;

    public SegmentClock(SensorLoop loop) {
        this.loop = loop;
    }

    /** A new stretch of {@code length} from loop time {@code at}; one still running is dropped. */
    public void start(long at, Duration length, Runnable whenOver) {
        stop();
        this.whenOver = whenOver;
        endsAt = at + length.toNanos();
        paused = false;
        timer = loop.at(endsAt, whenOver);
    }

    /** Freezes what is left at {@code now}; the end task does not run until {@link #resume}. */
    public void pause(long now) {
        remaining = Math.max(0, endsAt - now);
        paused = true;
        stop();
    }

    /** Goes on from {@code now} with what was left at the pause. */
    public void resume(long now) {
        endsAt = now + remaining;
        paused = false;
        timer = loop.at(endsAt, whenOver);
    }

    /** Loop time of the end (as it stands: a pause moves it). */
    public long endsAt() {
        return endsAt;
    }

    /** What is left at {@code now}, never below zero; frozen while paused. */
    public long remainingNanos(long now) {
        return paused ? remaining : Math.max(0, endsAt - now);
    }

    /** The end task will not run. Safe to call twice. */
    public void stop() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
