package kr.smartsenior.server.fleet;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Thresholds of the fleet's alerts, bound from {@code ssc.fleet.*} ({@code SSC_FLEET_*}).
 *
 * @param zone          the zone opening hours are read in ({@code SSC_FLEET_ZONE}, Asia/Seoul)
 * @param offlineGrace  how long a kiosk may be offline (or never connected) during opening hours
 *                      before it is an alert ({@code SSC_FLEET_OFFLINE_GRACE}, 10m): a restart or a
 *                      short network drop is not worth a phone call
 * @param silentAfter   an "online" kiosk not heard from for this long counts as offline
 *                      ({@code SSC_FLEET_SILENT_AFTER}, 5m; kiosks report every minute)
 * @param backlogGrowth an outbox that grew by at least this many records, without shrinking once, while
 *                      the kiosk stayed online, is "growing" ({@code SSC_FLEET_BACKLOG_GROWTH}, 20)
 * @param backlogLimit  an outbox this large is an alert however it got there ({@code SSC_FLEET_BACKLOG_LIMIT}, 1000)
 * @param configGrace   how long a kiosk may take to confirm a new configuration ({@code SSC_FLEET_CONFIG_GRACE}, 10m)
 * @param diskLowBytes  less free space than this is a notice ({@code SSC_FLEET_DISK_LOW_BYTES}, 1 GiB)
 * @param hotCelsius    a board this hot is a notice ({@code SSC_FLEET_HOT_CELSIUS}, 80; the Pi throttles at 80-85)
 */
@ConfigurationProperties("ssc.fleet")
record FleetProperties(ZoneId zone, Duration offlineGrace, Duration silentAfter, Integer backlogGrowth, Integer backlogLimit,
        Duration configGrace, Long diskLowBytes, Double hotCelsius) {

    FleetProperties {
        zone = zone == null ? ZoneId.of("Asia/Seoul") : zone;
        offlineGrace = offlineGrace == null ? Duration.ofMinutes(10) : offlineGrace;
        silentAfter = silentAfter == null ? Duration.ofMinutes(5) : silentAfter;
        backlogGrowth = backlogGrowth == null ? 20 : backlogGrowth;
        backlogLimit = backlogLimit == null ? 1000 : backlogLimit;
        configGrace = configGrace == null ? Duration.ofMinutes(10) : configGrace;
        diskLowBytes = diskLowBytes == null ? 1024L * 1024 * 1024 : diskLowBytes;
        hotCelsius = hotCelsius == null ? 80.0 : hotCelsius;
        if (backlogGrowth < 1 || backlogLimit < 1) {
            throw new IllegalArgumentException("SSC_FLEET_BACKLOG_GROWTH and SSC_FLEET_BACKLOG_LIMIT must be 1 or more");
        }
    }

    /** Every threshold at its default. */
    static FleetProperties defaults() {
        return new FleetProperties(null, null, null, null, null, null, null, null);
    }
}
