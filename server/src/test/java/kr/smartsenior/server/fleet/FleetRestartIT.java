package kr.smartsenior.server.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import kr.smartsenior.protocol.Channel;
import kr.smartsenior.protocol.DeviceStatus;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.Topics;
import kr.smartsenior.server.testsupport.MqttTestClient;
import kr.smartsenior.server.testsupport.RequiredServices;
import kr.smartsenior.server.testsupport.TestDatabase;
import kr.smartsenior.server.testsupport.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * "Since when" survives a restart of the server, on SQLite and on PostgreSQL: a kiosk offline, a
 * failing sensor and a backlog that keeps growing keep the times they were first seen after the
 * server is stopped and started again (with a new, empty broker, to which the kiosks report again).
 */
@Timeout(180)
class FleetRestartIT {

    private final ProtocolCodec codec = new ProtocolCodec();

    @Test
    void sinceWhenSurvivesARestartOnSqlite() throws Exception {
        Path dir = Files.createTempDirectory("ssc-fleet-restart-");
        try {
            restartKeepsSinceWhen(settings(dir, ""));
        } finally {
            TestDatabase.deleteTree(dir);
        }
    }

    @Test
    void sinceWhenSurvivesARestartOnPostgres() throws Exception {
        Path dir = Files.createTempDirectory("ssc-fleet-restart-");
        try (RequiredServices.PostgresSchema schema = RequiredServices.freshPostgresSchema()) {
            restartKeepsSinceWhen(settings(dir, schema.jdbcUrl()));
        } finally {
            TestDatabase.deleteTree(dir);
        }
    }

    private void restartKeepsSinceWhen(Map<String, String> settings) {
        Map<String, String> before;
        try (TestServer server = TestServer.start(settings, List.of())) {
            server.api().post("/api/sites", Map.of("id", "rest-01", "name", "쉼터 경로당", "wave", 1));
            for (String device : List.of("rest-k1", "rest-k2")) {
                assertThat(server.api().post("/api/sites/rest-01/devices", Map.of("deviceId", device)).status()).isEqualTo(201);
            }
            try (MqttTestClient kiosks = new MqttTestClient(server.mqttUri(), "rest-01", "rest-k1")) {
                report(kiosks, "rest-k1", new DeviceStatus(DeviceStatus.OFFLINE, "1.4.0", 0, Map.of(), now()));
                for (long outbox : new long[] {0, 3, 9}) {
                    report(kiosks, "rest-k2", online(outbox));
                }
                before = awaitProblems(server, problems -> problems.size() == 3);
            }
        }
        assertThat(before).containsOnlyKeys("rest-k1/offline", "rest-k2/sensor", "rest-k2/backlog-growing");

        try (TestServer server = TestServer.start(settings, List.of());
                MqttTestClient kiosks = new MqttTestClient(server.mqttUri(), "rest-01", "rest-k1")) {
            report(kiosks, "rest-k1", new DeviceStatus(DeviceStatus.OFFLINE, "1.4.0", 0, Map.of(), now()));
            report(kiosks, "rest-k2", online(12));
            Map<String, String> after = awaitProblems(server, problems -> problems.size() == 3
                    && server.api().get("/api/fleet").body().contains("0건에서 12건으로"));
            assertThat(after).as("the same problems, first seen before the restart").isEqualTo(before);
        }
    }

    private static DeviceStatus online(long outbox) {
        OffsetDateTime at = now();
        return new DeviceStatus(DeviceStatus.ONLINE, "1.4.0", outbox, Map.of("distance", "not responding", "mat", "ok"), at,
                at, 8L << 30, 50.0, null, null);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private void report(MqttTestClient kiosks, String deviceId, DeviceStatus status) {
        kiosks.publish(Topics.of("rest-01", deviceId, Channel.STATUS), codec.encode(status), true);
    }

    /** Waits until the fleet's problems (device/code to since) satisfy the condition. */
    private static Map<String, String> awaitProblems(TestServer server, Predicate<Map<String, String>> condition) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> problems(server.api().get("/api/fleet").json()), condition);
    }

    private static Map<String, String> problems(JsonNode fleet) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (JsonNode wave : fleet.path("waves")) {
            for (JsonNode site : wave.path("sites")) {
                for (JsonNode device : site.path("devices")) {
                    for (JsonNode problem : device.path("problems")) {
                        problems.put(device.path("deviceId").asText() + "/" + problem.path("code").asText(),
                                problem.path("since").asText());
                    }
                }
            }
        }
        return problems;
    }

    private static Map<String, String> settings(Path dir, String dbUrl) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("SSC_DATA_DIR", dir.toString());
        settings.put("SSC_MQTT_URL", "");
        settings.put("SSC_MQTT_PORT", "0");
        settings.put("SSC_DB_URL", dbUrl);
        settings.put("SSC_FLEET_BACKLOG_GROWTH", "5");
        // the site has no opening hours (open around the clock): offline is an alert after the grace
        settings.put("SSC_FLEET_OFFLINE_GRACE", "1s");
        return settings;
    }
}
