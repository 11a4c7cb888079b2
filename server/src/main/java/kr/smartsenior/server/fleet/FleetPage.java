package kr.smartsenior.server.fleet;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import kr.smartsenior.protocol.DeviceStatus;
import kr.smartsenior.server.security.SiteAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The fleet page of the dashboard ({@code /fleet}): every site and kiosk at a glance, by rollout
 * wave, with each kiosk's state, what is wrong and since when, and the alerts on top. Admins see
 * every site (and devices heard from on sites this server does not know); staff only their own
 * sites, through the same {@link SiteAccess} check as every other page. Shows no personal data.
 *
 * <p>The page is prepared here, in Korean and in the fleet's zone ({@code SSC_FLEET_ZONE}), so the
 * template only places text.
 */
@Controller
final class FleetPage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M월 d일 HH:mm", Locale.KOREAN);
    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("never-connected", "한 번도 연결되지 않음"),
            Map.entry("offline", "연결 끊김"),
            Map.entry("silent", "응답 없음"),
            Map.entry("backlog-growing", "미전송 기록이 계속 늘어남"),
            Map.entry("backlog-large", "미전송 기록이 많음"),
            Map.entry("store-failing", "기기 저장소 오류"),
            Map.entry("sensor", "센서 자가진단 실패"),
            Map.entry("sensor-starting", "장치 시작 중"),
            Map.entry("config-refused", "설정을 거부함"),
            Map.entry("config-pending", "새 설정 적용 대기"),
            Map.entry("disk-low", "저장 공간 부족"),
            Map.entry("hot", "온도 높음"),
            Map.entry("revoked-online", "폐기한 기기가 접속 중"),
            Map.entry("unprovisioned", "등록되지 않은 기기"));

    private final FleetOverview overview;
    private final SiteAccess access;
    private final ZoneId zone;

    FleetPage(FleetOverview overview, SiteAccess access, FleetProperties thresholds) {
        this.overview = overview;
        this.access = access;
        this.zone = thresholds.zone();
    }

    /** A wave of sites on the page. */
    record WaveRows(String title, List<SiteRows> sites) {
    }

    /** A site and its kiosks. */
    record SiteRows(String siteId, String name, String address, List<DeviceRow> devices) {
    }

    /**
     * One kiosk, ready to show.
     *
     * @param css      {@code alert}, {@code notice} or {@code ok}: the worst of its problems
     * @param state    online / offline / never heard from, in Korean
     * @param config   the configuration it runs, and the one it should run when they differ
     */
    record DeviceRow(String siteId, String deviceId, String css, String state, String stateSince, String version,
            String backlog, String lastSync, List<String> sensors, boolean sensorsOk, String disk, String temperature,
            String config, List<ProblemRow> problems) {
    }

    /** A problem: Korean title, the fleet's own detail sentence, since when and for how long. */
    record ProblemRow(String siteId, String siteName, String deviceId, String severity, String title, String detail,
            String since, String lasting) {
    }

    @GetMapping("/fleet")
    String fleet(Principal principal, Model model) {
        FleetOverview.Fleet fleet = overview.fleet(access.restrictedTo(principal));
        Instant now = fleet.at();
        List<WaveRows> waves = new ArrayList<>();
        List<ProblemRow> alerts = new ArrayList<>();
        for (FleetOverview.Wave wave : fleet.waves()) {
            List<SiteRows> sites = new ArrayList<>();
            for (FleetOverview.SiteView site : wave.sites()) {
                List<DeviceRow> rows = site.devices().stream().map(device -> row(device, site.name(), now)).toList();
                rows.forEach(row -> row.problems().stream().filter(p -> p.severity().equals(Problem.ALERT)).forEach(alerts::add));
                sites.add(new SiteRows(site.siteId(), site.name(), site.address(), rows));
            }
            waves.add(new WaveRows((wave.wave() == null ? "차수 미정" : wave.wave() + "차 보급") + " (" + sites.size() + "곳)",
                    sites));
        }
        List<DeviceRow> unknown = fleet.unknownSites().stream().map(device -> row(device, device.siteId(), now)).toList();
        unknown.forEach(row -> row.problems().stream().filter(p -> p.severity().equals(Problem.ALERT)).forEach(alerts::add));
        model.addAttribute("summary", fleet.summary());
        model.addAttribute("at", when(now));
        model.addAttribute("waves", waves);
        model.addAttribute("unknown", unknown);
        model.addAttribute("alerts", alerts);
        model.addAttribute("admin", access.isAdmin(principal));
        return "fleet";
    }

    private DeviceRow row(FleetOverview.DeviceView device, String siteName, Instant now) {
        List<ProblemRow> problems = device.problems().stream()
                .sorted(Comparator.comparing((Problem p) -> !p.severity().equals(Problem.ALERT)).thenComparing(Problem::since,
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .map(p -> new ProblemRow(device.siteId(), siteName, device.deviceId(), p.severity(),
                        TITLES.getOrDefault(p.code(), p.code()), p.detail(), when(p.since()), lasting(p.since(), now)))
                .toList();
        String css = problems.stream().anyMatch(p -> p.severity().equals(Problem.ALERT)) ? Problem.ALERT
                : problems.isEmpty() ? "ok" : Problem.NOTICE;
        DeviceStatus status = device.status();
        String state = device.revoked() ? "폐기됨"
                : switch (device.state()) {
                    case DeviceStatus.ONLINE -> "켜짐";
                    case DeviceStatus.OFFLINE -> "꺼짐";
                    default -> "소식 없음";
                };
        List<String> sensors = status == null ? List.of() : status.sensors().entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + ": " + e.getValue()).toList();
        boolean sensorsOk = status == null || status.sensors().values().stream().allMatch(FleetHealth::sensorOk);
        return new DeviceRow(device.siteId(), device.deviceId(), css, state,
                device.stateSince() == null ? "" : when(device.stateSince()) + "부터", status == null ? "-" : status.version(),
                status == null ? "-" : status.outbox() < 0 ? "읽을 수 없음" : status.outbox() + "건",
                status == null || status.lastSyncAt() == null ? "-" : when(status.lastSyncAt().toInstant()), sensors, sensorsOk,
                status == null || status.diskFreeBytes() == null ? "-" : gigabytes(status.diskFreeBytes()),
                status == null || status.temperatureC() == null ? "-"
                        : String.format(Locale.ROOT, "%.1f °C", status.temperatureC()),
                config(status, device.desiredConfigVersion()), problems);
    }

    private static String config(DeviceStatus status, Long desired) {
        Long running = status == null ? null : status.configVersion();
        String text = running == null ? "없음" : "v" + running;
        if (desired != null && !Objects.equals(running, desired)) {
            text += " (v" + desired + " 적용 전)";
        }
        return text;
    }

    private static String gigabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / (1024.0 * 1024 * 1024));
    }

    private String when(Instant at) {
        return at == null ? "-" : WHEN.format(OffsetDateTime.ofInstant(at, zone));
    }

    /** "5분", "3시간 10분", "2일 4시간": how long since {@code since}. */
    static String lasting(Instant since, Instant now) {
        if (since == null) {
            return "";
        }
        Duration d = Duration.between(since, now);
        if (d.isNegative() || d.toMinutes() < 1) {
            return "1분 미만";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + "분";
        }
        if (d.toDays() < 1) {
            return d.toHours() + "시간" + (d.toMinutesPart() == 0 ? "" : " " + d.toMinutesPart() + "분");
        }
        return d.toDays() + "일" + (d.toHoursPart() == 0 ? "" : " " + d.toHoursPart() + "시간");
    }
}
