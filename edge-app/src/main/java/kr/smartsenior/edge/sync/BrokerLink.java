package kr.smartsenior.edge.sync;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A connection to an MQTT broker that looks after itself: it connects in the background, reconnects
 * with backoff after any loss, and leaves a Last Will. It carries topics and bytes and knows nothing of
 * what they mean for the kiosk ({@link KioskChannels} does). Starting never blocks and never fails for
 * want of a broker. Thread-safe.
 *
 * <p>The session is clean: subscriptions last one connection, so a user subscribes again on every
 * {@link Listener#connectionMade()}.
 */
interface BrokerLink extends AutoCloseable {

    /** Starts connecting; events go to the listener from then on. */
    void start(Listener listener);

    /** Whether the connection to the broker is up now. */
    boolean connected();

    /**
     * Hands a message to the client. Returns {@code false} when it could not be handed over (not
     * connected, too many in flight); the caller tries again later. Never blocks on the network.
     */
    boolean publish(String topic, byte[] payload, int qos, boolean retained);

    /**
     * Asks the broker for the messages on {@code topic}, for the current connection.
     *
     * @param messages told each payload that arrives on the topic, on an MQTT client thread: hand it
     *                 over and return, never block, never throw
     * @param outcome  told once what became of the request, on a thread of the link's: hand it over
     */
    void subscribe(String topic, int qos, Consumer<byte[]> messages, Consumer<SubscribeOutcome> outcome);

    /** Publishes the {@link LastWill} itself when connected, disconnects, stops every thread. */
    @Override
    void close();

    /** What the link tells its user, on the link's own thread: hand over and return. */
    interface Listener {

        /** Connected, after the first connect and every reconnect; nothing is subscribed yet. */
        void connectionMade();

        /** The connection is gone; the link is already trying to reconnect. */
        void connectionLost();
    }

    /** What the broker answered to a subscription. */
    sealed interface SubscribeOutcome {

        /** The broker will send the topic's messages (and its retained one now). */
        record Granted() implements SubscribeOutcome { }

        /** The broker refused it (SUBACK 0x80), typically its ACL: asking again on this connection changes nothing. */
        record Refused() implements SubscribeOutcome { }

        /** No answer: not connected, timed out, or the connection went while asking. */
        record Failed(String reason) implements SubscribeOutcome { }
    }

    /**
     * The message the broker publishes for this client when it vanishes, and the link publishes itself
     * when it is closed on purpose. The payload is made afresh for every connect and for the goodbye.
     */
    record LastWill(String topic, Supplier<byte[]> payload, int qos, boolean retained) {

        public LastWill {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(payload, "payload");
        }
    }
}
