package kr.smartsenior.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import kr.smartsenior.server.testsupport.RequiredServices;
import kr.smartsenior.server.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A kiosk that is not our code: Mosquitto's own command-line clients, following only
 * {@code docs/protocol.md}, send a batch and get it acknowledged.
 */
class RawMqttClientIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;
    private static String host;
    private static int port;
    private static String memberId;

    @BeforeAll
    static void start() {
        requireClients();
        server = TestServer.embedded();
        URI broker = URI.create(server.mqttUri());
        host = broker.getHost();
        port = broker.getPort();
        server.api().createSite("raw-01", "명령줄 경로당");
        memberId = server.api().createMember("raw-01", "홍길순", 1945, "F");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Timeout(60)
    void aBatchSentWithMosquittoPubIsAcknowledgedOnceStoredAndAgainWhenResent() throws Exception {
        String recordId = UUID.randomUUID().toString();
        String batch = """
                {"batchId": "manual-1", "deviceId": "kiosk-99", "sentAt": "2026-11-21T10:15:02+09:00",
                 "records": [{"id": "%s", "memberId": "%s", "kind": "test", "code": "CHAIR_STAND_30S",
                              "value": 14, "unit": "count", "takenAt": "2026-11-21T10:14:31+09:00", "detail": {}}]}
                """.formatted(recordId, memberId);

        JsonNode ack = sendAndAwaitAck("kiosk-99", batch);
        assertThat(ack.get("batchId").asText()).isEqualTo("manual-1");
        assertThat(ack.get("accepted")).extracting(JsonNode::asText).containsExactly(recordId);
        assertThat(ack.get("rejected")).isEmpty();

        JsonNode again = sendAndAwaitAck("kiosk-99", batch);
        assertThat(again.get("accepted")).extracting(JsonNode::asText).containsExactly(recordId);
        JsonNode stored = server.api().get("/api/members/" + memberId + "/measurements").json();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).get("value").decimalValue()).isEqualByComparingTo("14");
    }

    @Test
    @Timeout(60)
    void anImpossibleValueIsRejectedWithAReasonAPersonCanRead() throws Exception {
        String recordId = UUID.randomUUID().toString();
        String batch = """
                {"batchId": "manual-2", "deviceId": "kiosk-98", "records": [{"id": "%s", "memberId": "%s",
                 "kind": "test", "code": "CHAIR_STAND_30S", "value": 240, "unit": "count",
                 "takenAt": "2026-11-21T10:14:31+09:00"}]}
                """.formatted(recordId, memberId);

        JsonNode ack = sendAndAwaitAck("kiosk-98", batch);
        assertThat(ack.get("accepted")).isEmpty();
        assertThat(ack.get("rejected").get(0).get("id").asText()).isEqualTo(recordId);
        assertThat(ack.get("rejected").get(0).get("reason").asText()).isEqualTo("CHAIR_STAND_30S value 240 outside 0..60");
    }

    /**
     * Subscribes with {@code mosquitto_sub -C 1} and publishes with {@code mosquitto_pub} until the ack
     * arrives: the subscription may not be in place for the first publish, and re-sending is what the
     * protocol says a kiosk does.
     */
    private static JsonNode sendAndAwaitAck(String deviceId, String batch) throws IOException, InterruptedException {
        String base = "ssc/v1/raw-01/" + deviceId + "/";
        Path out = Files.createTempFile("ssc-ack-", ".json");
        Process sub = new ProcessBuilder("mosquitto_sub", "-h", host, "-p", String.valueOf(port), "-V", "mqttv311",
                "-q", "1", "-t", base + "acks", "-C", "1", "-W", "30")
                .redirectOutput(out.toFile()).redirectErrorStream(false).start();
        try {
            for (int attempt = 0; attempt < 20 && sub.isAlive(); attempt++) {
                Process pub = new ProcessBuilder("mosquitto_pub", "-h", host, "-p", String.valueOf(port), "-V", "mqttv311",
                        "-q", "1", "-t", base + "measurements", "-m", batch).inheritIO().start();
                assertThat(pub.waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(pub.exitValue()).as("mosquitto_pub exit code").isZero();
                sub.waitFor(1, TimeUnit.SECONDS);
            }
            assertThat(sub.waitFor(30, TimeUnit.SECONDS)).as("mosquitto_sub received an ack").isTrue();
            return JSON.readTree(Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            sub.destroyForcibly();
            Files.deleteIfExists(out);
        }
    }

    private static void requireClients() {
        List<String> missing = new ArrayList<>();
        for (String client : List.of("mosquitto_pub", "mosquitto_sub")) {
            if (!onPath(client)) {
                missing.add(client);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        String problem = missing + " not installed (Debian package mosquitto-clients)";
        if (RequiredServices.servicesRequired()) {
            Assertions.fail(problem + " and SSC_REQUIRE_SERVICES=1");
        }
        Assumptions.abort(problem + ": test skipped");
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
