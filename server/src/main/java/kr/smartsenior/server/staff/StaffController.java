package kr.smartsenior.server.staff;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import kr.smartsenior.server.audit.AuditLog;
import kr.smartsenior.server.security.Role;
import kr.smartsenior.server.site.SiteRepository;
import kr.smartsenior.server.web.ConflictException;
import kr.smartsenior.server.web.InvalidFieldException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/staff} and {@code GET /api/staff} (admins only, see {@code security.SecurityConfig}):
 * accounts for social workers (STAFF, with their sites) and the district IT team (ADMIN).
 */
@RestController
final class StaffController {

    static final String CREATE_STAFF = "staff.create";
    private static final Logger log = LoggerFactory.getLogger(StaffController.class);

    private final StaffRepository accounts;
    private final SiteRepository sites;
    private final PasswordEncoder encoder;
    private final TransactionTemplate tx;
    private final AuditLog audit;

    StaffController(StaffRepository accounts, SiteRepository sites, PasswordEncoder encoder, TransactionTemplate tx,
            AuditLog audit) {
        this.accounts = accounts;
        this.sites = sites;
        this.encoder = encoder;
        this.tx = tx;
        this.audit = audit;
    }

    @PostMapping("/api/staff")
    @ResponseStatus(HttpStatus.CREATED)
    StaffRepository.Account create(@Valid @RequestBody StaffRequest body, Principal principal,
            HttpServletRequest request) {
        PasswordPolicy.problem(body.password(), body.username()).ifPresent(problem -> {
            throw new InvalidFieldException("password", problem);
        });
        List<String> siteIds = body.siteIds() == null ? List.of() : body.siteIds();
        if (Role.STAFF.name().equals(body.role()) && siteIds.isEmpty()) {
            throw new InvalidFieldException("siteIds", "a STAFF account needs at least one site");
        }
        if (Role.ADMIN.name().equals(body.role()) && !siteIds.isEmpty()) {
            throw new InvalidFieldException("siteIds", "an ADMIN account sees every site; give no siteIds");
        }
        for (String siteId : siteIds) {
            if (siteId == null || !kr.smartsenior.protocol.Topics.isValidId(siteId) || !sites.exists(siteId)) {
                throw new InvalidFieldException("siteIds", "no site with id " + printable(siteId));
            }
        }
        if (!accounts.add(body.username(), encoder.encode(body.password()), body.role(), siteIds, tx)) {
            throw new ConflictException("an account named " + body.username() + " exists");
        }
        audit.record(principal.getName(), CREATE_STAFF, null, null, request.getRemoteAddr());
        log.info("{} created the {} account {} for sites {}", principal.getName(), body.role(), body.username(), siteIds);
        return accounts.find(body.username()).orElseThrow();
    }

    @GetMapping("/api/staff")
    List<StaffRepository.Account> list() {
        return accounts.all();
    }

    private static String printable(String text) {
        if (text == null) {
            return "null";
        }
        String clean = text.replaceAll("[^A-Za-z0-9_-]", "?");
        return clean.length() > 32 ? clean.substring(0, 32) + "…" : clean;
    }
}
