package kr.smartsenior.edge.sync;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import kr.smartsenior.protocol.Channel;
import kr.smartsenior.protocol.DeviceStatus;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's channels on the broker and what each means: on every connect it subscribes to
 * {@code acks} (without which nothing can leave the outbox), {@code config} and the site's
 * {@code roster}; acks go to the drainer, a configuration to {@link RemoteConfig} (and the status then
 * confirms it), rosters to their consumer; it publishes the retained {@code status} when the link comes
 * up, every {@code statusInterval} and on demand, and supplies the {@code offline} one as the Last Will.
 * Each refused subscription is logged once per connection with its topic.
 *
 * <p>Threads: its work runs on one thread of its own ({@code ssc-kiosk-channels}), so statuses go out
 * in order; the link's events and answers are posted there. Acks and rosters are handed on from the
 * MQTT client thread, as their receivers only queue them.
 */
final class KioskChannels implements BatchLink, BrokerLink.Listener {

    private static final Logger log = LoggerFactory.getLogger(KioskChannels.class);

    static final Duration STOP_TIMEOUT = Duration.ofSeconds(2);

    private final BrokerLink link;
    private final ProtocolCodec codec;
    private final StatusReport report;
    private final RemoteConfig remoteConfig;
    private final Consumer<byte[]> rosters;
    private final Backoff backoff;
    private final Duration statusInterval;
    private final ScheduledExecutorService thread;
    private final String acksTopic;
    private final String configTopic;
    private final String rosterTopic;
    private final String statusTopic;
    private final String measurementsTopic;
    private final String updateTopic;
    private final String updateStatusTopic;
    /** Update commands and reports, or null for a kiosk without an update agent. */
    private final UpdateChannel updates;

    private volatile BatchLink.Listener drainer;
    /** Connected and subscribed to {@code acks}. */
    private volatile boolean ready;

    // state below is only touched on the channels thread
    /** Counts connects and losses, so an answer meant for an earlier connection is ignored. */
    private long connection;
    private boolean closed;
    private ScheduledFuture<?> statusTask;

    /**
     * @param rosters receives every payload on the site's retained roster topic, on an MQTT client thread:
     *                it must only hand the payload over
     * @param backoff the wait before asking again for a subscription that was not granted
     * @param thread  the thread the channels' work runs on; closed by {@link #close()}
     */
    KioskChannels(BrokerLink link, SyncSettings settings, ProtocolCodec codec, StatusReport report, RemoteConfig remoteConfig,
            Consumer<byte[]> rosters, Backoff backoff, ScheduledExecutorService thread) {
        this(link, settings, codec, report, remoteConfig, rosters, null, backoff, thread);
    }

    /** @param updates the update agent's side of the link, or null for none (no {@code update} subscription) */
    KioskChannels(BrokerLink link, SyncSettings settings, ProtocolCodec codec, StatusReport report, RemoteConfig remoteConfig,
            Consumer<byte[]> rosters, UpdateChannel updates, Backoff backoff, ScheduledExecutorService thread) {
        this.updates = updates;
        this.updateTopic = Topics.of(settings.siteId(), settings.deviceId(), Channel.UPDATE);
        this.updateStatusTopic = Topics.of(settings.siteId(), settings.deviceId(), Channel.UPDATE_STATUS);
        this.link = link;
        this.codec = codec;
        this.report = report;
        this.remoteConfig = remoteConfig;
        this.rosters = rosters;
        this.backoff = backoff;
        this.statusInterval = settings.statusInterval();
        this.thread = thread;
        this.acksTopic = Topics.of(settings.siteId(), settings.deviceId(), Channel.ACKS);
        this.configTopic = Topics.of(settings.siteId(), settings.deviceId(), Channel.CONFIG);
        this.rosterTopic = Topics.siteWide(settings.siteId(), Channel.ROSTER);
        this.statusTopic = Topics.of(settings.siteId(), settings.deviceId(), Channel.STATUS);
        this.measurementsTopic = Topics.of(settings.siteId(), settings.deviceId(), Channel.MEASUREMENTS);
    }

    /** The retained {@code offline} status, for the broker to publish should the kiosk vanish. */
    static BrokerLink.LastWill offlineStatus(SyncSettings settings, ProtocolCodec codec, StatusReport report) {
        return new BrokerLink.LastWill(Topics.of(settings.siteId(), settings.deviceId(), Channel.STATUS),
                () -> codec.encode(report.status(DeviceStatus.OFFLINE)), Channel.QOS, Channel.STATUS.retained());
    }

    @Override
    public void start(BatchLink.Listener drainer) {
        this.drainer = drainer;
        onThread(() -> {
            long every = statusInterval.toMillis();
            statusTask = thread.scheduleWithFixedDelay(guarded(this::refreshStatus), every, every, TimeUnit.MILLISECONDS);
        });
        link.start(this);
    }

    @Override
    public boolean connected() {
        return ready;
    }

    @Override
    public boolean publishBatch(byte[] payload) {
        return ready && link.publish(measurementsTopic, payload, Channel.QOS, Channel.MEASUREMENTS.retained());
    }

    /** Publishes an update progress report (retained) if the link is up; false if it could not be handed over. */
    boolean publishUpdateReport(byte[] payload) {
        return ready && link.publish(updateStatusTopic, payload, Channel.QOS, Channel.UPDATE_STATUS.retained());
    }

