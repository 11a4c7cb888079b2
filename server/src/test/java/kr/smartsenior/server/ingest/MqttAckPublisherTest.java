package kr.smartsenior.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import kr.smartsenior.protocol.Ack;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.server.mqtt.BrokerConnection;
import org.junit.jupiter.api.Test;

class MqttAckPublisherTest {

    /** A broker that confirms only when the test says so. */
    private static final class SilentBroker implements BrokerConnection {
        final List<String> topics = new CopyOnWriteArrayList<>();
        final List<CompletableFuture<Void>> pending = new CopyOnWriteArrayList<>();

        @Override
        public void subscribe(String filter, Listener listener) {
        }

        @Override
        public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
            topics.add(topic);
            CompletableFuture<Void> confirmation = new CompletableFuture<>();
            pending.add(confirmation);
            return confirmation;
        }

        @Override
        public boolean isConnected() {
            return true;
        }

        @Override
        public String serverUri() {
            return "tcp://test";
        }
    }

    private final SilentBroker broker = new SilentBroker();
    private final MqttAckPublisher acks = new MqttAckPublisher(broker, new ProtocolCodec(), new IngestSettings(null, 2, null));

    @Test
    void aConfirmedAckFreesItsPlaceInTheWindow() {
        acks.publish("s-1", "k-1", ack("b1"));
        acks.publish("s-1", "k-1", ack("b2"));
        broker.pending.getFirst().complete(null);

        acks.publish("s-1", "k-1", ack("b3"));

        assertThat(broker.topics).hasSize(3).allMatch(topic -> topic.equals("ssc/v1/s-1/k-1/acks"));
    }

    @Test
    void aBrokerThatConfirmsNothingGetsNoMoreAcksUntilItConfirmsOneAgain() {
        acks.publish("s-1", "k-1", ack("b1"));
        acks.publish("s-1", "k-1", ack("b2"));

        assertThatThrownBy(() -> acks.publish("s-1", "k-1", ack("b3"))).hasMessageContaining("has not confirmed 2 acks");
        assertThatThrownBy(() -> acks.publish("s-1", "k-1", ack("b4"))).hasMessageContaining("has not confirmed");
        assertThat(broker.topics).hasSize(2);

        broker.pending.getFirst().complete(null);
        acks.publish("s-1", "k-1", ack("b5"));
        assertThat(broker.topics).hasSize(3);
    }

    @Test
    void aFailedPublishFreesItsPlaceToo() {
        acks.publish("s-1", "k-1", ack("b1"));
        acks.publish("s-1", "k-1", ack("b2"));
        broker.pending.get(1).completeExceptionally(new IllegalStateException("connection lost"));

        acks.publish("s-1", "k-1", ack("b3"));

        assertThat(broker.topics).hasSize(3);
    }

    private static Ack ack(String batchId) {
        return new Ack(batchId, List.of(UUID.randomUUID()), List.of());
    }
}
