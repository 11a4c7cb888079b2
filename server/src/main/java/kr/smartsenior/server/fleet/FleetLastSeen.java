package kr.smartsenior.server.fleet;

import java.util.Optional;
import kr.smartsenior.protocol.DeviceStatus;
import kr.smartsenior.server.provisioning.DeviceLastSeen;
import org.springframework.stereotype.Component;

/** The devices page's view of a kiosk's latest status, from {@link DeviceStatusRegistry}. */
@Component
final class FleetLastSeen implements DeviceLastSeen {

    private final DeviceStatusRegistry registry;

    FleetLastSeen(DeviceStatusRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Optional<Seen> of(String siteId, String deviceId) {
        return Optional.ofNullable(registry.observations().get(new DeviceStatusRegistry.Device(siteId, deviceId)))
                .map(seen -> {
                    DeviceStatus status = seen.status();
                    return new Seen(DeviceStatus.ONLINE.equals(status.state()), seen.stateSince(), seen.receivedAt(),
                            status.outbox() < 0 ? null : status.outbox(), status.configVersion());
                });
    }
}