    /** Publishes the status now (a sensor changed), if the link is up. Never blocks. */
    void statusChanged() {
        onThread(this::refreshStatus);
    }

    // ---- the link's events: post and return ----

    @Override
    public void connectionMade() {
        onThread(this::subscribeAll);
    }

    @Override
    public void connectionLost() {
        ready = false;
        onThread(() -> {
            connection++;
            BatchLink.Listener current = drainer;
            if (current != null) {
                current.linkDown();
            }
        });
    }

    // ---- on the channels thread ----

    /** A clean session forgets subscriptions: ask for each on every connect (the retained config and roster come again). */
    private void subscribeAll() {
        if (closed) {
            return;
        }
        connection++;
        ready = false;
        for (Subscription subscription : Subscription.values()) {
            if (subscription != Subscription.UPDATE || updates != null) {
                subscribe(subscription, connection);
            }
        }
    }

    private void subscribe(Subscription subscription, long asked) {
        if (closed || asked != connection || !link.connected()) {
            return; // a later connect asks again
        }
        link.subscribe(topic(subscription), Channel.QOS, handler(subscription),
                outcome -> onThread(() -> answered(subscription, outcome, asked)));
    }

    private void answered(Subscription subscription, BrokerLink.SubscribeOutcome outcome, long asked) {
        if (closed || asked != connection) {
            return; // an answer for a connection that is gone
        }
        String topic = topic(subscription);
        switch (outcome) {
            case BrokerLink.SubscribeOutcome.Granted _ -> {
                if (subscription == Subscription.ACKS) {
                    linkReady();
                }
            }
            case BrokerLink.SubscribeOutcome.Refused _ when subscription == Subscription.ACKS ->
                    retry(subscription, asked, "the broker refused it");
            case BrokerLink.SubscribeOutcome.Refused _ ->
                    log.warn("the broker refused the subscription to {}; {}", topic, subscription.withoutIt);
            case BrokerLink.SubscribeOutcome.Failed(String reason) -> retry(subscription, asked, reason);
        }
    }

    private void retry(Subscription subscription, long asked, String reason) {
        Duration wait = backoff.delay(1);
        String message = "cannot subscribe to {} ({}); {}, retrying in {} ms";
        if (subscription == Subscription.ACKS) {
            log.error(message, topic(subscription), reason, subscription.withoutIt, wait.toMillis());
        } else {
            log.warn(message, topic(subscription), reason, subscription.withoutIt, wait.toMillis());
        }
        try {
            thread.schedule(guarded(() -> subscribe(subscription, asked)), wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("channels closed; not asking again for {}", topic(subscription));
        }
    }

    private void linkReady() {
        ready = true;
        publishStatus();
        byte[] latest = updates == null ? null : updates.latestReport();
        if (latest != null && !link.publish(updateStatusTopic, latest, Channel.QOS, Channel.UPDATE_STATUS.retained())) {
            log.debug("could not publish the latest update report");
        }
        BatchLink.Listener current = drainer;
        if (current != null) {
            current.linkUp();
        }
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
            publishStatus();
        }
    }

    private void publishStatus() {
        byte[] status = codec.encode(report.status(DeviceStatus.ONLINE));
        if (!link.publish(statusTopic, status, Channel.QOS, Channel.STATUS.retained())) {
            log.debug("could not publish the online status");
        }
    }

    // ---- the subscriptions ----

    /** The subscriptions the kiosk asks for on every connect, and what it does without each. */
    private enum Subscription {
        ACKS("without acks nothing can leave the outbox"),
        CONFIG("remote configuration will not arrive"),
        ROSTER("cards are checked against the roster already kept"),
        UPDATE("update commands will not arrive");

        final String withoutIt;

        Subscription(String withoutIt) {
            this.withoutIt = withoutIt;
        }
    }

    private String topic(Subscription subscription) {
        return switch (subscription) {
            case ACKS -> acksTopic;
            case CONFIG -> configTopic;
            case ROSTER -> rosterTopic;
            case UPDATE -> updateTopic;
        };
    }

    /** What a message on each topic means; called on an MQTT client thread, so each only hands over. */
    private Consumer<byte[]> handler(Subscription subscription) {
        return switch (subscription) {
            case ACKS -> payload -> {
                BatchLink.Listener current = drainer;
                if (current != null) {
                    current.ackArrived(payload);
                }
            };
            case CONFIG -> payload -> onThread(() -> applyConfig(payload));
            case ROSTER -> rosters;
            case UPDATE -> payload -> updates.commandArrived(payload);
        };
    }

    private void onThread(Runnable task) {
        try {
            thread.execute(guarded(task));
        } catch (RejectedExecutionException e) {
            log.debug("channels closed; dropping an event");
        }
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("unexpected failure on the kiosk channels thread", e);
            }
        };
    }

    // ---- closing ----

    /** Stops the status and every subscription's work; the link itself is closed by its owner. Safe to call twice. */
    @Override
    public void close() {
        ready = false;
        try {
            thread.submit(() -> {
                closed = true;
                if (statusTask != null) {
                    statusTask.cancel(false);
                }
            }).get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            log.debug("the kiosk channels did not stop cleanly: {}", e.toString());
        }
        thread.shutdownNow(); // drops retries still waiting
        try {
            if (!thread.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("the kiosk channels thread did not stop in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
