package kr.smartsenior.server.fleet;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/fleet} (admins): every site and kiosk by rollout wave, with what is wrong and since when. */
@RestController
final class FleetController {

    private final FleetOverview overview;

    FleetController(FleetOverview overview) {
        this.overview = overview;
    }

    @GetMapping("/api/fleet")
    FleetOverview.Fleet fleet() {
        return overview.fleet();
    }
}
