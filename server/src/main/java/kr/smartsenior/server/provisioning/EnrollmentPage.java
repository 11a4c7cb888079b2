package kr.smartsenior.server.provisioning;

import java.security.Principal;
import kr.smartsenior.server.security.SiteAccess;
import kr.smartsenior.server.site.SiteRepository;
import kr.smartsenior.server.web.ConflictException;
import kr.smartsenior.server.web.InvalidFieldException;
import kr.smartsenior.server.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard page where an admin enters the code a new kiosk shows ({@code /admin/enroll}): the
 * site, optionally the device id. It calls the API controller's own {@link EnrollmentController#assign},
 * so both take the same checks.
 */
@Controller
final class EnrollmentPage {

    private final EnrollmentController api;
    private final SiteRepository sites;
    private final SiteAccess access;

    EnrollmentPage(EnrollmentController api, SiteRepository sites, SiteAccess access) {
        this.api = api;
        this.sites = sites;
        this.access = access;
    }

    @GetMapping("/admin/enroll")
    String form(@RequestParam(required = false) String siteId, Principal principal, Model model) {
        access.requireAdmin(principal);
        model.addAttribute("sites", sites.all());
        model.addAttribute("code", "");
        model.addAttribute("siteId", siteId == null ? "" : siteId);
        model.addAttribute("deviceId", "");
        return "enroll";
    }

    @PostMapping("/admin/enroll")
    String enroll(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String siteId,
            @RequestParam(defaultValue = "") String deviceId, Principal principal, Model model) {
        access.requireAdmin(principal);
        model.addAttribute("sites", sites.all());
        java.util.Optional<String> wrongDevice = DevicePages.deviceIdProblem(deviceId.strip());
        if (wrongDevice.isPresent()) { // the reserved id 'all' gets a message of its own
            model.addAttribute("error", wrongDevice.get());
            model.addAttribute("code", code);
            model.addAttribute("siteId", siteId);
            model.addAttribute("deviceId", deviceId);
            return "enroll";
        }
        try {
            Enrollments.Assigned assigned = api.assign(code, new EnrollmentController.AssignRequest(siteId, deviceId), principal);
            model.addAttribute("assigned", assigned);
            model.addAttribute("siteName", sites.name(assigned.siteId()).orElse(assigned.siteId()));
            model.addAttribute("code", "");
            model.addAttribute("siteId", siteId);
            model.addAttribute("deviceId", "");
        } catch (InvalidFieldException | NotFoundException | ConflictException e) {
            model.addAttribute("error", switch (e) {
                case InvalidFieldException invalid when "code".equals(invalid.field()) ->
                        "등록 코드는 키오스크 화면에 보이는 영문·숫자 6자리입니다 (예: ABC-234).";
                case InvalidFieldException invalid when "siteId".equals(invalid.field()) -> "경로당을 골라 주세요.";
                case InvalidFieldException invalid -> "기기 이름은 영문 소문자, 숫자, 하이픈으로 1~32자입니다 (예: kiosk-01).";
                case NotFoundException missing -> "이 코드로 기다리는 키오스크가 없습니다. 화면의 코드를 다시 확인해 주세요"
                        + " (코드는 " + Enrollments.CODE_LIFETIME.toMinutes() + "분마다 바뀝니다).";
                default -> "이미 있는 기기 이름입니다. 다른 이름을 쓰거나 비워 두세요.";
            });
            model.addAttribute("code", code);
            model.addAttribute("siteId", siteId);
            model.addAttribute("deviceId", deviceId);
        }
        return "enroll";
    }
}
