package kr.smartsenior.server.provisioning;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.security.Principal;
import java.util.List;
import kr.smartsenior.protocol.Topics;
import kr.smartsenior.server.site.SiteRepository;
import kr.smartsenior.server.web.InvalidFieldException;
import kr.smartsenior.server.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin API for device identities: {@code POST /api/sites/{siteId}/devices},
 * {@code GET /api/sites/{siteId}/devices}, {@code POST /api/devices/{id}/revoke} and
 * {@code POST /api/devices/{id}/credentials}. The password appears only in the answer that made it.
 */
@RestController
final class ProvisioningController {

    private final Provisioning provisioning;
    private final ProvisionedDevices devices;
    private final SiteRepository sites;

    ProvisioningController(Provisioning provisioning, ProvisionedDevices devices, SiteRepository sites) {
        this.provisioning = provisioning;
        this.devices = devices;
        this.sites = sites;
    }

    /** The body of a provisioning request; both fields are optional (the body itself too). */
    record ProvisionRequest(String deviceId,
            @Pattern(regexp = "[a-z0-9][a-z0-9.-]{0,31}", message = "must be 1-32 lower-case letters, digits, dots and hyphens")
            String pinMapRevision) {
    }

    /** What a provisioning answers: the device, its account, and the bundle for the Pi. */
    record ProvisionedResponse(String deviceId, String siteId, String mqttUsername, String mqttPassword,
            ConfigBundle bundle) {

        static ProvisionedResponse of(Provisioning.Provisioned made) {
            return new ProvisionedResponse(made.device().id(), made.device().siteId(), made.device().mqttUsername(),
                    made.mqttPassword(), made.bundle());
        }
    }

    @PostMapping("/api/sites/{siteId}/devices")
    @ResponseStatus(HttpStatus.CREATED)
    ProvisionedResponse provision(@PathVariable String siteId, @Valid @RequestBody(required = false) ProvisionRequest request,
            Principal principal) {
        requireSite(siteId);
        String deviceId = request == null ? null : request.deviceId();
        if (deviceId != null && !Topics.isValidId(deviceId)) {
            throw new InvalidFieldException("deviceId",
                    "must be 1-32 lower-case letters, digits and hyphens, starting with a letter or digit");
        }
        if (deviceId != null && !Topics.isValidDeviceId(deviceId)) {
            throw new InvalidFieldException("deviceId", "'" + Topics.SITE_WIDE + "' is reserved for what every kiosk"
                    + " of a site shares (ssc/v1/{site}/all/roster); choose another device id");
        }
        return ProvisionedResponse.of(provisioning.provision(siteId, deviceId,
                request == null ? null : request.pinMapRevision(), principal.getName()));
    }

    @GetMapping("/api/sites/{siteId}/devices")
    List<ProvisionedDevices.Device> list(@PathVariable String siteId) {
        requireSite(siteId);
        return devices.all().stream().filter(device -> device.siteId().equals(siteId)).toList();
    }

    @PostMapping("/api/devices/{deviceId}/revoke")
    ProvisionedDevices.Device revoke(@PathVariable String deviceId, Principal principal) {
        return provisioning.revoke(deviceId, principal.getName());
    }

    @PostMapping("/api/devices/{deviceId}/credentials")
    ProvisionedResponse renew(@PathVariable String deviceId, Principal principal) {
        return ProvisionedResponse.of(provisioning.renewCredentials(deviceId, principal.getName()));
    }

    private void requireSite(String siteId) {
        if (!Topics.isValidId(siteId) || !sites.exists(siteId)) {
            throw new NotFoundException("no site with id " + Provisioning.printable(siteId));
        }
    }
}
