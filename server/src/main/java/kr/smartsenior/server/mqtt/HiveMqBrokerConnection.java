package kr.smartsenior.server.mqtt;

import com.hivemq.client.mqtt.MqttClientState;
import com.hivemq.client.mqtt.MqttClientTransportConfig;
import com.hivemq.client.mqtt.MqttClientTransportConfigBuilder;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttClientReconnector;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt3.message.auth.Mqtt3SimpleAuth;
import com.hivemq.client.mqtt.mqtt3.message.connect.Mqtt3Connect;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.Mqtt3Subscribe;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import kr.smartsenior.protocol.Channel;
import kr.smartsenior.server.config.SscProperties;
import kr.smartsenior.server.worker.BackgroundWorker;
import kr.smartsenior.server.worker.Worker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link BrokerConnection} on the HiveMQ MQTT client (Netty; decision 0044), as two connections to the
 * broker (decision 0033): one receives (the subscriptions, made again after every connect; its listeners
 * run on the client's callback thread and must not block) and one publishes (acks, rosters,
 * configurations; it subscribes to nothing), so what the server publishes is confirmed on a connection
 * that only carries those confirmations, however far behind the receiving side is. Both: MQTT 3.1.1,
 * clean session; reconnects (also when the first connect fails) after 1 s, doubling to 30 s.
 *
 * <p>Replaces Paho (decision 0044): Paho copies every received packet byte by byte, twice, through a
 * synchronised stream; at 20,000 records/s that was a third of the server's CPU.
 */
final class HiveMqBrokerConnection extends BackgroundWorker implements BrokerConnection {

    private static final Logger log = LoggerFactory.getLogger(HiveMqBrokerConnection.class);
    private static final long FIRST_CONNECT_WAIT_SECONDS = 15;
    private static final int KEEP_ALIVE_SECONDS = 30;
    private static final int CONNECT_TIMEOUT_SECONDS = 10;
    private static final long INITIAL_RECONNECT_DELAY_MS = 1_000;
    private static final long MAX_RECONNECT_DELAY_MS = 30_000;

    private final URI uri;
    private final SscProperties.Mqtt settings;
    private final Clock clock;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private volatile Mqtt3AsyncClient receiver;
    private volatile Mqtt3AsyncClient sender;

