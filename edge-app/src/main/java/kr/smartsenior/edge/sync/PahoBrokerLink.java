package kr.smartsenior.edge.sync;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocketFactory;
import kr.smartsenior.protocol.Channel;
import kr.smartsenior.protocol.DeviceStatus;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.Topics;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link BrokerLink} over Paho's {@link MqttAsyncClient}, clean session, QoS 1.
 *
 * <p>Threads: all state changes run on one thread, {@code ssc-mqtt-link}. Paho's callbacks only post
 * to it (connection events) or hand acks to the listener, and return at once. Publishing is
 * non-blocking and safe from any thread.
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
    /** On close: time to get the retained offline status to the broker. */
    static final Duration OFFLINE_PUBLISH_TIMEOUT = Duration.ofSeconds(2);
    static final Duration DISCONNECT_QUIESCE = Duration.ofMillis(500);
    static final Duration DISCONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** close() gives up waiting for a clean goodbye after this and tears down by force. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(6);
    /** SUBACK return code for a refused subscription. */
    private static final int SUBSCRIPTION_REFUSED = 0x80;

    private static final Logger log = LoggerFactory.getLogger(PahoBrokerLink.class);

    private final SyncSettings settings;
    private final ProtocolCodec codec;
    private final Backoff backoff;
    private final StatusReport report;
    private final RemoteConfig remoteConfig;
    private final MqttAsyncClient client;
    private final SSLSocketFactory tls;
    private final String acksTopic;
    private final String configTopic;
    private final String statusTopic;
    private final String rosterTopic;
    private final Consumer<byte[]> rosters;
    private final ScheduledThreadPoolExecutor linkThread;
    private final AtomicBoolean closing = new AtomicBoolean();

    private volatile boolean ready;
    private volatile Listener listener;

    // state below is only touched on the link thread
    private boolean closed;
    private boolean connecting;
    private int failedAttempts;
    private ScheduledFuture<?> statusTask;

    /**
     * @param rosters receives every payload on the site's retained roster topic; called on an MQTT
     *                client thread, so it must only hand the payload over
     */
    PahoBrokerLink(SyncSettings settings, ProtocolCodec codec, Backoff backoff, StatusReport report, RemoteConfig remoteConfig,
            Consumer<byte[]> rosters) {
        this.settings = settings;
        this.codec = codec;
        this.backoff = backoff;
        this.report = report;
        this.remoteConfig = remoteConfig;
        this.acksTopic = Topics.of(settings.siteId(), settings.deviceId(), Channel.ACKS);
        this.configTopic = Topics.of(settings.siteId(), settings.deviceId(), Channel.CONFIG);
        this.statusTopic = Topics.of(settings.siteId(), settings.deviceId(), Channel.STATUS);
        this.rosterTopic = Topics.siteWide(settings.siteId(), Channel.ROSTER);
        this.rosters = rosters;
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
        onLinkThread(() -> {
            long every = settings.statusInterval().toMillis();
            statusTask = linkThread.scheduleWithFixedDelay(this::refreshStatus, every, every, TimeUnit.MILLISECONDS);
            connect();
        });
    }

    @Override
    public boolean connected() {
        return ready;
    }

    @Override
    public boolean publish(Channel channel, byte[] payload) {
        if (!ready) {
            return false;
        }
        try {
            client.publish(Topics.of(settings.siteId(), settings.deviceId(), channel), payload, Channel.QOS,
                    channel.retained());
            return true;
        } catch (MqttException e) {
            log.debug("could not hand a {} message to the MQTT client: {}", channel.segment(), e.getMessage());
            return false;
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
        options.setWill(statusTopic, statusPayload(DeviceStatus.OFFLINE), Channel.QOS, true);
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
        subscribe();
    }

    private void subscribe() {
        if (closed || !client.isConnected()) {
            return; // connectionLost will bring us back here through connect()
        }
        try {
            // a clean session forgets subscriptions: subscribe on every connect (the retained config and roster come again)
            client.subscribe(new String[] {acksTopic, configTopic, rosterTopic}, new int[] {Channel.QOS, Channel.QOS, Channel.QOS}, null,
                    new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] granted = token.getGrantedQos();
                    if (granted != null && granted.length > 1 && granted[1] == SUBSCRIPTION_REFUSED) {
                        log.warn("the broker refused the roster subscription ({}); cards are checked against the"
                                + " roster already kept", rosterTopic);
                    }
                    if (granted != null && granted.length > 0 && granted[0] == SUBSCRIPTION_REFUSED) {
                        onLinkThread(() -> subscribeFailed(new IllegalStateException("the broker refused it")));
                    } else {
                        if (granted != null && granted.length > 1 && granted[1] == SUBSCRIPTION_REFUSED) {
                            log.warn("the broker refused the subscription to {}; remote configuration will not arrive",
                                    configTopic);
                        }
                        onLinkThread(PahoBrokerLink.this::subscribed);
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    onLinkThread(() -> subscribeFailed(cause));
                }
            });
        } catch (MqttException | RuntimeException e) {
            subscribeFailed(e);
        }
    }

    private void subscribed() {
        if (closed || !client.isConnected()) {
            return;
        }
        ready = true;
        publishStatus(DeviceStatus.ONLINE);
        Listener current = listener;
        if (current != null) {
            current.linkUp();
        }
    }

    private void subscribeFailed(Throwable cause) {
        if (closed || !client.isConnected()) {
            return;
        }
        Duration wait = backoff.delay(1);
        log.error("cannot subscribe to {} ({}); without acks nothing can leave the outbox, retrying in {} ms",
                acksTopic, reason(cause), wait.toMillis());
        later(this::subscribe, wait);
    }

    private void lost(Throwable cause) {
        ready = false;
        if (closed) {
            return;
        }
        Listener current = listener;
        if (current != null) {
            current.linkDown();
        }
        Duration wait = backoff.delay(1);
        log.warn("lost the MQTT connection ({}); reconnecting in {} ms", reason(cause), wait.toMillis());
        later(this::connect, wait);
    }

    /** Publishes the status now (a configuration or a sensor changed), if connected. Never blocks. */
    void refreshStatusSoon() {
        onLinkThread(this::refreshStatus);
    }

    private void applyConfig(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return; // the server cleared the retained configuration (a revoked device): keep running as is
        }
        remoteConfig.offer(payload);
        refreshStatus(); // confirm the version (or report the refusal) at once
    }

    private void refreshStatus() {
        if (ready && !closed) {
            publishStatus(DeviceStatus.ONLINE);
        }
    }

    private IMqttDeliveryToken publishStatus(String state) {
        try {
            return client.publish(statusTopic, statusPayload(state), Channel.QOS, true);
        } catch (MqttException | RuntimeException e) {
            log.debug("could not publish the {} status: {}", state, reason(e));
            return null;
        }
    }

    private byte[] statusPayload(String state) {
        return codec.encode(report.status(state));
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
        ready = false;
        onLinkThread(() -> lost(cause));
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        try {
            Listener current = listener;
            if (current != null && acksTopic.equals(topic)) {
                current.ackArrived(message.getPayload());
            } else if (configTopic.equals(topic)) {
                byte[] payload = message.getPayload();
                onLinkThread(() -> applyConfig(payload));
            } else if (rosterTopic.equals(topic)) {
                rosters.accept(message.getPayload());
            }
        } catch (RuntimeException e) {
            // an exception here would make Paho drop the connection
            log.error("could not hand over a message from {}", topic, e);
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
        ready = false;
        if (statusTask != null) {
            statusTask.cancel(false);
        }
        if (!client.isConnected()) {
            return;
        }
        try {
            IMqttDeliveryToken offline = publishStatus(DeviceStatus.OFFLINE);
            if (offline != null) {
                offline.waitForCompletion(OFFLINE_PUBLISH_TIMEOUT.toMillis());
            }
            client.disconnect(DISCONNECT_QUIESCE.toMillis()).waitForCompletion(DISCONNECT_TIMEOUT.toMillis());
            log.info("disconnected from the MQTT broker (status offline)");
        } catch (MqttException e) {
            log.warn("could not say goodbye to the broker: {}", reason(e));
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
