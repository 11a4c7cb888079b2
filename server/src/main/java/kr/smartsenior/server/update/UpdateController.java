package kr.smartsenior.server.update;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.smartsenior.server.audit.AuditLog;
import kr.smartsenior.server.web.InvalidFieldException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The admin API of update campaigns (admins only), the same operations as the pages:
 * <ul>
 *   <li>{@code POST /api/updates/releases} (multipart: {@code bundle}, {@code signature}) uploads a signed
 *       release; {@code GET /api/updates/releases} lists them;</li>
 *   <li>{@code POST /api/updates/campaigns} ({@code {"release", "waves", "sites", "canary"}}) starts a campaign;
 *       {@code GET /api/updates/campaigns[/{id}]} shows them with every kiosk's step;</li>
 *   <li>{@code POST /api/updates/campaigns/{id}/pause|resume|stop}.</li>
 * </ul>
 */
@RestController
final class UpdateController {

    private final Releases releases;
    private final Campaigns campaigns;
    private final AuditLog audit;
    private final UpdateProperties properties;

    UpdateController(Releases releases, Campaigns campaigns, AuditLog audit, UpdateProperties properties) {
        this.releases = releases;
        this.campaigns = campaigns;
        this.audit = audit;
        this.properties = properties;
    }

    @PostMapping("/api/updates/releases")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> upload(@RequestPart(name = "bundle", required = false) MultipartFile bundle,
            @RequestPart(name = "signature", required = false) MultipartFile signature, Principal principal,
            HttpServletRequest request) {
        CampaignRepository.Release release = upload(releases, bundle, signature, principal.getName());
        audit.record(principal.getName(), AuditLog.UPLOAD_RELEASE, null, null, request.getRemoteAddr());
        return release(release);
    }

    /** Shared with the page: the multipart parts to {@link Releases#upload}. */
    static CampaignRepository.Release upload(Releases releases, MultipartFile bundle, MultipartFile signature, String actor) {
        if (bundle == null || bundle.isEmpty()) {
            throw new InvalidFieldException("bundle", "배포판 파일(.tar.gz)을 고르세요.");
        }
        try (InputStream in = bundle.getInputStream()) {
            return releases.upload(in, signature == null ? null : signature.getBytes(), actor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/api/updates/releases")
    List<Map<String, Object>> releases() {
        return releases.all().stream().map(UpdateController::release).toList();
    }

    @PostMapping("/api/updates/campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(@RequestBody Campaigns.Request body, Principal principal, HttpServletRequest request) {
        Campaigns.View view = campaigns.create(body, baseUrl(properties), principal.getName());
        audit.record(principal.getName(), AuditLog.CHANGE_CAMPAIGN, null, null, request.getRemoteAddr());
        return campaign(view);
    }

    /** Where kiosks fetch bundles: {@code SSC_PUBLIC_URL}, else the address this request came in on. */
    static String baseUrl(UpdateProperties properties) {
        return properties.publicUrl() != null ? properties.publicUrl()
                : ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    @GetMapping("/api/updates/campaigns")
    List<Map<String, Object>> campaigns() {
        return campaigns.all().stream().map(c -> campaign(campaigns.view(c.id()))).toList();
    }

    @GetMapping("/api/updates/campaigns/{id}")
    Map<String, Object> campaign(@PathVariable long id) {
        return campaign(campaigns.view(id));
    }

    @PostMapping("/api/updates/campaigns/{id}/{action:pause|resume|stop}")
    Map<String, Object> act(@PathVariable long id, @PathVariable String action, Principal principal, HttpServletRequest request) {
        Campaigns.View view = act(campaigns, id, action, principal.getName());
        audit.record(principal.getName(), AuditLog.CHANGE_CAMPAIGN, null, null, request.getRemoteAddr());
        return campaign(view);
    }

    static Campaigns.View act(Campaigns campaigns, long id, String action, String actor) {
        return switch (action) {
            case "pause" -> campaigns.pause(id, actor);
            case "resume" -> campaigns.resume(id, actor);
            default -> campaigns.stop(id, actor);
        };
    }

    private static Map<String, Object> release(CampaignRepository.Release release) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", release.version());
        json.put("sha256", release.sha256());
        json.put("sizeBytes", release.sizeBytes());
        json.put("uploadedAt", Instant.ofEpochMilli(release.uploadedAtMs()).toString());
        json.put("uploadedBy", release.uploadedBy());
        return json;
    }

    private static Map<String, Object> campaign(Campaigns.View view) {
        CampaignRepository.Campaign c = view.campaign();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id());
        json.put("release", c.releaseVersion());
        json.put("state", c.state().name());
        json.put("stateReason", c.stateReason());
        json.put("targets", c.targets());
        json.put("canary", c.canaryDeviceId());
        json.put("createdAt", Instant.ofEpochMilli(c.createdAtMs()).toString());
        json.put("createdBy", c.createdBy());
        json.put("endedAt", c.endedAtMs() == null ? null : Instant.ofEpochMilli(c.endedAtMs()).toString());
        Map<String, Integer> counts = new LinkedHashMap<>();
        view.counts().forEach((step, n) -> counts.put(step.name(), n));
        json.put("devices", view.devices().size());
        json.put("finished", view.finished());
        json.put("counts", counts);
        json.put("kiosks", view.devices().stream().map(d -> {
            Map<String, Object> device = new LinkedHashMap<>();
            device.put("deviceId", d.deviceId());
            device.put("siteId", d.siteId());
            device.put("stage", d.stage());
            device.put("step", d.step().name());
            device.put("problem", d.problem());
            device.put("detail", d.detail());
            device.put("runningVersion", d.runningVersion());
            device.put("updatedAt", Instant.ofEpochMilli(d.updatedAtMs()).toString());
            return device;
        }).toList());
        return json;
    }
}
