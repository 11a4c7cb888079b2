package kr.smartsenior.server.prescription;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import kr.smartsenior.server.audit.AuditLog;
import kr.smartsenior.server.member.MemberDirectory;
import kr.smartsenior.server.member.MemberDirectory.Senior;
import kr.smartsenior.server.web.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/members/{id}/prescription} (the current plan, or {@code ?version=N}) and
 * {@code GET /api/members/{id}/prescription.pdf}. Every read is audited.
 */
@RestController
final class PrescriptionController {

    static final String READ_PRESCRIPTION = "member.prescription.read";
    static final String READ_PRESCRIPTION_PDF = "member.prescription.pdf";

    private final MemberDirectory members;
    private final PrescriptionStore store;
    private final PrescriptionPdf pdf;
    private final AuditLog audit;

    PrescriptionController(MemberDirectory members, PrescriptionStore store, PrescriptionPdf pdf, AuditLog audit) {
        this.members = members;
        this.store = store;
        this.pdf = pdf;
        this.audit = audit;
    }

    @GetMapping("/api/members/{id}/prescription")
    Plan prescription(@PathVariable String id, @RequestParam(required = false) Integer version, Principal principal,
            HttpServletRequest request) {
        Senior senior = members.requireMember(principal, id);
        audit.record(principal.getName(), READ_PRESCRIPTION, senior.id(), senior.siteId(), request.getRemoteAddr());
        return plan(senior, version);
    }

    @GetMapping("/api/members/{id}/prescription.pdf")
    ResponseEntity<byte[]> prescriptionPdf(@PathVariable String id, @RequestParam(required = false) Integer version,
            Principal principal, HttpServletRequest request) {
        Senior senior = members.requireMember(principal, id);
        Plan plan = plan(senior, version);
        if (!pdf.available()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "the Korean font for the PDF is not"
                    + " installed (" + pdf.fontFile() + "; set SSC_REPORT_FONT or install fonts-nanum)");
        }
        audit.record(principal.getName(), READ_PRESCRIPTION_PDF, senior.id(), senior.siteId(), request.getRemoteAddr());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("prescription-" + senior.id() + "-v" + plan.version() + ".pdf").build().toString())
                .body(pdf.render(plan, senior));
    }

    private Plan plan(Senior senior, Integer version) {
        if (version != null) {
            return store.version(senior.id(), version).orElseThrow(() -> new NotFoundException("member " + senior.id()
                    + " has no prescription version " + version));
        }
        return store.current(senior.id()).orElseThrow(() -> new NotFoundException("member " + senior.id()
                + " has no prescription yet: it is made after the first result or screening"));
    }

}
