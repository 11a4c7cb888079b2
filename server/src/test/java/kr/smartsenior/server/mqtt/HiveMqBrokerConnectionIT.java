package kr.smartsenior.server.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClientState;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import kr.smartsenior.server.config.SscProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's broker connection against a real broker (the embedded Moquette) that is not there at
 * start-up, then comes, then restarts: the server connects by itself, subscribes again after every
 * connect, gets each message once, and refuses to publish while it has no link instead of queueing.
 */
class HiveMqBrokerConnectionIT {

    private static final String FILTER = "ssc/v1/+/+/measurements";
    private static final String TOPIC = "ssc/v1/s0001/k01/measurements";

    @TempDir
    Path dir;

    private final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
    private EmbeddedBroker broker;
    private HiveMqBrokerConnection connection;

    @AfterEach
    void stop() {
        if (connection != null) {
            connection.stop();
        }
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void connectsOnceTheBrokerIsUpAndSubscribesAgainAfterTheBrokerRestarts() throws Exception {
        int port = freePort();
        broker = new EmbeddedBroker("127.0.0.1", port, dir);
        connection = new HiveMqBrokerConnection("tcp://127.0.0.1:" + port, settings(), Clock.systemUTC());

        connection.start(); // no broker yet: returns after the first attempt, keeps trying by itself
        connection.subscribe(FILTER, (topic, payload, arrivedAt) ->
                received.add(topic + " " + new String(payload, StandardCharsets.UTF_8)));
        assertThat(connection.isConnected()).isFalse();
        CompletableFuture<Void> early = connection.publish(TOPIC, bytes("early"), 1, false);
        assertThat(early).as("no link: refused at once, not queued").isCompletedExceptionally();

        broker.start();
        await("connected after the broker came up").atMost(Duration.ofSeconds(30)).until(connection::isConnected);
        awaitDelivered("first");

        broker.stop();
        await("noticed the broker went away").atMost(Duration.ofSeconds(30)).until(() -> !connection.isConnected());
        broker.start();
        await("reconnected").atMost(Duration.ofSeconds(60)).until(connection::isConnected);
        awaitDelivered("second");
        connection.publish(TOPIC, bytes("once"), 1, false).get(5, TimeUnit.SECONDS);
        await("'once' delivered").atMost(Duration.ofSeconds(10)).until(() -> received.contains(TOPIC + " once"));
        // a doubled subscription would bring a second copy within moments: the count must stay 1 for a second
        await("each message once, the subscription not doubled").during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> received.stream().filter((TOPIC + " once")::equals).count() == 1);
    }

    @Test
    void onceStoppedItStopsTryingEvenIfTheBrokerComesLater() throws Exception {
        int port = freePort();
        broker = new EmbeddedBroker("127.0.0.1", port, dir);
        connection = new HiveMqBrokerConnection("tcp://127.0.0.1:" + port, settings(), Clock.systemUTC());
        connection.start();
        // the first attempt has failed; the client sets its state just after telling its listeners
        await("trying again").atMost(Duration.ofSeconds(10)).until(() -> connection.receivingState() == MqttClientState
                .DISCONNECTED_RECONNECT || connection.receivingState() == MqttClientState.CONNECTING_RECONNECT);
        connection.stop();
        broker.start();
        await("given up").atMost(Duration.ofSeconds(40)).pollDelay(Duration.ofSeconds(3))
                .until(() -> connection.receivingState() == MqttClientState.DISCONNECTED);
        assertThat(connection.isConnected()).isFalse();
    }

    @Test
    void waitsLongerAfterEachFailedAttemptUpToHalfAMinute() {
        assertThat(HiveMqBrokerConnection.reconnectDelayMs(0)).isBetween(1_000L, 1_200L);
        assertThat(HiveMqBrokerConnection.reconnectDelayMs(3)).isBetween(8_000L, 9_600L);
        assertThat(HiveMqBrokerConnection.reconnectDelayMs(40)).isBetween(30_000L, 36_000L);
    }

    @Test
    void refusesABrokerUrlItCannotUse() {
        assertThat(HiveMqBrokerConnection.parse("ssl://mqtt.example.go.kr:8883").getPort()).isEqualTo(8883);
        assertThat(HiveMqBrokerConnection.parse("tcp://127.0.0.1").getHost()).isEqualTo("127.0.0.1");
        for (String bad : new String[] {"http://127.0.0.1:1883", "127.0.0.1:1883", "tcp://", "tcp://[bad"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> HiveMqBrokerConnection.parse(bad))
                    .as(bad).isInstanceOf(IllegalStateException.class).hasMessageContaining("MQTT broker URL");
        }
    }

    /** Published on the server's publishing connection, received on its receiving one, through the broker. */
    private void awaitDelivered(String text) throws Exception {
        // a subscription made on (re)connect may land just after the link is up: publish until it arrives
        String expected = TOPIC + " " + text;
        await("'" + text + "' delivered").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    connection.publish(TOPIC, bytes(text), 1, false).get(5, TimeUnit.SECONDS);
                    return expected.equals(received.poll(400, TimeUnit.MILLISECONDS));
                });
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static SscProperties.Mqtt settings() {
        return new SscProperties.Mqtt("tcp://127.0.0.1:1", null, null, null, null, null);
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }
}
