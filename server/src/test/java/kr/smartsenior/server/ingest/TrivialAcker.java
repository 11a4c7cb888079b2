package kr.smartsenior.server.ingest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import kr.smartsenior.protocol.Channel;
import kr.smartsenior.protocol.Topics;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The broker's own rate, for comparison: a subscriber that acks every batch at once, without
 * decoding, checking or storing anything (it finds the batch id in the bytes and acks with no
 * record named). Like the server it receives on one connection and publishes on another
 * (decision 0033). It subscribes only to the benchmark's own sites, so other runs on the same broker
 * never get its acks.
 */
final class TrivialAcker implements AutoCloseable {

    private static final byte[] BATCH_ID = "\"batchId\":\"".getBytes(StandardCharsets.US_ASCII);

    private final MqttAsyncClient in;
    private final MqttAsyncClient out;
    final LongAdder acked = new LongAdder();
    final LongAdder refused = new LongAdder();

    TrivialAcker(String brokerUri, int run, List<String> siteIds) throws MqttException {
        in = new MqttAsyncClient(brokerUri, "bench-acker-" + Integer.toHexString(run), new MemoryPersistence());
        out = new MqttAsyncClient(brokerUri, "bench-acker-" + Integer.toHexString(run) + "-out", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setMaxInflight(65_000);
        out.connect(options).waitForCompletion(30_000);
        in.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                System.err.println("trivial acker lost its connection: " + cause);
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                ack(topic, message.getPayload());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        });
        in.connect(options).waitForCompletion(30_000);
        String[] filters = siteIds.stream().map(site -> Topics.PREFIX + site + "/+/" + Channel.MEASUREMENTS.segment()).toArray(String[]::new);
        int[] qos = new int[filters.length];
        java.util.Arrays.fill(qos, Channel.QOS);
        in.subscribe(filters, qos).waitForCompletion(30_000);
    }

    private void ack(String topic, byte[] payload) {
        String batchId = batchId(payload);
        if (batchId == null) {
            return;
        }
        String ackTopic = topic.substring(0, topic.lastIndexOf('/') + 1) + Channel.ACKS.segment();
        byte[] ack = ("{\"batchId\":\"" + batchId + "\",\"accepted\":[],\"rejected\":[]}").getBytes(StandardCharsets.US_ASCII);
        try {
            out.publish(ackTopic, ack, Channel.QOS, false);
            acked.increment();
        } catch (MqttException e) {
            refused.increment(); // the kiosk re-sends it
        }
    }

    private static String batchId(byte[] payload) {
        outer:
        for (int i = 0; i + BATCH_ID.length < payload.length; i++) {
            for (int j = 0; j < BATCH_ID.length; j++) {
                if (payload[i + j] != BATCH_ID[j]) {
                    continue outer;
                }
            }
            int start = i + BATCH_ID.length;
            int end = start;
            while (end < payload.length && payload[end] != '"') {
                end++;
            }
            return new String(payload, start, end - start, StandardCharsets.US_ASCII);
        }
        return null;
    }

    @Override
    public void close() {
        for (MqttAsyncClient client : List.of(in, out)) {
            try {
                client.disconnectForcibly(0, 100, false);
                client.close(true);
            } catch (MqttException e) {
                // closing anyway
            }
        }
    }
}
