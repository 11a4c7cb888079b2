package kr.smartsenior.server.report;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.LocalDate;
import kr.smartsenior.protocol.Topics;
import kr.smartsenior.server.audit.AuditLog;
import kr.smartsenior.server.security.SiteAccess;
import kr.smartsenior.server.site.SiteRepository;
import kr.smartsenior.server.web.InvalidFieldException;
import kr.smartsenior.server.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code GET /api/sites/{siteId}/results.xlsx} and {@code .csv} (and the same under
 * {@code /sites/…} for the dashboard's session), optionally {@code from} and {@code to} (ISO dates,
 * both inclusive, Korean time): the site's results for a district report. Site-checked and audited
 * before a byte is written.
 */
@Controller
final class ExportController {

    private static final Logger LOG = LoggerFactory.getLogger(ExportController.class);
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ResultExport export;
    private final SiteRepository sites;
    private final SiteAccess access;
    private final AuditLog audit;

    ExportController(ResultExport export, SiteRepository sites, SiteAccess access, AuditLog audit) {
        this.export = export;
        this.sites = sites;
        this.access = access;
        this.audit = audit;
    }

    @GetMapping({"/api/sites/{siteId}/results.xlsx", "/sites/{siteId}/results.xlsx"})
    void excel(@PathVariable String siteId, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Principal principal, HttpServletRequest request, HttpServletResponse response) throws IOException {
        long[] range = start(siteId, from, to, principal, request, "xlsx");
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", "attachment; filename=\"results-" + siteId + ".xlsx\"");
        int rows = export.excel(siteId, range[0], range[1], response.getOutputStream());
        LOG.info("site {} results exported as Excel by {}: {} rows", siteId, principal.getName(), rows);
    }

    @GetMapping({"/api/sites/{siteId}/results.csv", "/sites/{siteId}/results.csv"})
    void csv(@PathVariable String siteId, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Principal principal, HttpServletRequest request, HttpServletResponse response) throws IOException {
        long[] range = start(siteId, from, to, principal, request, "csv");
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"results-" + siteId + ".csv\"");
        int rows = export.csv(siteId, range[0], range[1], response.getOutputStream());
        LOG.info("site {} results exported as CSV by {}: {} rows", siteId, principal.getName(), rows);
    }

    /** Checks the site and the range, writes the audit entry; returns [fromMs, toMs). */
    private long[] start(String siteId, LocalDate from, LocalDate to, Principal principal, HttpServletRequest request,
            String format) {
        if (!Topics.isValidId(siteId) || !sites.exists(siteId)) {
            throw NotFoundException.site(siteId);
        }
        access.requireSite(principal, siteId);
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidFieldException("from", "must not be after 'to'");
        }
        long fromMs = from == null ? Long.MIN_VALUE : from.atStartOfDay(ResultExport.ZONE).toInstant().toEpochMilli();
        long toMs = to == null ? Long.MAX_VALUE
                : to.plusDays(1).atStartOfDay(ResultExport.ZONE).toInstant().toEpochMilli();
        audit.record(principal.getName(), AuditLog.EXPORT_RESULTS, null, siteId, request.getRemoteAddr());
        return new long[] {fromMs, toMs};
    }
}
