package kr.smartsenior.server.provisioning;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import kr.smartsenior.protocol.Topics;
import kr.smartsenior.server.audit.AuditLog;
import kr.smartsenior.server.security.SiteAccess;
import kr.smartsenior.server.site.Site;
import kr.smartsenior.server.site.SiteRepository;
import kr.smartsenior.server.web.ConflictException;
import kr.smartsenior.server.web.InvalidFieldException;
import kr.smartsenior.server.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A site's kiosks for admins ({@code /admin/sites/{siteId}/devices}): each kiosk with what the server last
 * heard from it, the enrollment codes entered for the site (the code large, to read back to the installer
 * on the phone, with the time the kiosk has to fetch its settings), entering a new code (the kiosk's own,
 * as on {@code /admin/enroll}, decision 0021), revoking a kiosk and moving one to another site (decision
 * 0039: revoked here, enrolled anew there). Entering a code goes through {@link EnrollmentController#assign},
 * revoking through {@link Provisioning#revoke}, so the API and the page check the same things. Audited.
 */
@Controller
final class DevicePages {

    /** How long entered codes stay on the page. */
    static final Duration RECENT = Duration.ofHours(24);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M월 d일 HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final Logger log = LoggerFactory.getLogger(DevicePages.class);

    private final SiteRepository sites;
    private final ProvisionedDevices devices;
    private final Enrollments enrollments;
    private final EnrollmentController enrollmentApi;
    private final Provisioning provisioning;
    private final ObjectProvider<DeviceLastSeen> lastSeen;
    private final SiteAccess access;
    private final AuditLog audit;
    private final ZoneId zone;
    private final Clock clock;

    DevicePages(SiteRepository sites, ProvisionedDevices devices, Enrollments enrollments, EnrollmentController enrollmentApi,
            Provisioning provisioning, ObjectProvider<DeviceLastSeen> lastSeen, SiteAccess access, AuditLog audit,
            @Value("${ssc.fleet.zone:Asia/Seoul}") ZoneId zone, Clock clock) {
        this.sites = sites;
        this.devices = devices;
        this.enrollments = enrollments;
        this.enrollmentApi = enrollmentApi;
        this.provisioning = provisioning;
        this.lastSeen = lastSeen;
        this.access = access;
        this.audit = audit;
        this.zone = zone;
        this.clock = clock;
    }

    /** A kiosk as the page lists it, in Korean. */
    record DeviceRow(String id, boolean active, String state, String css, String since, String heard, String backlog,
            String config, String provisioned, String enrolledWith, long backlogCount) {
    }

    /** An entered code: {@code state} is waiting, fetched or expired. */
    record CodeRow(String code, String deviceId, String state, String stateText, String fetchBy, String assignedAt) {
    }

    @GetMapping("/admin/sites/{siteId}/devices")
    String page(@PathVariable String siteId, @RequestParam(required = false) String code, Principal principal, Model model) {
        Site site = site(siteId, principal);
        return page(site, model, code, "", "", null);
    }

    @PostMapping("/admin/sites/{siteId}/devices/enroll")
    String enroll(@PathVariable String siteId, @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String deviceId, Principal principal, HttpServletRequest request, Model model) {
        Site site = site(siteId, principal);
        String typedDevice = deviceId.strip();
        Optional<String> wrongDevice = deviceIdProblem(typedDevice);
        if (wrongDevice.isPresent()) {
            return page(site, model, null, code, typedDevice, Map.of("deviceId", wrongDevice.get()));
        }
        if (site.closed()) {
            return page(site, model, null, code, typedDevice,
                    Map.of("code", "폐쇄된 경로당에는 키오스크를 등록할 수 없습니다. 먼저 경로당을 다시 운영하세요."));
        }
        try {
            Enrollments.Assigned assigned = enrollmentApi.assign(code,
                    new EnrollmentController.AssignRequest(site.id(), typedDevice.isEmpty() ? null : typedDevice), principal);
            audit.record(principal.getName(), AuditLog.ENROLL_DEVICE, null, site.id(), request.getRemoteAddr());
            return "redirect:/admin/sites/" + site.id() + "/devices?code=" + assigned.code();
        } catch (InvalidFieldException e) {
            String field = "deviceId".equals(e.field()) ? "deviceId" : "code";
            return page(site, model, null, code, typedDevice, Map.of(field, "deviceId".equals(field) ? DEVICE_ID_RULE
                    : "등록 코드는 키오스크 화면에 보이는 영문·숫자 6자리입니다 (예: ABC-234)."));
        } catch (NotFoundException e) {
            return page(site, model, null, code, typedDevice, Map.of("code", "이 코드로 기다리는 키오스크가 없습니다. 화면의 코드를 다시"
                    + " 확인해 주세요 (코드는 " + Enrollments.CODE_LIFETIME.toMinutes() + "분마다 바뀝니다)."));
        } catch (ConflictException e) {
            return page(site, model, null, code, typedDevice,
                    Map.of("deviceId", "이미 있는 기기 이름입니다 (해지된 기기 이름도 다시 쓸 수 없습니다). 다른 이름을 쓰거나 비워 두세요."));
        }
    }

    @PostMapping("/admin/devices/{deviceId}/revoke")
    String revoke(@PathVariable String deviceId, @RequestParam(required = false) String confirm, Principal principal,
            HttpServletRequest request, RedirectAttributes redirect) {
        access.requireAdmin(principal);
        ProvisionedDevices.Device device = device(deviceId);
        if (confirm == null) {
            redirect.addFlashAttribute("problem", "해지하려면 확인란에 표시해 주세요.");
            return "redirect:/admin/sites/" + device.siteId() + "/devices";
        }
        provisioning.revoke(device.id(), principal.getName());
        audit.record(principal.getName(), AuditLog.REVOKE_DEVICE, null, device.siteId(), request.getRemoteAddr());
        redirect.addFlashAttribute("done", "기기 " + device.id() + "를 해지했습니다. 이 기기는 이제 서버에 연결할 수 없습니다.");
        return "redirect:/admin/sites/" + device.siteId() + "/devices";
    }

    /**
     * Moves a kiosk (decision 0039): refused while it holds results the server has not acknowledged (the new
     * site would refuse them: its seniors are others); otherwise its identity is revoked here and the admin
     * goes on at the new site's page, where the kiosk's new code is entered after its card is re-imaged.
     */
    @PostMapping("/admin/devices/{deviceId}/move")
    String move(@PathVariable String deviceId, @RequestParam(defaultValue = "") String targetSiteId,
            @RequestParam(required = false) String confirm, Principal principal, HttpServletRequest request,
            RedirectAttributes redirect) {
        access.requireAdmin(principal);
        ProvisionedDevices.Device device = device(deviceId);
        String back = "redirect:/admin/sites/" + device.siteId() + "/devices";
        Optional<Site> target = Topics.isValidId(targetSiteId) ? sites.find(targetSiteId) : Optional.empty();
        if (target.isEmpty() || target.get().id().equals(device.siteId()) || target.get().closed()) {
            redirect.addFlashAttribute("problem", "옮길 경로당을 골라 주세요 (지금 경로당이나 폐쇄된 경로당은 고를 수 없습니다).");
            return back;
        }
        if (!device.active()) {
            redirect.addFlashAttribute("problem", "이미 해지된 기기는 옮길 수 없습니다. 새 경로당에서 새 코드로 등록하세요.");
            return back;
        }
        if (confirm == null) {
            redirect.addFlashAttribute("problem", "옮기려면 확인란에 표시해 주세요.");
            return back;
        }
        Long backlog = seen(device).map(DeviceLastSeen.Seen::backlog).orElse(null);
        if (backlog != null && backlog > 0) {
            redirect.addFlashAttribute("problem", "기기 " + device.id() + "에 아직 서버로 보내지 않은 기록이 " + backlog
                    + "건 있어 옮길 수 없습니다. 키오스크를 켜 두어 미전송이 0건이 된 뒤 다시 옮기세요.");
            return back;
        }
        provisioning.revoke(device.id(), principal.getName());
        audit.record(principal.getName(), AuditLog.MOVE_DEVICE, null, device.siteId(), request.getRemoteAddr());
        audit.record(principal.getName(), AuditLog.MOVE_DEVICE, null, target.get().id(), request.getRemoteAddr());
        log.info("{} moved device {} from site {} to site {}: revoked, to be enrolled there", principal.getName(), device.id(),
                device.siteId(), target.get().id());
        redirect.addFlashAttribute("done", "기기 " + device.id() + "를 " + sites.name(device.siteId()).orElse(device.siteId())
                + "에서 해지했습니다. 키오스크의 SD 카드를 구청 이미지로 다시 설치해 이 경로당에 두고 켜면 화면에 새 등록 코드가 나옵니다."
                + " 그 코드를 아래에 입력하세요.");
        return "redirect:/admin/sites/" + target.get().id() + "/devices";
    }

    static final String DEVICE_ID_RULE = "기기 이름은 영문 소문자, 숫자, 하이픈(-)으로 1~32자입니다 (예: kiosk-01).";

    /** Why this typed device id cannot be used, in Korean; empty when it can (or is empty: one is made). */
    static Optional<String> deviceIdProblem(String deviceId) {
        if (deviceId == null || deviceId.isEmpty()) {
            return Optional.empty();
        }
        if (Topics.SITE_WIDE.equals(deviceId)) {
            return Optional.of("‘" + Topics.SITE_WIDE + "’은 경로당의 모든 키오스크를 가리키는 예약어라 기기 이름으로 쓸 수 없습니다."
                    + " 다른 이름(예: kiosk-01)을 적어 주세요.");
        }
        return Topics.isValidDeviceId(deviceId) ? Optional.empty() : Optional.of(DEVICE_ID_RULE);
    }

    private String page(Site site, Model model, String highlight, String code, String deviceId, Map<String, String> errors) {
        Instant now = clock.instant();
        List<Enrollments.Assignment> assignments = enrollments.assignedAt(site.id(), RECENT);
        Map<String, String> codeOfDevice = assignments.stream().filter(Enrollments.Assignment::fetched)
                .collect(Collectors.toMap(Enrollments.Assignment::fetchedDevice, Enrollments.Assignment::code, (a, b) -> a));
        List<DeviceRow> rows = devices.all().stream().filter(device -> device.siteId().equals(site.id()))
                .sorted((a, b) -> a.active() != b.active() ? (a.active() ? -1 : 1) : a.id().compareTo(b.id()))
                .map(device -> row(device, codeOfDevice.get(device.id())))
                .toList();
        List<CodeRow> codes = assignments.stream().map(a -> codeRow(a, now)).toList();
        model.addAttribute("site", site);
        model.addAttribute("rows", rows);
        model.addAttribute("activeCount", rows.stream().filter(DeviceRow::active).count());
        model.addAttribute("codes", codes);
        model.addAttribute("highlight", highlight == null ? null
                : codes.stream().filter(c -> c.code().equalsIgnoreCase(highlight)).findFirst().orElse(null));
        model.addAttribute("code", code);
        model.addAttribute("deviceId", deviceId);
        model.addAttribute("errors", errors == null ? Map.of() : errors);
        model.addAttribute("otherSites", sites.all().stream().filter(s -> !s.closed() && !s.id().equals(site.id())).toList());
        model.addAttribute("codeMinutes", Enrollments.CODE_LIFETIME.toMinutes());
        return "admin-devices";
    }

    private DeviceRow row(ProvisionedDevices.Device device, String enrolledWith) {
        Optional<DeviceLastSeen.Seen> seen = device.active() ? seen(device) : Optional.empty();
        String state = !device.active() ? "해지됨"
                : seen.map(s -> s.online() ? "켜짐" : "꺼짐").orElse("소식 없음");
        String css = !device.active() ? "revoked" : seen.map(s -> s.online() ? "ok" : "notice").orElse("notice");
        long backlog = seen.map(DeviceLastSeen.Seen::backlog).map(b -> b == null ? 0L : b).orElse(0L);
        return new DeviceRow(device.id(), device.active(), state, css,
                seen.map(s -> when(s.since()) + "부터").orElse(device.active() ? "" : when(revokedAt(device)) + " 해지"),
                seen.map(s -> when(s.heardAt())).orElse("-"),
                seen.map(s -> s.backlog() == null ? "알 수 없음" : s.backlog() + "건").orElse("-"),
                seen.map(s -> s.configVersion() == null ? "없음" : "v" + s.configVersion()).orElse("-"),
                when(Instant.ofEpochMilli(device.createdAtMs())), enrolledWith, backlog);
    }

    private static Instant revokedAt(ProvisionedDevices.Device device) {
        try {
            return OffsetDateTime.parse(device.revokedAt()).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private CodeRow codeRow(Enrollments.Assignment a, Instant now) {
        String device = a.fetched() ? a.fetchedDevice() : a.deviceId() == null ? "자동으로 정함" : a.deviceId();
        if (a.fetched()) {
            return new CodeRow(a.code(), device, "fetched", "키오스크가 설정을 받아 갔습니다", TIME.format(a.fetchBy().atZone(zone)),
                    when(a.assignedAt()));
        }
        if (a.fetchBy().isBefore(now)) {
            return new CodeRow(a.code(), device, "expired", "기한이 지났습니다. 키오스크 화면의 새 코드를 다시 입력하세요",
                    TIME.format(a.fetchBy().atZone(zone)), when(a.assignedAt()));
        }
        return new CodeRow(a.code(), device, "waiting", "키오스크가 설정을 받아 가기를 기다리는 중", TIME.format(a.fetchBy().atZone(zone)),
                when(a.assignedAt()));
    }

    private Optional<DeviceLastSeen.Seen> seen(ProvisionedDevices.Device device) {
        return lastSeen.stream().findFirst().flatMap(port -> port.of(device.siteId(), device.id()));
    }

    private String when(Instant at) {
        return at == null ? "-" : WHEN.format(at.atZone(zone));
    }

    private Site site(String siteId, Principal principal) {
        access.requireAdmin(principal);
        return (Topics.isValidId(siteId) ? sites.find(siteId) : Optional.<Site>empty())
                .orElseThrow(() -> new NotFoundException("no such site"));
    }

    private ProvisionedDevices.Device device(String deviceId) {
        return (Topics.isValidId(deviceId) ? devices.find(deviceId) : Optional.<ProvisionedDevices.Device>empty())
                .orElseThrow(() -> new NotFoundException("no such device"));
    }
}
