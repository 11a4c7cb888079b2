/**
 * Getting the outbox to the server over MQTT, protocol v1.
 *
 * <p>{@link kr.smartsenior.edge.sync.Synchronizer} is the public face; inside it, in layers:
 * <ul>
 *   <li>{@code PahoBrokerLink} is the transport, behind {@code BrokerLink}, and the only class that
 *       knows Paho: on its own thread ({@code ssc-mqtt-link}) it connects and reconnects with backoff
 *       (TLS through {@code BrokerTrust}), leaves a Last Will, publishes, and subscribes one topic at a
 *       time, answering each request {@code Granted}, {@code Refused} or {@code Failed}. It knows
 *       topics and bytes, not what they mean.</li>
 *   <li>{@code KioskChannels} says what each topic means, on its own thread ({@code ssc-kiosk-channels}):
 *       on every connect it subscribes to {@code acks}, {@code config} and the site's {@code roster}
 *       (a refusal is logged for its own topic; only a refused {@code acks} keeps batches back and is
 *       asked again), hands acks to the drainer, applies a configuration through {@code RemoteConfig},
 *       passes rosters on, and publishes the retained {@code status} (its {@code offline} form is the
 *       Last Will). To the drainer it is a {@code BatchLink}.</li>
 *   <li>{@code OutboxDrainer} is the only thread ({@code ssc-outbox-drainer}) that reads due records,
 *       publishes batches, applies acks and makes everything due again after a reconnect.</li>
 *   <li>Paho's callbacks only hand over (acks into a bounded queue, rosters to their reader, everything
 *       else onto the link or channels thread) and return: they never block and never throw.</li>
 * </ul>
 * A record leaves the outbox only when an ack names it; everything else is retried, with exponential
 * backoff and full jitter, across reconnects and restarts.
 */
package kr.smartsenior.edge.sync;
