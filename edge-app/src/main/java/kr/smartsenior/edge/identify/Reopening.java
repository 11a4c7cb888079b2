package kr.smartsenior.edge.identify;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a device that comes back by itself keeps ({@link RestartingCamera}, {@link RestartingScanner}):
 * its health for the device status, each change logged once, and the pause before opening it again,
 * doubling from the first to the longest and cut short when the device is closed.
 *
 * <p>{@link #health()}, {@link #failed}, {@link #closed()} and {@link #close()} are safe from any
 * thread; the pause belongs to the one thread that reads the device.
 */
final class Reopening {

    /** Health of a device that works. */
    static final String OK = "ok";
    /** Health of a device not yet opened, or opened and not yet heard from. */
    static final String STARTING = "starting";

    private static final Logger log = LoggerFactory.getLogger(Reopening.class);

    private final String description;
    private final Duration firstPause;
    private final Duration maxPause;
    private final CountDownLatch closedSignal = new CountDownLatch(1);
    private volatile boolean closed;
    private volatile String health = STARTING;
    private Duration pause; // the reading thread's

    Reopening(String description, Duration firstPause, Duration maxPause) {
        if (firstPause.isNegative() || firstPause.isZero() || maxPause.compareTo(firstPause) < 0) {
            throw new IllegalArgumentException("need 0 < first pause <= longest pause, got " + firstPause + " and " + maxPause);
        }
        this.description = description;
        this.firstPause = firstPause;
        this.maxPause = maxPause;
        this.pause = firstPause;
    }

    /** It works (again): health "ok", logged with {@code what} when it was not. */
    void healthy(String what) {
        if (!OK.equals(health)) {
            log.info("{} {}", description, what);
            health = OK;
        }
    }

    /** Something is wrong: health is {@code why}, logged when it changes (not after closing). */
    void failed(String why) {
        if (closed) {
            return;
        }
        if (!why.equals(health)) {
            log.warn("{}: {}; trying again (every {} s at most)", description, why, maxPause.toSeconds());
        }
        health = why;
    }

    /** It delivered: the next pause (after a later failure) is the first one again. */
    void resetPause() {
        pause = firstPause;
    }

    /** Waits the pause before the next attempt (doubling it for the one after), or returns true at once when closed. */
    boolean pause() {
        Duration now = pause;
        pause = pause.multipliedBy(2).compareTo(maxPause) > 0 ? maxPause : pause.multipliedBy(2);
        try {
            return closedSignal.await(now.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    String health() {
        return health;
    }

    String description() {
        return description;
    }

    boolean closed() {
        return closed;
    }

    void close() {
        closed = true;
        closedSignal.countDown();
    }
}
