package kr.smartsenior.edge.identify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A camera that fails to start or stops is reported and opened again, until the kiosk closes it. */
@Timeout(60)
class RestartingCameraTest {

    private static final Duration PAUSE = Duration.ofMillis(10);

    /** One run of a camera program: these frames, then it exits. */
    private static FrameSource run(int frames, List<FrameSource> closed) {
        Deque<LumaFrame> left = new ArrayDeque<>();
        for (int i = 0; i < frames; i++) {
            left.add(new LumaFrame(new byte[160 * 120], 160, 120, 160, i));
        }
        return new FrameSource() {
            @Override
            public LumaFrame next() {
                return left.poll();
            }

            @Override
            public String describe() {
                return "run";
            }

            @Override
            public void close() {
                closed.add(this);
            }
        };
    }

    @Test
    void aCameraThatCannotStartIsReportedAndTriedAgainUntilItWorks() throws IOException {
        AtomicInteger attempts = new AtomicInteger();
        List<FrameSource> closed = new CopyOnWriteArrayList<>();
        List<String> healthSeen = new CopyOnWriteArrayList<>();
        RestartingCamera[] camera = new RestartingCamera[1];
        camera[0] = new RestartingCamera(() -> {
            healthSeen.add(camera[0].health());
            if (attempts.incrementAndGet() < 3) {
                throw new UncheckedIOException("cannot start rpicam-vid (is it installed?)", new IOException("ENOENT"));
            }
            return run(2, closed);
        }, "rpicam-vid 160x120", PAUSE, PAUSE);

        assertThat(camera[0].next()).isNotNull();
        assertThat(attempts).hasValue(3);
        assertThat(healthSeen).containsExactly("starting", "not available: cannot start rpicam-vid (is it installed?)",
                "not available: cannot start rpicam-vid (is it installed?)");
        assertThat(camera[0].health()).isEqualTo("ok");
        camera[0].close();
    }

    @Test
    void aCameraProgramThatExitsIsClosedReportedAndStartedAgain() throws IOException {
        AtomicInteger starts = new AtomicInteger();
        List<FrameSource> closed = new CopyOnWriteArrayList<>();
        List<String> healthAtStart = new CopyOnWriteArrayList<>();
        RestartingCamera[] camera = new RestartingCamera[1];
        camera[0] = new RestartingCamera(() -> {
            healthAtStart.add(camera[0].health());
            starts.incrementAndGet();
            return run(1, closed);
        }, "ffmpeg /dev/video0 160x120", PAUSE, PAUSE);

        for (int i = 0; i < 3; i++) {
            assertThat(camera[0].next()).isNotNull();
        }
        assertThat(starts).hasValue(3);
        assertThat(closed).hasSize(2);
        assertThat(healthAtStart.subList(1, 3)).allMatch(h -> h.startsWith("stopped delivering frames"));
        camera[0].close();
        assertThat(closed).hasSize(3);
        assertThat(camera[0].next()).as("closed: the end").isNull();
    }

    @Test
    void closingWhileItWaitsToRetryEndsItAtOnce() throws Exception {
        RestartingCamera camera = new RestartingCamera(() -> {
            throw new IllegalStateException("no camera");
        }, "rpicam-vid", Duration.ofMinutes(10), Duration.ofMinutes(10));
        Thread reader = Thread.ofPlatform().start(() -> {
            try {
                assertThat(camera.next()).isNull();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> !camera.health().equals("starting"));
        camera.close();
        reader.join(Duration.ofSeconds(30));
        assertThat(reader.isAlive()).isFalse();
        assertThat(camera.health()).isEqualTo("not available: no camera");
    }

    @Test
    void aCameraThatStartsButNeverWritesIsClosedReportedAndStartedAgain() throws Exception {
        AtomicInteger starts = new AtomicInteger();
        List<FrameSource> closed = new CopyOnWriteArrayList<>();
        List<String> healthAtStart = new CopyOnWriteArrayList<>();
        RestartingCamera[] camera = new RestartingCamera[1];
        camera[0] = new RestartingCamera(() -> {
            healthAtStart.add(camera[0].health());
            // the first run hangs: its program runs and writes nothing until it is stopped
            return starts.incrementAndGet() == 1 ? hangingRun(closed) : run(1, closed);
        }, "rpicam-vid 160x120", PAUSE, PAUSE, Duration.ofMillis(300));
        assertThat(camera[0].health()).as("before any frame").isEqualTo("starting");

        assertThat(camera[0].next()).as("the second run's frame").isNotNull();

        assertThat(starts).hasValue(2);
        assertThat(closed).hasSize(1);
        assertThat(healthAtStart).containsExactly("starting", "no frame for 300 ms (camera hung?)");
        assertThat(camera[0].health()).isEqualTo("ok");
        camera[0].close();
    }

    @Test
    void whileTheCameraHangsItsHealthSaysSo() throws Exception {
        List<FrameSource> closed = new CopyOnWriteArrayList<>();
        RestartingCamera camera = new RestartingCamera(() -> hangingRun(closed), "ffmpeg /dev/video0 160x120",
                PAUSE, PAUSE, Duration.ofMillis(200));
        Thread reader = Thread.ofPlatform().start(() -> {
            try {
                assertThat(camera.next()).isNull();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> closed.size() >= 2); // hung, closed, started again, hung again
        assertThat(camera.health()).isEqualTo("no frame for 200 ms (camera hung?)");
        camera.close();
        reader.join(Duration.ofSeconds(30));
        assertThat(reader.isAlive()).isFalse();
    }

    @Test
    void aCameraThatFailsWhileReadingIsStartedAgain() throws IOException {
        AtomicInteger starts = new AtomicInteger();
        List<FrameSource> closed = new CopyOnWriteArrayList<>();
        RestartingCamera camera = new RestartingCamera(() -> starts.incrementAndGet() == 1 ? new FrameSource() {
            @Override
            public LumaFrame next() {
                throw new IllegalStateException("driver bug");
            }

            @Override
            public String describe() {
                return "broken run";
            }

            @Override
            public void close() {
                closed.add(this);
            }
        } : run(1, closed), "rpicam-vid 160x120", PAUSE, PAUSE);

        assertThat(camera.next()).isNotNull();
        assertThat(starts).hasValue(2);
        assertThat(closed).hasSize(1);
        camera.close();
    }

    /** A camera program that runs and writes nothing; closing it ends its output, as for a real program. */
    private static FrameSource hangingRun(List<FrameSource> closed) {
        CountDownLatch stopped = new CountDownLatch(1);
        return new FrameSource() {
            @Override
            public LumaFrame next() throws IOException {
                try {
                    stopped.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
                return null;
            }

            @Override
            public String describe() {
                return "hanging run";
            }

            @Override
            public void close() {
                if (stopped.getCount() > 0) {
                    closed.add(this);
                }
                stopped.countDown();
            }
        };
    }
}
