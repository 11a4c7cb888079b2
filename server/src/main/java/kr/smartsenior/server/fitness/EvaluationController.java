package kr.smartsenior.server.fitness;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import kr.smartsenior.server.audit.AuditLog;
import kr.smartsenior.server.member.MemberDirectory;
import kr.smartsenior.server.member.MemberDirectory.Senior;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/members/{id}/evaluation}: latest grades, flags and trends; every read audited. */
@RestController
final class EvaluationController {

    static final String READ_EVALUATION = "member.evaluation.read";

    private final MemberDirectory members;
    private final Evaluator evaluator;
    private final AuditLog audit;

    EvaluationController(MemberDirectory members, Evaluator evaluator, AuditLog audit) {
        this.members = members;
        this.evaluator = evaluator;
        this.audit = audit;
    }

    @GetMapping("/api/members/{id}/evaluation")
    Evaluation evaluation(@PathVariable String id, Principal principal, HttpServletRequest request) {
        Senior senior = members.requireMember(principal, id);
        audit.record(principal.getName(), READ_EVALUATION, senior.id(), senior.siteId(), request.getRemoteAddr());
        return evaluator.evaluate(senior);
    }

    static String printable(String text) {
        String clean = text.replaceAll("[^A-Za-z0-9_-]", "?");
        return clean.length() > 20 ? clean.substring(0, 20) + "…" : clean;
    }
}
