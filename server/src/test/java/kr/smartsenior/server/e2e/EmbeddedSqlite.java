package kr.smartsenior.server.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.smartsenior.server.mqtt.EmbeddedBroker;
import kr.smartsenior.server.testsupport.TestDatabase;
import kr.smartsenior.server.testsupport.TestServer;

/**
 * The zero-install setup: the server's embedded broker on a fixed free port (so a restarted server
 * listens where the kiosks already look) and a SQLite file in a data folder of its own.
 */
final class EmbeddedSqlite implements Infrastructure {

    private static final Duration BROKER_DOWN = Duration.ofMillis(500);

    private final Path dataDir;
    private final int mqttPort;
    private TestServer current;

    EmbeddedSqlite() {
        try {
            dataDir = Files.createTempDirectory("ssc-e2e-");
            try (ServerSocket probe = new ServerSocket(0)) {
                mqttPort = probe.getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public TestServer startServer(Class<?>... sources) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("SSC_DATA_DIR", dataDir.toString());
        settings.put("SSC_MQTT_URL", "");
        settings.put("SSC_MQTT_PORT", Integer.toString(mqttPort));
        settings.put("SSC_DB_URL", "");
        current = TestServer.start(settings, List.of(), sources);
        return current;
    }

    @Override
    public String kioskBrokerUrl() {
        return "tcp://127.0.0.1:" + mqttPort;
    }

    @Override
    public void restartBroker() {
        EmbeddedBroker broker = current.bean(EmbeddedBroker.class);
        broker.stop();
        pause();
        broker.start();
    }

    @Override
    public List<String> storedIds(String siteId) {
        return Infrastructure.storedIds("jdbc:sqlite:" + dataDir.resolve("ssc-server.db"), siteId);
    }

    @Override
    public void close() {
        TestDatabase.deleteTree(dataDir);
    }

    /**
     * Keeps the broker down for a moment, as in a real restart: a deliberate outage, not a wait for
     * something to happen (that is Awaitility's job).
     */
    static void pause() {
        LockSupport.parkNanos(BROKER_DOWN.toNanos());
    }
}
