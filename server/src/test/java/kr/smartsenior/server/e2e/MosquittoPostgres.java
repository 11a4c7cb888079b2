package kr.smartsenior.server.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import kr.smartsenior.server.testsupport.RequiredServices;
import kr.smartsenior.server.testsupport.TestDatabase;
import kr.smartsenior.server.testsupport.TestServer;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The production parts: Mosquitto and PostgreSQL (a fresh schema, dropped on close). The broker is
 * the machine's Mosquitto on 127.0.0.1:1883, or, when the scenario restarts the broker, a Mosquitto
 * process of the test's own on a free port, which it can kill and start again.
 */
final class MosquittoPostgres implements Infrastructure {

    private static final Path[] MOSQUITTO_BINARIES = {Path.of("/usr/sbin/mosquitto"), Path.of("/usr/bin/mosquitto")};

    private final RequiredServices.PostgresSchema schema;
    private final Path dataDir;
    private final String sharedGroup = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    private final PrivateMosquitto privateBroker;

    /** @param restartable whether the scenario restarts the broker (then it gets a Mosquitto of its own) */
    MosquittoPostgres(boolean restartable) {
        RequiredServices.mosquittoOrSkip();
        schema = RequiredServices.freshPostgresSchema();
        try {
            dataDir = Files.createTempDirectory("ssc-e2e-");
            privateBroker = restartable ? new PrivateMosquitto(dataDir) : null;
        } catch (IOException | RuntimeException e) {
            schema.drop();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    @Override
    public TestServer startServer(Class<?>... sources) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("SSC_DATA_DIR", dataDir.toString());
        settings.put("SSC_MQTT_URL", kioskBrokerUrl());
        settings.put("SSC_MQTT_SHARED_GROUP", sharedGroup);
        settings.put("SSC_DB_URL", schema.jdbcUrl());
        return TestServer.start(settings, List.of(), sources);
    }

    @Override
    public String kioskBrokerUrl() {
        return privateBroker != null ? privateBroker.url() : RequiredServices.MOSQUITTO_URL;
    }

    @Override
    public void restartBroker() {
        if (privateBroker == null) {
            throw new IllegalStateException("the machine's Mosquitto is not ours to restart");
        }
        privateBroker.kill();
        EmbeddedSqlite.pause();
        privateBroker.start();
    }

    @Override
    public List<String> storedIds(String siteId) {
        return Infrastructure.storedIds(schema.jdbcUrl(), siteId);
    }

    @Override
    public void close() {
        try {
            if (privateBroker != null) {
                privateBroker.kill();
            }
        } finally {
            schema.drop();
            TestDatabase.deleteTree(dataDir);
        }
    }

    /** A real Mosquitto process on a free loopback port, anonymous, without persistence. */
    private static final class PrivateMosquitto {
        private final Path binary;
        private final Path config;
        private final int port;
        private Process process;

        PrivateMosquitto(Path dir) throws IOException {
            binary = findBinary();
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            config = dir.resolve("mosquitto.conf");
            Files.writeString(config, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
            start();
        }

        String url() {
            return "tcp://127.0.0.1:" + port;
        }

        void start() {
            try {
                process = new ProcessBuilder(binary.toString(), "-c", config.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(config.resolveSibling("mosquitto.log").toFile())
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            await("mosquitto listening on port " + port).atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(50)).ignoreExceptions().until(this::accepts);
        }

        private boolean accepts() throws IOException {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            }
        }

        /** SIGKILL: the broker vanishes mid-conversation, as in a crash or power cut. */
        void kill() {
            if (process != null) {
                process.destroyForcibly();
                try {
                    process.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private static Path findBinary() {
            for (Path candidate : MOSQUITTO_BINARIES) {
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
            String problem = "no mosquitto binary in /usr/sbin or /usr/bin";
            if (RequiredServices.servicesRequired()) {
                Assertions.fail(problem + " (SSC_REQUIRE_SERVICES=1)");
            }
            Assumptions.abort(problem + ": broker-restart scenario skipped");
            throw new IllegalStateException(problem);
        }
    }
}
