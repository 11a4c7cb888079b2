package kr.smartsenior.server.provisioning;

import java.time.Instant;
import java.util.Optional;

/**
 * What the server last heard from a kiosk, for the devices page: a port this package owns and the
 * fleet implements (the fleet depends on provisioning, not the other way round).
 */
public interface DeviceLastSeen {

    /**
     * @param online      whether its latest status says it is connected
     * @param since       since when it has been in that state (the server's clock)
     * @param heardAt     when its latest status arrived
     * @param backlog     results it holds that the server has not acknowledged, or null when unknown
     * @param configVersion the configuration version it runs, or null
     */
    record Seen(boolean online, Instant since, Instant heardAt, Long backlog, Long configVersion) {
    }

    /** What was last heard from this kiosk, or empty when it has never reported. */
    Optional<Seen> of(String siteId, String deviceId);
}
