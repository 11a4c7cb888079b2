package kr.smartsenior.server.mqtt;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * The server's one MQTT client. Subscriptions are remembered and made again after every
 * reconnect (the session is clean, so the broker forgets them).
 */
public interface BrokerConnection {

    /**
     * Subscribes at QoS 1 now (if connected) and after every reconnect. The listener runs on the
     * MQTT client's thread: it must only hand the message over (enqueue, or drop when full) and never
     * wait; the message is acknowledged to the broker (PUBACK) when it returns.
     *
     * @param filter a topic filter, possibly a shared one ({@code $share/group/...})
     */
    void subscribe(String filter, Listener listener);

    /**
     * Publishes on a connection of its own, never held up by what the server receives; the future
     * completes when the broker confirmed it (QoS 1) or it failed.
     */
    CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained);

    boolean isConnected();

    /** The broker's address, for example {@code tcp://127.0.0.1:1883}. */
    String serverUri();

    /** Receives messages of one subscription. */
    @FunctionalInterface
    interface Listener {
        void onMessage(String topic, byte[] payload, Instant arrivedAt);
    }
}
