package kr.smartsenior.server.report;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import kr.smartsenior.server.audit.AuditLog;
import kr.smartsenior.server.security.SiteAccess;
import kr.smartsenior.server.web.InvalidFieldException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The district's quarterly report (participation, change per test, alerts handled; no names):
 * {@code GET /admin/district/report.pdf} and {@code .xlsx} (and the same under {@code /api/district/}),
 * {@code year} and {@code quarter} optional (default: the last complete quarter, Korean time). Admins
 * only; audited as an export ({@link AuditLog#EXPORT_DISTRICT_REPORT}) before a byte is written.
 */
@Controller
final class QuarterlyReportController {

    private static final Logger LOG = LoggerFactory.getLogger(QuarterlyReportController.class);

    private final QuarterlyReports reports;
    private final QuarterlyPdf pdf;
    private final SiteAccess access;
    private final AuditLog audit;
    private final Clock clock;

    QuarterlyReportController(QuarterlyReports reports, QuarterlyPdf pdf, SiteAccess access, AuditLog audit,
            Clock clock) {
        this.reports = reports;
        this.pdf = pdf;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping({"/admin/district/report.pdf", "/api/district/report.pdf"})
    void pdf(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer quarter,
            Principal principal, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Quarter q = quarter(year, quarter, principal);
        if (!pdf.available()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "the Korean font for the PDF is not"
                    + " installed (" + pdf.fontFile() + "; set SSC_REPORT_FONT or install fonts-nanum)");
        }
        QuarterlyReport report = reports.compute(q);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        pdf.write(report, bytes);
        audit.record(principal.getName(), AuditLog.EXPORT_DISTRICT_REPORT, null, null, request.getRemoteAddr());
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment; filename=\"district-report-" + q.fileLabel() + ".pdf\"");
        bytes.writeTo(response.getOutputStream());
        LOG.info("district report {} exported as PDF by {}", q.fileLabel(), principal.getName());
    }

    @GetMapping({"/admin/district/report.xlsx", "/api/district/report.xlsx"})
    void excel(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer quarter,
            Principal principal, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Quarter q = quarter(year, quarter, principal);
        QuarterlyReport report = reports.compute(q);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        QuarterlyWorkbook.write(report, bytes);
        audit.record(principal.getName(), AuditLog.EXPORT_DISTRICT_REPORT, null, null, request.getRemoteAddr());
        response.setContentType(ExportController.XLSX);
        response.setHeader("Content-Disposition", "attachment; filename=\"district-report-" + q.fileLabel() + ".xlsx\"");
        bytes.writeTo(response.getOutputStream());
        LOG.info("district report {} exported as Excel by {}", q.fileLabel(), principal.getName());
    }

    /** Admins only; the asked quarter (both or neither given), which must have begun. */
    private Quarter quarter(Integer year, Integer quarter, Principal principal) {
        access.requireAdmin(principal);
        if ((year == null) != (quarter == null)) {
            throw new InvalidFieldException(year == null ? "year" : "quarter", "give both year and quarter, or neither");
        }
        Quarter q = year == null ? Quarter.lastComplete(clock) : new Quarter(year, quarter);
        if (q.start().isAfter(clock.instant())) {
            throw new InvalidFieldException("quarter", "has not begun yet");
        }
        return q;
    }
}
