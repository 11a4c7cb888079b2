package kr.smartsenior.server.site;

import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import kr.smartsenior.server.web.InvalidFieldException;
import kr.smartsenior.server.security.SiteAccess;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/sites} (admins) and {@code GET /api/sites} (the sites the account may see). */
@RestController
final class SiteController {

    private final SiteRepository sites;
    private final ApplicationEventPublisher events;
    private final SiteAccess access;

    SiteController(SiteRepository sites, ApplicationEventPublisher events, SiteAccess access) {
        this.access = access;
        this.sites = sites;
        this.events = events;
    }

    @PostMapping("/api/sites")
    @ResponseStatus(HttpStatus.CREATED)
    Site create(@Valid @RequestBody CreateSiteRequest request) {
        if (request.openingHours() != null) {
            OpeningHours.problem(request.openingHours()).ifPresent(problem -> {
                throw new InvalidFieldException("openingHours", problem);
            });
        }
        Site site = sites.create(request.id(), request.name(), request.address(),
                request.openingHours() == null ? null : OpeningHours.parse(request.openingHours()), request.wave());
        events.publishEvent(new SiteCreated(site.id())); // its kiosks get an (empty) roster at once
        return site;
    }

    @GetMapping("/api/sites")
    List<Site> list(Principal principal) {
        return access.visible(principal, sites.all(), Site::id);
    }
}
