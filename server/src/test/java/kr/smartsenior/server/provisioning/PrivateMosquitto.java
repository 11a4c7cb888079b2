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
 * A real Mosquitto process of the test's own, on a free loopback port, with accounts and ACLs: the
 * password and ACL files the server writes (started with just the server's account, in the same
 * format), {@code allow_anonymous false}, and a pid file the server can signal to reload them.
 * Skips the test when there is no {@code mosquitto} binary (fails with {@code SSC_REQUIRE_SERVICES=1}).
 */
public final class PrivateMosquitto implements AutoCloseable {

    private static final Path[] BINARIES = {Path.of("/usr/sbin/mosquitto"), Path.of("/usr/bin/mosquitto")};

    private final Path dir;
    private final int port;
    private final Process process;

    private PrivateMosquitto(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** Starts Mosquitto with only the server's account, in {@code dir}. */
    public static PrivateMosquitto start(Path dir, String serverUser, String serverPassword) {
        Path binary = binary();
        try {
            int port;
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            Files.writeString(dir.resolve(BrokerAccess.PASSWORD_FILE), BrokerAccessFiles.passwords(serverUser,
                    MosquittoPasswordHash.hash(serverPassword, new SecureRandom()), List.of()));
            Files.writeString(dir.resolve(BrokerAccess.ACL_FILE), BrokerAccessFiles.acl(serverUser, List.of()));
            Path config = dir.resolve("mosquitto.conf");
            Files.writeString(config, String.join("\n",
                    "listener " + port + " 127.0.0.1",
                    // started as root, Mosquitto would drop to user "mosquitto", who cannot read a private temp dir
                    "user " + System.getProperty("user.name"),
                    "allow_anonymous false",
                    "password_file " + dir.resolve(BrokerAccess.PASSWORD_FILE),
                    "acl_file " + dir.resolve(BrokerAccess.ACL_FILE),
                    "persistence false",
                    "log_type error", "log_type warning", "log_type notice", "log_type information",
                    ""));
            Process process = new ProcessBuilder(binary.toString(), "-c", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("mosquitto.log").toFile())
                    .start();
            Files.writeString(dir.resolve("mosquitto.pid"), Long.toString(process.pid()));
            PrivateMosquitto broker = new PrivateMosquitto(dir, port, process);
            await("mosquitto listening on port " + port).atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(50)).ignoreExceptions().until(broker::accepts);
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
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

    private boolean accepts() throws IOException {
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
