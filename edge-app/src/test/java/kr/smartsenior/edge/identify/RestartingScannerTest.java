package kr.smartsenior.edge.identify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A serial scanner that cannot be opened, is unplugged or fails to read is reported and opened again. */
@Timeout(60)
class RestartingScannerTest {

    private static final Duration PAUSE = Duration.ofMillis(10);

    /** A tty that gives these bytes and then fails as an unplugged USB device does. */
    private static InputStream unplugged(String before) {
        return new InputStream() {
            private final InputStream bytes = new ByteArrayInputStream(before.getBytes(StandardCharsets.US_ASCII));

            @Override
            public int read() throws IOException {
                int b = bytes.read();
                if (b < 0) {
                    throw new IOException("Input/output error");
                }
                return b;
            }
        };
    }

    @Test
    void aScannerThatCannotBeOpenedOrIsUnpluggedIsReportedAndOpenedAgain() throws Exception {
        PipedOutputStream tty = new PipedOutputStream();
        PipedInputStream pluggedIn = new PipedInputStream(tty);
        Deque<Object> opens = new ArrayDeque<>(List.of(
                new IOException("/dev/ttyACM0: No such file or directory"), // not plugged in at start
                unplugged("SSC1:M7K2"),                                  // unplugged in the middle of a scan
                new ByteArrayInputStream(new byte[0]),                     // opens, then ends at once
                pluggedIn));
        List<String> healthAtOpen = new CopyOnWriteArrayList<>();
        RestartingScanner[] scanner = new RestartingScanner[1];
        scanner[0] = new RestartingScanner(() -> {
            healthAtOpen.add(scanner[0].health());
            Object next = opens.poll();
            if (next instanceof IOException e) {
                throw e;
            }
            return (InputStream) next;
        }, "card scanner /dev/ttyACM0", PAUSE, PAUSE);
        assertThat(scanner[0].health()).isEqualTo("starting");
        List<String> scans = new CopyOnWriteArrayList<>();
        Thread reader = Thread.ofPlatform().start(() -> KeyboardWedge.readLines(scanner[0], scans::add));

        await().atMost(Duration.ofSeconds(30)).until(() -> opens.isEmpty() && "ok".equals(scanner[0].health()));
        tty.write((Cards.KIM.text() + "\r\n").getBytes(StandardCharsets.US_ASCII));
        tty.flush();
        await().atMost(Duration.ofSeconds(30)).until(() -> scans.size() >= 2);

        assertThat(scans).as("the cut-off scan stays apart from the next one").containsExactly("SSC1:M7K2", Cards.KIM.text());
        assertThat(healthAtOpen).containsExactly("starting",
                "not available: cannot open it (/dev/ttyACM0: No such file or directory)",
                "cannot read: Input/output error",
                "stopped (unplugged?)");
        scanner[0].close();
        tty.close(); // a pipe's blocked read does not notice its reading end closed, unlike a tty's channel
        reader.join(Duration.ofSeconds(30));
        assertThat(reader.isAlive()).as("closing ends the reading").isFalse();
    }

    @Test
    void closingWhileItWaitsToOpenAgainEndsItAtOnce() throws Exception {
        RestartingScanner scanner = new RestartingScanner(() -> {
            throw new IOException("no such device");
        }, "card scanner /dev/ttyUSB0", Duration.ofMinutes(10), Duration.ofMinutes(10));
        Thread reader = Thread.ofPlatform().start(() -> KeyboardWedge.readLines(scanner, text -> { }));
        await().atMost(Duration.ofSeconds(30)).until(() -> scanner.health().startsWith("not available"));
        scanner.close();
        reader.join(Duration.ofSeconds(30));
        assertThat(reader.isAlive()).isFalse();
        assertThat(scanner.read()).isEqualTo(-1);
    }
}
