package kr.smartsenior.server.site;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import kr.smartsenior.protocol.Topics;
import kr.smartsenior.server.audit.AuditLog;
import kr.smartsenior.server.security.SiteAccess;
import kr.smartsenior.server.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admins' site page ({@code /admin/sites/{id}}): change the name, address and opening hours
 * (one box per weekday, {@code 09:00-18:00}), close a site (폐쇄: no new seniors, its kiosks and
 * data kept) or reopen it. Every change is audited.
 */
@Controller
final class SitePages {

    private static final Logger log = LoggerFactory.getLogger(SitePages.class);
    /** Weekday keys of {@link OpeningHours} with their Korean names, Monday first. */
    static final Map<String, String> DAYS = days();
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]");

    private final SiteRepository sites;
    private final SiteAccess access;
    private final AuditLog audit;

    SitePages(SiteRepository sites, SiteAccess access, AuditLog audit) {
        this.sites = sites;
        this.access = access;
        this.audit = audit;
    }

    /** What the form posts; {@code hours} by weekday key. */
    record SiteForm(String name, String address, Map<String, String> hours) {
    }

    @GetMapping("/admin/sites/{id}")
    String edit(@PathVariable String id, Principal principal, Model model) {
        Site site = site(id, principal);
        Map<String, String> hours = new LinkedHashMap<>();
        DAYS.keySet().forEach(day -> hours.put(day, site.openingHours() == null ? "" : site.openingHours().getOrDefault(day, "")));
        return form(model, site, new SiteForm(site.name(), site.address() == null ? "" : site.address(), hours), Map.of());
    }

    @PostMapping("/admin/sites/{id}")
    String update(@PathVariable String id, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String address, @RequestParam Map<String, String> params,
            Principal principal, HttpServletRequest request, Model model) {
        Site site = site(id, principal);
        Map<String, String> hours = new LinkedHashMap<>();
        DAYS.keySet().forEach(day -> hours.put(day, params.getOrDefault("hours." + day, "").strip()));
        SiteForm form = new SiteForm(name.strip(), address.strip(), hours);
        Map<String, String> errors = new LinkedHashMap<>();
        if (form.name().isEmpty() || form.name().length() > 100 || CONTROL.matcher(form.name()).find()) {
            errors.put("name", "이름은 1~100자로, 줄바꿈 없이 적어 주세요");
        }
        if (form.address().length() > 200 || CONTROL.matcher(form.address()).find()) {
            errors.put("address", "주소는 200자 이내로, 줄바꿈 없이 적어 주세요");
        }
        boolean anyHours = hours.values().stream().anyMatch(h -> !h.isEmpty());
        for (Map.Entry<String, String> day : hours.entrySet()) {
            if (OpeningHours.problem(Map.of(day.getKey(), day.getValue())).isPresent()) {
                errors.put("hours." + day.getKey(), DAYS.get(day.getKey())
                        + "요일: 09:00-18:00 형식으로 적어 주세요 (여러 구간은 쉼표로: 09:00-12:00,13:00-17:00)");
            }
        }
        // the wave (issue 17): only when the form has the box, so a post without it keeps the wave
        Integer wave = site.wave();
        if (params.containsKey("wave")) {
            try {
                wave = Waves.parse(params.get("wave"));
            } catch (IllegalArgumentException e) {
                errors.put("wave", e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            log.info("site {} not changed: {} fields refused", site.id(), errors.size());
            return form(model, site, form, errors);
        }
        Map<String, String> open = new LinkedHashMap<>();
        hours.forEach((day, text) -> {
            if (!text.isEmpty()) {
                open.put(day, text);
            }
        });
        sites.update(site.id(), form.name(), form.address().isEmpty() ? null : form.address(),
                anyHours ? OpeningHours.parse(open) : null);
        sites.updateWave(site.id(), wave);
        audit.record(principal.getName(), AuditLog.UPDATE_SITE, null, site.id(), request.getRemoteAddr());
        log.info("{} changed site {}", principal.getName(), site.id());
        return "redirect:/admin/sites/" + site.id() + "?saved";
    }

    @PostMapping("/admin/sites/{id}/close")
    String close(@PathVariable String id, @RequestParam(defaultValue = "true") boolean closed, Principal principal,
            HttpServletRequest request) {
        Site site = site(id, principal);
        sites.close(site.id(), closed);
        audit.record(principal.getName(), AuditLog.CLOSE_SITE, null, site.id(), request.getRemoteAddr());
        log.info("{} {} site {}", principal.getName(), closed ? "closed" : "reopened", site.id());
        return "redirect:/admin/sites/" + site.id() + (closed ? "?closed" : "?reopened");
    }

    private String form(Model model, Site site, SiteForm form, Map<String, String> errors) {
        model.addAttribute("site", site);
        model.addAttribute("form", form);
        model.addAttribute("days", DAYS);
        model.addAttribute("errors", errors);
        model.addAttribute("waveChoices", Waves.choices(site.wave()));
        return "site-edit";
    }

    private Site site(String id, Principal principal) {
        access.requireAdmin(principal);
        return (Topics.isValidId(id) ? sites.find(id) : java.util.Optional.<Site>empty())
                .orElseThrow(() -> new NotFoundException("no such site"));
    }

    private static Map<String, String> days() {
        Map<String, String> days = new LinkedHashMap<>();
        List<String> keys = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
        List<String> korean = List.of("월", "화", "수", "목", "금", "토", "일");
        for (int i = 0; i < keys.size(); i++) {
            days.put(keys.get(i), korean.get(i));
        }
        return java.util.Collections.unmodifiableMap(days);
    }
}
