package kr.smartsenior.edge.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kr.smartsenior.protocol.Ack;
import kr.smartsenior.protocol.Channel;
import kr.smartsenior.protocol.Decoded;
import kr.smartsenior.protocol.DeviceStatus;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.ReceivedBatch;
import kr.smartsenior.protocol.Topics;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A tiny stand-in for the server: a raw Paho client that reads every kiosk's batches, remembers each
 * delivery, and (while acking) answers with an ack naming every record. Also keeps the last status.
 */
public final class FakeServer implements AutoCloseable, MqttCallback {

    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final long WAIT_MS = 5_000;

    private final ProtocolCodec codec = new ProtocolCodec();
    private final MqttAsyncClient client;
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final Map<UUID, List<Instant>> deliveries = new ConcurrentHashMap<>();
    private final Map<String, DeviceStatus> statuses = new ConcurrentHashMap<>();
    private final Map<String, List<String>> stateHistory = new ConcurrentHashMap<>();
    private final AtomicInteger batches = new AtomicInteger();
    private volatile boolean acking;

    private FakeServer(String url, boolean acking) throws MqttException {
        this.acking = acking;
        this.client = new MqttAsyncClient(url, "fake-server-" + INSTANCES.incrementAndGet(), new MemoryPersistence());
        client.setCallback(this);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setMaxInflight(64);
        client.connect(options).waitForCompletion(WAIT_MS);
        client.subscribe(new String[] {Topics.everyDevice(Channel.MEASUREMENTS), Topics.everyDevice(Channel.STATUS)},
                new int[] {Channel.QOS, Channel.QOS}).waitForCompletion(WAIT_MS);
    }

    /** A server that acks every batch. */
    public static FakeServer acking(String url) throws MqttException {
        return new FakeServer(url, true);
    }

    /** A server that reads batches and never answers. */
    public static FakeServer silent(String url) throws MqttException {
        return new FakeServer(url, false);
    }

    public void setAcking(boolean acking) {
        this.acking = acking;
    }

    /** Every record id seen, with the time of each delivery. */
    public Map<UUID, List<Instant>> deliveries() {
        return deliveries;
    }

    public Set<UUID> receivedIds() {
        return deliveries.keySet();
    }

    public int batches() {
        return batches.get();
    }

    /** The last status seen for a device, or null. */
    public DeviceStatus status(String siteId, String deviceId) {
        return statuses.get(Topics.of(siteId, deviceId, Channel.STATUS));
    }

    /** Every status state seen for a device, oldest first. */
    public List<String> stateHistory(String siteId, String deviceId) {
        return stateHistory.getOrDefault(Topics.of(siteId, deviceId, Channel.STATUS), List.of());
    }

    /** Publishes raw bytes, for garbage the kiosk must survive. */
    public void publish(String topic, String payload) throws MqttException {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), Channel.QOS, false).waitForCompletion(WAIT_MS);
    }

    /** Publishes a retained message (a configuration, say); an empty payload clears the topic. */
    public void publishRetained(String topic, String payload) throws MqttException {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), Channel.QOS, true).waitForCompletion(WAIT_MS);
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        byte[] payload = message.getPayload();
        worker.execute(() -> handle(topic, payload)); // never block Paho's callback thread
    }

    private void handle(String topic, byte[] payload) {
        Topics.Address address = Topics.parse(topic).orElseThrow();
        if (address.channel() == Channel.STATUS) {
            if (codec.decodeStatus(payload) instanceof Decoded.Ok<DeviceStatus>(DeviceStatus status)) {
                statuses.put(topic, status);
                stateHistory.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(status.state());
            }
            return;
        }
        Decoded<ReceivedBatch> decoded = codec.decodeBatch(payload, Instant.now());
        if (!(decoded instanceof Decoded.Ok<ReceivedBatch>(ReceivedBatch batch))) {
            throw new AssertionError("the kiosk sent a malformed batch: " + decoded);
        }
        batches.incrementAndGet();
        Instant now = Instant.now();
        for (MeasurementRecord record : batch.valid()) {
            deliveries.computeIfAbsent(record.id(), id -> new CopyOnWriteArrayList<>()).add(now);
        }
        if (acking) {
            Ack ack = new Ack(batch.batchId(), batch.valid().stream().map(MeasurementRecord::id).toList(), batch.rejected());
            try {
                client.publish(Topics.of(address.siteId(), address.deviceId(), Channel.ACKS), codec.encode(ack), Channel.QOS,
                        false);
            } catch (MqttException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void connectionLost(Throwable cause) {
        // tests that restart the broker make a new FakeServer
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
    }

    @Override
    public void close() throws MqttException {
        worker.shutdownNow();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(WAIT_MS);
            }
        } finally {
            client.close(true);
        }
    }
}
