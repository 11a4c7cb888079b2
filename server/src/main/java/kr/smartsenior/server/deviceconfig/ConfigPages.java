package kr.smartsenior.server.deviceconfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.smartsenior.protocol.Topics;
import kr.smartsenior.server.audit.AuditLog;
import kr.smartsenior.server.provisioning.ProvisionedDevices;
import kr.smartsenior.server.security.SiteAccess;
import kr.smartsenior.server.site.Site;
import kr.smartsenior.server.site.SiteRepository;
import kr.smartsenior.server.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A site's remote configuration for admins ({@code /admin/sites/{siteId}/config}): the site's settings and
 * each kiosk's own (empty boxes follow the site, or the kiosk's default), checked per box with a Korean
 * message, then a preview of what each kiosk will run (merged, with where each value comes from, and the
 * JSON it receives), and only then the push: stored and published retained to each active kiosk by
 * {@link RemoteConfiguration}, as {@code PUT /api/sites/{siteId}/config} does. A push must carry the
 * fingerprint of the preview it follows; changed boxes are previewed again. Audited.
 */
@Controller
final class ConfigPages {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Logger log = LoggerFactory.getLogger(ConfigPages.class);

    private final RemoteConfiguration configuration;
    private final SiteRepository sites;
    private final ProvisionedDevices devices;
    private final SiteAccess access;
    private final AuditLog audit;

    ConfigPages(RemoteConfiguration configuration, SiteRepository sites, ProvisionedDevices devices, SiteAccess access,
            AuditLog audit) {
        this.configuration = configuration;
        this.sites = sites;
        this.devices = devices;
        this.access = access;
        this.audit = audit;
    }

    @GetMapping("/admin/sites/{siteId}/config")
    String page(@PathVariable String siteId, Principal principal, Model model) {
        Site site = site(siteId, principal);
        List<ProvisionedDevices.Device> active = devices.activeAt(site.id());
        Map<String, Map<String, Object>> own = new LinkedHashMap<>();
        active.forEach(d -> own.put(d.id(), configuration.own(ConfigRepository.DEVICE, d.id())
                .map(ConfigRepository.Row::settings).orElse(Map.of())));
        Map<String, Object> siteOwn = configuration.own(ConfigRepository.SITE, site.id())
                .map(ConfigRepository.Row::settings).orElse(Map.of());
        return form(model, site, active, ConfigForm.typed(siteOwn, own), Map.of(), null);
    }

    @PostMapping("/admin/sites/{siteId}/config")
    String submit(@PathVariable String siteId, @RequestParam Map<String, String> params,
            @RequestParam(defaultValue = "preview") String action, @RequestParam(defaultValue = "") String previewed,
            Principal principal, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        Site site = site(siteId, principal);
        List<ProvisionedDevices.Device> active = devices.activeAt(site.id());
        ConfigForm.Typed typed = ConfigForm.typed(params, active.stream().map(ProvisionedDevices.Device::id).toList());
        ConfigForm.Parsed parsed = ConfigForm.parse(typed);
        if (!parsed.errors().isEmpty()) {
            log.info("configuration of site {} not previewed: {} boxes refused", site.id(), parsed.errors().size());
            return form(model, site, active, typed, parsed.errors(), null);
        }
        String fingerprint = ConfigForm.fingerprint(typed);
        if (!"push".equals(action) || !fingerprint.equals(previewed)) {
            model.addAttribute("previewAgain", "push".equals(action));
            return form(model, site, active, typed, Map.of(), parsed);
        }
        Map<String, Map<String, Object>> changedDevices = new LinkedHashMap<>();
        parsed.devices().forEach((id, settings) -> {
            Map<String, Object> stored = configuration.own(ConfigRepository.DEVICE, id).map(ConfigRepository.Row::settings)
                    .orElse(Map.of());
            if (ConfigForm.sameSettings(stored, settings)) {
                return; // unchanged: keeps its version
            }
            changedDevices.put(id, settings);
        });
        RemoteConfiguration.Change change = configuration.setSiteAndDevices(site.id(), parsed.site(), changedDevices,
                principal.getName());
        audit.record(principal.getName(), AuditLog.CHANGE_DEVICE_CONFIG, null, site.id(), request.getRemoteAddr());
        redirect.addFlashAttribute("done", "설정 v" + change.row().version() + "을 보냈습니다. 키오스크 " + active.size() + "대 중 "
                + change.publishedTo() + "대에 전달을 맡겼습니다 (꺼진 키오스크는 켜지면 받아 갑니다).");
        return "redirect:/admin/sites/" + site.id() + "/config";
    }

    private String form(Model model, Site site, List<ProvisionedDevices.Device> active, ConfigForm.Typed typed,
            Map<String, String> errors, ConfigForm.Parsed parsed) {
        model.addAttribute("site", site);
        model.addAttribute("fields", ConfigForm.FIELDS);
        model.addAttribute("devices", active.stream().map(ProvisionedDevices.Device::id).toList());
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        Map<String, Object> current = new LinkedHashMap<>();
        active.forEach(d -> current.put(d.id(), configuration.desired(site.id(), d.id())
                .map(desired -> "v" + desired.version()).orElse("없음")));
        model.addAttribute("currentVersions", current);
        if (parsed != null) {
            Map<String, Map<String, Object>> now = new LinkedHashMap<>();
            active.forEach(d -> now.put(d.id(), configuration.desired(site.id(), d.id())
                    .map(RemoteConfiguration.Desired::settings).orElse(Map.of())));
            List<ConfigForm.Preview> previews = ConfigForm.preview(parsed, now);
            Map<String, String> json = new LinkedHashMap<>();
            previews.forEach(p -> json.put(p.deviceId(), json(p.settings())));
            model.addAttribute("previews", previews);
            model.addAttribute("previewJson", json);
            model.addAttribute("previewChanged", previews.stream().filter(ConfigForm.Preview::changed).count());
            model.addAttribute("fingerprint", ConfigForm.fingerprint(typed));
        }
        return "admin-config";
    }

    private static String json(Map<String, Object> settings) {
        try {
            return JSON.writeValueAsString(Map.of("settings", settings));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Site site(String siteId, Principal principal) {
        access.requireAdmin(principal);
        return (Topics.isValidId(siteId) ? sites.find(siteId) : Optional.<Site>empty())
                .orElseThrow(() -> new NotFoundException("no such site"));
    }
}
