package kr.smartsenior.edge.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the kiosk's status says about its health beside the outbox: sensor self-test results (set
 * by the sensors), when the server last acknowledged anything, free disk space for the data
 * directory, and the board's temperature from {@code /sys/class/thermal} where there is one.
 * Thread-safe.
 */
public final class DeviceHealth {

    /** The Raspberry Pi's SoC temperature, in millidegrees Celsius. */
    public static final Path DEFAULT_THERMAL_ZONE = Path.of("/sys/class/thermal/thermal_zone0/temp");

    private final Path dataDir;
    private final Path thermalZone;
    private volatile Supplier<Map<String, String>> sensors = Map::of;
    private volatile Instant lastSyncAt;

    /**
     * @param dataDir     where the kiosk's store lives (its free space is reported), or null
     * @param thermalZone a sysfs temperature file in millidegrees, or null
     */
    public DeviceHealth(Path dataDir, Path thermalZone) {
        this.dataDir = dataDir;
        this.thermalZone = thermalZone;
    }

    /** Reports nothing beyond sensors and sync times. */
    public static DeviceHealth none() {
        return new DeviceHealth(null, null);
    }

    /** The latest self-test result of each sensor ("ok", "not responding", ...), replacing the earlier ones. */
    public void reportSensors(Map<String, String> results) {
        Map<String, String> copy = Map.copyOf(Objects.requireNonNull(results, "results"));
        sensors = () -> copy;
    }

    /** Where to read the sensors' self-test results, asked each time a status is written. */
    public void reportSensors(Supplier<Map<String, String>> source) {
        sensors = Objects.requireNonNull(source, "source");
    }

    /** Each sensor's current self-test result; a failing source is itself reported, never thrown. */
    public Map<String, String> sensors() {
        try {
            Map<String, String> results = sensors.get();
            return results == null ? Map.of() : Map.copyOf(results);
        } catch (RuntimeException e) {
            return Map.of("sensors", "health unknown: " + e.getClass().getSimpleName());
        }
    }

    void synced(Instant at) {
        lastSyncAt = at;
    }

    /** When the server last acknowledged records from this kiosk (since it started), or null. */
    public Instant lastSyncAt() {
        return lastSyncAt;
    }

    /** Usable bytes where the data directory lives, or null if unknown. */
    public Long diskFreeBytes() {
        if (dataDir == null) {
            return null;
        }
        try {
            return Files.getFileStore(dataDir).getUsableSpace();
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    /** The board temperature in °C, or null where there is no readable thermal zone. */
    public Double temperatureC() {
        if (thermalZone == null || !Files.isReadable(thermalZone)) {
            return null;
        }
        try {
            long milli = Long.parseLong(Files.readString(thermalZone).strip());
            return Math.round(milli / 100.0) / 10.0;
        } catch (IOException | NumberFormatException | SecurityException e) {
            return null;
        }
    }
}
