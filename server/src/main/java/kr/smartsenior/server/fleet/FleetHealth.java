package kr.smartsenior.server.fleet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kr.smartsenior.protocol.DeviceStatus;
import kr.smartsenior.server.site.OpeningHours;

/**
 * What is wrong with a kiosk, and since when. Pure: everything comes in through {@link Facts} and
 * the clock, so every rule is tested without a broker.
 *
 * <table>
 * <caption>problems</caption>
 * <tr><th>code</th><th>when</th><th>severity</th></tr>
 * <tr><td>{@code never-connected}</td><td>provisioned, never heard from</td><td rowspan="3">alert while the site
 * is open and it lasts longer than the grace; notice otherwise</td></tr>
 * <tr><td>{@code offline}</td><td>its status is offline (clean stop or Last Will)</td></tr>
 * <tr><td>{@code silent}</td><td>"online", but no status for a while</td></tr>
 * <tr><td>{@code backlog-growing}</td><td>online, outbox grew by the threshold without shrinking once</td><td>alert</td></tr>
 * <tr><td>{@code backlog-large}</td><td>outbox above the limit</td><td>alert</td></tr>
 * <tr><td>{@code store-failing}</td><td>the kiosk cannot read its own outbox</td><td>alert</td></tr>
 * <tr><td>{@code sensor}</td><td>a sensor's self-test is not "ok"</td><td>alert</td></tr>
 * <tr><td>{@code sensor-starting}</td><td>a device still starting (the camera before its first frame; a hung one
 * reports itself after seconds)</td><td>notice</td></tr>
 * <tr><td>{@code config-refused}</td><td>the kiosk refused the configuration it should run</td><td>alert</td></tr>
 * <tr><td>{@code config-pending}</td><td>online, still on an older configuration after the grace</td><td>notice</td></tr>
 * <tr><td>{@code disk-low}, {@code hot}</td><td>little free space; a hot board</td><td>notice</td></tr>
 * <tr><td>{@code revoked-online}</td><td>a revoked identity still reports online</td><td>alert</td></tr>
 * <tr><td>{@code unprovisioned}</td><td>heard from, but not provisioned here</td><td>notice</td></tr>
 * </table>
 */
final class FleetHealth {

    private final FleetProperties thresholds;
    private final Clock clock;

    FleetHealth(FleetProperties thresholds, Clock clock) {
        this.thresholds = thresholds;
        this.clock = clock;
    }

    /**
     * What the fleet knows about one kiosk.
     *
     * @param provisionedAt   when it was provisioned; null if it never was (heard from only)
     * @param revoked         whether its identity was revoked
     * @param hours           its site's opening hours
     * @param observation     what the server has seen of it; null if nothing yet
     * @param desiredVersion  the configuration version it should run; null if none was set
     * @param desiredSince    when that configuration was set
     */
    record Facts(Instant provisionedAt, boolean revoked, OpeningHours hours, DeviceStatusRegistry.Observation observation,
            Long desiredVersion, Instant desiredSince) {
    }

    /** What a kiosk reports for a device that is still starting (e.g. the camera before its first frame). */
    static final String STARTING = "starting";

    /** Whether a sensor self-test result means the sensor works. */
    static boolean sensorOk(String state) {
        return state != null && "ok".equals(state.strip().toLowerCase(Locale.ROOT));
    }

    List<Problem> problems(Facts facts) {
        Instant now = clock.instant();
        DeviceStatusRegistry.Observation seen = facts.observation();
        List<Problem> problems = new ArrayList<>();
        if (facts.revoked()) {
            if (seen != null && online(seen, now)) {
                problems.add(Problem.alert("revoked-online", seen.stateSince(),
                        "인증이 폐기되었는데도 켜짐으로 보고합니다: 브로커가 접근 파일을 다시 읽었는지 확인하세요"));
            }
            return problems;
        }
        if (facts.provisionedAt() == null) {
            problems.add(Problem.notice("unprovisioned", seen.stateSince(),
                    "연락은 왔지만 이 서버에 등록되지 않은 기기입니다"));
        }
        if (seen == null) {
            problems.add(absent("never-connected", facts.provisionedAt(), facts.hours(), now,
                    "등록되었지만 한 번도 연결되지 않았습니다"));
            return problems;
        }
        DeviceStatus status = seen.status();
        if (!DeviceStatus.ONLINE.equals(status.state())) {
            problems.add(absent("offline", seen.stateSince(), facts.hours(), now, "꺼져 있습니다"));
            return problems;
        }
        if (Duration.between(seen.receivedAt(), now).compareTo(thresholds.silentAfter()) > 0) {
            problems.add(absent("silent", seen.receivedAt(), facts.hours(), now,
                    "켜짐으로 보고한 뒤로 아무 소식이 없습니다"));
            return problems;
        }
        backlog(seen, status).ifPresent(problems::add);
        sensors(seen, status, now, problems);
        config(facts, seen, status, now).ifPresent(problems::add);
        if (status.diskFreeBytes() != null && status.diskFreeBytes() < thresholds.diskLowBytes()) {
            problems.add(Problem.notice("disk-low", seen.receivedAt(),
                    "데이터 공간이 " + status.diskFreeBytes() / (1024 * 1024) + " MB만 남았습니다"));
        }
        if (status.temperatureC() != null && status.temperatureC() >= thresholds.hotCelsius()) {
            problems.add(Problem.notice("hot", seen.receivedAt(),
                    String.format(Locale.ROOT, "보드 온도가 %.1f °C입니다", status.temperatureC())));
        }
        return problems;
    }

