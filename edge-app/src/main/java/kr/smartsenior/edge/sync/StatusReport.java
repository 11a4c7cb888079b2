package kr.smartsenior.edge.sync;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import kr.smartsenior.protocol.DeviceConfig;
import kr.smartsenior.protocol.DeviceStatus;

/** Writes the kiosk's {@link DeviceStatus} from the outbox, its health and its configuration. */
final class StatusReport {

    private final Supplier<String> softwareVersion;
    private final LongSupplier outboxSize;
    private final DeviceHealth health;
    private final RemoteConfig config;
    private final Clock clock;

    StatusReport(String softwareVersion, LongSupplier outboxSize, DeviceHealth health, RemoteConfig config, Clock clock) {
        this(() -> softwareVersion, outboxSize, health, config, clock);
    }

    /** @param softwareVersion the version the kiosk runs, asked at every status (a simulated kiosk's changes with an update) */
    StatusReport(Supplier<String> softwareVersion, LongSupplier outboxSize, DeviceHealth health, RemoteConfig config,
            Clock clock) {
        this.softwareVersion = softwareVersion;
        this.outboxSize = outboxSize;
        this.health = health;
        this.config = config;
        this.clock = clock;
    }

    DeviceStatus status(String state) {
        long waiting;
        try {
            waiting = outboxSize.getAsLong();
        } catch (RuntimeException e) {
            waiting = -1; // the store is failing; say so rather than not reporting at all
        }
        Instant synced = health.lastSyncAt();
        // an offline status (the Last Will) outlives the moment it was written: no stale sensor results
        Map<String, String> sensors = DeviceStatus.ONLINE.equals(state) ? health.sensors() : Map.of();
        return new DeviceStatus(state, softwareVersion.get(), waiting, sensors, OffsetDateTime.now(clock),
                synced == null ? null : OffsetDateTime.ofInstant(synced, clock.getZone()), health.diskFreeBytes(),
                health.temperatureC(), config.current().map(DeviceConfig::version).orElse(null), config.refused());
    }
}
