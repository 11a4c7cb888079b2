package kr.smartsenior.server.validation;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import kr.smartsenior.protocol.Topics;
import kr.smartsenior.server.audit.AuditLog;
import kr.smartsenior.server.security.SiteAccess;
import kr.smartsenior.server.site.SiteRepository;
import kr.smartsenior.server.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/sites/{siteId}/validation} (staff of the site, admins) and {@code GET
 * /api/validation} (every site the account may see): 검증 측정 agreement per test. Both audited.
 */
@RestController
final class ValidationController {

    static final String READ_VALIDATION = "site.validation.read";

    private final KioskAgreements agreements;
    private final SiteRepository sites;
    private final SiteAccess access;
    private final AuditLog audit;

    ValidationController(KioskAgreements agreements, SiteRepository sites, SiteAccess access, AuditLog audit) {
        this.agreements = agreements;
        this.sites = sites;
        this.access = access;
        this.audit = audit;
    }

    /** One site's tests, and the rule a test is validated by. */
    record SiteValidation(String siteId, int minimumPairs, String rule, List<TestAgreement> tests) {
    }

    static final String RULE = "validated when at least " + KioskAgreements.MINIMUM_PAIRS + " pairs by today's"
            + " procedure give 95 % limits of agreement (mean ± 1.96 SD of kiosk - hand, Bland & Altman 1986),"
            + " widened by their 95 % confidence half-width, within ± the test's smallest real change"
            + " (measurement-error.csv); flags of a test not yet validated are marked 검증 전 and still count";

    @GetMapping("/api/sites/{siteId}/validation")
    SiteValidation ofSite(@PathVariable String siteId, Principal principal, HttpServletRequest request) {
        if (!Topics.isValidId(siteId) || !sites.exists(siteId)) {
            throw new NotFoundException("no site with id " + siteId.replaceAll("[^A-Za-z0-9_-]", "?"));
        }
        access.requireSite(principal, siteId);
        audit.record(principal.getName(), READ_VALIDATION, null, siteId, request.getRemoteAddr());
        return new SiteValidation(siteId, KioskAgreements.MINIMUM_PAIRS, RULE, agreements.ofSite(siteId));
    }

    @GetMapping("/api/validation")
    List<SiteValidation> all(Principal principal, HttpServletRequest request) {
        List<SiteValidation> all = new ArrayList<>();
        for (String siteId : access.visible(principal, sites.ids(), id -> id)) {
            audit.record(principal.getName(), READ_VALIDATION, null, siteId, request.getRemoteAddr());
            all.add(new SiteValidation(siteId, KioskAgreements.MINIMUM_PAIRS, RULE, agreements.ofSite(siteId)));
        }
        return all;
    }
}
