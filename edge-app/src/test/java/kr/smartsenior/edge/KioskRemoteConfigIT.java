package kr.smartsenior.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.smartsenior.edge.testing.EmbeddedBroker;
import kr.smartsenior.edge.testing.FakeServer;
import kr.smartsenior.edge.testing.Records;
import kr.smartsenior.protocol.Channel;
import kr.smartsenior.protocol.DeviceStatus;
import kr.smartsenior.protocol.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Remote configuration through a real broker: applied and confirmed, refused with a reason, kept across restarts. */
@Timeout(60)
class KioskRemoteConfigIT {

    private static final String SITE = "cfg-01";
    private static final String DEVICE = "kiosk-03";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;

    private EmbeddedBroker broker;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void startBroker() {
        broker = EmbeddedBroker.onFreePort().start();
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (AutoCloseable closeable : open.reversed()) {
            closeable.close();
        }
        broker.stop();
    }

    private <T extends AutoCloseable> T keep(T closeable) {
        open.add(closeable);
        return closeable;
    }

    private KioskSettings settings(String url) {
        return KioskSettings.of(SITE, DEVICE, url, dataDir).withBackoff(Duration.ofMillis(200), Duration.ofSeconds(1));
    }

    @Test
    void theKioskAppliesConfirmsRefusesAndKeepsItsConfiguration() throws Exception {
        FakeServer server = keep(FakeServer.acking(broker.url()));
        String topic = Topics.of(SITE, DEVICE, Channel.CONFIG);
        server.publishRetained(topic, "{\"version\":1,\"settings\":{\"volume\":70}}");
        Kiosk kiosk = keep(Kiosk.start(settings(broker.url())));

        await().atMost(WAIT).until(() -> version(server) != null && version(server) == 1L);
        assertThat(kiosk.config().orElseThrow().settings()).containsEntry("volume", 70);

        server.publishRetained(topic, "{\"version\":2,\"settings\":{\"volume\":500}}");
        await().atMost(WAIT).until(() -> refusal(server) != null);
        assertThat(refusal(server)).isEqualTo(new DeviceStatus.ConfigRefusal(2, "volume: 500 outside 0..100"));
        assertThat(version(server)).as("the old configuration is kept").isEqualTo(1L);

        // paused uploads: results wait on the kiosk while it is online, and the status shows them growing
        server.publishRetained(topic, "{\"version\":3,\"settings\":{\"volume\":70,\"uploadsPaused\":true}}");
        await().atMost(WAIT).until(() -> Long.valueOf(3).equals(version(server)));
        assertThat(refusal(server)).as("a good configuration clears the refusal").isNull();
        for (int i = 0; i < 5; i++) {
            kiosk.record(Records.grip("M1", Integer.toString(20 + i)));
        }
        kiosk.reportSensors(Map.of("stepMat", "ok", "distance", "not responding"));
        await().atMost(WAIT).until(() -> server.status(SITE, DEVICE).sensors().containsKey("distance"));
        assertThat(server.status(SITE, DEVICE).outbox()).isEqualTo(5);
        assertThat(server.receivedIds()).isEmpty();

        server.publishRetained(topic, "{\"version\":4,\"settings\":{\"volume\":70,\"uploadsPaused\":false}}");
        await().atMost(WAIT).until(() -> kiosk.outboxSize() == 0);
        assertThat(server.receivedIds()).hasSize(5);
        kiosk.close();
        DeviceStatus last = server.status(SITE, DEVICE);
        assertThat(last.configVersion()).isEqualTo(4);
        assertThat(last.lastSyncAt()).as("the acks were recorded as the last sync").isNotNull();

        // a restart without any broker starts with the saved configuration
        try (Kiosk offline = Kiosk.start(settings("tcp://127.0.0.1:9"))) {
            assertThat(offline.config().orElseThrow().version()).isEqualTo(4);
        }
    }

    @Test
    void aChangeInTheDevicesSelfTestIsPublishedWithinSecondsNotAtTheNextPeriodicStatus() throws Exception {
        FakeServer server = keep(FakeServer.acking(broker.url()));
        java.util.concurrent.atomic.AtomicReference<Map<String, String>> devices =
                new java.util.concurrent.atomic.AtomicReference<>(Map.of("stepMat", "ok", "camera", "starting"));
        Kiosk kiosk = keep(Kiosk.start(settings(broker.url())));
        kiosk.reportSensors(devices::get);
        await().atMost(WAIT).until(() -> server.status(SITE, DEVICE) != null
                && "starting".equals(server.status(SITE, DEVICE).sensors().get("camera")));

        devices.set(Map.of("stepMat", "ok", "camera", "ok")); // the first frame arrived
        await().atMost(WAIT).until(() -> "ok".equals(server.status(SITE, DEVICE).sensors().get("camera")));
        devices.set(Map.of("stepMat", "ok", "camera", "no frame for 10 s (camera hung?)"));
        await().atMost(WAIT).until(() -> server.status(SITE, DEVICE).sensors().get("camera").startsWith("no frame"));
    }

    private static Long version(FakeServer server) {
        DeviceStatus status = server.status(SITE, DEVICE);
        return status == null ? null : status.configVersion();
    }

    private static DeviceStatus.ConfigRefusal refusal(FakeServer server) {
        DeviceStatus status = server.status(SITE, DEVICE);
        return status == null ? null : status.configRefused();
    }
}
