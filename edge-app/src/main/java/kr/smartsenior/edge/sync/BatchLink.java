package kr.smartsenior.edge.sync;

/**
 * The drainer's view of the broker: where batches go and acks come from. It is up only while the
 * broker connection is up and the {@code acks} subscription is in place, so a batch sent then can be
 * acked. Thread-safe.
 */
interface BatchLink extends AutoCloseable {

    /** Starts the link; events go to the listener from then on. */
    void start(Listener listener);

    /** Whether a batch sent now can be acked: connected and subscribed to {@code acks}. */
    boolean connected();

    /**
     * Hands a batch for this device's {@code measurements} topic to the client, at QoS 1. Returns
     * {@code false} when it could not be handed over (not up, too many in flight); the caller tries
     * again later. Never blocks on the network.
     */
    boolean publishBatch(byte[] payload);

    /** Stops the link. */
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
