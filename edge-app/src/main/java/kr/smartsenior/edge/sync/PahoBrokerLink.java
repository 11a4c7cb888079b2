package kr.smartsenior.edge.sync;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.MqttTopic;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link BrokerLink} over Paho's {@link MqttAsyncClient}, clean session, MQTT 3.1.1: the transport only.
 * Which topics the kiosk uses and what their messages mean is {@link KioskChannels}'s business.
 *
 * <p>Threads: all state changes run on one thread, {@code ssc-mqtt-link}, which also tells the
 * listener. Paho's callbacks only post to it (connection events) or hand a message to its topic's
 * handler, and return at once. Publishing and subscribing are non-blocking and safe from any thread.
 *
 * <p>Reconnecting is done here, with {@link Backoff}, for the first connect and every later one alike,
 * rather than by Paho's {@code automaticReconnect}: that one only starts after a first successful
 * connect, keeps its delay in a static field shared by every client in the JVM, reuses the Last Will
 * written at the first connect, and in 1.2.5 is not stopped by {@code disconnect}/{@code close}, which
 * leaves a non-daemon timer thread behind. Here each attempt gets a fresh Will, and
 * {@link #close()} stops everything.
 */
final class PahoBrokerLink implements BrokerLink, MqttCallback {

    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(30);
    /** Paho's own window of unacknowledged QoS 1 publishes; above our batches awaiting acks plus status. */
    static final int DEFAULT_MAX_INFLIGHT = 32;
    /** On close: time to get the Last Will's message (the retained offline status) to the broker. */
    static final Duration OFFLINE_PUBLISH_TIMEOUT = Duration.ofSeconds(2);
    static final Duration DISCONNECT_QUIESCE = Duration.ofMillis(500);
    static final Duration DISCONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** close() gives up waiting for a clean goodbye after this and tears down by force. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(6);
    /** SUBACK return code for a refused subscription. */
    private static final int SUBSCRIPTION_REFUSED = 0x80;

    private static final Logger log = LoggerFactory.getLogger(PahoBrokerLink.class);

    private final SyncSettings settings;
    private final Backoff backoff;
    private final LastWill will;
    private final MqttAsyncClient client;
    private final SSLSocketFactory tls;
    /** Topic filter to the handler of its messages; a filter is replaced when subscribed again. */
    private final Map<String, Consumer<byte[]>> handlers = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor linkThread;
    private final AtomicBoolean closing = new AtomicBoolean();

    private volatile boolean up;
    private volatile Listener listener;

    // state below is only touched on the link thread
    private boolean closed;
    private boolean connecting;
    private int failedAttempts;

    /**
     * @param settings the broker's address, the kiosk's account and CA, and its ids (for the client id)
     * @param backoff  the waits between connection attempts
     * @param will     left with the broker on every connect, and published on {@link #close()}
     */
    PahoBrokerLink(SyncSettings settings, Backoff backoff, LastWill will) {
        this.settings = settings;
        this.backoff = backoff;
        this.will = will;
        this.tls = tlsFor(settings);
        try {
            this.client = new MqttAsyncClient(settings.serverUri(), clientId(settings), new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot use MQTT broker URI " + settings.serverUri() + ": " + e.getMessage(), e);
        }
        this.linkThread = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "ssc-mqtt-link");
            thread.setDaemon(true);
            return thread;
        });
        this.linkThread.setRemoveOnCancelPolicy(true);
    }

    /**
     * For an {@code ssl://} (or {@code wss://}) broker with a CA file: a socket factory trusting only that
     * CA. Null otherwise: Paho then uses the JDK's trusted CAs for TLS, plain TCP for {@code tcp://}.
     */
    private static SSLSocketFactory tlsFor(SyncSettings settings) {
        boolean secure = settings.serverUri().startsWith("ssl://") || settings.serverUri().startsWith("wss://");
        if (settings.mqttCaFile() == null) {
            if (secure) {
                log.info("TLS to {} trusts the JDK's public CAs (no SSC_MQTT_CA_FILE)", settings.serverUri());
            }
            return null;
        }
        if (!secure) {
            log.warn("SSC_MQTT_CA_FILE {} is set but the broker URL {} is not ssl://: the connection is not encrypted",
                    settings.mqttCaFile(), settings.serverUri());
            return null;
        }
        SSLSocketFactory factory = BrokerTrust.fromCaFile(settings.mqttCaFile());
        log.info("TLS to {} trusts only the CA in {} ({})", settings.serverUri(), settings.mqttCaFile(),
                BrokerTrust.describe(settings.mqttCaFile()));
        return factory;
    }

    /** One session per device: a second process with the same ids takes the session over. */
    static String clientId(SyncSettings settings) {
        return "ssc-" + settings.siteId() + "-" + settings.deviceId();
    }

    @Override
    public void start(Listener listener) {
        this.listener = listener;
        client.setCallback(this);
        onLinkThread(this::connect);
    }

    @Override
    public boolean connected() {
        return up;
    }

    @Override
    public boolean publish(String topic, byte[] payload, int qos, boolean retained) {
        if (!up) {
            return false;
        }
        try {
            client.publish(topic, payload, qos, retained);
            return true;
        } catch (MqttException | RuntimeException e) {
            log.debug("could not hand a message for {} to the MQTT client: {}", topic, reason(e));
            return false;
        }
    }

    @Override
    public void subscribe(String topic, int qos, Consumer<byte[]> messages, Consumer<SubscribeOutcome> outcome) {
        handlers.put(topic, messages); // before asking: a retained message follows the SUBACK at once
        try {
            client.subscribe(topic, qos, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] granted = token.getGrantedQos(); // one topic asked, one answer
                    if (granted != null && granted.length > 0 && granted[0] == SUBSCRIPTION_REFUSED) {
                        handlers.remove(topic, messages);
                        outcome.accept(new SubscribeOutcome.Refused());
                    } else {
                        outcome.accept(new SubscribeOutcome.Granted());
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    outcome.accept(new SubscribeOutcome.Failed(reason(cause)));
                }
            });
        } catch (MqttException | RuntimeException e) {
            outcome.accept(new SubscribeOutcome.Failed(reason(e)));
        }
    }

    // ---- on the link thread ----

    private void connect() {
        if (closed || connecting || client.isConnected()) {
            return;
        }
        connecting = true;
        try {
            client.connect(connectOptions(), null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    onLinkThread(PahoBrokerLink.this::connectSucceeded);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    onLinkThread(() -> connectFailed(cause));
                }
            });
        } catch (MqttException | RuntimeException e) {
            connectFailed(e);
        }
    }

    private MqttConnectOptions connectOptions() {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setAutomaticReconnect(false); // see the class comment: reconnecting is ours
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setConnectionTimeout(Math.toIntExact(DEFAULT_CONNECT_TIMEOUT.toSeconds()));
        options.setKeepAliveInterval(Math.toIntExact(DEFAULT_KEEP_ALIVE.toSeconds()));
        options.setMaxInflight(DEFAULT_MAX_INFLIGHT);
        options.setWill(will.topic(), will.payload().get(), will.qos(), will.retained()); // fresh for each attempt
        if (tls != null) {
            options.setSocketFactory(tls);
        }
        options.setHttpsHostnameVerificationEnabled(true); // the certificate must name the broker's host
        if (settings.mqttUser() != null) {
            options.setUserName(settings.mqttUser());
            if (settings.mqttPassword() != null) {
                options.setPassword(settings.mqttPassword().toCharArray());
            }
        }
        return options;
    }

    private void connectFailed(Throwable cause) {
        connecting = false;
        if (closed) {
            return;
        }
        failedAttempts++;
        Duration wait = backoff.delay(failedAttempts);
        if (failedAttempts == 1 && BrokerTrust.untrusted(cause)) {
            log.error("refused the broker at {}: its TLS certificate is not signed by the CA this kiosk trusts ({}) or does"
                    + " not name that host ({}); records stay in the outbox, retrying in {} ms", settings.serverUri(),
                    settings.mqttCaFile() == null ? "the JDK's public CAs" : settings.mqttCaFile(), reason(cause), wait.toMillis());
        } else if (failedAttempts == 1) {
            log.warn("cannot reach the MQTT broker at {} ({}); records stay in the outbox, retrying in {} ms",
                    settings.serverUri(), reason(cause), wait.toMillis());
        } else {
            log.debug("connect attempt {} failed ({}); next in {} ms", failedAttempts, reason(cause), wait.toMillis());
        }
        later(this::connect, wait);
    }

    private void connectSucceeded() {
        connecting = false;
        if (closed) {
            return;
        }
        log.info("connected to the MQTT broker at {}{}", settings.serverUri(),
                failedAttempts > 0 ? " after " + failedAttempts + " failed attempts" : "");
        failedAttempts = 0;
        up = true;
        Listener current = listener;
        if (current != null) {
            current.connectionMade();
        }
    }

    private void lost(Throwable cause) {
        up = false;
        if (closed) {
            return;
        }
        Listener current = listener;
        if (current != null) {
            current.connectionLost();
        }
        Duration wait = backoff.delay(1);
        log.warn("lost the MQTT connection ({}); reconnecting in {} ms", reason(cause), wait.toMillis());
        later(this::connect, wait);
    }

    private void later(Runnable task, Duration wait) {
        try {
            linkThread.schedule(guarded(task), wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("link closed; not scheduling more work");
        }
    }

    private void onLinkThread(Runnable task) {
        try {
            linkThread.execute(guarded(task));
        } catch (RejectedExecutionException e) {
            log.debug("link closed; dropping an MQTT event");
        }
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("unexpected failure on the MQTT link thread", e);
            }
        };
    }

    // ---- Paho callbacks: hand over and return ----

    @Override
    public void connectionLost(Throwable cause) {
        up = false;
        onLinkThread(() -> lost(cause));
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        boolean handled = false;
        for (Map.Entry<String, Consumer<byte[]>> handler : handlers.entrySet()) {
            try {
                if (MqttTopic.isMatched(handler.getKey(), topic)) {
                    handled = true;
                    handler.getValue().accept(message.getPayload());
                }
            } catch (RuntimeException e) {
                // an exception here would make Paho drop the connection
                log.error("could not hand over a message from {}", topic, e);
            }
        }
        if (!handled) {
            log.debug("ignored a message on {}, which nothing here subscribed to", topic);
        }
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // QoS 1 delivery to the broker is not an ack from the server: nothing to do
    }

    // ---- closing ----

    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        try {
            Future<?> goodbye = linkThread.submit(this::sayGoodbye);
            goodbye.get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            log.warn("the MQTT link did not close cleanly: {}", reason(e));
        }
        linkThread.shutdownNow();
        try {
            if (!linkThread.awaitTermination(DISCONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("the MQTT link thread did not stop in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tearDown();
    }

    private void sayGoodbye() {
        closed = true;
        up = false;
        if (!client.isConnected()) {
            return;
        }
        try {
            IMqttDeliveryToken goodbye = publishWill();
            if (goodbye != null) {
                goodbye.waitForCompletion(OFFLINE_PUBLISH_TIMEOUT.toMillis());
            }
            client.disconnect(DISCONNECT_QUIESCE.toMillis()).waitForCompletion(DISCONNECT_TIMEOUT.toMillis());
            log.info("disconnected from the MQTT broker (last will published on {})", will.topic());
        } catch (MqttException e) {
            log.warn("could not say goodbye to the broker: {}", reason(e));
        }
    }

    private IMqttDeliveryToken publishWill() {
        try {
            return client.publish(will.topic(), will.payload().get(), will.qos(), will.retained());
        } catch (MqttException | RuntimeException e) {
            log.debug("could not publish the last will on {}: {}", will.topic(), reason(e));
            return null;
        }
    }

    private void tearDown() {
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(0, DISCONNECT_TIMEOUT.toMillis(), false);
            }
        } catch (MqttException e) {
            log.debug("forced disconnect: {}", reason(e));
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            log.debug("closing the MQTT client: {}", reason(e));
        }
    }

    private static String reason(Throwable cause) {
        if (cause == null) {
            return "no reason given";
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        return root == cause || root.getMessage() == null ? text : text + ": " + root.getMessage();
    }
}
