package kr.smartsenior.server.provisioning;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import kr.smartsenior.server.testsupport.RequiredServices;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Mosquitto process of the test's own, with accounts and ACLs: the password and ACL files the
 * server writes (started with just the server's account, in the same format), {@code allow_anonymous
 * false}, and a pid file the server can signal to reload them. Configured like
 * {@code docs/operations.md}: two loopback listeners on free ports, {@link #url()} for the server
 * (which connects twice, decision 0033) and {@link #deviceUrl()} for kiosks, where the broker takes
 * the user name as client id so no device can push another off; Nagle off; queue limits for the
 * server's session.
 * Skips the test when there is no {@code mosquitto} binary (fails with {@code SSC_REQUIRE_SERVICES=1}).
 */
public final class PrivateMosquitto implements AutoCloseable {

    private static final Path[] BINARIES = {Path.of("/usr/sbin/mosquitto"), Path.of("/usr/bin/mosquitto")};

    /** The broker settings of docs/operations.md that are not about files, TLS or listeners. */
    static final List<String> TUNING = List.of(
            "set_tcp_nodelay true",
            "max_inflight_messages 100",
            "max_queued_messages 10000",
            "max_queued_bytes 67108864");

    private final Path dir;
    private final int port;
    private final int devicePort;
    private final Process process;

    private PrivateMosquitto(Path dir, int port, int devicePort, Process process) {
        this.dir = dir;
        this.port = port;
        this.devicePort = devicePort;
        this.process = process;
    }

    /** Starts Mosquitto with only the server's account, in {@code dir}. */
    public static PrivateMosquitto start(Path dir, String serverUser, String serverPassword) {
        Path binary = binary();
        try {
            int port;
            int devicePort;
            try (ServerSocket probe = new ServerSocket(0); ServerSocket deviceProbe = new ServerSocket(0)) {
                port = probe.getLocalPort();
                devicePort = deviceProbe.getLocalPort();
            }
            Files.writeString(dir.resolve(BrokerAccess.PASSWORD_FILE), BrokerAccessFiles.passwords(serverUser,
                    MosquittoPasswordHash.hash(serverPassword, new SecureRandom()), List.of()));
            Files.writeString(dir.resolve(BrokerAccess.ACL_FILE), BrokerAccessFiles.acl(serverUser, List.of()));
            List<String> lines = new java.util.ArrayList<>(List.of(
                    "per_listener_settings false",
                    // started as root, Mosquitto would drop to user "mosquitto", who cannot read a private temp dir
                    "user " + System.getProperty("user.name"),
                    "allow_anonymous false",
                    "password_file " + dir.resolve(BrokerAccess.PASSWORD_FILE),
                    "acl_file " + dir.resolve(BrokerAccess.ACL_FILE),
                    "persistence false",
                    "log_type error", "log_type warning", "log_type notice", "log_type information"));
            lines.addAll(TUNING);
            lines.addAll(List.of(
                    "listener " + port + " 127.0.0.1",
                    "listener " + devicePort + " 127.0.0.1",
                    "use_username_as_clientid true",
                    ""));
            return launch(binary, dir, lines, port, devicePort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts Mosquitto for load tests: anonymous, one loopback listener on a free port (both {@link #url()}
     * and {@link #deviceUrl()}), tuned like docs/operations.md ({@link #TUNING}), so that figures measured on
     * it do not depend on how the machine's own broker was started.
     */
    public static PrivateMosquitto startAnonymous(Path dir) {
        Path binary = binary();
        try {
            int port;
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            List<String> lines = new java.util.ArrayList<>(List.of(
                    "user " + System.getProperty("user.name"),
                    "allow_anonymous true",
                    "persistence false",
                    "log_type error", "log_type warning"));
            lines.addAll(TUNING);
            lines.addAll(List.of("listener " + port + " 127.0.0.1", ""));
            return launch(binary, dir, lines, port, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The settings it runs with beyond listeners, files and accounts. */
    public static List<String> tuning() {
        return TUNING;
    }

    private static PrivateMosquitto launch(Path binary, Path dir, List<String> lines, int port, int devicePort)
            throws IOException {
        Path config = dir.resolve("mosquitto.conf");
        Files.writeString(config, String.join("\n", lines));
        Process process = new ProcessBuilder(binary.toString(), "-c", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("mosquitto.log").toFile())
                .start();
        Files.writeString(dir.resolve("mosquitto.pid"), Long.toString(process.pid()));
        PrivateMosquitto broker = new PrivateMosquitto(dir, port, devicePort, process);
        await("mosquitto listening on ports " + port + " and " + devicePort).atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> accepts(port) && accepts(devicePort));
        return broker;
    }

    /** The server's listener (in production: loopback only, the client id as the client sent it). */
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** The kiosks' listener: the broker replaces each client id with the user name. */
    public String deviceUrl() {
        return "tcp://127.0.0.1:" + devicePort;
    }

    public Path dir() {
        return dir;
    }

    public Path pidFile() {
        return dir.resolve("mosquitto.pid");
    }

    /** What Mosquitto logged, for assertion messages. */
    public String log() {
        try {
            return Files.readString(dir.resolve("mosquitto.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static boolean accepts(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path binary() {
        for (Path candidate : BINARIES) {
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String problem = "no mosquitto binary in /usr/sbin or /usr/bin";
        if (RequiredServices.servicesRequired()) {
            Assertions.fail(problem + " (SSC_REQUIRE_SERVICES=1)");
        }
        Assumptions.abort(problem + ": broker security tests skipped");
        throw new IllegalStateException(problem);
    }
}
