package kr.smartsenior.server.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import kr.smartsenior.protocol.Ack;
import kr.smartsenior.protocol.Channel;
import kr.smartsenior.protocol.Decoded;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.Topics;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A raw MQTT client playing one kiosk: publishes whatever bytes a test wants on the kiosk's
 * {@code measurements} topic and collects the acks sent to it.
 */
public final class MqttTestClient implements AutoCloseable {

    private final ProtocolCodec codec = new ProtocolCodec();
    private static final long WAIT_MS = 10_000;

    private final MqttAsyncClient client;
    private final String siteId;
    private final String deviceId;
    private final List<Ack> acks = new CopyOnWriteArrayList<>();
    private final List<byte[]> received = new CopyOnWriteArrayList<>();

    public MqttTestClient(String serverUri, String siteId, String deviceId) {
        this.siteId = siteId;
        this.deviceId = deviceId;
        try {
            client = new MqttAsyncClient(serverUri, "it-" + UUID.randomUUID().toString().substring(0, 8),
                    new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(true);
            options.setMaxInflight(1000);
            client.connect(options).waitForCompletion(WAIT_MS);
            client.subscribe(Topics.of(siteId, deviceId, Channel.ACKS), Channel.QOS, (topic, message) -> {
                if (codec.decodeAck(message.getPayload()) instanceof Decoded.Ok<Ack>(Ack ack)) {
                    acks.add(ack);
                }
            }).waitForCompletion(WAIT_MS);
        } catch (MqttException e) {
            throw new IllegalStateException("cannot connect to " + serverUri, e);
        }
    }

    /** Publishes at QoS 1 on this kiosk's measurements topic and waits for the broker's PUBACK. */
    public void publishMeasurements(byte[] payload) {
        publish(Topics.of(siteId, deviceId, Channel.MEASUREMENTS), payload, false);
    }

    public void publish(String topic, byte[] payload, boolean retained) {
        try {
            publishNoWait(topic, payload, retained).waitForCompletion(WAIT_MS);
        } catch (MqttException e) {
            throw new IllegalStateException("publish to " + topic + " failed", e);
        }
    }

    /** Publishes many without waiting for each PUBACK (at most 1000 in flight); wait on the tokens. */
    public IMqttDeliveryToken publishNoWait(String topic, byte[] payload, boolean retained) {
        try {
            return client.publish(topic, payload, Channel.QOS, retained);
        } catch (MqttException e) {
            throw new IllegalStateException("publish to " + topic + " failed", e);
        }
    }

    /** Publishes on this kiosk's measurements topic without waiting for the PUBACK. */
    public IMqttDeliveryToken publishMeasurementsNoWait(byte[] payload) {
        return publishNoWait(Topics.of(siteId, deviceId, Channel.MEASUREMENTS), payload, false);
    }

    /** Subscribes (QoS 1) to a topic or filter and keeps what arrives there, retained messages included. */
    public void subscribe(String filter) {
        try {
            client.subscribe(filter, Channel.QOS, (topic, message) -> received.add(message.getPayload()))
                    .waitForCompletion(WAIT_MS);
        } catch (MqttException e) {
            throw new IllegalStateException("cannot subscribe to " + filter, e);
        }
    }

    /** Everything received on {@link #subscribe subscribed} topics, oldest first. */
    public List<byte[]> received() {
        return List.copyOf(received);
    }

    /** Every ack received so far, oldest first. */
    public List<Ack> acks() {
        return List.copyOf(acks);
    }

    /** All acks received for a batch. */
    public List<Ack> acksFor(String batchId) {
        return acks.stream().filter(ack -> ack.batchId().equals(batchId)).toList();
    }

    /** Waits for the {@code n}-th ack of a batch (1 = the first) and returns it. */
    public Ack awaitAck(String batchId, int n, Duration timeout) {
        await().atMost(timeout).until(() -> acksFor(batchId).size() >= n);
        return acksFor(batchId).get(n - 1);
    }

    public Ack awaitAck(String batchId, Duration timeout) {
        return awaitAck(batchId, 1, timeout);
    }

    public Optional<Ack> latestFor(String batchId) {
        List<Ack> found = acksFor(batchId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getLast());
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(1000).waitForCompletion(WAIT_MS);
            }
            client.close(true);
        } catch (MqttException e) {
            // closing a test client: nothing to do
        }
    }
}
