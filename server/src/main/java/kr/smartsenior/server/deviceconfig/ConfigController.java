package kr.smartsenior.server.deviceconfig;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.smartsenior.protocol.Topics;
import kr.smartsenior.server.provisioning.ProvisionedDevices;
import kr.smartsenior.server.site.SiteRepository;
import kr.smartsenior.server.web.InvalidFieldException;
import kr.smartsenior.server.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin API for remote configuration: {@code PUT}/{@code GET /api/sites/{siteId}/config} and
 * {@code PUT}/{@code GET /api/devices/{deviceId}/config}. A PUT replaces that scope's settings
 * with {@code {"settings": {...}}}; unknown settings and values out of range are a 400.
 */
@RestController
final class ConfigController {

    private final RemoteConfiguration configuration;
    private final SiteRepository sites;
    private final ProvisionedDevices devices;

    ConfigController(RemoteConfiguration configuration, SiteRepository sites, ProvisionedDevices devices) {
        this.configuration = configuration;
        this.sites = sites;
        this.devices = devices;
    }

    record SettingsRequest(Map<String, Object> settings) {
    }

    /** A scope's own settings after a change, and to how many devices the broker took them. */
    record ChangeResponse(String scope, String targetId, long version, Map<String, Object> settings, String updatedAt,
            String updatedBy, int publishedTo) {

        static ChangeResponse of(RemoteConfiguration.Change change) {
            ConfigRepository.Row row = change.row();
            return new ChangeResponse(row.scope(), row.targetId(), row.version(), row.settings(), row.updatedAt().toString(),
                    row.updatedBy(), change.publishedTo());
        }
    }

    @PutMapping("/api/sites/{siteId}/config")
    ChangeResponse putSite(@PathVariable String siteId, @RequestBody SettingsRequest request, Principal principal) {
        requireSite(siteId);
        return ChangeResponse.of(configuration.setSite(siteId, settings(request), principal.getName()));
    }

    @GetMapping("/api/sites/{siteId}/config")
    Map<String, Object> getSite(@PathVariable String siteId) {
        requireSite(siteId);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("siteId", siteId);
        answer.put("own", configuration.own(ConfigRepository.SITE, siteId).orElse(null));
        return answer;
    }

    @PutMapping("/api/devices/{deviceId}/config")
    ChangeResponse putDevice(@PathVariable String deviceId, @RequestBody SettingsRequest request, Principal principal) {
        return ChangeResponse.of(configuration.setDevice(device(deviceId), settings(request), principal.getName()));
    }

    /** The device's own settings, the effective (merged) configuration it should run. */
    @GetMapping("/api/devices/{deviceId}/config")
    Map<String, Object> getDevice(@PathVariable String deviceId) {
        ProvisionedDevices.Device device = device(deviceId);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("deviceId", device.id());
        answer.put("siteId", device.siteId());
        answer.put("own", configuration.own(ConfigRepository.DEVICE, device.id()).orElse(null));
        answer.put("desired", configuration.desired(device.siteId(), device.id()).orElse(null));
        return answer;
    }

    private static Map<String, Object> settings(SettingsRequest request) {
        if (request == null || request.settings() == null) {
            throw new InvalidFieldException("settings", "must be a JSON object of settings (it may be empty)");
        }
        return request.settings();
    }

    private void requireSite(String siteId) {
        if (!Topics.isValidId(siteId) || !sites.exists(siteId)) {
            throw new NotFoundException("no site with id " + siteId.replaceAll("[^a-z0-9-]", "?"));
        }
    }

    private ProvisionedDevices.Device device(String deviceId) {
        return devices.find(deviceId)
                .orElseThrow(() -> new NotFoundException("no device with id " + deviceId.replaceAll("[^a-z0-9-]", "?")));
    }
}
