package kr.smartsenior.edge.identify;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Objects;

/**
 * A serial scanner's stream that comes back: when its tty cannot be opened, ends (the scanner was
 * unplugged) or fails to read (EIO), it is closed and opened again after a pause that doubles from
 * {@link #FIRST_RETRY} up to {@link #MAX_RETRY}, as {@link RestartingCamera} does for cameras. It only
 * ends ({@code -1}) once closed, so {@link Identifier#watchScanner} reads it for the kiosk's life.
 * When the stream breaks it reads as a line break, so that a scan cut off midway is not joined to
 * the next one. {@link #health()} says how it is doing, for the device status: "ok" while the tty is
 * open.
 */
public final class RestartingScanner extends InputStream {

    public static final Duration FIRST_RETRY = RestartingCamera.FIRST_RETRY;
    public static final Duration MAX_RETRY = RestartingCamera.MAX_RETRY;

    /** Opens the scanner's stream (its tty). */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    private final Opener opener;
    private final Reopening reopening;
    private final Object lock = new Object();
    private InputStream current; // guarded by lock
    private boolean pauseFirst; // the reading thread's: the last attempt failed

    /**
     * @param opener      opens the scanner's tty; may throw when it cannot
     * @param description for logs, e.g. {@code scanner /dev/ttyACM0}
     */
    public RestartingScanner(Opener opener, String description) {
        this(opener, description, FIRST_RETRY, MAX_RETRY);
    }

    RestartingScanner(Opener opener, String description, Duration firstRetry, Duration maxRetry) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.reopening = new Reopening(description, firstRetry, maxRetry);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        while (!reopening.closed()) {
            if (pauseFirst) {
                if (reopening.pause()) {
                    break;
                }
                pauseFirst = false;
            }
            InputStream in = open();
            if (in == null) {
                pauseFirst = true;
                continue;
            }
            String why;
            try {
                int n = in.read(buffer, offset, length);
                if (n > 0) {
                    reopening.resetPause();
                    return n;
                }
                if (n == 0) {
                    continue;
                }
                why = "stopped (unplugged?)";
            } catch (IOException | RuntimeException e) {
                why = "cannot read: " + e.getMessage();
            }
            reopening.failed(why);
            closeCurrent();
            pauseFirst = true;
            buffer[offset] = '\n'; // ends a scan cut off midway
            return 1;
        }
        return -1;
    }

    /** The open stream, opening it if needed; null when it cannot be opened now. */
    private InputStream open() {
        synchronized (lock) {
            if (current != null || reopening.closed()) {
                return current;
            }
        }
        InputStream opened;
        try {
            opened = opener.open();
        } catch (IOException | RuntimeException e) {
            reopening.failed("not available: cannot open it (" + e.getMessage() + ")");
            return null;
        }
        synchronized (lock) {
            if (reopening.closed()) {
                closeQuietly(opened);
                return null;
            }
            current = opened;
        }
        reopening.healthy("is open: reading scans");
        return opened;
    }

    private void closeCurrent() {
        InputStream in;
        synchronized (lock) {
            in = current;
            current = null;
        }
        if (in != null) {
            closeQuietly(in);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // closing a stream that already failed
        }
    }

    /** "ok", "starting" (not opened yet), or what is wrong ("stopped (unplugged?)"). Safe from any thread. */
    public String health() {
        return reopening.health();
    }

    /** Stops reading: a read blocked on the tty ends. Safe from any thread, and twice. */
    @Override
    public void close() {
        reopening.close();
        closeCurrent();
    }
}
