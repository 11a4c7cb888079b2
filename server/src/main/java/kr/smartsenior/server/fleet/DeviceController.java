package kr.smartsenior.server.fleet;

import java.security.Principal;
import java.util.List;
import kr.smartsenior.server.security.SiteAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/devices}: every kiosk heard from since start (of the sites the account may see), with its latest status. */
@RestController
final class DeviceController {

    private final DeviceStatusRegistry registry;
    private final SiteAccess access;

    DeviceController(DeviceStatusRegistry registry, SiteAccess access) {
        this.access = access;
        this.registry = registry;
    }

    @GetMapping("/api/devices")
    List<DeviceStatusRegistry.Entry> devices(Principal principal) {
        return access.visible(principal, registry.all(), DeviceStatusRegistry.Entry::siteId);
    }
}
