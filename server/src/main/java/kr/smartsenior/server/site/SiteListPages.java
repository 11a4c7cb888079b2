package kr.smartsenior.server.site;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import kr.smartsenior.protocol.Topics;
import kr.smartsenior.server.audit.AuditLog;
import kr.smartsenior.server.security.SiteAccess;
import kr.smartsenior.server.web.ConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admins' list of sites ({@code /admin/sites}): every site (closed ones too) by wave, with links to
 * its edit page, its kiosks and its remote configuration, and the form that creates a site. Creating
 * goes through {@link SiteController#create}, so the page and {@code POST /api/sites} store the same
 * thing and announce it the same way; the page checks each field first, in Korean. Audited.
 */
@Controller
final class SiteListPages {

    private static final Logger log = LoggerFactory.getLogger(SiteListPages.class);
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]");

    private final SiteRepository sites;
    private final SiteController api;
    private final SiteAccess access;
    private final AuditLog audit;

    SiteListPages(SiteRepository sites, SiteController api, SiteAccess access, AuditLog audit) {
        this.sites = sites;
        this.api = api;
        this.access = access;
        this.audit = audit;
    }

    /** What the create form posts, as typed. */
    record NewSiteForm(String id, String name, String address, String wave) {
    }

    /** A row of the list: the site and its wave's label. */
    record SiteRow(Site site, String wave) {
    }

    @GetMapping("/admin/sites")
    String list(Principal principal, Model model) {
        access.requireAdmin(principal);
        return page(model, new NewSiteForm("", "", "", ""), Map.of());
    }

    @PostMapping("/admin/sites")
    String create(@RequestParam(defaultValue = "") String id, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String address, @RequestParam(defaultValue = "") String wave,
            Principal principal, HttpServletRequest request, Model model) {
        access.requireAdmin(principal);
        NewSiteForm form = new NewSiteForm(id.strip(), name.strip(), address.strip(), wave.strip());
        Map<String, String> errors = check(form);
        if (errors.isEmpty()) {
            try {
                Site site = api.create(new CreateSiteRequest(form.id(), form.name(),
                        form.address().isEmpty() ? null : form.address(), null, Waves.parse(form.wave())));
                audit.record(principal.getName(), AuditLog.CREATE_SITE, null, site.id(), request.getRemoteAddr());
                log.info("{} created site {}", principal.getName(), site.id());
                return "redirect:/admin/sites/" + site.id() + "/devices?created";
            } catch (ConflictException e) {
                errors.put("id", "이미 있는 경로당 번호입니다. 다른 번호를 적어 주세요");
            }
        }
        log.info("site not created: {} fields refused", errors.size());
        return page(model, form, errors);
    }

    /** Korean messages per field; empty when the form can be stored. */
    static Map<String, String> check(NewSiteForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!Topics.isValidId(form.id())) {
            errors.put("id", "경로당 번호는 영문 소문자, 숫자, 하이픈(-)으로 1~32자입니다 (예: gangseo-01). 처음은 영문이나 숫자로 시작해요");
        }
        if (form.name().isEmpty() || form.name().length() > 100 || CONTROL.matcher(form.name()).find()) {
            errors.put("name", "이름은 1~100자로, 줄바꿈 없이 적어 주세요");
        }
        if (form.address().length() > 200 || CONTROL.matcher(form.address()).find()) {
            errors.put("address", "주소는 200자 이내로, 줄바꿈 없이 적어 주세요");
        }
        try {
            Waves.parse(form.wave());
        } catch (IllegalArgumentException e) {
            errors.put("wave", e.getMessage());
        }
        return errors;
    }

    private String page(Model model, NewSiteForm form, Map<String, String> errors) {
        List<SiteRow> rows = sites.all().stream()
                .sorted(Comparator.comparing((Site s) -> s.wave() == null ? Integer.MAX_VALUE : s.wave())
                        .thenComparing(Site::closed).thenComparing(Site::id))
                .map(site -> new SiteRow(site, Waves.label(site.wave())))
                .toList();
        Map<String, Long> perWave = new LinkedHashMap<>();
        rows.stream().filter(row -> !row.site().closed())
                .forEach(row -> perWave.merge(row.site().wave() == null ? "미정" : row.site().wave() + "차", 1L, Long::sum));
        model.addAttribute("rows", rows);
        model.addAttribute("perWave", perWave);
        model.addAttribute("form", form);
        model.addAttribute("waves", Waves.choices(null));
        model.addAttribute("errors", errors);
        return "admin-sites";
    }
}
