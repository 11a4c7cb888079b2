/**
 * Getting the outbox to the server over MQTT, protocol v1.
 *
 * <p>{@link kr.smartsenior.edge.sync.Synchronizer} is the public face; inside it:
 * <ul>
 *   <li>{@code PahoBrokerLink} owns the MQTT connection on its own thread ({@code ssc-mqtt-link}):
 *       connects and reconnects with backoff, re-subscribes to {@code acks} on every connect, publishes
 *       the retained {@code status} (and leaves an {@code offline} Last Will).</li>
 *   <li>{@code OutboxDrainer} is the only thread ({@code ssc-outbox-drainer}) that reads due records,
 *       publishes batches, applies acks and makes everything due again after a reconnect.</li>
 *   <li>Paho's callbacks only hand over (acks into a bounded queue, connection events onto the link
 *       thread) and return: they never block and never throw.</li>
 * </ul>
 * A record leaves the outbox only when an ack names it; everything else is retried, with exponential
 * backoff and full jitter, across reconnects and restarts.
 */
package kr.smartsenior.edge.sync;
