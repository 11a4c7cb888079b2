package kr.smartsenior.server.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import kr.smartsenior.protocol.DeviceStatus;
import kr.smartsenior.server.site.OpeningHours;
import org.junit.jupiter.api.Test;

class FleetHealthTest {

    /** Monday 2026-11-23 10:00 in Seoul. */
    private static final Instant MONDAY_10 = Instant.parse("2026-11-23T01:00:00Z");
    private static final OpeningHours WEEKDAYS = OpeningHours.parse(Map.of("mon", "09:00-18:00", "tue", "09:00-18:00",
            "wed", "09:00-18:00", "thu", "09:00-18:00", "fri", "09:00-18:00"));

    private final MutableClock clock = new MutableClock(MONDAY_10);
    private final FleetHealth health = new FleetHealth(FleetProperties.defaults(), clock);

    private DeviceStatusRegistry.Observation observe(DeviceStatusRegistry.Observation before, DeviceStatus status) {
        return DeviceStatusRegistry.observe(before, status, clock.instant());
    }

    private static DeviceStatus online(long outbox) {
        return online(outbox, Map.of("stepMat", "ok"));
    }

    private static DeviceStatus online(long outbox, Map<String, String> sensors) {
        return new DeviceStatus(DeviceStatus.ONLINE, "0.2.0", outbox, sensors, OffsetDateTime.now(ZoneOffset.UTC));
    }

    private static DeviceStatus offline() {
        return new DeviceStatus(DeviceStatus.OFFLINE, "0.2.0", 0, Map.of(), OffsetDateTime.now(ZoneOffset.UTC));
    }

    private List<Problem> problems(DeviceStatusRegistry.Observation seen) {
        return health.problems(new FleetHealth.Facts(MONDAY_10.minus(Duration.ofDays(30)), false, WEEKDAYS, seen, null, null));
    }

    private static List<String> codes(List<Problem> problems) {
        return problems.stream().map(p -> p.code() + "/" + p.severity()).toList();
    }

    @Test
    void aHealthyKioskHasNoProblems() {
        assertThat(problems(observe(null, online(0)))).isEmpty();
    }

    @Test
    void offlineDuringOpeningHoursBecomesAnAlertAfterTheGraceAndSaysSinceWhen() {
        DeviceStatusRegistry.Observation seen = observe(observe(null, online(0)), offline());
        Instant wentOffline = clock.instant();

        clock.advance(Duration.ofMinutes(5));
        assertThat(codes(problems(seen))).containsExactly("offline/notice");

        clock.advance(Duration.ofMinutes(6));
        List<Problem> problems = problems(seen);
        assertThat(codes(problems)).containsExactly("offline/alert");
        assertThat(problems.getFirst().since()).isEqualTo(wentOffline);
        assertThat(problems.getFirst().detail()).isEqualTo("꺼져 있습니다 (운영 시간 중)");

        clock.set(Instant.parse("2026-11-23T12:00:00Z")); // 21:00 in Seoul: closed
        assertThat(codes(problems(seen))).containsExactly("offline/notice");
        assertThat(problems(seen).getFirst().detail()).contains("운영 시간이 아님");
    }

    @Test
    void aKioskThatReportsOnlineButFallsSilentCountsAsAbsent() {
        DeviceStatusRegistry.Observation seen = observe(null, online(0));
        clock.advance(Duration.ofMinutes(20));
        assertThat(codes(problems(seen))).containsExactly("silent/alert");
    }

    @Test
    void aProvisionedKioskThatNeverConnectedIsNamed() {
        List<Problem> problems = health.problems(new FleetHealth.Facts(MONDAY_10.minus(Duration.ofHours(1)), false, WEEKDAYS,
                null, null, null));
        assertThat(codes(problems)).containsExactly("never-connected/alert");
        assertThat(problems.getFirst().since()).isEqualTo(MONDAY_10.minus(Duration.ofHours(1)));
    }

    @Test
    void aBacklogThatKeepsGrowingWhileOnlineIsAnAlertButAOneOffPeakIsNot() {
        DeviceStatusRegistry.Observation seen = observe(null, online(40)); // came online with results from a network outage
        clock.advance(Duration.ofMinutes(1));
        seen = observe(seen, online(0));
        assertThat(problems(seen)).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        seen = observe(seen, online(0)); // idle at zero for a while

        Instant growthStarts = clock.instant();
        for (long outbox : new long[] {3, 9, 15, 22}) {
            clock.advance(Duration.ofMinutes(1));
            seen = observe(seen, online(outbox));
        }
        List<Problem> problems = problems(seen);
        assertThat(codes(problems)).containsExactly("backlog-growing/alert");
        assertThat(problems.getFirst().since()).isEqualTo(growthStarts);
        assertThat(problems.getFirst().detail()).contains("0건에서 22건으로");

        clock.advance(Duration.ofMinutes(1));
        seen = observe(seen, online(5)); // it drains again
        assertThat(problems(seen)).isEmpty();
    }

