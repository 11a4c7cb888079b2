package kr.smartsenior.server.prescription;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The dashboard's printable report: the same PDF, access check and audit entry as the API's. */
@Controller
final class PrescriptionPages {

    private final PrescriptionController api;

    PrescriptionPages(PrescriptionController api) {
        this.api = api;
    }

    @GetMapping("/members/{id}/report.pdf")
    ResponseEntity<byte[]> report(@PathVariable String id, @RequestParam(required = false) Integer version,
            Principal principal, HttpServletRequest request) {
        return api.prescriptionPdf(id, version, principal, request);
    }
}
