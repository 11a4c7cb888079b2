package kr.smartsenior.server.update;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import kr.smartsenior.protocol.UpdateProblem;
import kr.smartsenior.server.audit.AuditLog;
import kr.smartsenior.server.provisioning.ProvisionedDevices;
import kr.smartsenior.server.site.Site;
import kr.smartsenior.server.site.SiteRepository;
import kr.smartsenior.server.web.ConflictException;
import kr.smartsenior.server.web.InvalidFieldException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The update pages of the dashboard, for admins ({@code /admin/**}): {@code /admin/updates} (upload a signed
 * release, start a campaign over waves and/or sites with an optional canary, the campaigns so far) and
 * {@code /admin/updates/campaigns/{id}} (every kiosk's step and result, with counts; pause, resume, stop).
 * Prepared here in Korean, so the templates only place text. Shows no personal data.
 */
@Controller
final class UpdatePages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M월 d일 HH:mm:ss", Locale.KOREAN);
    private static final ZoneId ZONE = ZoneId.of("Asia/Seoul");
    private static final Map<String, String> PROBLEMS = Map.of(
            UpdateProblem.DOWNLOAD_FAILED.name(), "내려받지 못함",
            UpdateProblem.CHECKSUM_MISMATCH.name(), "파일이 다름 (체크섬 불일치, 설치 안 함)",
            UpdateProblem.SIGNATURE_REFUSED.name(), "서명 거부 (설치 안 함)",
            UpdateProblem.DID_NOT_STAY_UP.name(), "새 버전이 제대로 켜지지 않아 이전 버전으로 되돌림",
            UpdateProblem.INSTALL_FAILED.name(), "설치 실패");

    private final Releases releases;
    private final Campaigns campaigns;
    private final SiteRepository sites;
    private final ProvisionedDevices devices;
    private final AuditLog audit;
    private final UpdateProperties properties;

    UpdatePages(Releases releases, Campaigns campaigns, SiteRepository sites, ProvisionedDevices devices, AuditLog audit,
            UpdateProperties properties) {
        this.releases = releases;
        this.campaigns = campaigns;
        this.sites = sites;
        this.devices = devices;
        this.audit = audit;
        this.properties = properties;
    }

    record ReleaseRow(String version, String size, String sha256, String uploaded) {
    }

    record CampaignRow(long id, String release, String state, String css, String targets, String progress, String started) {
    }

    record DeviceOption(String id, String label) {
    }

    @GetMapping("/admin/updates")
    String updates(Model model) {
        model.addAttribute("releases", releases.all().stream().map(r -> new ReleaseRow(r.version(),
                String.format(Locale.ROOT, "%.1f MB", r.sizeBytes() / (1024.0 * 1024)), r.sha256().substring(0, 12) + "…",
                when(r.uploadedAtMs()) + " · " + r.uploadedBy())).toList());
        model.addAttribute("campaigns", campaigns.all().stream().map(c -> {
            Campaigns.View view = campaigns.view(c.id());
            return new CampaignRow(c.id(), c.releaseVersion(), c.state().korean(), stateCss(c.state()), c.targets(),
                    view.finished() + " / " + view.devices().size() + "대 끝남" + failures(view), when(c.createdAtMs()));
        }).toList());
        List<Site> all = sites.all().stream().filter(s -> !s.closed()).toList();
        Map<String, String> siteNames = new LinkedHashMap<>();
        all.forEach(s -> siteNames.put(s.id(), s.name()));
        model.addAttribute("waves", new TreeSet<>(all.stream().map(Site::wave).filter(Objects::nonNull).toList()));
        model.addAttribute("sites", all);
        model.addAttribute("canaries", devices.all().stream().filter(ProvisionedDevices.Device::active)
                .map(d -> new DeviceOption(d.id(), siteNames.getOrDefault(d.siteId(), d.siteId()) + " · " + d.id())).toList());
        model.addAttribute("keyConfigured", properties.publicKey() != null);
        return "updates";
    }

    private static String failures(Campaigns.View view) {
        int failed = view.counts().getOrDefault(DeviceStep.FAILED, 0) + view.counts().getOrDefault(DeviceStep.ROLLED_BACK, 0);
        return failed == 0 ? "" : ", 실패·되돌림 " + failed + "대";
    }

    @PostMapping("/admin/updates/releases")
    String upload(@RequestParam(name = "bundle", required = false) MultipartFile bundle,
            @RequestParam(name = "signature", required = false) MultipartFile signature, Principal principal,
            HttpServletRequest request, RedirectAttributes redirect) {
        try {
            CampaignRepository.Release release = UpdateController.upload(releases, bundle, signature, principal.getName());
            audit.record(principal.getName(), AuditLog.UPLOAD_RELEASE, null, null, request.getRemoteAddr());
            redirect.addFlashAttribute("notice", "배포판 " + release.version() + "을(를) 올렸습니다. 서명을 확인했습니다.");
        } catch (InvalidFieldException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/updates";
    }

    @PostMapping("/admin/updates/campaigns")
    String create(@RequestParam(name = "release", required = false) String release,
            @RequestParam(name = "waves", required = false) List<Integer> waves,
            @RequestParam(name = "sites", required = false) List<String> siteIds,
            @RequestParam(name = "canary", required = false) String canary, Principal principal, HttpServletRequest request,
            RedirectAttributes redirect) {
        try {
            Campaigns.View view = campaigns.create(new Campaigns.Request(release, waves, siteIds, canary),
                    UpdateController.baseUrl(properties), principal.getName());
            audit.record(principal.getName(), AuditLog.CHANGE_CAMPAIGN, null, null, request.getRemoteAddr());
            return "redirect:/admin/updates/campaigns/" + view.campaign().id();
        } catch (InvalidFieldException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/admin/updates";
        }
    }

    /** A stage of the campaign on the page. */
    record StageRows(String title, List<KioskRow> kiosks) {
    }

    /** One kiosk: its step in Korean, the css of the step, what went wrong. */
    record KioskRow(String site, String deviceId, String step, String css, String version, String problem, String detail,
            String updated) {
    }

    record Count(String label, int count, String css) {
    }

    @GetMapping("/admin/updates/campaigns/{id}")
    String campaign(@PathVariable long id, Model model) {
        Campaigns.View view = campaigns.view(id);
        CampaignRepository.Campaign campaign = view.campaign();
        Map<String, Site> siteById = new LinkedHashMap<>();
        sites.all().forEach(s -> siteById.put(s.id(), s));
        Map<Integer, List<CampaignRepository.DeviceRow>> byStage = new java.util.TreeMap<>();
        view.devices().forEach(d -> byStage.computeIfAbsent(d.stage(), s -> new ArrayList<>()).add(d));
        List<StageRows> stages = new ArrayList<>();
        byStage.forEach((stage, rows) -> {
            TreeSet<Integer> waves = new TreeSet<>();
            rows.forEach(r -> {
                Site site = siteById.get(r.siteId());
                waves.add(site == null || site.wave() == null ? 0 : site.wave());
            });
            String title = stage == 0 ? "시범 기기 (먼저, 완료되어야 다음으로)"
                    : waves.size() == 1 && waves.first() > 0 ? waves.first() + "차 보급" : "고른 경로당";
            stages.add(new StageRows(title + " · " + rows.size() + "대", rows.stream().map(r -> new KioskRow(
                    siteById.containsKey(r.siteId()) ? siteById.get(r.siteId()).name() : r.siteId(), r.deviceId(),
                    r.step().korean(), "step-" + r.step().name().toLowerCase(Locale.ROOT),
                    r.runningVersion() == null ? "-" : r.runningVersion(),
                    r.problem() == null ? "" : PROBLEMS.getOrDefault(r.problem(), r.problem()),
                    r.detail() == null ? "" : r.detail(), when(r.updatedAtMs()))).toList()));
        });
        Map<DeviceStep, Integer> c = view.counts();
        int underway = c.getOrDefault(DeviceStep.TOLD, 0) + c.getOrDefault(DeviceStep.RECEIVED, 0)
                + c.getOrDefault(DeviceStep.DOWNLOADING, 0) + c.getOrDefault(DeviceStep.VERIFIED, 0)
                + c.getOrDefault(DeviceStep.INSTALLING, 0);
        List<Count> counts = List.of(new Count("전체", view.devices().size(), ""),
                new Count("완료", c.getOrDefault(DeviceStep.HEALTHY, 0), "step-healthy"),
                new Count("진행 중", underway, "step-installing"),
                new Count("대기", c.getOrDefault(DeviceStep.WAITING, 0), "step-waiting"),
                new Count("되돌림", c.getOrDefault(DeviceStep.ROLLED_BACK, 0), "step-rolled_back"),
                new Count("실패", c.getOrDefault(DeviceStep.FAILED, 0), "step-failed"),
                new Count("취소", c.getOrDefault(DeviceStep.CANCELLED, 0), "step-cancelled"));
        model.addAttribute("campaign", campaign);
        model.addAttribute("state", campaign.state().korean());
        model.addAttribute("stateCss", stateCss(campaign.state()));
        model.addAttribute("counts", counts);
        model.addAttribute("stages", stages);
        model.addAttribute("started", when(campaign.createdAtMs()) + " · " + campaign.createdBy());
        model.addAttribute("ended", campaign.endedAtMs() == null ? null : when(campaign.endedAtMs()));
        model.addAttribute("canPause", campaign.state() == CampaignState.RUNNING);
        model.addAttribute("canResume", campaign.state() == CampaignState.PAUSED);
        model.addAttribute("canStop", campaign.state().active());
        return "update-campaign";
    }

    @PostMapping("/admin/updates/campaigns/{id}/{action:pause|resume|stop}")
    String act(@PathVariable long id, @PathVariable String action, Principal principal, HttpServletRequest request,
            RedirectAttributes redirect) {
        try {
            UpdateController.act(campaigns, id, action, principal.getName());
            audit.record(principal.getName(), AuditLog.CHANGE_CAMPAIGN, null, null, request.getRemoteAddr());
            redirect.addFlashAttribute("notice", switch (action) {
                case "pause" -> "일시 정지했습니다. 아직 시작하지 않은 기기에는 보내지 않습니다.";
                case "resume" -> "다시 진행합니다.";
                default -> "중지했습니다. 시작하지 않은 기기는 취소되었습니다.";
            });
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/updates/campaigns/" + id;
    }

    private static String stateCss(CampaignState state) {
        return "campaign-" + state.name().toLowerCase(Locale.ROOT);
    }

    private static String when(long ms) {
        return WHEN.format(OffsetDateTime.ofInstant(Instant.ofEpochMilli(ms), ZONE));
    }
}
