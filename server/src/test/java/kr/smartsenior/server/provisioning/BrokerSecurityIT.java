package kr.smartsenior.server.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import kr.smartsenior.edge.Kiosk;
import kr.smartsenior.edge.KioskSettings;
import kr.smartsenior.protocol.Channel;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.Topics;
import kr.smartsenior.server.testsupport.ServerApi;
import kr.smartsenior.server.testsupport.TestDatabase;
import kr.smartsenior.server.testsupport.TestServer;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The broker's access files, written by the server, enforced by a real Mosquitto the test starts:
 * each device only on its own topics, a revoked device locked out, the server's account limited to
 * what the server does.
 */
@Timeout(120)
class BrokerSecurityIT {

    private static final String SERVER_USER = "ssc-server";
    private static final String SERVER_PASSWORD = "server-" + UUID.randomUUID();
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static Path dir;
    private static PrivateMosquitto broker;
    private static TestServer server;
    private static ServerApi api;
    private static Map<String, String> passwords = new LinkedHashMap<>();
    private static final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("ssc-broker-");
        broker = PrivateMosquitto.start(dir, SERVER_USER, SERVER_PASSWORD);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("SSC_DATA_DIR", dir.resolve("data").toString());
        settings.put("SSC_DB_URL", "");
        settings.put("SSC_MQTT_URL", broker.url());
        settings.put("SSC_MQTT_USER", SERVER_USER);
        settings.put("SSC_MQTT_PASSWORD", SERVER_PASSWORD);
        settings.put("SSC_MQTT_SHARED_GROUP", "sec-it");
        settings.put("SSC_BROKER_AUTH_DIR", dir.toString());
        settings.put("SSC_BROKER_PID_FILE", broker.pidFile().toString());
        settings.put("SSC_DEVICE_MQTT_URL", broker.deviceUrl());
        server = TestServer.start(settings, List.of());
        api = server.api();
        await().atMost(WAIT).until(() -> api.anonymous().get("/actuator/health").status() == 200);
        api.createSite("sec-01", "보안 경로당");
        api.createSite("sec-02", "다른 경로당");
        for (String[] device : new String[][] {{"sec-01", "dev-a"}, {"sec-01", "dev-b"}, {"sec-02", "dev-c"}, {"sec-01", "dev-k"}}) {
            ServerApi.Response made = api.post("/api/sites/" + device[0] + "/devices", Map.of("deviceId", device[1]));
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            assertThat(made.json().get("mqttUsername").asText()).isEqualTo(device[1]);
            passwords.put(device[1], made.json().get("mqttPassword").asText());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closeable : open.reversed()) {
            try {
                closeable.close();
            } catch (Exception e) {
                // keep closing the rest
            }
        }
        if (server != null) {
            server.close();
        }
        if (broker != null) {
            broker.close();
        }
        TestDatabase.deleteTree(dir);
    }

    @Test
    void onlyHashesAreKeptAndTheFilesNameEachDevicesOwnTopics() throws Exception {
        String passwordsFile = Files.readString(dir.resolve(BrokerAccess.PASSWORD_FILE));
        assertThat(passwordsFile).contains("dev-a:$7$101$", SERVER_USER + ":$7$101$").doesNotContain(passwords.get("dev-a"));
        assertThat(server.jdbc().sql("SELECT password_hash FROM device WHERE id = 'dev-a'").query(String.class).single())
                .startsWith("$7$").doesNotContain(passwords.get("dev-a"));
        assertThat(Files.readString(dir.resolve(BrokerAccess.ACL_FILE)))
                .contains("user dev-a\ntopic write ssc/v1/sec-01/dev-a/measurements\n");
        assertThatThrownBy(() -> Peer.connect(broker.url(), null, null)).as("anonymous").isInstanceOf(MqttException.class);
        assertThatThrownBy(() -> Peer.connect(broker.deviceUrl(), null, null)).as("anonymous, kiosks' listener")
                .isInstanceOf(MqttException.class);
        assertThatThrownBy(() -> Peer.connect(broker.deviceUrl(), "dev-a", "wrong")).isInstanceOf(MqttException.class);
    }

    @Test
    void aKioskWithItsOwnAccountSyncsAndTakesItsConfiguration() throws Exception {
        String member = api.createMember("sec-01", "김순자", 1944, "F");
        KioskSettings settings = KioskSettings.of("sec-01", "dev-k", broker.deviceUrl(), dir.resolve("kiosk-k"))
                .withBackoff(Duration.ofMillis(200), Duration.ofSeconds(1))
                .withCredentials("dev-k", passwords.get("dev-k"));
        Kiosk kiosk = keep(Kiosk.start(settings));
        kiosk.record(MeasurementRecord.of(member, MeasurementCode.GRIP_STRENGTH, new java.math.BigDecimal("21.5"),
                java.time.OffsetDateTime.now(), Map.of()));
        await().atMost(WAIT).until(() -> kiosk.outboxSize() == 0);

        ServerApi.Response changed = api.put("/api/devices/dev-k/config", Map.of("settings", Map.of("volume", 60)));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        long version = changed.json().get("version").asLong();
        await().atMost(WAIT).until(() -> kiosk.config().map(c -> c.version() == version).orElse(false));
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode device = fleetDevice("dev-k");
            assertThat(device.get("state").asText()).isEqualTo("online");
            assertThat(device.at("/status/configVersion").asLong()).isEqualTo(version);
            assertThat(device.get("problems")).isEmpty();
        });
    }

    @Test
    void aDevicePublishingAsAnotherDeviceIsRefused() throws Exception {
        Peer observer = keep(Peer.connect(broker.url(), SERVER_USER, SERVER_PASSWORD));
        observer.subscribe(Topics.everyDevice(Channel.MEASUREMENTS));
        observer.subscribe(Topics.everyDevice(Channel.STATUS));
        Peer a = keep(Peer.connect(broker.deviceUrl(), "dev-a", passwords.get("dev-a")));

        a.publish(Topics.of("sec-01", "dev-b", Channel.MEASUREMENTS), "forged-measurements", false);
        a.publish(Topics.of("sec-01", "dev-b", Channel.STATUS), "forged-status", false);
        a.publish(Topics.of("sec-02", "dev-c", Channel.MEASUREMENTS), "forged-other-site", false);
        a.publish(Topics.of("sec-01", "dev-a", Channel.MEASUREMENTS), "marker-a", false);

        // the broker takes a refused publish (QoS 1 is acknowledged) but delivers it to nobody
        await().atMost(WAIT).until(() -> observer.received().contains("marker-a"));
        assertThat(observer.received()).doesNotContain("forged-measurements", "forged-status", "forged-other-site");
    }

    @Test
    void theReservedDeviceIdAllIsRefused() throws Exception {
        ServerApi.Response refused = api.post("/api/sites/sec-01/devices", Map.of("deviceId", "all"));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("deviceId").contains("reserved");
        assertThat(Files.readString(dir.resolve(BrokerAccess.ACL_FILE))).doesNotContain("user all\n");
    }

    @Test
    void aDeviceConnectingWithAnotherDevicesClientIdDoesNotPushItOff() throws Exception {
        Peer serverPeer = keep(Peer.connect(broker.url(), SERVER_USER, SERVER_PASSWORD));
        // the kiosk's own client id is predictable: ssc-{site}-{device}
        Peer a = keep(Peer.connect(broker.deviceUrl(), "dev-a", passwords.get("dev-a"), "ssc-sec-01-dev-a"));
        a.subscribe(Topics.of("sec-01", "dev-a", Channel.ACKS));
        Peer b = keep(Peer.connect(broker.deviceUrl(), "dev-b", passwords.get("dev-b"), "ssc-sec-01-dev-a"));
        b.subscribe(Topics.of("sec-01", "dev-b", Channel.ACKS));

        serverPeer.publish(Topics.of("sec-01", "dev-a", Channel.ACKS), "ack-for-a-after-b", false);
        serverPeer.publish(Topics.of("sec-01", "dev-b", Channel.ACKS), "ack-for-b-after-b", false);

        await().atMost(WAIT).until(() -> a.received().contains("ack-for-a-after-b")
                && b.received().contains("ack-for-b-after-b"));
        assertThat(a.lost()).as("device A's connection was never taken over").isFalse();
        assertThat(a.isConnected()).isTrue();
    }

    @Test
    void aDeviceReadsOnlyItsOwnTopicsAndItsSitesRosters() throws Exception {
        Peer serverPeer = keep(Peer.connect(broker.url(), SERVER_USER, SERVER_PASSWORD));
        Peer a = keep(Peer.connect(broker.deviceUrl(), "dev-a", passwords.get("dev-a")));
        Peer b = keep(Peer.connect(broker.deviceUrl(), "dev-b", passwords.get("dev-b")));
        // Mosquitto grants any subscription and applies the read rules to each message it would deliver
        a.subscribe(Topics.of("sec-01", "dev-b", Channel.ACKS));
        a.subscribe(Topics.of("sec-01", "dev-b", Channel.CONFIG));
        a.subscribe("ssc/v1/#");
        a.subscribe("ssc/v1/sec-01/+/roster");
        b.subscribe(Topics.of("sec-01", "dev-b", Channel.ACKS));
        b.subscribe(Topics.of("sec-01", "dev-b", Channel.CONFIG));

        serverPeer.publish(Topics.of("sec-01", "dev-b", Channel.ACKS), "ack-for-b", false);
        serverPeer.publish(Topics.of("sec-01", "dev-b", Channel.CONFIG), "config-for-b", false);
        serverPeer.publish(Topics.of("sec-01", "dev-b", Channel.ROSTER), "roster-of-site-1", false);
        serverPeer.publish(Topics.of("sec-02", "dev-c", Channel.ROSTER), "roster-of-site-2", false);
        serverPeer.publish(Topics.of("sec-01", "dev-a", Channel.ACKS), "ack-for-a", false);

        await().atMost(WAIT).until(() -> b.received().containsAll(List.of("ack-for-b", "config-for-b"))
                && a.received().contains("ack-for-a"));
        assertThat(a.received()).as("its own acks and its site's roster").contains("ack-for-a", "roster-of-site-1")
                .doesNotContain("ack-for-b", "config-for-b", "roster-of-site-2");
    }

    /** Decision 0040: a device reads only its own update command, and only the server may command; reports are the device's own. */
    @Test
    void updateCommandsReachOnlyTheirDeviceAndOnlyTheServerGivesThem() throws Exception {
        Peer serverPeer = keep(Peer.connect(broker.url(), SERVER_USER, SERVER_PASSWORD));
        Peer a = keep(Peer.connect(broker.deviceUrl(), "dev-a", passwords.get("dev-a")));
        Peer b = keep(Peer.connect(broker.deviceUrl(), "dev-b", passwords.get("dev-b")));
        a.subscribe(Topics.of("sec-01", "dev-b", Channel.UPDATE));
        a.subscribe(Topics.of("sec-01", "dev-a", Channel.UPDATE));
        b.subscribe(Topics.of("sec-01", "dev-b", Channel.UPDATE));
        serverPeer.subscribe(Topics.everyDevice(Channel.UPDATE_STATUS));

        a.publish(Topics.of("sec-01", "dev-b", Channel.UPDATE), "forged-command-from-a", false);
        a.publish(Topics.of("sec-01", "dev-b", Channel.UPDATE_STATUS), "forged-report-for-b", false);
        b.publish(Topics.of("sec-01", "dev-b", Channel.UPDATE_STATUS), "report-of-b", false);
        serverPeer.publish(Topics.of("sec-01", "dev-b", Channel.UPDATE), "command-for-b", false);
        serverPeer.publish(Topics.of("sec-01", "dev-a", Channel.UPDATE), "command-for-a", false);

        await().atMost(WAIT).until(() -> b.received().contains("command-for-b") && a.received().contains("command-for-a")
                && serverPeer.received().contains("report-of-b"));
        assertThat(b.received()).doesNotContain("forged-command-from-a");
        assertThat(a.received()).doesNotContain("command-for-b");
        assertThat(serverPeer.received()).doesNotContain("forged-report-for-b");
    }

    @Test
    void theServersAccountCanDoWhatTheServerNeedsAndNoMore() throws Exception {
        Peer serverPeer = keep(Peer.connect(broker.url(), SERVER_USER, SERVER_PASSWORD));
        Peer b = keep(Peer.connect(broker.deviceUrl(), "dev-b", passwords.get("dev-b")));
        b.subscribe(Topics.of("sec-01", "dev-b", Channel.ACKS));
        b.subscribe(Topics.of("sec-01", "dev-b", Channel.CONFIG));
        b.subscribe(Topics.of("sec-01", "dev-b", Channel.ROSTER));
        serverPeer.subscribe("#");
        Peer observer = keep(Peer.connect(broker.url(), SERVER_USER, SERVER_PASSWORD));
        observer.subscribe(Topics.everyDevice(Channel.MEASUREMENTS)); // the server itself uses a shared subscription
        observer.subscribe(Topics.everyDevice(Channel.STATUS));

        serverPeer.publish(Topics.of("sec-01", "dev-b", Channel.ACKS), "ack-for-b", false);
        serverPeer.publish(Topics.of("sec-01", "dev-b", Channel.CONFIG), "config-for-b", false);
        serverPeer.publish(Topics.of("sec-01", "dev-b", Channel.ROSTER), "roster-for-b", false);
        serverPeer.publish(Topics.of("sec-01", "dev-b", Channel.MEASUREMENTS), "server-forged-measurements", false);
        serverPeer.publish(Topics.of("sec-01", "dev-b", Channel.STATUS), "server-forged-status", false);
        serverPeer.publish("elsewhere/topic", "outside-ssc", false);
        b.publish(Topics.of("sec-01", "dev-b", Channel.MEASUREMENTS), "marker-b", false);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(b.received()).contains("ack-for-b", "config-for-b", "roster-for-b");
            assertThat(observer.received()).as("observer").contains("marker-b");
            assertThat(serverPeer.received()).as("serverPeer #").contains("marker-b");
        });
        assertThat(observer.received()).as("it cannot forge a kiosk's results or status")
                .doesNotContain("server-forged-measurements", "server-forged-status");
        assertThat(serverPeer.received()).as("it reads only measurements and status")
                .doesNotContain("ack-for-b", "config-for-b", "roster-for-b", "outside-ssc");
    }

    @Test
    void aRevokedDeviceCanNoLongerConnect() throws Exception {
        Peer connected = keep(Peer.connect(broker.deviceUrl(), "dev-c", passwords.get("dev-c")));
        Peer observer = keep(Peer.connect(broker.url(), SERVER_USER, SERVER_PASSWORD));
        observer.subscribe(Topics.everyDevice(Channel.MEASUREMENTS));
        Peer a = keep(Peer.connect(broker.deviceUrl(), "dev-a", passwords.get("dev-a")));

        ServerApi.Response revoked = api.post("/api/devices/dev-c/revoke", "");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("revokedAt").isNull()).isFalse();

        // Mosquitto reloads on SIGHUP in its main loop: wait for the new files to take effect
        await().atMost(WAIT).untilAsserted(() -> assertThatThrownBy(
                () -> Peer.connect(broker.deviceUrl(), "dev-c", passwords.get("dev-c")).close()).isInstanceOf(MqttException.class));
        assertThat(Files.readString(dir.resolve(BrokerAccess.ACL_FILE))).doesNotContain("dev-c");
        // a connection made before the revocation: whatever it still sends is delivered to nobody
        if (connected.isConnected()) {
            connected.publish(Topics.of("sec-02", "dev-c", Channel.MEASUREMENTS), "from-revoked", false);
        }
        a.publish(Topics.of("sec-01", "dev-a", Channel.MEASUREMENTS), "marker-after-revoke", false);
        await().atMost(WAIT).until(() -> observer.received().contains("marker-after-revoke"));
        assertThat(observer.received()).doesNotContain("from-revoked");
        assertThat(api.post("/api/devices/dev-c/revoke", "").status()).as("again: unchanged").isEqualTo(200);
        assertThat(api.post("/api/devices/dev-c/credentials", "").status()).as("no new password for it").isEqualTo(409);
    }

    @Test
    void renewedCredentialsReplaceTheOldPassword() throws Exception {
        ServerApi.Response made = api.post("/api/sites/sec-02/devices", "");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String id = made.json().get("deviceId").asText();
        String first = made.json().get("mqttPassword").asText();
        assertThat(id).matches("kiosk-[a-z2-9]{6}");
        assertThat(made.json().at("/bundle/mqtt/password").asText()).isEqualTo(first);
        assertThat(made.json().at("/bundle/mqtt/url").asText()).isEqualTo(broker.deviceUrl());
        Peer.connect(broker.deviceUrl(), id, first).close();

        ServerApi.Response renewed = api.post("/api/devices/" + id + "/credentials", "");
        assertThat(renewed.status()).as(renewed.body()).isEqualTo(200);
        String second = renewed.json().get("mqttPassword").asText();
        await().atMost(WAIT).untilAsserted(() -> assertThatThrownBy(() -> Peer.connect(broker.deviceUrl(), id, first).close())
                .isInstanceOf(MqttException.class));
        Peer.connect(broker.deviceUrl(), id, second).close();
    }

    private static JsonNode fleetDevice(String deviceId) {
        JsonNode fleet = api.get("/api/fleet").json();
        for (JsonNode wave : fleet.get("waves")) {
            for (JsonNode site : wave.get("sites")) {
                for (JsonNode device : site.get("devices")) {
                    if (device.get("deviceId").asText().equals(deviceId)) {
                        return device;
                    }
                }
            }
        }
        throw new AssertionError("no " + deviceId + " in " + fleet);
    }

    private static <T extends AutoCloseable> T keep(T closeable) {
        open.add(closeable);
        return closeable;
    }

    /** A raw MQTT client with an account, collecting what it receives as text. */
    static final class Peer implements AutoCloseable {
        private final MqttAsyncClient client;
        private final List<String> received = new CopyOnWriteArrayList<>();
        private volatile boolean lost;

        private Peer(MqttAsyncClient client) {
            this.client = client;
        }

        static Peer connect(String url, String user, String password) throws MqttException {
            return connect(url, user, password, "peer-" + UUID.randomUUID().toString().substring(0, 8));
        }

        static Peer connect(String url, String user, String password, String clientId) throws MqttException {
            MqttAsyncClient client = new MqttAsyncClient(url, clientId, new MemoryPersistence());
            Peer peer = new Peer(client);
            client.setCallback(new org.eclipse.paho.client.mqttv3.MqttCallback() {
                @Override
                public void connectionLost(Throwable cause) {
                    peer.lost = true;
                }

                @Override
                public void messageArrived(String topic, org.eclipse.paho.client.mqttv3.MqttMessage message) {
                    // subscriptions have listeners of their own
                }

                @Override
                public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {
                    // publishes wait on their tokens
                }
            });
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(true);
            options.setConnectionTimeout(5);
            if (user != null) {
                options.setUserName(user);
                options.setPassword(password.toCharArray());
            }
            try {
                client.connect(options).waitForCompletion(10_000);
            } catch (MqttException e) {
                client.close(true);
                throw e;
            }
            return peer;
        }

        /** Whether the broker closed this connection since it was made. */
        boolean lost() {
            return lost;
        }

        /** Subscribes and returns the granted QoS (0x80: refused). */
        int subscribe(String filter) throws MqttException {
            var token = client.subscribe(filter, Channel.QOS,
                    (topic, message) -> received.add(new String(message.getPayload(), StandardCharsets.UTF_8)));
            token.waitForCompletion(10_000);
            return token.getGrantedQos()[0];
        }

        void publish(String topic, String payload, boolean retained) throws MqttException {
            client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), Channel.QOS, retained).waitForCompletion(10_000);
        }

        boolean isConnected() {
            return client.isConnected();
        }

        List<String> received() {
            return received;
        }

        @Override
        public void close() throws MqttException {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(5_000);
            }
            client.close(true);
        }
    }
}