    HiveMqBrokerConnection(String uri, SscProperties.Mqtt settings, Clock clock) {
        super(Worker.BROKER_CONNECTION);
        this.uri = parse(uri);
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * {@code tcp://host:port} (or {@code mqtt://}), or {@code ssl://host:port}
     * (or {@code mqtts://}, {@code tls://}).
     */
    static URI parse(String url) {
        URI parsed;
        try {
            parsed = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("invalid MQTT broker URL " + url + ": " + e.getMessage(), e);
        }
        if (parsed.getHost() == null || parsed.getScheme() == null || !List.of("tcp", "mqtt", "ssl", "mqtts", "tls")
                .contains(parsed.getScheme().toLowerCase(Locale.ROOT))) {
            throw new IllegalStateException("invalid MQTT broker URL " + url
                    + ": expected tcp://host:port or ssl://host:port");
        }
        return parsed;
    }

    private static boolean secure(URI uri) {
        return !List.of("tcp", "mqtt").contains(uri.getScheme().toLowerCase(Locale.ROOT));
    }

    @Override
    protected void startWork() {
        String id = "ssc-server-" + UUID.randomUUID().toString().substring(0, 8);
        CompletableFuture<Void> senderTried = new CompletableFuture<>();
        CompletableFuture<Void> receiverTried = new CompletableFuture<>();
        sender = client(id + "-out", "publishing", senderTried, () -> { });
        receiver = client(id, "receiving", receiverTried, () -> subscriptions.forEach(this::sendSubscribe));
        // every message of any subscription, on the client's callback thread (RxJava's), acknowledged (PUBACK)
        // to the broker when this returns
        receiver.publishes(MqttGlobalPublishFilter.SUBSCRIBED, this::deliver);
        Mqtt3Connect connect = Mqtt3Connect.builder().cleanSession(true).keepAlive(KEEP_ALIVE_SECONDS).build();
        sender.connect(connect);
        receiver.connect(connect);
        // start-up subscribes on a live link if the broker is there; if not, each client keeps trying by itself
        // (the first attempt's outcome is awaited, not its success) and subscribes once it gets through
        try {
            CompletableFuture.allOf(senderTried, receiverTried).get(FIRST_CONNECT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("MQTT broker {} did not answer within {} s; still trying", uri, FIRST_CONNECT_WAIT_SECONDS);
        }
    }

    /**
     * A client that reconnects while this worker runs ({@link #reconnectDelayMs}), also when its first attempt
     * fails. Once stopped it does not: the next failed attempt is the last, and one that gets through is
     * disconnected at once ({@code disconnect()} alone cannot reach a client that has no link at that moment).
     */
    private Mqtt3AsyncClient client(String id, String role, CompletableFuture<Void> tried, Runnable onConnected) {
        MqttClientTransportConfigBuilder transport = MqttClientTransportConfig.builder()
                .serverHost(uri.getHost())
                .serverPort(uri.getPort() > 0 ? uri.getPort() : secure(uri) ? 8883 : 1883)
                .socketConnectTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .mqttConnectTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (secure(uri)) {
            transport.sslWithDefaultConfig();
        }
        AtomicReference<Mqtt3AsyncClient> self = new AtomicReference<>();
        var builder = Mqtt3Client.builder()
                .identifier(id)
                .transportConfig(transport.build())
                .addConnectedListener(context -> {
                    tried.complete(null);
                    if (!isRunning()) {
                        self.get().disconnect(); // got through after stop(): leave again
                        return;
                    }
                    log.info("connected to MQTT broker {} for {}", uri, role);
                    onConnected.run();
                })
                .addDisconnectedListener(context -> {
                    tried.complete(null);
                    if (!isRunning() || context.getSource() == MqttDisconnectSource.USER) {
                        return; // stopped: no reconnect
                    }
                    MqttClientReconnector reconnector = context.getReconnector();
                    long delayMs = reconnectDelayMs(reconnector.getAttempts());
                    reconnector.reconnect(true).delay(delayMs, TimeUnit.MILLISECONDS);
                    if (reconnector.getAttempts() == 0) {
                        log.warn("MQTT broker {} not reachable for {} ({}); reconnecting", uri, role,
                                String.valueOf(context.getCause()));
                    } else {
                        log.debug("MQTT broker {} still not reachable for {}; next attempt in {} ms", uri, role,
                                delayMs);
                    }
                });
        if (settings.user() != null) {
            builder.simpleAuth(Mqtt3SimpleAuth.builder().username(settings.user())
                    .password(settings.password() == null ? new byte[0]
                            : settings.password().getBytes(StandardCharsets.UTF_8))
                    .build());
        }
        self.set(builder.buildAsync());
        return self.get();
    }

    /** 1 s after the first failure, doubling up to 30 s, with up to a fifth more at random (instances do not sync). */
    static long reconnectDelayMs(int attempts) {
        long base = Math.min(MAX_RECONNECT_DELAY_MS, INITIAL_RECONNECT_DELAY_MS << Math.min(attempts, 5));
        return base + ThreadLocalRandom.current().nextLong(base / 5 + 1);
    }

    @Override
    public void subscribe(String filter, Listener listener) {
        Subscription subscription = new Subscription(filter, TopicFilters.withoutShare(filter), listener);
        subscriptions.add(subscription);
        Mqtt3AsyncClient current = receiver;
        if (current != null && current.getState() == MqttClientState.CONNECTED) {
            // wait for the broker's SUBACK, so nothing published after start-up is missed
            try {
                sendSubscribe(subscription).get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                log.warn("no answer to the subscription to {}: {}", filter, e.toString());
            }
        }
    }

    /** Subscribing twice to one filter is harmless: the broker replaces the subscription, messages arrive once. */
    private CompletableFuture<?> sendSubscribe(Subscription subscription) {
        Mqtt3AsyncClient current = receiver;
        return current.subscribe(Mqtt3Subscribe.builder().topicFilter(subscription.filter())
                        .qos(MqttQos.fromCode(Channel.QOS)).build())
                .whenComplete((subAck, error) -> {
                    if (error == null) {
                        log.info("subscribed to {}", subscription.filter());
                    } else {
                        // refused by the broker (SUBACK failure), or the link went down first (made again on connect)
                        log.error("subscribing to {} failed: {}", subscription.filter(), error.toString());
                    }
                });
    }

    /** Runs on the client's callback thread: hands the message to listeners and never lets an exception escape. */
    private void deliver(Mqtt3Publish message) {
        try {
            var arrivedAt = clock.instant();
            String topic = message.getTopic().toString();
            byte[] payload = message.getPayloadAsBytes();
            for (Subscription subscription : subscriptions) {
                if (TopicFilters.matches(subscription.matchFilter(), topic)) {
                    subscription.listener().onMessage(topic, payload, arrivedAt);
                }
            }
        } catch (Throwable e) {
            log.warn("dropped an MQTT message: {}", e.toString());
        }
    }

    /**
     * Fails at once when the publishing connection is down (the client would otherwise queue without bound
     * until it reconnects); the caller counts it, and a kiosk re-sends what was not acked.
     */
    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
        Mqtt3AsyncClient current = sender;
        if (current == null || current.getState() != MqttClientState.CONNECTED) {
            return CompletableFuture.failedFuture(new IllegalStateException("not connected to MQTT broker " + uri
                    + " for publishing"));
        }
        try {
            return current.publish(Mqtt3Publish.builder().topic(topic).qos(MqttQos.fromCode(qos)).payload(payload)
                    .retain(retained).build()).thenApply(published -> null);
        } catch (RuntimeException e) { // an invalid topic
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Both connections are up: the server receives and can answer. */
    @Override
    public boolean isConnected() {
        Mqtt3AsyncClient receiving = receiver;
        Mqtt3AsyncClient publishing = sender;
        return receiving != null && receiving.getState() == MqttClientState.CONNECTED
                && publishing != null && publishing.getState() == MqttClientState.CONNECTED;
    }

    /** The receiving connection's state (for tests: connected, reconnecting, or given up after a stop). */
    MqttClientState receivingState() {
        Mqtt3AsyncClient receiving = receiver;
        return receiving == null ? MqttClientState.DISCONNECTED : receiving.getState();
    }

    @Override
    public String serverUri() {
        return uri.toString();
    }

    @Override
    protected void stopWork() {
        disconnect(receiver); // receiving first, then what the server still publishes
        disconnect(sender);
        log.info("disconnected from MQTT broker {}", uri);
    }

    private static void disconnect(Mqtt3AsyncClient client) {
        if (client == null) {
            return;
        }
        try {
            client.disconnect().get(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) { // not connected, or the broker did not answer: stops reconnecting all the same
            log.debug("MQTT disconnect: {}", e.toString());
        }
    }

    private record Subscription(String filter, String matchFilter, Listener listener) {
    }
}
