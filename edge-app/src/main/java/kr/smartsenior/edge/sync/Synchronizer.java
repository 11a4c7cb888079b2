package kr.smartsenior.edge.sync;

import java.time.Clock;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import kr.smartsenior.edge.store.Outbox;
import kr.smartsenior.protocol.ProtocolCodec;

/**
 * Keeps the outbox flowing to the server: an MQTT link and the drainer thread behind it. Starting
 * returns at once, whether or not a broker can be reached; the link keeps trying.
 */
public final class Synchronizer implements AutoCloseable {

    private final PahoBrokerLink link;
    private final OutboxDrainer drainer;

    private Synchronizer(PahoBrokerLink link, OutboxDrainer drainer) {
        this.link = link;
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
        ProtocolCodec codec = new ProtocolCodec();
        StatusReport report = new StatusReport(settings.softwareVersion(), outbox::size, health, remoteConfig, clock);
        PahoBrokerLink link = new PahoBrokerLink(settings, codec,
                new Backoff(settings.initialBackoff(), settings.maxBackoff(), new SplittableRandom()), report, remoteConfig,
                rosters);
        OutboxDrainer drainer = new OutboxDrainer(outbox, link, codec,
                new Backoff(settings.initialBackoff(), settings.maxBackoff(), new SplittableRandom()), settings, clock,
                remoteConfig::uploadsPaused, health::synced);
        remoteConfig.onApplied(config -> drainer.wake()); // uploads may have been resumed
        drainer.start();
        link.start(drainer);
        return new Synchronizer(link, drainer);
    }

    /** Something the status reports changed (a sensor's self-test): publish the status now. Never blocks. */
    public void statusChanged() {
        link.refreshStatusSoon();
    }

    /** A record was appended: send it now if the link is up. Never blocks. */
    public void wake() {
        drainer.wake();
    }

    /** Whether the broker is connected and the acks subscription is in place. */
    public boolean connected() {
        return link.connected();
    }

    /** Stops sending, publishes the retained offline status, disconnects. Safe to call twice. */
    @Override
    public void close() {
        drainer.close();
        link.close();
    }
}
