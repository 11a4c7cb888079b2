package kr.smartsenior.server.ingest;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import kr.smartsenior.protocol.Ack;
import kr.smartsenior.protocol.Channel;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.Topics;
import kr.smartsenior.server.mqtt.BrokerConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Publishes acks on {@code ssc/v1/{site}/{device}/acks}, QoS 1, not retained. Does not wait for each
 * broker confirmation, but keeps at most {@value #MAX_UNCONFIRMED} unconfirmed, below Paho's in-flight limit.
 */
@Component
final class MqttAckPublisher implements AckPublisher {

    static final int MAX_UNCONFIRMED = 500;
    private static final Logger log = LoggerFactory.getLogger(MqttAckPublisher.class);

    private final BrokerConnection connection;
    private final ProtocolCodec codec;
    private final Semaphore unconfirmed = new Semaphore(MAX_UNCONFIRMED);

    MqttAckPublisher(BrokerConnection connection, ProtocolCodec codec) {
        this.connection = connection;
        this.codec = codec;
    }

    @Override
    public void publish(String siteId, String deviceId, Ack ack) {
        byte[] payload = codec.encode(ack);
        try {
            if (!unconfirmed.tryAcquire(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("MQTT broker has not confirmed " + MAX_UNCONFIRMED + " acks for 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to publish an ack", e);
        }
        CompletableFuture<Void> sent = connection.publish(Topics.of(siteId, deviceId, Channel.ACKS), payload,
                Channel.QOS, false);
        sent.whenComplete((ok, error) -> {
            unconfirmed.release();
            if (error != null) {
                log.debug("ack {} to {}/{} not confirmed: {}", ack.batchId(), siteId, deviceId, error.toString());
            }
        });
        if (sent.isCompletedExceptionally()) {
            throw new IllegalStateException("ack not sent: " + sent.exceptionNow());
        }
    }
}