    private boolean online(DeviceStatusRegistry.Observation seen, Instant now) {
        return DeviceStatus.ONLINE.equals(seen.status().state())
                && Duration.between(seen.receivedAt(), now).compareTo(thresholds.silentAfter()) <= 0;
    }

    /** Offline, silent or never connected: an alert only while the site is open and past the grace. */
    private Problem absent(String code, Instant since, OpeningHours hours, Instant now, String what) {
        boolean open = hours.isOpen(now.atZone(thresholds.zone()));
        boolean long_ = Duration.between(since, now).compareTo(thresholds.offlineGrace()) > 0;
        if (open && long_) {
            return Problem.alert(code, since, what + " (운영 시간 중)");
        }
        return Problem.notice(code, since, what + (open ? " (아직 유예 시간 안)" : " (지금은 경로당 운영 시간이 아님)"));
    }

    private Optional<Problem> backlog(DeviceStatusRegistry.Observation seen, DeviceStatus status) {
        if (status.outbox() < 0) {
            return Optional.of(Problem.alert("store-failing", seen.receivedAt(),
                    "키오스크가 자기 저장소를 읽지 못합니다: 측정 결과가 저장되지 않을 수 있습니다"));
        }
        // the run of outbox sizes, since it came online, that never shrank, ending with the latest
        List<DeviceStatusRegistry.OutboxSample> samples = seen.outbox().stream()
                .filter(sample -> !sample.at().isBefore(seen.stateSince()))
                .toList();
        if (samples.size() >= 2) {
            int start = samples.size() - 1;
            while (start > 0 && samples.get(start - 1).size() <= samples.get(start).size()) {
                start--;
            }
            while (start < samples.size() - 1 && samples.get(start + 1).size() == samples.get(start).size()) {
                start++; // growth starts when it last stood at its lowest, not when it first got there
            }
            DeviceStatusRegistry.OutboxSample first = samples.get(start);
            long growth = samples.getLast().size() - first.size();
            if (start < samples.size() - 1 && growth >= thresholds.backlogGrowth()) {
                return Optional.of(Problem.alert("backlog-growing", first.at(), "켜져 있는 동안 미전송 기록이 "
                        + first.size() + "건에서 " + samples.getLast().size() + "건으로 늘었습니다: 결과가 서버에 오지 않습니다"));
            }
        }
        if (status.outbox() >= thresholds.backlogLimit()) {
            return Optional.of(Problem.alert("backlog-large", seen.receivedAt(),
                    "기록 " + status.outbox() + "건이 전송을 기다립니다"));
        }
        return Optional.empty();
    }

    private static void sensors(DeviceStatusRegistry.Observation seen, DeviceStatus status, Instant now,
            List<Problem> problems) {
        status.sensors().entrySet().stream()
                .filter(entry -> !sensorOk(entry.getValue()))
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> {
                    Instant since = seen.conditions().getOrDefault(DeviceStatusRegistry.SENSOR_CONDITION + entry.getKey(), now);
                    String detail = entry.getKey() + ": " + entry.getValue();
                    boolean starting = STARTING.equals(entry.getValue().strip().toLowerCase(Locale.ROOT));
                    problems.add(starting ? Problem.notice("sensor-starting", since, detail)
                            : Problem.alert("sensor", since, detail));
                });
    }

    private Optional<Problem> config(Facts facts, DeviceStatusRegistry.Observation seen, DeviceStatus status, Instant now) {
        if (facts.desiredVersion() == null) {
            return Optional.empty();
        }
        long desired = facts.desiredVersion();
        DeviceStatus.ConfigRefusal refused = status.configRefused();
        if (refused != null && refused.version() == desired) {
            return Optional.of(Problem.alert("config-refused",
                    seen.conditions().getOrDefault(DeviceStatusRegistry.CONFIG_REFUSED_CONDITION + desired, now),
                    "설정 버전 " + desired + "을(를) 거부했습니다: " + refused.reason()));
        }
        Long running = status.configVersion();
        if ((running == null || running < desired)
                && Duration.between(facts.desiredSince(), now).compareTo(thresholds.configGrace()) > 0) {
            return Optional.of(Problem.notice("config-pending", facts.desiredSince(), "아직 설정 버전 "
                    + (running == null ? "없음" : running) + "(으)로 동작합니다 (적용할 버전 " + desired + ")"));
        }
        return Optional.empty();
    }
}
