package kr.smartsenior.server.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A new kiosk enrolling by code as a real one does: the first-boot script of firmware-config
 * ({@code smartsenior-firstboot.sh}) run in a scratch root against a server, its "screen" a file. It asks the
 * server for a code, shows it, polls until an admin has entered it, installs the bundle
 * ({@code etc/smartsenior/kiosk.env}) and exits. Skips the test when bash, python3 or shred are missing.
 */
public final class FirstBootKiosk implements AutoCloseable {

    private static final Pattern CODE = Pattern.compile("ENROLLMENT CODE:\\s+([A-Z0-9]{3}-[A-Z0-9]{3})");

    private final Path root;
    private final Process process;

    private FirstBootKiosk(Path root, Process process) {
        this.root = root;
        this.process = process;
    }

    /** Boots a kiosk with {@code smartsenior-server.txt} naming this server (plain HTTP allowed: tests only). */
    public static FirstBootKiosk boot(String serverUrl) throws IOException {
        for (String tool : List.of("bash", "python3", "shred")) {
            Assumptions.assumeTrue(onPath(tool), tool + " is not installed");
        }
        Path root = Files.createTempDirectory("ssc-firstboot-root-");
        Path script = root.resolve("smartsenior-firstboot.sh");
        try (InputStream in = FirstBootKiosk.class.getResourceAsStream("/firmware/provisioning/smartsenior-firstboot.sh")) {
            if (in == null) {
                throw new IllegalStateException("the first-boot script of firmware-config is not on the test class path");
            }
            Files.write(script, in.readAllBytes());
        }
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Files.createDirectories(root.resolve("boot/firmware"));
        Files.writeString(root.resolve("boot/firmware/smartsenior-server.txt"), serverUrl + "\n");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
                .redirectOutput(root.resolve("firstboot.log").toFile());
        builder.environment().putAll(Map.of("SSC_ROOT", root.toString(), "SYSTEMCTL", "true",
                "SSC_SCREEN", root.resolve("screen.txt").toString(), "SSC_ENROLL_POLL_S", "0.3", "SSC_ENROLL_MAX_WAIT_S", "120",
                "SSC_ENROLL_ALLOW_HTTP", "1"));   // test-only: the test server speaks plain HTTP
        return new FirstBootKiosk(root, builder.start());
    }

    /** The code the kiosk shows on its screen, once it shows one. */
    public String awaitCode(Duration within) {
        Path screen = root.resolve("screen.txt");
        Matcher shown = await("a code on the kiosk's screen").atMost(within).pollInterval(Duration.ofMillis(200))
                .until(() -> Files.exists(screen) ? CODE.matcher(Files.readString(screen)) : null, m -> m != null && m.find());
        return shown.group(1);
    }

    /** Waits for the script to end; true when it installed a bundle (exit 0). */
    public boolean awaitInstalled(Duration within) throws InterruptedException {
        return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS) && process.exitValue() == 0;
    }

    /** What the script installed for the kiosk ({@code SSC_SITE_ID}, {@code SSC_DEVICE_ID}, {@code SSC_MQTT_*}). */
    public Properties kioskEnv() throws IOException {
        Properties env = new Properties();
        env.load(new StringReader(Files.readString(root.resolve("etc/smartsenior/kiosk.env"))));
        return env;
    }

    /** The scratch root the script installs into ({@code etc/smartsenior/…}, {@code var/lib/smartsenior/…}). */
    public Path root() {
        return root;
    }

    /** What the kiosk's screen shows (every redraw appended). */
    public String screen() throws IOException {
        return Files.readString(root.resolve("screen.txt"));
    }

    /** The script's log, for assertion messages. */
    public String log() {
        try {
            return Files.readString(root.resolve("firstboot.log"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        TestDatabase.deleteTree(root);
    }

    private static boolean onPath(String tool) {
        return List.of(System.getenv().getOrDefault("PATH", "").split(":")).stream()
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, tool)));
    }
}
