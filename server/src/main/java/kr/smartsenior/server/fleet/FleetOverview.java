package kr.smartsenior.server.fleet;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import kr.smartsenior.protocol.DeviceStatus;
import kr.smartsenior.server.deviceconfig.RemoteConfiguration;
import kr.smartsenior.server.provisioning.ProvisionedDevices;
import kr.smartsenior.server.site.OpeningHours;
import kr.smartsenior.server.site.Site;
import kr.smartsenior.server.site.SiteRepository;
import org.springframework.stereotype.Component;

/**
 * Every site and kiosk at a glance, grouped by rollout wave: the provisioned devices, and any
 * device heard from that was not provisioned, each with its latest status and its problems.
 */
@Component
final class FleetOverview {

    private final SiteRepository sites;
    private final ProvisionedDevices devices;
    private final DeviceStatusRegistry registry;
    private final RemoteConfiguration configuration;
    private final FleetHealth health;
    private final Clock clock;

    FleetOverview(SiteRepository sites, ProvisionedDevices devices, DeviceStatusRegistry registry,
            RemoteConfiguration configuration, FleetProperties thresholds, Clock clock) {
        this.sites = sites;
        this.devices = devices;
        this.registry = registry;
        this.configuration = configuration;
        this.health = new FleetHealth(thresholds, clock);
        this.clock = clock;
    }

    record Fleet(Instant at, Summary summary, List<Wave> waves, List<DeviceView> unknownSites) {
    }

    record Summary(int sites, int devices, int online, int withAlerts, int alerts, int notices) {
    }

    /** @param wave the rollout wave, or null for sites not planned into one */
    record Wave(Integer wave, List<SiteView> sites) {
    }

    record SiteView(String siteId, String name, String address, Map<String, String> openingHours, List<DeviceView> devices) {
    }

    /**
     * @param provisioned false for a device only heard from
     * @param state       {@code online}, {@code offline}, or {@code unknown} (never heard from)
     * @param stateSince  since when, by the server's clock
     * @param lastHeard   when its latest status arrived
     * @param status      its latest status as the kiosk sent it
     * @param desiredConfigVersion the configuration it should run
     */
    record DeviceView(String siteId, String deviceId, boolean provisioned, boolean revoked, String state, Instant stateSince,
            Instant lastHeard, DeviceStatus status, Long desiredConfigVersion, List<Problem> problems) {
    }

    /** The whole fleet, devices of unknown sites included (admins). */
    Fleet fleet() {
        return fleet(null);
    }

    /**
     * The fleet as an account may see it.
     *
     * @param restrictedTo the sites to show (a STAFF account's, see {@code SiteAccess.restrictedTo}); null for
     *                     every site and the devices heard from on sites this server does not know
     */
    Fleet fleet(Set<String> restrictedTo) {
        Map<DeviceStatusRegistry.Device, DeviceStatusRegistry.Observation> seen = registry.observations();
        Map<String, List<ProvisionedDevices.Device>> bySite = new LinkedHashMap<>();
        for (ProvisionedDevices.Device device : devices.all()) {
            bySite.computeIfAbsent(device.siteId(), id -> new ArrayList<>()).add(device);
        }
        Set<DeviceStatusRegistry.Device> shown = new HashSet<>();
        Map<Integer, List<SiteView>> waves = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        List<DeviceView> all = new ArrayList<>();
        List<Site> allSites = sites.all();
        for (Site site : allSites) {
            if (restrictedTo != null && !restrictedTo.contains(site.id())) {
                continue;
            }
            OpeningHours hours = site.hours();
            List<DeviceView> views = new ArrayList<>();
            for (ProvisionedDevices.Device device : bySite.getOrDefault(site.id(), List.of())) {
                DeviceStatusRegistry.Device key = new DeviceStatusRegistry.Device(site.id(), device.id());
                shown.add(key);
                views.add(view(key, device, hours, seen.get(key)));
            }
            seen.keySet().stream()
                    .filter(key -> key.siteId().equals(site.id()) && !shown.contains(key))
                    .sorted(Comparator.comparing(DeviceStatusRegistry.Device::deviceId))
                    .forEach(key -> {
                        shown.add(key);
                        views.add(view(key, null, hours, seen.get(key)));
                    });
            all.addAll(views);
            waves.computeIfAbsent(site.wave(), w -> new ArrayList<>())
                    .add(new SiteView(site.id(), site.name(), site.address(), site.openingHours(), views));
        }
        Set<String> known = new HashSet<>();
        allSites.forEach(site -> known.add(site.id()));
        List<DeviceView> unknown = restrictedTo != null ? List.of() : seen.keySet().stream()
                .filter(key -> !shown.contains(key) && !known.contains(key.siteId()))
                .sorted(Comparator.comparing(DeviceStatusRegistry.Device::siteId).thenComparing(DeviceStatusRegistry.Device::deviceId))
                .map(key -> view(key, null, OpeningHours.always(), seen.get(key)))
                .toList();
        all.addAll(unknown);
        List<Wave> waveList = waves.entrySet().stream().map(e -> new Wave(e.getKey(), e.getValue())).toList();
        return new Fleet(clock.instant(), summary(waves.values().stream().mapToInt(List::size).sum(), all), waveList, unknown);
    }

    private DeviceView view(DeviceStatusRegistry.Device key, ProvisionedDevices.Device device, OpeningHours hours,
            DeviceStatusRegistry.Observation observation) {
        Optional<RemoteConfiguration.Desired> desired = device == null || !device.active()
                ? Optional.empty()
                : configuration.desired(key.siteId(), key.deviceId());
        FleetHealth.Facts facts = new FleetHealth.Facts(device == null ? null : Instant.ofEpochMilli(device.createdAtMs()),
                device != null && !device.active(), hours, observation, desired.map(RemoteConfiguration.Desired::version).orElse(null),
                desired.map(RemoteConfiguration.Desired::updatedAt).orElse(null));
        List<Problem> problems = health.problems(facts);
        return new DeviceView(key.siteId(), key.deviceId(), device != null, device != null && !device.active(),
                observation == null ? "unknown" : observation.status().state(),
                observation == null ? null : observation.stateSince(),
                observation == null ? null : observation.receivedAt(),
                observation == null ? null : observation.status(),
                desired.map(RemoteConfiguration.Desired::version).orElse(null), problems);
    }

    private static Summary summary(int siteCount, List<DeviceView> views) {
        int online = (int) views.stream().filter(v -> Objects.equals(v.state(), DeviceStatus.ONLINE) && !v.revoked()).count();
        int withAlerts = (int) views.stream().filter(v -> v.problems().stream().anyMatch(p -> p.severity().equals(Problem.ALERT)))
                .count();
        int alerts = (int) views.stream().flatMap(v -> v.problems().stream()).filter(p -> p.severity().equals(Problem.ALERT)).count();
        int notices = (int) views.stream().flatMap(v -> v.problems().stream()).filter(p -> p.severity().equals(Problem.NOTICE))
                .count();
        int deviceCount = (int) views.stream().filter(v -> !v.revoked()).count();
        return new Summary(siteCount, deviceCount, online, withAlerts, alerts, notices);
    }
}
