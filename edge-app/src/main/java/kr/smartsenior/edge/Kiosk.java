package kr.smartsenior.edge;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import kr.smartsenior.edge.update.Installer;
import kr.smartsenior.edge.update.RequestInstaller;
import kr.smartsenior.edge.update.UpdateAgent;
import kr.smartsenior.edge.identify.RosterBook;
import kr.smartsenior.edge.store.LocalStore;
import kr.smartsenior.edge.sync.DeviceHealth;
import kr.smartsenior.edge.sync.RemoteConfig;
import kr.smartsenior.edge.sync.Synchronizer;
import kr.smartsenior.edge.ui.ports.UnwellDays;
import kr.smartsenior.protocol.DeviceConfig;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.RecordValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One kiosk: its local store, the sync that empties it, and the roster it checks members' cards against. This is the API the screen, the
 * simulator and the end-to-end tests use.
 *
 * <pre>{@code
 * try (Kiosk kiosk = Kiosk.start(KioskSettings.fromEnvironment(System.getenv()))) {
 *     kiosk.record(MeasurementRecord.of(memberId, MeasurementCode.GRIP_STRENGTH, value, takenAt, Map.of()));
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #record} returns once the result is committed to disk; sending happens on
 * the kiosk's own threads, whether or not the broker is reachable.
 */
public final class Kiosk implements AutoCloseable {

    /** How often a sensor-health source is checked for a change to publish at once. */
    static final long HEALTH_WATCH_MS = 2_000;

    /** Reported in the status when the jar carries no version (running from classes). */
    static final String UNKNOWN_VERSION = "dev";

    private static final Logger log = LoggerFactory.getLogger(Kiosk.class);

    private final KioskSettings settings;
    private final LocalStore store;
    private final Synchronizer sync;
    private final DeviceHealth health;
    private final RemoteConfig remoteConfig;
    private final RosterBook roster;
    private final UpdateAgent updates;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Watches a sensor-health source for changes; started by {@link #reportSensors(Supplier)}. */
    private ScheduledExecutorService healthWatch;
    private volatile Map<String, String> lastWatchedHealth;

    private Kiosk(KioskSettings settings, LocalStore store, Synchronizer sync, DeviceHealth health, RemoteConfig remoteConfig,
            RosterBook roster, UpdateAgent updates) {
        this.updates = updates;
        this.settings = settings;
        this.store = store;
        this.sync = sync;
        this.health = health;
        this.remoteConfig = remoteConfig;
        this.roster = roster;
    }

    /**
     * Opens the local store and starts syncing. Returns at once, even when the broker is down: the
     * kiosk keeps recording and sends when it can.
     *
     * @throws kr.smartsenior.edge.store.StoreException when the data directory or database is unusable
     */
    public static Kiosk start(KioskSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return start(settings, new RequestInstaller(settings.dataDir().resolve(UPDATE_DIR)), Kiosk::version);
    }

    /** The kiosk's update directory under its data directory, where the path unit looks for a request (decision 0040). */
    public static final String UPDATE_DIR = "update";

    /**
     * As {@link #start(KioskSettings)}, with the installer that update campaigns hand bundles to and the
     * version the kiosk runs (asked at every status and after an installation; a simulated kiosk's changes
     * with its scratch root).
     */
    public static Kiosk start(KioskSettings settings, Installer installer, Supplier<String> version) {
        Objects.requireNonNull(settings, "settings");
        LocalStore store = LocalStore.open(settings.dataDir());
        RosterBook roster = RosterBook.open(settings.siteId(), store.rosterCache());
        UpdateAgent updates = null;
        try {
            DeviceHealth health = new DeviceHealth(settings.dataDir(), DeviceHealth.DEFAULT_THERMAL_ZONE);
            RemoteConfig remoteConfig = RemoteConfig.open(settings.dataDir());
            HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NEVER);
            if (settings.mqttCaFile() != null) {
                http.sslContext(Synchronizer.trusting(settings.mqttCaFile())); // the district CA signs the server too
            }
            updates = new UpdateAgent(installer, version,
                    UpdateAgent.overHttp(http.build(), settings.mqttUser(), settings.mqttPassword()), Clock.systemDefaultZone(),
                    UPDATE_POLL, UPDATE_TIMEOUT);
            Synchronizer sync = Synchronizer.start(settings.syncSettings(version.get()), store.outbox(),
                    Clock.systemDefaultZone(), health, remoteConfig, roster::offer, updates, version);
            updates.start(sync::publishUpdateReport);
            Kiosk kiosk = new Kiosk(settings, store, sync, health, remoteConfig, roster, updates);
            log.info("kiosk {}/{} {} started: {} records waiting in {}", settings.siteId(), settings.deviceId(), version.get(),
                    store.outbox().size(), store.file());
            return kiosk;
        } catch (RuntimeException e) {
            if (updates != null) {
                updates.close();
            }
            roster.close();
            store.close();
            throw e;
        }
    }

    /** How often the update agent looks for the installer's result while installing. */
    static final Duration UPDATE_POLL = Duration.ofSeconds(1);
    /** An installation without a result for this long is reported FAILED (no path unit took the request). */
    static final Duration UPDATE_TIMEOUT = Duration.ofMinutes(15);

    /**
     * Keeps a result: committed to disk before this returns, then sent when the broker is reachable.
     * Recording the same record (same id) twice keeps it once.
     *
     * @throws IllegalStateException when the kiosk is closed
     * @throws kr.smartsenior.edge.store.StoreException when the disk refuses it (the result is not saved)
     */
    public void record(MeasurementRecord record) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(record.id(), "record id");
        if (closed.get()) {
            throw new IllegalStateException("the kiosk is closed");
        }
        // kept even so: the server names the problem, and the record waits in the local store for staff
        RecordValidator.problem(record, Instant.now())
                .ifPresent(problem -> log.warn("recorded a result the server will likely reject: {}", problem));
        store.outbox().append(record);
        sync.wake();
    }

    /** Records not yet acknowledged by the server. */
    public long outboxSize() {
        return store.outbox().size();
    }

    /** Whether the kiosk is connected to the broker and listening for acks. */
    public boolean connected() {
        return !closed.get() && sync.connected();
    }

    /**
     * Reports the sensors' latest self-test results ("ok", or what is wrong), replacing the earlier
     * ones; they go out in the status at once and with every refresh.
     */
    public void reportSensors(Map<String, String> results) {
        health.reportSensors(results);
        sync.statusChanged();
    }

    /**
     * Reads the sensors' self-test results from {@code source} each time the status is published, and
     * watches it every {@value #HEALTH_WATCH_MS} ms: a change (a camera unplugged, a sensor back) goes
     * out at once instead of with the next periodic status, so the fleet page sees it within seconds.
     */
    public void reportSensors(Supplier<Map<String, String>> source) {
        health.reportSensors(source);
        lastWatchedHealth = health.sensors(); // what the status published now says
        sync.statusChanged();
        synchronized (this) {
            if (healthWatch == null && !closed.get()) {
                healthWatch = Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "ssc-health-watch");
                    thread.setDaemon(true);
                    return thread;
                });
                healthWatch.scheduleWithFixedDelay(this::publishIfHealthChanged, HEALTH_WATCH_MS, HEALTH_WATCH_MS,
                        TimeUnit.MILLISECONDS);
            }
        }
    }

    private void publishIfHealthChanged() {
        try {
            Map<String, String> now = health.sensors();
            if (!now.equals(lastWatchedHealth)) {
                log.info("device self-test changed: {}", now);
                lastWatchedHealth = now;
                sync.statusChanged();
            }
        } catch (RuntimeException e) { // never let the watch die: the periodic status still goes out
            log.warn("could not read the device self-test: {}", e.toString());
        }
    }

    /** The remote configuration this kiosk runs, or empty before the first one arrives. */
    public Optional<DeviceConfig> config() {
        return remoteConfig.current();
    }

    /** The remote configuration, to read settings from and to hear about changes (screens, sound). */
    public RemoteConfig remoteConfig() {
        return remoteConfig;
    }

    /**
     * The roster this kiosk checks cards against: the newest received from the server, kept on disk.
     * Give it to an {@link kr.smartsenior.edge.identify.Identifier} to identify members.
     */
    public RosterBook roster() {
        return roster;
    }

    /**
     * The days members told this kiosk they were unwell, kept in its local store so that a restart
     * does not forget them: the screens offer such a member no test and no exercise for the rest of
     * the day.
     */
    public UnwellDays unwellDays() {
        var days = store.unwellDays();
        return new UnwellDays() {
            @Override
            public void remember(String memberId, java.time.LocalDate day) {
                days.remember(memberId, day);
            }

            @Override
            public boolean unwellOn(String memberId, java.time.LocalDate day) {
                return days.unwellOn(memberId, day);
            }
        };
    }

    /** The settings this kiosk runs with. */
    public KioskSettings settings() {
        return settings;
    }

    /** The update agent's latest report (the update this kiosk was told of last), or null. */
    public kr.smartsenior.protocol.UpdateReport updateState() {
        return updates.state();
    }

    /**
     * The kiosk software version: the release's name from the {@code VERSION} file beside the jar (as
     * {@code build-update-bundle.sh} writes it, the name update campaigns use), else the jar manifest's.
     */
    public static String version() {
        return RELEASE_VERSION;
    }

    private static final String RELEASE_VERSION = releaseVersion();

    private static String releaseVersion() {
        try {
            var source = Kiosk.class.getProtectionDomain().getCodeSource();
            if (source != null) {
                java.nio.file.Path jar = java.nio.file.Path.of(source.getLocation().toURI());
                java.nio.file.Path file = jar.resolveSibling("VERSION");
                if (jar.toString().endsWith(".jar") && java.nio.file.Files.isRegularFile(file)) {
                    String named = java.nio.file.Files.readString(file).strip();
                    if (kr.smartsenior.protocol.UpdateCommand.isValidVersion(named)) {
                        return named;
                    }
                }
            }
        } catch (java.io.IOException | java.net.URISyntaxException | RuntimeException e) {
            log.debug("no VERSION beside the jar: {}", e.toString());
        }
        String version = Kiosk.class.getPackage().getImplementationVersion();
        return version != null ? version : UNKNOWN_VERSION;
    }

    /** Stops syncing (publishing the retained offline status) and closes the store. Safe to call twice. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        synchronized (this) {
            if (healthWatch != null) {
                healthWatch.shutdownNow();
            }
        }
        try {
            updates.close();
            sync.close();
        } finally {
            roster.close();
            store.close();
            log.info("kiosk {}/{} stopped", settings.siteId(), settings.deviceId());
        }
    }
}
