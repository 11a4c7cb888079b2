package kr.smartsenior.edge.identify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frames from a camera program that writes raw video to its standard output ({@code rpicam-vid},
 * {@code ffmpeg}). Its standard error is kept (the last lines) to explain why it stopped.
 */
final class ProcessFrameSource implements FrameSource {

    static final int STDERR_LINES_KEPT = 10;
    private static final long STOP_WAIT_MS = 2_000;
    private static final Logger log = LoggerFactory.getLogger(ProcessFrameSource.class);

    private final List<String> command;
    private final Process process;
    private final RawFrameReader reader;
    private final Deque<String> lastErrors = new ArrayDeque<>();
    private final String description;

    ProcessFrameSource(List<String> command, FrameLayout layout, String description) throws IOException {
        this.command = List.copyOf(command);
        this.description = description;
        this.process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        process.getOutputStream().close();
        this.reader = new RawFrameReader(process.getInputStream(), layout);
        Thread.ofPlatform().daemon().name("ssc-camera-stderr").start(this::drainErrors);
    }

    @Override
    public LumaFrame next() throws IOException {
        LumaFrame frame = reader.next();
        if (frame == null) {
            explainEnd();
        }
        return frame;
    }

    private void explainEnd() {
        try {
            if (process.waitFor(STOP_WAIT_MS, TimeUnit.MILLISECONDS)) {
                int code = process.exitValue();
                if (code != 0) {
                    log.warn("{} stopped with exit code {}: {}", command.getFirst(), code, lastErrors());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drainErrors() {
        try (BufferedReader errors = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = errors.readLine()) != null) {
                synchronized (lastErrors) {
                    lastErrors.addLast(line.length() > 200 ? line.substring(0, 200) : line);
                    if (lastErrors.size() > STDERR_LINES_KEPT) {
                        lastErrors.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            log.debug("camera stderr closed: {}", e.getMessage());
        }
    }

    String lastErrors() {
        synchronized (lastErrors) {
            return String.join(" | ", lastErrors);
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_WAIT_MS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
