package kr.smartsenior.edge.identify;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A camera that comes back: when the camera cannot be opened (its program is missing, no camera is
 * attached), stops delivering frames or fails to read, it is closed and opened again after a pause
 * that doubles from {@link #FIRST_RETRY} up to {@link #MAX_RETRY}. {@link #next()} only returns
 * {@code null} once this is closed, so an {@link Identifier} keeps watching it for the kiosk's life.
 * {@link #health()} says how it is doing, for the device status; each change is logged once.
 */
public final class RestartingCamera implements FrameSource {

    public static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    public static final Duration MAX_RETRY = Duration.ofSeconds(60);
    /** Health of a camera that delivers frames (or was just opened). */
    public static final String OK = "ok";

    private static final Logger log = LoggerFactory.getLogger(RestartingCamera.class);

    private final Supplier<FrameSource> opener;
    private final String description;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final CountDownLatch closedSignal = new CountDownLatch(1);
    private final Object lock = new Object();
    private FrameSource current; // guarded by lock
    private volatile boolean closed;
    private volatile String health = OK;

    /**
     * @param opener      opens (starts) the real camera; may throw when it cannot
     * @param description for logs, e.g. {@code rpicam-vid 640x480}
     */
    public RestartingCamera(Supplier<FrameSource> opener, String description) {
        this(opener, description, FIRST_RETRY, MAX_RETRY);
    }

    RestartingCamera(Supplier<FrameSource> opener, String description, Duration firstRetry, Duration maxRetry) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.description = description;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
    }

    @Override
    public LumaFrame next() throws IOException {
        Duration pause = firstRetry;
        while (!closed) {
            FrameSource source = open();
            if (source != null) {
                try {
                    LumaFrame frame = source.next();
                    if (frame != null) {
                        healthy();
                        return frame;
                    }
                    failed("stopped delivering frames (see the kiosk log)");
                } catch (IOException | RuntimeException e) {
                    failed("cannot read frames: " + e.getMessage());
                }
                closeCurrent();
            }
            if (waitClosed(pause)) {
                break;
            }
            pause = pause.multipliedBy(2).compareTo(maxRetry) > 0 ? maxRetry : pause.multipliedBy(2);
        }
        return null;
    }

    /** The open camera, opening it if needed; null when it cannot be opened now. */
    private FrameSource open() {
        synchronized (lock) {
            if (current != null || closed) {
                return current;
            }
        }
        FrameSource opened;
        try {
            opened = opener.get();
        } catch (RuntimeException e) {
            failed("not available: " + e.getMessage());
            return null;
        }
        synchronized (lock) {
            if (closed) {
                opened.close();
                return null;
            }
            current = opened;
            return opened;
        }
    }

    private void healthy() {
        if (!OK.equals(health)) {
            health = OK;
            log.info("{} delivers frames again", description);
        }
    }

    private void failed(String why) {
        if (closed) {
            return;
        }
        if (!why.equals(health)) {
            log.warn("{}: {}; trying again (every {} s at most)", description, why, maxRetry.toSeconds());
        }
        health = why;
    }

    private void closeCurrent() {
        FrameSource source;
        synchronized (lock) {
            source = current;
            current = null;
        }
        if (source != null) {
            source.close();
        }
    }

    /** Waits, or returns true at once when closed meanwhile. */
    private boolean waitClosed(Duration pause) {
        try {
            return closedSignal.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** "ok", or what is wrong ("not available: cannot start rpicam-vid (is it installed?)"). Safe from any thread. */
    public String health() {
        return health;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        closed = true;
        closedSignal.countDown();
        closeCurrent();
    }
}
