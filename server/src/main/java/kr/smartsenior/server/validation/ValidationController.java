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

    /** The rule as staff read it (Korean); docs/fitness-norms.md section 6 gives its sources. */
    static final String RULE = "오늘 절차로 잰 비교가 " + KioskAgreements.MINIMUM_PAIRS + "건 이상이고, 95% 일치 한계"
            + "(키오스크 − 손 측정의 평균 ± 1.96 SD, Bland & Altman 1986)를 그 95% 신뢰 반폭만큼 넓혀도 검사의"
            + " 최소 변화량 안에 있으면 검증됨. 검증 전인 검사의 낙상 위험 신호는 '검증 전'으로 표시되고 판단에는 그대로 반영됨";

    @GetMapping("/api/sites/{siteId}/validation")
    SiteValidation ofSite(@PathVariable String siteId, Principal principal, HttpServletRequest request) {
        if (!Topics.isValidId(siteId) || !sites.exists(siteId)) {
            throw NotFoundException.site(siteId);
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
