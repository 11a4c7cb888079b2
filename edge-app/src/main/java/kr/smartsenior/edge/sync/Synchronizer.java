package kr.smartsenior.edge.sync;

import java.time.Clock;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import kr.smartsenior.edge.store.Outbox;
import kr.smartsenior.protocol.ProtocolCodec;

/**
 * Keeps the outbox flowing to the server: an MQTT link, the kiosk's channels on it and the drainer
 * thread behind them. Starting returns at once, whether or not a broker can be reached; the link keeps
 * trying.
 */
public final class Synchronizer implements AutoCloseable {

    private final PahoBrokerLink link;
    private final KioskChannels channels;
    private final OutboxDrainer drainer;

    private Synchronizer(PahoBrokerLink link, KioskChannels channels, OutboxDrainer drainer) {
        this.link = link;
        this.channels = channels;
        this.drainer = drainer;
    }

    /** Starts syncing the outbox with the system clock. */
    public static Synchronizer start(SyncSettings settings, Outbox outbox) {
        return start(settings, outbox, Clock.systemDefaultZone());
    }

    /** Starts syncing the outbox; the clock stamps batches and status and times retries. */
    public static Synchronizer start(SyncSettings settings, Outbox outbox, Clock clock) {
        return start(settings, outbox, clock, DeviceHealth.none(), RemoteConfig.inMemory(), payload -> { });
    }

    /**
     * Starts syncing the outbox, reporting the kiosk's health in its status, applying the remote
     * configuration the server publishes (and confirming its version), and passing on the site's
     * retained roster ({@code ssc/v1/{site}/all/roster}): every payload there goes to {@code rosters},
     * on an MQTT client thread (hand it over, return at once).
     */
    public static Synchronizer start(SyncSettings settings, Outbox outbox, Clock clock, DeviceHealth health,
            RemoteConfig remoteConfig, Consumer<byte[]> rosters) {
        return start(settings, outbox, clock, health, remoteConfig, rosters, null, settings::softwareVersion);
    }

    /**
     * As {@link #start(SyncSettings, Outbox, Clock, DeviceHealth, RemoteConfig, Consumer)}, with the update agent's
     * side of the link ({@code updates}, null for none) and the running version asked at every status.
     */
    public static Synchronizer start(SyncSettings settings, Outbox outbox, Clock clock, DeviceHealth health,
            RemoteConfig remoteConfig, Consumer<byte[]> rosters, UpdateChannel updates, Supplier<String> version) {
        ProtocolCodec codec = new ProtocolCodec();
        StatusReport report = new StatusReport(version, outbox::size, health, remoteConfig, clock);
        PahoBrokerLink link = new PahoBrokerLink(settings, backoff(settings),
                KioskChannels.offlineStatus(settings, codec, report));
        KioskChannels channels = new KioskChannels(link, settings, codec, report, remoteConfig, rosters, updates,
                backoff(settings), channelsThread());
        OutboxDrainer drainer = new OutboxDrainer(outbox, channels, codec, backoff(settings), settings, clock,
                remoteConfig::uploadsPaused, health::synced);
        remoteConfig.onApplied(config -> drainer.wake()); // uploads may have been resumed
        drainer.start();
        channels.start(drainer);
        return new Synchronizer(link, channels, drainer);
    }

    /** Each user of a backoff has its own: they are not thread-safe. */
    private static Backoff backoff(SyncSettings settings) {
        return new Backoff(settings.initialBackoff(), settings.maxBackoff(), new SplittableRandom());
    }

    private static ScheduledExecutorService channelsThread() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ssc-kiosk-channels");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Something the status reports changed (a sensor's self-test): publish the status now. Never blocks. */
    public void statusChanged() {
        channels.statusChanged();
    }

    /** Publishes an update progress report (retained); false when the link is down (it goes out again on connect). */
    public boolean publishUpdateReport(byte[] payload) {
        return channels.publishUpdateReport(payload);
    }

    /** A TLS context trusting exactly the CA certificates in this PEM file (the district CA of the bundle). */
    public static javax.net.ssl.SSLContext trusting(java.nio.file.Path caFile) {
        return BrokerTrust.contextFromCaFile(caFile);
    }

    /** A record was appended: send it now if the link is up. Never blocks. */
    public void wake() {
        drainer.wake();
    }

    /** Whether the broker is connected and the acks subscription is in place. */
    public boolean connected() {
        return channels.connected();
    }

    /** Stops sending, publishes the retained offline status, disconnects. Safe to call twice. */
    @Override
    public void close() {
        drainer.close();
        channels.close();
        link.close();
    }
}
