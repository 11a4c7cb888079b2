package kr.smartsenior.server.report;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import kr.smartsenior.server.audit.AuditLog;
import kr.smartsenior.server.security.SiteAccess;
import kr.smartsenior.server.web.InvalidFieldException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The district view for admins: {@code GET /api/district?months=12} (JSON) and the page
 * {@code /admin/district}. Both ask {@link SiteAccess#requireAdmin} and write an audit entry.
 */
@Controller
final class DistrictController {

    private final DistrictView view;
    private final SiteAccess access;
    private final AuditLog audit;
    private final java.time.Clock clock;

    DistrictController(DistrictView view, SiteAccess access, AuditLog audit, java.time.Clock clock) {
        this.view = view;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/api/district")
    @ResponseBody
    DistrictView.District api(@RequestParam(defaultValue = "" + DistrictView.DEFAULT_CHANGE_MONTHS) int months,
            Principal principal, HttpServletRequest request) {
        return district(months, principal, request);
    }

    @GetMapping("/admin/district")
    String page(@RequestParam(defaultValue = "" + DistrictView.DEFAULT_CHANGE_MONTHS) int months, Principal principal,
            HttpServletRequest request, Model model) {
        model.addAttribute("district", district(Math.clamp(months, 1, DistrictView.MAX_CHANGE_MONTHS), principal,
                request));
        model.addAttribute("tests", DistrictView.TESTS);
        // the quarterly report's selector: the last complete quarter first, back to the first year
        Quarter last = Quarter.lastComplete(clock);
        model.addAttribute("reportYear", last.year());
        model.addAttribute("reportQuarter", last.quarter());
        model.addAttribute("reportYears", java.util.stream.IntStream.rangeClosed(Quarter.FIRST_YEAR,
                Quarter.containing(clock.instant()).year()).map(y -> Quarter.containing(clock.instant()).year()
                        + Quarter.FIRST_YEAR - y).boxed().toList());
        return "district";
    }

    /** The same figures as an Excel workbook, for the quarterly report ({@code months=3} by default). */
    @GetMapping({"/admin/district.xlsx", "/api/district.xlsx"})
    void excel(@RequestParam(defaultValue = "3") int months, Principal principal, HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        DistrictView.District district = district(months, principal, request);
        response.setContentType(ExportController.XLSX);
        response.setHeader("Content-Disposition", "attachment; filename=\"district-" + months + "m.xlsx\"");
        DistrictWorkbook.write(district, response.getOutputStream());
    }

    private DistrictView.District district(int months, Principal principal, HttpServletRequest request) {
        access.requireAdmin(principal);
        if (months < 1 || months > DistrictView.MAX_CHANGE_MONTHS) {
            throw new InvalidFieldException("months", "must be 1 to " + DistrictView.MAX_CHANGE_MONTHS);
        }
        DistrictView.District district = view.compute(months);
        audit.record(principal.getName(), AuditLog.VIEW_DISTRICT, null, null, request.getRemoteAddr());
        return district;
    }
}
