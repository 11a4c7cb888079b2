package kr.smartsenior.server.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import kr.smartsenior.server.web.InvalidFieldException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/audit} (admins only): who read or changed which senior's data, newest first.
 * Searching is itself written to the log.
 */
@RestController
final class AuditController {

    static final int DEFAULT_LIMIT = 200;
    private static final String ID = "[A-Za-z0-9._@-]{1,64}";
    /** An account's user name, or {@code token:<id>} for an API token. */
    private static final String ACTOR = "[A-Za-z0-9._@:-]{1,64}";

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/audit")
    List<AuditLog.Entry> search(@RequestParam(required = false) String memberId,
            @RequestParam(required = false) String siteId, @RequestParam(required = false) String actor,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer limit, Principal principal, HttpServletRequest request) {
        check("memberId", memberId);
        check("siteId", siteId);
        if (actor != null && !actor.matches(ACTOR)) {
            throw new InvalidFieldException("actor", "not an account or token:<id>");
        }
        if (limit != null && (limit < 1 || limit > AuditLog.MAX_SEARCH)) {
            throw new InvalidFieldException("limit", "1 to " + AuditLog.MAX_SEARCH);
        }
        Long fromMs = instant("from", from);
        Long toMs = instant("to", to);
        audit.record(principal.getName(), AuditLog.READ_AUDIT, memberId, siteId, request.getRemoteAddr());
        return audit.search(memberId, siteId, actor, fromMs, toMs, limit == null ? DEFAULT_LIMIT : limit);
    }

    private static void check(String field, String value) {
        if (value != null && !value.matches(ID)) {
            throw new InvalidFieldException(field, "not an id");
        }
    }

    private static Long instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "an ISO-8601 time with offset, e.g. 2026-11-21T09:00:00+09:00");
        }
    }
}
