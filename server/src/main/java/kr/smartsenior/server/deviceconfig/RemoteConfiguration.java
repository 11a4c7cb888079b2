package kr.smartsenior.server.deviceconfig;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kr.smartsenior.protocol.Channel;
import kr.smartsenior.protocol.DeviceConfig;
import kr.smartsenior.protocol.DeviceSettings;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.Topics;
import kr.smartsenior.server.mqtt.BrokerConnection;
import kr.smartsenior.server.provisioning.DeviceProvisioned;
import kr.smartsenior.server.provisioning.DeviceRevoked;
import kr.smartsenior.server.provisioning.ProvisionedDevices;
import kr.smartsenior.server.provisioning.SettingsSource;
import kr.smartsenior.server.web.InvalidFieldException;
import kr.smartsenior.server.worker.BackgroundWorker;
import kr.smartsenior.server.worker.Worker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The configuration each device should run, and getting it to the device: published retained on
 * {@code ssc/v1/{site}/{device}/config} after every change, to a device when it is provisioned, to
 * every active device when the server starts (in case the broker lost its retained messages), and
 * cleared when a device is revoked.
 */
@Component
public final class RemoteConfiguration extends BackgroundWorker implements SettingsSource {

    private static final long PUBLISH_WAIT_SECONDS = 5;
    private static final Logger log = LoggerFactory.getLogger(RemoteConfiguration.class);

    private final ConfigRepository repository;
    private final ProvisionedDevices devices;
    private final BrokerConnection broker;
    private final ProtocolCodec codec;
    private final Clock clock;

    RemoteConfiguration(ConfigRepository repository, ProvisionedDevices devices, BrokerConnection broker, ProtocolCodec codec,
            Clock clock) {
        super(Worker.DEVICE_CONFIG);
        this.repository = repository;
        this.devices = devices;
        this.broker = broker;
        this.codec = codec;
        this.clock = clock;
    }

    /**
     * The configuration a device should run: its site's settings with its own on top.
     *
     * @param updatedAt when the newer of the two parts was last changed
     */
    public record Desired(long version, Map<String, Object> settings, Instant updatedAt) {

        DeviceConfig asConfig() {
            return new DeviceConfig(version, settings);
        }
    }

