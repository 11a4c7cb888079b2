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
 * broker confirmation, but keeps at most {@code SSC_ACK_WINDOW} unconfirmed, below the publishing
 * connection's in-flight limit. When the window stays full for {@value #WAIT_SECONDS} s the ack is
 * not sent (its kiosk re-sends the batch and gets it acked as a duplicate), and until the broker
 * confirms something again the next acks do not wait at all, so the ingest worker never sits on a
 * broker that does not answer.
 */
@Component
final class MqttAckPublisher implements AckPublisher {

    static final long WAIT_SECONDS = 5;
    private static final Logger log = LoggerFactory.getLogger(MqttAckPublisher.class);

    private final BrokerConnection connection;
    private final ProtocolCodec codec;
    private final int window;
    private final Semaphore unconfirmed;
    private volatile boolean stalled;

    MqttAckPublisher(BrokerConnection connection, ProtocolCodec codec, IngestSettings settings) {
        this.connection = connection;
        this.codec = codec;
        this.window = settings.ackWindow();
        this.unconfirmed = new Semaphore(window);
    }

    @Override
    public void publish(String siteId, String deviceId, Ack ack) {
        byte[] payload = codec.encode(ack);
        try {
            if (!unconfirmed.tryAcquire(stalled ? 0 : WAIT_SECONDS, TimeUnit.SECONDS)) {
                stalled = true;
                throw new IllegalStateException("MQTT broker has not confirmed " + window + " acks for "
                        + WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to publish an ack", e);
        }
        CompletableFuture<Void> sent = connection.publish(Topics.of(siteId, deviceId, Channel.ACKS), payload,
                Channel.QOS, false);
        sent.whenComplete((ok, error) -> {
            unconfirmed.release();
            if (error == null) {
                stalled = false;
            } else {
                log.debug("ack {} to {}/{} not confirmed: {}", ack.batchId(), siteId, deviceId, error.toString());
            }
        });
        if (sent.isCompletedExceptionally()) {
            throw new IllegalStateException("ack not sent: " + sent.exceptionNow());
        }
    }
}
