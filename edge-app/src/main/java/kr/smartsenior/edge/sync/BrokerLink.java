package kr.smartsenior.edge.sync;

import kr.smartsenior.protocol.Channel;

/**
 * The kiosk's connection to the MQTT broker, on its own topics {@code ssc/v1/{site}/{device}/…}.
 * Starting never blocks and never fails for want of a broker: the link keeps trying in the
 * background. Thread-safe.
 */
interface BrokerLink extends AutoCloseable {

    /** Starts connecting; events go to the listener from then on. */
    void start(Listener listener);

    /** Whether the link is connected and subscribed to {@code acks}, so a batch sent now can be acked. */
    boolean connected();

    /**
     * Hands a message for this device's channel to the client, at QoS 1 (retained if the channel is).
     * Returns {@code false} when it could not be handed over (not connected, too many in flight); the
     * caller tries again later. Never blocks on the network.
     */
    boolean publish(Channel channel, byte[] payload);

    /** Publishes the retained {@code offline} status when connected, disconnects, stops every thread. */
    @Override
    void close();

    /** What the link tells its user. */
    interface Listener {

        /** Connected and subscribed to {@code acks}; after every connect and reconnect. */
        void linkUp();

        /** The connection is gone; the link is already trying to reconnect. */
        void linkDown();

        /**
         * A message arrived on {@code acks}. Called on an MQTT client thread: hand it over and return,
         * never block, never throw.
         */
        void ackArrived(byte[] payload);
    }
}