    /** What this device should run, or empty when neither its site nor it has settings. */
    public Optional<Desired> desired(String siteId, String deviceId) {
        Optional<ConfigRepository.Row> site = repository.find(ConfigRepository.SITE, siteId);
        Optional<ConfigRepository.Row> device = repository.find(ConfigRepository.DEVICE, deviceId);
        if (site.isEmpty() && device.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> merged = new LinkedHashMap<>();
        site.ifPresent(row -> merged.putAll(row.settings()));
        device.ifPresent(row -> merged.putAll(row.settings()));
        long version = Math.max(site.map(ConfigRepository.Row::version).orElse(0L),
                device.map(ConfigRepository.Row::version).orElse(0L));
        Instant updated = site.map(ConfigRepository.Row::updatedAt).orElse(Instant.EPOCH);
        if (device.isPresent() && device.get().updatedAt().isAfter(updated)) {
            updated = device.get().updatedAt();
        }
        return Optional.of(new Desired(version, merged, updated));
    }

    @Override
    public Optional<DeviceConfig> effective(String siteId, String deviceId) {
        return desired(siteId, deviceId).map(Desired::asConfig);
    }

    Optional<ConfigRepository.Row> own(String scope, String targetId) {
        return repository.find(scope, targetId);
    }

    /** Replaces a site's settings and publishes the result to each of its active devices. */
    synchronized Change setSite(String siteId, Map<String, Object> settings, String actor) {
        check(settings);
        ConfigRepository.Row row = repository.put(ConfigRepository.SITE, siteId, settings, clock.instant(), actor);
        log.info("site {} configuration version {} set by {}", siteId, row.version(), actor);
        return new Change(row, publish(devices.activeAt(siteId)));
    }

    /** Replaces one device's own settings (over its site's) and publishes the result to it. */
    synchronized Change setDevice(ProvisionedDevices.Device device, Map<String, Object> settings, String actor) {
        check(settings);
        ConfigRepository.Row row = repository.put(ConfigRepository.DEVICE, device.id(), settings, clock.instant(), actor);
        log.info("device {}/{} configuration version {} set by {}", device.siteId(), device.id(), row.version(), actor);
        return new Change(row, publish(device.active() ? List.of(device) : List.of()));
    }

    /**
     * Replaces a site's settings and those of the given devices of that site (each device in
     * {@code deviceSettings} gets exactly these as its own; a device left out keeps what it has), then
     * publishes once to each active device of the site: what the configuration page pushes.
     */
    synchronized Change setSiteAndDevices(String siteId, Map<String, Object> siteSettings,
            Map<String, Map<String, Object>> deviceSettings, String actor) {
        check(siteSettings);
        deviceSettings.values().forEach(RemoteConfiguration::check);
        List<ProvisionedDevices.Device> active = devices.activeAt(siteId);
        for (String deviceId : deviceSettings.keySet()) {
            if (active.stream().noneMatch(device -> device.id().equals(deviceId))) {
                throw new InvalidFieldException("device", "not an active device of site " + siteId);
            }
        }
        ConfigRepository.Row row = repository.put(ConfigRepository.SITE, siteId, siteSettings, clock.instant(), actor);
        deviceSettings.forEach((deviceId, settings) -> repository.put(ConfigRepository.DEVICE, deviceId, settings,
                clock.instant(), actor));
        log.info("site {} configuration version {} set by {}, with {} devices' own settings", siteId, row.version(), actor,
                deviceSettings.size());
        return new Change(row, publish(active));
    }

    /** A stored change and how many devices the broker confirmed it for. */
    record Change(ConfigRepository.Row row, int publishedTo) {
    }

    private static void check(Map<String, Object> settings) {
        DeviceSettings.problem(settings).ifPresent(problem -> {
            throw new InvalidFieldException("settings", problem);
        });
    }

    /** Publishes each device's effective configuration; returns how many the broker confirmed in time. */
    private int publish(List<ProvisionedDevices.Device> targets) {
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (ProvisionedDevices.Device device : targets) {
            effective(device.siteId(), device.id()).ifPresent(config -> sent.add(send(device.siteId(), device.id(), codec.encode(config))));
        }
        int confirmed = 0;
        for (CompletableFuture<Void> future : sent) {
            try {
                future.get(PUBLISH_WAIT_SECONDS, TimeUnit.SECONDS);
                confirmed++;
            } catch (ExecutionException | TimeoutException e) {
                log.warn("a configuration was not confirmed by the broker ({}); it is published again at the next start"
                        + " or change", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return confirmed;
    }

    private CompletableFuture<Void> send(String siteId, String deviceId, byte[] payload) {
        try {
            return broker.publish(Topics.of(siteId, deviceId, Channel.CONFIG), payload, Channel.QOS, true);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @EventListener
    void provisioned(DeviceProvisioned event) {
        devices.find(event.deviceId()).ifPresent(device -> publish(List.of(device)));
    }

    @EventListener
    void revoked(DeviceRevoked event) {
        // an empty retained message removes the retained configuration from the broker
        send(event.siteId(), event.deviceId(), new byte[0]);
    }

    @Override
    protected void startWork() {
        List<ProvisionedDevices.Device> active = devices.all().stream().filter(ProvisionedDevices.Device::active).toList();
        if (!active.isEmpty() && broker.isConnected()) {
            int confirmed = publish(active);
            log.info("published the configuration of {} devices", confirmed);
        }
    }

    @Override
    protected void stopWork() {
        // nothing runs between publications
    }
}
