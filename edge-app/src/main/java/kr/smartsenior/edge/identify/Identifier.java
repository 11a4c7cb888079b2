package kr.smartsenior.edge.identify;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import kr.smartsenior.edge.identify.Identification.Identified;
import kr.smartsenior.edge.identify.Identification.Refused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Identifies members from their cards: watches cameras and scanners, checks every scan against the
 * {@link RosterBook} offline, folds the same card seen again within {@link #DEFAULT_REPEAT_WINDOW} into
 * one scan, logs each decision (member id and reason, never a name) and tells the listener.
 *
 * <pre>{@code
 * Identifier identifier = new Identifier(kiosk.roster(), (result, scan) -> screen.show(result.message()));
 * identifier.watch(FrameSources.rpicam(640, 480, 15));   // and/or
 * identifier.watchScanner(System.in);                    // or identifier.scanned(text, "scanner") from key events
 * }</pre>
 *
 * <p>Threads: one per camera (read a frame, decode it), one per scanner stream, and one that checks
 * and calls the listener, in order. Thread-safe; {@link #close} stops them all.
 */
public final class Identifier implements AutoCloseable {

    /** The same card again within this time is the same scan (a card held up for a while). */
    public static final Duration DEFAULT_REPEAT_WINDOW = Duration.ofSeconds(3);
    public static final String CAMERA = "camera";
    public static final String SCANNER = "scanner";
    /** After the first, a frame that could not be decoded is logged at most this often (with the count meanwhile). */
    static final Duration DECODE_FAILURE_LOG_EVERY = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(Identifier.class);

    private final RosterBook roster;
    private final IdentificationListener listener;
    private final long repeatWindowNanos;
    /** A camera thread's decoder; a fresh one after it failed, in case the failure left its buffers bad. */
    private final Supplier<Function<LumaFrame, Optional<String>>> decoders;
    private final AtomicLong decodeFailures = new AtomicLong();
    private final ExecutorService checker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("ssc-identify").daemon().factory());
    private final List<AutoCloseable> inputs = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    /** Last time each text was seen; only touched on the checker thread. */
    private final Map<String, Long> lastSeen = new HashMap<>();
    private volatile boolean closed;

    public Identifier(RosterBook roster, IdentificationListener listener) {
        this(roster, listener, DEFAULT_REPEAT_WINDOW);
    }

    public Identifier(RosterBook roster, IdentificationListener listener, Duration repeatWindow) {
        this(roster, listener, repeatWindow, () -> new QrDecoder()::decode);
    }

    Identifier(RosterBook roster, IdentificationListener listener, Duration repeatWindow,
            Supplier<Function<LumaFrame, Optional<String>>> decoders) {
        this.roster = roster;
        this.listener = listener;
        this.repeatWindowNanos = repeatWindow.toNanos();
        this.decoders = decoders;
    }

    /** Decides about a text now, without folding repeats or telling the listener (the command-line check). */
    public Identification check(String text) {
        return CardCheck.check(text, roster.snapshot());
    }

    /** A scan from anywhere (the screen's key events through a {@link KeyboardWedge}, a test). Never blocks. */
    public void scanned(String text, String source) {
        scanned(text, source, System.nanoTime());
    }

    void scanned(String text, String source, long capturedNanos) {
        if (closed || text == null) {
            return;
        }
        try {
            checker.execute(() -> decide(text, new IdentificationListener.Scan(source, capturedNanos)));
        } catch (RejectedExecutionException e) {
            log.debug("identifier closed; dropping a scan");
        }
    }

    /** Reads frames from this camera on a thread of its own until it ends or the identifier closes. */
    public void watch(FrameSource camera) {
        inputs.add(camera);
        Thread thread = Thread.ofPlatform().daemon().name("ssc-camera").start(() -> readFrames(camera));
        threads.add(thread);
    }

    /** Reads scans line by line from a keyboard-like scanner's stream on a thread of its own. */
    public void watchScanner(InputStream scanner) {
        inputs.add(scanner);
        Thread thread = Thread.ofPlatform().daemon().name("ssc-scanner")
                .start(() -> KeyboardWedge.readLines(scanner, text -> scanned(text, SCANNER)));
        threads.add(thread);
    }

    /**
     * On the camera's thread until it ends. A frame the decoder fails on (a bug, not an unreadable
     * card) is skipped, counted and logged (at most once a minute, never the frame's contents); the
     * camera itself failing ends the thread ({@link RestartingCamera} only ends when closed).
     */
    private void readFrames(FrameSource camera) {
        Function<LumaFrame, Optional<String>> decoder = decoders.get();
        log.info("watching {} for cards", camera.describe());
        long skipped = 0;
        long skippedLogged = 0;
        long lastLogNanos = 0;
        try {
            LumaFrame frame;
            while (!closed && (frame = camera.next()) != null) {
                Optional<String> text;
                try {
                    text = decoder.apply(frame);
                } catch (RuntimeException e) {
                    decodeFailures.incrementAndGet();
                    skipped++;
                    long now = System.nanoTime();
                    if (skippedLogged == 0) {
                        log.error("could not decode a {}x{} frame of {}; skipping it and going on", frame.width(),
                                frame.height(), camera.describe(), e);
                        skippedLogged = skipped;
                        lastLogNanos = now;
                    } else if (now - lastLogNanos >= DECODE_FAILURE_LOG_EVERY.toNanos()) {
                        log.error("could not decode {} more frames of {} (last: {}x{}, {}); going on", skipped - skippedLogged,
                                camera.describe(), frame.width(), frame.height(), e.toString());
                        skippedLogged = skipped;
                        lastLogNanos = now;
                    }
                    decoder = decoders.get();
                    continue;
                }
                if (text.isPresent()) {
                    scanned(text.get(), CAMERA, frame.capturedNanos());
                }
            }
            if (!closed) {
                log.warn("{} stopped delivering frames", camera.describe());
            }
        } catch (IOException e) {
            if (!closed) {
                log.warn("cannot read {}: {}", camera.describe(), e.getMessage());
            }
        } catch (RuntimeException e) {
            log.error("the camera thread of {} failed", camera.describe(), e);
        }
    }

    /** Frames the decoder failed on (skipped) since this identifier started, over all cameras. */
    public long decodeFailures() {
        return decodeFailures.get();
    }

    /** On the checker thread: fold repeats, check, log, tell. */
    private void decide(String text, IdentificationListener.Scan scan) {
        Long before = lastSeen.put(text, scan.capturedNanos());
        if (before != null && scan.capturedNanos() - before < repeatWindowNanos) {
            return; // the same card still in view, or shown again at once: one scan
        }
        forgetOld(scan.capturedNanos());
        Identification result = check(text);
        switch (result) {
            case Identified identified -> log.info("card from {}: member {} (card {})", scan.source(),
                    identified.memberId(), identified.cardVersion());
            case Refused refused -> log.info("card from {}: {}{}", scan.source(), refused.reason(),
                    refused.memberId() == null ? "" : " (member " + refused.memberId() + ")");
        }
        try {
            listener.identified(result, scan);
        } catch (RuntimeException e) {
            log.error("the identification listener failed", e);
        }
    }

    private void forgetOld(long now) {
        if (lastSeen.size() > 64) {
            lastSeen.values().removeIf(at -> now - at > repeatWindowNanos);
        }
    }

    @Override
    public void close() {
        closed = true;
        for (AutoCloseable input : inputs) {
            try {
                input.close();
            } catch (Exception e) {
                log.debug("closing a card input: {}", e.toString());
            }
        }
        checker.shutdown();
        try {
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(2));
            }
            checker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
