package kr.smartsenior.server.member;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.Principal;
import kr.smartsenior.protocol.Topics;
import kr.smartsenior.server.audit.AuditLog;
import kr.smartsenior.server.security.SiteAccess;
import kr.smartsenior.server.site.SiteRepository;
import kr.smartsenior.server.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/sites/{siteId}/members/import?dryRun=&partial=&confirm=} (multipart {@code file}): a
 * site's list of seniors from CSV or Excel. A row that repeats a registered senior (same name and
 * birth year) or an earlier row is skipped unless its row number is among {@code confirm}. 200 with the report for a dry run, 201 once stored, 422
 * (and nothing stored) when rows are broken and {@code partial} was not asked for, 400 for a file
 * that cannot be read at all.
 */
@RestController
final class MemberImportController {

    private static final Logger LOG = LoggerFactory.getLogger(MemberImportController.class);

    private final MemberImport imports;
    private final SiteRepository sites;
    private final SiteAccess access;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    MemberImportController(MemberImport imports, SiteRepository sites, SiteAccess access, AuditLog audit,
            ApplicationEventPublisher events) {
        this.imports = imports;
        this.sites = sites;
        this.access = access;
        this.audit = audit;
        this.events = events;
    }

    @PostMapping("/api/sites/{siteId}/members/import")
    ResponseEntity<MemberImport.Report> importMembers(@PathVariable String siteId,
            @RequestPart("file") MultipartFile file, @RequestParam(defaultValue = "true") boolean dryRun,
            @RequestParam(defaultValue = "false") boolean partial,
            @RequestParam(required = false) java.util.List<Integer> confirm, Principal principal,
            HttpServletRequest request) throws IOException {
        MemberImport.Report report = run(siteId, file.getOriginalFilename(), MemberImport.contentOf(file), dryRun, partial,
                confirm == null ? java.util.Set.of() : java.util.Set.copyOf(confirm), principal, request.getRemoteAddr());
        HttpStatus status = report.refused() ? HttpStatus.UNPROCESSABLE_ENTITY
                : report.imported() > 0 ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).body(report);
    }

    /** The one path of the API and the dashboard page: site check, import, audit, roster announcement. */
    MemberImport.Report run(String siteId, String fileName, byte[] content, boolean dryRun, boolean partial,
            java.util.Set<Integer> confirmed, Principal principal, String remoteAddr) {
        if (!Topics.isValidId(siteId) || !sites.exists(siteId)) {
            throw NotFoundException.site(siteId);
        }
        access.requireSite(principal, siteId);
        if (sites.isClosed(siteId)) {
            throw new MemberImport.UnreadableFile("폐쇄된 경로당에는 어르신을 새로 등록할 수 없습니다");
        }
        MemberImport.Report report = imports.run(siteId, fileName, content, dryRun, partial, confirmed,
                principal.getName());
        audit.record(principal.getName(), dryRun ? AuditLog.PREVIEW_MEMBER_IMPORT : AuditLog.IMPORT_MEMBERS, null,
                siteId, remoteAddr);
        LOG.info("member import into site {} by {}: {} rows, {} valid, {} duplicates, {} stored{}", siteId,
                principal.getName(), report.rows(), report.valid(), report.duplicates(), report.imported(),
                report.refused() ? " (refused: broken rows)" : "");
        if (report.imported() > 0) {
            events.publishEvent(new MembersChanged(siteId));
        }
        return report;
    }

    @ExceptionHandler(MemberImport.UnreadableFile.class)
    ResponseEntity<ProblemDetail> unreadable(MemberImport.UnreadableFile e) {
        LOG.info("member import refused: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Unreadable file");
        return ResponseEntity.badRequest().body(problem);
    }
}
