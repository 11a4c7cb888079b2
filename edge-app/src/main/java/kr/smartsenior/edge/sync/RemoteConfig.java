package kr.smartsenior.edge.sync;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import kr.smartsenior.protocol.Decoded;
import kr.smartsenior.protocol.DeviceConfig;
import kr.smartsenior.protocol.DeviceSettings;
import kr.smartsenior.protocol.DeviceStatus;
import kr.smartsenior.protocol.ProtocolCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The remote configuration this kiosk runs. A configuration from the server's retained
 * {@code config} topic is applied only when it is readable, newer than the running one, and every
 * setting is known and in range ({@link DeviceSettings}); otherwise it is refused with a reason and
 * the running one is kept. The applied one is saved in the data directory (written to a temporary
 * file, synced, then renamed), so a restart without a network starts with it. The status reports
 * the running version and the last refusal. Thread-safe.
 */
public final class RemoteConfig {

    /** The file in the data directory that holds the applied configuration. */
    public static final String FILE = "remote-config.json";

    private static final Logger log = LoggerFactory.getLogger(RemoteConfig.class);

    private final Path file;
    private final ProtocolCodec codec = new ProtocolCodec();
    private final List<Consumer<DeviceConfig>> listeners = new CopyOnWriteArrayList<>();
    private volatile DeviceConfig current;
    private volatile DeviceStatus.ConfigRefusal refused;

    private RemoteConfig(Path file, DeviceConfig current) {
        this.file = file;
        this.current = current;
    }

    /** Kept in memory only (tests, tools). */
    public static RemoteConfig inMemory() {
        return new RemoteConfig(null, null);
    }

    /** Loads the configuration saved in this data directory, if any and usable. */
    public static RemoteConfig open(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        DeviceConfig saved = null;
        if (Files.exists(file)) {
            try {
                ProtocolCodec codec = new ProtocolCodec();
                switch (codec.decodeConfig(Files.readAllBytes(file))) {
                    case Decoded.Ok<DeviceConfig>(DeviceConfig config) when DeviceSettings.problem(config).isEmpty() ->
                            saved = config;
                    case Decoded.Ok<DeviceConfig> ok -> log.warn("the saved configuration in {} is not usable; starting without", file);
                    case Decoded.Malformed<DeviceConfig>(String reason) ->
                            log.warn("the saved configuration in {} is unreadable ({}); starting without", file, reason);
                }
            } catch (IOException e) {
                log.warn("cannot read the saved configuration {} ({}); starting without", file, e.getMessage());
            }
        }
        return new RemoteConfig(file, saved);
    }

    /** What became of a configuration offered to the kiosk. */
    public enum Outcome { APPLIED, UNCHANGED, REFUSED }

    /**
     * Offers a {@code config} message. Called on the MQTT link thread; listeners run there too, so they
     * must only hand the change over.
     */
    public synchronized Outcome offer(byte[] payload) {
        DeviceConfig config;
        switch (codec.decodeConfig(payload)) {
            case Decoded.Ok<DeviceConfig>(DeviceConfig ok) -> config = ok;
            case Decoded.Malformed<DeviceConfig>(String reason) -> {
                return refuse(0, "unreadable configuration: " + reason);
            }
        }
        Optional<String> problem = DeviceSettings.problem(config);
        if (problem.isPresent()) {
            return refuse(config.version(), problem.get());
        }
        DeviceConfig running = current;
        if (running != null && config.version() == running.version()) {
            return Outcome.UNCHANGED;
        }
        if (running != null && config.version() < running.version()) {
            return refuse(config.version(), "older than the running version " + running.version());
        }
        try {
            save(config);
        } catch (IOException e) {
            return refuse(config.version(), "cannot save it on the kiosk: " + e.getMessage());
        }
        current = config;
        refused = null;
        log.info("applied configuration version {} ({} settings)", config.version(), config.settings().size());
        for (Consumer<DeviceConfig> listener : listeners) {
            try {
                listener.accept(config);
            } catch (RuntimeException e) {
                log.error("a configuration listener failed", e);
            }
        }
        return Outcome.APPLIED;
    }

    private Outcome refuse(long version, String reason) {
        refused = new DeviceStatus.ConfigRefusal(version, reason);
        log.warn("refused configuration version {}: {}; keeping version {}", version, reason,
                current == null ? "none" : current.version());
        return Outcome.REFUSED;
    }

    private void save(DeviceConfig config) throws IOException {
        if (file == null) {
            return;
        }
        Path temp = file.resolveSibling(FILE + ".tmp");
        Files.write(temp, codec.encode(config));
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The running configuration, or empty before the first one. */
    public Optional<DeviceConfig> current() {
        return Optional.ofNullable(current);
    }

    /** The last configuration refused since a configuration was last applied, or null. */
    public DeviceStatus.ConfigRefusal refused() {
        return refused;
    }

    /** A setting of the running configuration, or empty when it is not set. */
    public Optional<Object> setting(DeviceSettings setting) {
        DeviceConfig config = current;
        return config == null ? Optional.empty() : Optional.ofNullable(config.settings().get(setting.key()));
    }

    /** Whether the admin has paused uploads ({@link DeviceSettings#UPLOADS_PAUSED}). */
    public boolean uploadsPaused() {
        return setting(DeviceSettings.UPLOADS_PAUSED).map(Boolean.TRUE::equals).orElse(false);
    }

    /** Calls the listener with every configuration applied from now on. */
    public void onApplied(Consumer<DeviceConfig> listener) {
        listeners.add(listener);
    }
}