    @Test
    void aReconnectStartsTheBacklogHistoryAfresh() {
        DeviceStatusRegistry.Observation seen = observe(null, online(0));
        clock.advance(Duration.ofMinutes(1));
        seen = observe(seen, offline());
        clock.advance(Duration.ofMinutes(30));
        seen = observe(seen, online(50));
        assertThat(problems(seen)).as("one sample since it came back: nothing to call growth").isEmpty();
    }

    @Test
    void aHugeBacklogIsAnAlertAndAFailingStoreToo() {
        assertThat(codes(problems(observe(null, online(5000))))).containsExactly("backlog-large/alert");
        assertThat(codes(problems(observe(null, online(-1))))).containsExactly("store-failing/alert");
    }

    @Test
    void aFailingSensorIsAnAlertSinceItFirstFailed() {
        DeviceStatusRegistry.Observation seen = observe(null, online(0, Map.of("stepMat", "ok", "distance", "not responding")));
        Instant failed = clock.instant();
        clock.advance(Duration.ofMinutes(2));
        seen = observe(seen, online(0, Map.of("stepMat", "OK", "distance", "not responding")));

        List<Problem> problems = problems(seen);
        assertThat(codes(problems)).containsExactly("sensor/alert");
        assertThat(problems.getFirst().since()).isEqualTo(failed);
        assertThat(problems.getFirst().detail()).isEqualTo("distance: not responding");
    }

    @Test
    void aCameraStillStartingIsANoticeNotAnAlert() {
        DeviceStatusRegistry.Observation seen = observe(null, online(0, Map.of("stepMat", "ok", "camera", "starting")));
        List<Problem> problems = problems(seen);
        assertThat(codes(problems)).containsExactly("sensor-starting/notice");
        assertThat(problems.getFirst().detail()).isEqualTo("camera: starting");

        seen = observe(seen, online(0, Map.of("stepMat", "ok", "camera", "no frame for 10 s (camera hung?)")));
        assertThat(codes(problems(seen))).containsExactly("sensor/alert");
    }

    @Test
    void configurationRefusedOrNotYetConfirmed() {
        Instant set = clock.instant();
        DeviceStatus refusing = new DeviceStatus(DeviceStatus.ONLINE, "0.1.0", 0, Map.of(), OffsetDateTime.now(ZoneOffset.UTC),
                null, null, null, 6L, new DeviceStatus.ConfigRefusal(7, "unknown setting 'brightness'"));
        DeviceStatusRegistry.Observation seen = observe(null, refusing);
        List<Problem> refused = health.problems(new FleetHealth.Facts(set, false, WEEKDAYS, seen, 7L, set));
        assertThat(codes(refused)).containsExactly("config-refused/alert");
        assertThat(refused.getFirst().detail()).isEqualTo("설정 버전 7을(를) 거부했습니다: unknown setting 'brightness'");

        DeviceStatus behind = new DeviceStatus(DeviceStatus.ONLINE, "0.1.0", 0, Map.of(), OffsetDateTime.now(ZoneOffset.UTC),
                null, null, null, 6L, null);
        DeviceStatusRegistry.Observation old = observe(null, behind);
        assertThat(health.problems(new FleetHealth.Facts(set, false, WEEKDAYS, old, 7L, set))).as("within the grace").isEmpty();
        clock.advance(Duration.ofMinutes(11));
        old = observe(old, behind);
        assertThat(codes(health.problems(new FleetHealth.Facts(set, false, WEEKDAYS, old, 7L, set))))
                .containsExactly("config-pending/notice");
    }

    @Test
    void lowDiskAndHeatAreNotices() {
        DeviceStatus status = new DeviceStatus(DeviceStatus.ONLINE, "0.2.0", 0, Map.of(), OffsetDateTime.now(ZoneOffset.UTC),
                null, 300L * 1024 * 1024, 83.5, null, null);
        assertThat(codes(problems(observe(null, status)))).containsExactly("disk-low/notice", "hot/notice");
    }

    @Test
    void revokedDevicesAreQuietUnlessTheyStillReportOnline() {
        DeviceStatusRegistry.Observation online = observe(null, online(0));
        assertThat(codes(health.problems(new FleetHealth.Facts(MONDAY_10, true, WEEKDAYS, online, null, null))))
                .containsExactly("revoked-online/alert");
        assertThat(health.problems(new FleetHealth.Facts(MONDAY_10, true, WEEKDAYS, observe(online, offline()), null, null)))
                .isEmpty();
        assertThat(codes(health.problems(new FleetHealth.Facts(null, false, WEEKDAYS, online, null, null))))
                .containsExactly("unprovisioned/notice");
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
