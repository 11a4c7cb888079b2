package kr.smartsenior.server.mqtt;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import kr.smartsenior.protocol.Channel;
import kr.smartsenior.server.config.SscProperties;
import kr.smartsenior.server.worker.BackgroundWorker;
import kr.smartsenior.server.worker.Worker;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link BrokerConnection} on Paho mqttv3, as two connections to the broker (decision 0033): one
 * receives (the subscriptions, made again in {@code connectComplete}; its listeners must not block)
 * and one publishes (acks, rosters, configurations; it subscribes to nothing). Paho reads a
 * connection's incoming packets on one thread, the broker's confirmations of our publishes among
 * them; so however far behind the receiving side is, what the server publishes is confirmed by a
 * connection that only carries those confirmations. Both: clean session, automatic reconnect, a
 * wide in-flight window. Until the first connection succeeds each retries every few seconds (Paho
 * reconnects by itself only after a first success).
 */
final class PahoBrokerConnection extends BackgroundWorker implements BrokerConnection {

    private static final Logger log = LoggerFactory.getLogger(PahoBrokerConnection.class);
    private static final int MAX_INFLIGHT = 1000;
    private static final long FIRST_CONNECT_RETRY_SECONDS = 5;

    private final String uri;
    private final SscProperties.Mqtt settings;
    private final Clock clock;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(
            namedThread().daemon().factory());
    private volatile MqttAsyncClient receiver;
    private volatile MqttAsyncClient sender;

    PahoBrokerConnection(String uri, SscProperties.Mqtt settings, Clock clock) {
        super(Worker.BROKER_CONNECTION);
        this.uri = uri;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    protected void startWork() {
        String id = "ssc-server-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            receiver = new MqttAsyncClient(uri, id, new MemoryPersistence());
            sender = new MqttAsyncClient(uri, id + "-out", new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalStateException("invalid MQTT broker URL " + uri + ": " + e.getMessage(), e);
        }
        receiver.setCallback(new Callback());
        sender.setCallback(new SenderCallback());
        connectOrRetry(sender, "publishing");
        connectOrRetry(receiver, "receiving");
    }

    private void connectOrRetry(MqttAsyncClient connection, String role) {
        if (!isRunning() || connection.isConnected()) {
            return;
        }
        try {
            connection.connect(options()).waitForCompletion(15_000);
        } catch (MqttException e) {
            if (isRunning()) {
                log.warn("MQTT broker {} not reachable for {} ({}); retrying every {} s", uri, role, e.getMessage(),
                        FIRST_CONNECT_RETRY_SECONDS);
                retries.schedule(() -> connectOrRetry(connection, role), FIRST_CONNECT_RETRY_SECONDS, TimeUnit.SECONDS);
            }
        }
    }

    private MqttConnectOptions options() {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(true);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(30_000);
        options.setMaxInflight(MAX_INFLIGHT);
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout(10);
        if (settings.user() != null) {
            options.setUserName(settings.user());
        }
        if (settings.password() != null) {
            options.setPassword(settings.password().toCharArray());
        }
        return options;
    }

    @Override
    public void subscribe(String filter, Listener listener) {
        Subscription subscription = new Subscription(filter, TopicFilters.withoutShare(filter), listener);
        subscriptions.add(subscription);
        if (receiver != null && receiver.isConnected()) {
            // wait for the broker's SUBACK, so nothing published after start-up is missed
            IMqttToken token = sendSubscribe(subscription);
            try {
                if (token != null) {
                    token.waitForCompletion(10_000);
                }
            } catch (MqttException e) {
                log.warn("no answer to the subscription to {}: {}", filter, e.toString());
            }
        }
    }

    private IMqttToken sendSubscribe(Subscription subscription) {
        try {
            return receiver.subscribe(subscription.filter(), Channel.QOS, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] granted = token.getGrantedQos();
                    if (granted != null && granted.length > 0 && granted[0] == 0x80) {
                        log.error("MQTT broker refused the subscription to {}", subscription.filter());
                    } else {
                        log.info("subscribed to {}", subscription.filter());
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable error) {
                    log.warn("subscribing to {} failed: {}", subscription.filter(), error.toString());
                }
            });
        } catch (MqttException | RuntimeException e) {
            log.warn("subscribing to {} failed: {}", subscription.filter(), e.toString());
            return null;
        }
    }

    @Override
    public CompletableFuture<Void> publish(String topic, byte[] payload, int qos, boolean retained) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        MqttAsyncClient current = sender;
        if (current == null) {
            done.completeExceptionally(new IllegalStateException("MQTT client not started"));
            return done;
        }
        try {
            current.publish(topic, payload, qos, retained, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    done.complete(null);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable error) {
                    done.completeExceptionally(error);
                }
            });
        } catch (MqttException | RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    /** Both connections are up: the server receives and can answer. */
    @Override
    public boolean isConnected() {
        MqttAsyncClient receiving = receiver;
        MqttAsyncClient publishing = sender;
        return receiving != null && receiving.isConnected() && publishing != null && publishing.isConnected();
    }

    @Override
    public String serverUri() {
        return uri;
    }

    @Override
    protected void stopWork() {
        retries.shutdownNow();
        close(receiver); // receiving first, then what the server still publishes
        close(sender);
        log.info("disconnected from MQTT broker {}", uri);
    }

    private static void close(MqttAsyncClient current) {
        if (current == null) {
            return;
        }
        try {
            if (current.isConnected()) {
                current.disconnect(1_000).waitForCompletion(3_000);
            }
        } catch (MqttException | RuntimeException e) {
            log.debug("MQTT disconnect: {}", e.toString());
        }
        try {
            current.close(true);
        } catch (MqttException | RuntimeException e) {
            log.debug("MQTT close: {}", e.toString());
        }
    }

    private record Subscription(String filter, String matchFilter, Listener listener) {
    }

    /** The publishing connection's events: it receives nothing, it only logs its link. */
    private final class SenderCallback implements MqttCallbackExtended {

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            log.info("{} MQTT broker {} for publishing", reconnect ? "reconnected to" : "connected to", serverURI);
        }

        @Override
        public void connectionLost(Throwable cause) {
            if (isRunning()) {
                log.warn("lost the publishing connection to MQTT broker {} ({}); reconnecting", uri, String.valueOf(cause));
            }
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            // subscribes to nothing
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // publish futures complete through their own listeners
        }
    }

    /** Runs on Paho's threads: hands messages to listeners and never lets an exception escape. */
    private final class Callback implements MqttCallbackExtended {

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            log.info("{} MQTT broker {}", reconnect ? "reconnected to" : "connected to", serverURI);
            for (Subscription subscription : subscriptions) {
                sendSubscribe(subscription);
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            if (isRunning()) {
                log.warn("lost connection to MQTT broker {} ({}); reconnecting", uri, String.valueOf(cause));
            }
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            try {
                var arrivedAt = clock.instant();
                byte[] payload = message.getPayload();
                for (Subscription subscription : subscriptions) {
                    if (TopicFilters.matches(subscription.matchFilter(), topic)) {
                        subscription.listener().onMessage(topic, payload, arrivedAt);
                    }
                }
            } catch (Throwable e) {
                log.warn("dropped an MQTT message: {}", e.toString());
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // publish futures complete through their own listeners
        }
    }
}
