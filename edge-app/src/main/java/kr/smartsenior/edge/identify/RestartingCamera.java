package kr.smartsenior.edge.identify;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A camera that comes back: when the camera cannot be opened (its program is missing, no camera is
 * attached), stops delivering frames, fails to read or delivers no frame for {@link #FRAME_TIMEOUT}
 * (a hung camera: its program runs but writes nothing), it is closed and opened again after a pause
 * that doubles from {@link #FIRST_RETRY} up to {@link #MAX_RETRY}. {@link #next()} only returns
 * {@code null} once this is closed, so an {@link Identifier} keeps watching it for the kiosk's life.
 * {@link #health()} says how it is doing, for the device status ({@value Reopening#STARTING} until the
 * first frame); each change is logged once.
 */
public final class RestartingCamera implements FrameSource {

    public static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    public static final Duration MAX_RETRY = Duration.ofSeconds(60);
    /**
     * No frame for this long and the camera is taken for hung, closed and opened again. Generous: a
     * camera program needs a second or two to deliver its first frame, a USB webcam sometimes more.
     */
    public static final Duration FRAME_TIMEOUT = Duration.ofSeconds(10);
    /** Health of a camera that delivers frames. */
    public static final String OK = Reopening.OK;
    /** Health of a camera opened (or being opened) that has not delivered its first frame yet. */
    public static final String STARTING = Reopening.STARTING;

    /** Closes cameras that deliver nothing (closing one unblocks its reader); one thread for all cameras. */
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private final Supplier<FrameSource> opener;
    private final Reopening reopening;
    private final Duration frameTimeout;
    private final Object lock = new Object();
    private FrameSource current; // guarded by lock
    private FrameSource hung; // guarded by lock: the source the watchdog closed

    /**
     * @param opener      opens (starts) the real camera; may throw when it cannot
     * @param description for logs, e.g. {@code rpicam-vid 640x480}
     */
    public RestartingCamera(Supplier<FrameSource> opener, String description) {
        this(opener, description, FIRST_RETRY, MAX_RETRY, FRAME_TIMEOUT);
    }

    /**
     * @param frameTimeout no frame for this long and the camera is closed and opened again
     */
    public RestartingCamera(Supplier<FrameSource> opener, String description, Duration frameTimeout) {
        this(opener, description, FIRST_RETRY, MAX_RETRY, frameTimeout);
    }

    RestartingCamera(Supplier<FrameSource> opener, String description, Duration firstRetry, Duration maxRetry) {
        this(opener, description, firstRetry, maxRetry, FRAME_TIMEOUT);
    }

    RestartingCamera(Supplier<FrameSource> opener, String description, Duration firstRetry, Duration maxRetry,
            Duration frameTimeout) {
        if (frameTimeout.isNegative() || frameTimeout.isZero()) {
            throw new IllegalArgumentException("the frame timeout must be positive, got " + frameTimeout);
        }
        this.opener = Objects.requireNonNull(opener, "opener");
        this.reopening = new Reopening(description, firstRetry, maxRetry);
        this.frameTimeout = frameTimeout;
    }

    @Override
    public LumaFrame next() throws IOException {
        while (!reopening.closed()) {
            FrameSource source = open();
            if (source != null) {
                ScheduledFuture<?> alarm = WATCHDOG.schedule(() -> hung(source), frameTimeout.toMillis(), TimeUnit.MILLISECONDS);
                String why;
                try {
                    LumaFrame frame = source.next();
                    alarm.cancel(false);
                    if (frame != null && !wasHung(source)) {
                        reopening.resetPause();
                        reopening.healthy("delivers frames");
                        return frame;
                    }
                    why = "stopped delivering frames (see the kiosk log)";
                } catch (IOException | RuntimeException e) {
                    alarm.cancel(false);
                    why = "cannot read frames: " + e.getMessage();
                }
                if (wasHung(source)) {
                    why = hungHealth();
                }
                reopening.failed(why);
                closeCurrent();
            }
            if (reopening.pause()) {
                break;
            }
        }
        return null;
    }

    /** On the watchdog's thread: this source has delivered nothing for the frame timeout. */
    private void hung(FrameSource source) {
        synchronized (lock) {
            if (current != source) {
                return;
            }
            hung = source;
        }
        reopening.failed(hungHealth());
        source.close(); // unblocks the reader, whose next() then restarts it
    }

    private String hungHealth() {
        long ms = frameTimeout.toMillis();
        return "no frame for " + (ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms") + " (camera hung?)";
    }

    private boolean wasHung(FrameSource source) {
        synchronized (lock) {
            return hung == source;
        }
    }

    /** The open camera, opening it if needed; null when it cannot be opened now. */
    private FrameSource open() {
        synchronized (lock) {
            if (current != null || reopening.closed()) {
                return current;
            }
        }
        FrameSource opened;
        try {
            opened = opener.get();
        } catch (RuntimeException e) {
            reopening.failed("not available: " + e.getMessage());
            return null;
        }
        synchronized (lock) {
            if (reopening.closed()) {
                opened.close();
                return null;
            }
            current = opened;
            return opened;
        }
    }

    private void closeCurrent() {
        FrameSource source;
        synchronized (lock) {
            source = current;
            current = null;
            hung = null;
        }
        if (source != null) {
            source.close();
        }
    }

    /**
     * "ok", "starting" (no frame yet), or what is wrong ("not available: cannot start rpicam-vid (is it
     * installed?)", "no frame for 10 s (camera hung?)"). Safe from any thread.
     */
    public String health() {
        return reopening.health();
    }

    @Override
    public String describe() {
        return reopening.description();
    }

    @Override
    public void close() {
        reopening.close();
        closeCurrent();
    }

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("ssc-camera-watchdog").daemon().factory());
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
