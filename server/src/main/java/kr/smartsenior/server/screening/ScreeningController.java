package kr.smartsenior.server.screening;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.smartsenior.server.audit.AuditLog;
import kr.smartsenior.server.member.MemberDirectory;
import kr.smartsenior.server.member.MemberDirectory.Senior;
import kr.smartsenior.server.web.InvalidFieldException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST} and {@code GET /api/members/{id}/screening}. Both are audited. A new screening is
 * announced with {@link ScreeningRecorded}, so the prescription follows it at once.
 */
@RestController
final class ScreeningController {

    static final String WRITE_SCREENING = "member.screening.write";
    static final String READ_SCREENING = "member.screening.read";
    static final int NOTE_MAX = 200;

    private final MemberDirectory members;
    private final Screenings screenings;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    ScreeningController(MemberDirectory members, Screenings screenings, AuditLog audit,
            ApplicationEventPublisher events) {
        this.members = members;
        this.screenings = screenings;
        this.audit = audit;
        this.events = events;
    }

    /** What the API answers: the status now, the screening it rests on, and the questions asked. */
    record ScreeningView(ScreeningStatus status, List<Map<String, String>> questions) {
    }

    @PostMapping("/api/members/{id}/screening")
    @ResponseStatus(HttpStatus.CREATED)
    ScreeningView record(@PathVariable String id, @Valid @RequestBody ScreeningRequest body, Principal principal,
            HttpServletRequest request) {
        Senior senior = members.requireMember(principal, id);
        Map<ScreeningQuestion, Boolean> answers = answers(body.answers());
        if ((body.systolic() == null) != (body.diastolic() == null)) {
            throw new InvalidFieldException(body.systolic() == null ? "systolic" : "diastolic",
                    "give both systolic and diastolic, or neither");
        }
        if (body.systolic() != null && body.systolic() <= body.diastolic()) {
            throw new InvalidFieldException("systolic", "must be higher than diastolic");
        }
        String note = note(body.note());
        audit.record(principal.getName(), WRITE_SCREENING, senior.id(), senior.siteId(), request.getRemoteAddr());
        screenings.record(senior.id(), senior.siteId(), principal.getName(), answers, body.systolic(),
                body.diastolic(), Boolean.TRUE.equals(body.cleared()), note);
        events.publishEvent(new ScreeningRecorded(senior.id(), senior.siteId()));
        return view(senior.id());
    }

    @GetMapping("/api/members/{id}/screening")
    ScreeningView get(@PathVariable String id, Principal principal, HttpServletRequest request) {
        Senior senior = members.requireMember(principal, id);
        audit.record(principal.getName(), READ_SCREENING, senior.id(), senior.siteId(), request.getRemoteAddr());
        return view(senior.id());
    }

    private ScreeningView view(String memberId) {
        List<Map<String, String>> questions = Arrays.stream(ScreeningQuestion.values()).map(q -> {
            Map<String, String> question = new LinkedHashMap<>();
            question.put("code", q.name());
            question.put("korean", q.korean());
            question.put("english", q.english());
            question.put("kind", q.isFallRiskKeyQuestion() ? "FALL_RISK" : "PAR_Q");
            return question;
        }).toList();
        return new ScreeningView(screenings.status(memberId), questions);
    }

    private static Map<ScreeningQuestion, Boolean> answers(Map<String, Boolean> given) {
        Map<ScreeningQuestion, Boolean> answers = new EnumMap<>(ScreeningQuestion.class);
        for (Map.Entry<String, Boolean> entry : given.entrySet()) {
            ScreeningQuestion question;
            try {
                question = ScreeningQuestion.valueOf(entry.getKey());
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldException("answers", "unknown question " + printable(entry.getKey()));
            }
            if (entry.getValue() == null) {
                throw new InvalidFieldException("answers", question.name() + " must be true or false");
            }
            answers.put(question, entry.getValue());
        }
        for (ScreeningQuestion question : ScreeningQuestion.values()) {
            if (!answers.containsKey(question)) {
                throw new InvalidFieldException("answers", "missing " + question.name());
            }
        }
        return answers;
    }

    private static String note(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        String stripped = note.strip();
        if (stripped.codePointCount(0, stripped.length()) > NOTE_MAX
                || stripped.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            throw new InvalidFieldException("note", "at most " + NOTE_MAX + " characters, no control characters");
        }
        return stripped;
    }


    private static String printable(String text) {
        String clean = text.replaceAll("[^A-Za-z0-9_-]", "?");
        return clean.length() > 20 ? clean.substring(0, 20) + "…" : clean;
    }
}
