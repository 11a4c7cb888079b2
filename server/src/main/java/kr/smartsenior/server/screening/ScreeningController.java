package kr.smartsenior.server.screening;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.smartsenior.server.audit.AuditLog;
import kr.smartsenior.server.member.MemberDirectory;
import kr.smartsenior.server.member.MemberDirectory.Senior;
import kr.smartsenior.server.web.ConflictException;
import kr.smartsenior.server.web.InvalidFieldException;
import kr.smartsenior.server.web.PlainText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST} and {@code GET /api/members/{id}/screening}, and {@code POST
 * /api/members/{id}/screening/clearance} (the clinician who agreed to the "yes" answers of the
 * latest screening). All are audited. A new screening or clearance is announced with
 * {@link ScreeningRecorded}, so the prescription follows it at once.
 */
@RestController
final class ScreeningController {

    static final String WRITE_SCREENING = "member.screening.write";
    static final String READ_SCREENING = "member.screening.read";
    static final String WRITE_CLEARANCE = "member.screening.clearance.write";
    static final int NOTE_MAX = 200;
    static final int CLINICIAN_MAX = 100;
    /** The day a clinician agreed is a day in Korea, where the centres are. */
    static final ZoneId ZONE = ZoneId.of("Asia/Seoul");

    private final MemberDirectory members;
    private final Screenings screenings;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    private final Clock clock;

    ScreeningController(MemberDirectory members, Screenings screenings, AuditLog audit,
            ApplicationEventPublisher events, Clock clock) {
        this.members = members;
        this.screenings = screenings;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
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
        if (Boolean.TRUE.equals(body.cleared())) {
            throw new InvalidFieldException("cleared", "a clearance is not a tick: record who agreed with POST"
                    + " /api/members/{id}/screening/clearance (clinician, agreedOn) after the screening");
        }
        String note = note(body.note());
        audit.record(principal.getName(), WRITE_SCREENING, senior.id(), senior.siteId(), request.getRemoteAddr());
        screenings.record(senior.id(), senior.siteId(), principal.getName(), answers, body.systolic(),
                body.diastolic(), note);
        events.publishEvent(new ScreeningRecorded(senior.id(), senior.siteId()));
        return view(senior.id());
    }

    /**
     * Clears the "yes" answers of the member's latest screening: 409 when there is none, it is
     * expired, it has no "yes" that needs clearing, or it is already cleared; 400 for a clinician
     * that is not plain text or a day in the future or before the screening was answered.
     */
    @PostMapping("/api/members/{id}/screening/clearance")
    @ResponseStatus(HttpStatus.CREATED)
    ScreeningView clear(@PathVariable String id, @Valid @RequestBody ClearanceRequest body, Principal principal,
            HttpServletRequest request) {
        Senior senior = members.requireMember(principal, id);
        ScreeningStatus status = screenings.status(senior.id());
        switch (status.state()) {
            case NOT_SCREENED -> throw new ConflictException("no screening to clear: record the screening first");
            case EXPIRED -> throw new ConflictException("the latest screening is older than 12 months: repeat it first");
            case CLEAR -> throw new ConflictException("the latest screening has no \"yes\" answer to clear");
            case CLEARED_BY_STAFF -> throw new ConflictException("the latest screening is already cleared");
            case NEEDS_CLEARANCE -> {
            }
        }
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        LocalDate answered = status.screening().recordedAt().atZoneSameInstant(ZONE).toLocalDate();
        if (body.agreedOn().isAfter(today)) {
            throw new InvalidFieldException("agreedOn", "must not be in the future (today is " + today + ")");
        }
        if (body.agreedOn().isBefore(answered)) {
            throw new InvalidFieldException("agreedOn", "must not be before the screening was answered ("
                    + answered + ")");
        }
        audit.record(principal.getName(), WRITE_CLEARANCE, senior.id(), senior.siteId(), request.getRemoteAddr());
        if (!screenings.clear(status.screening(), principal.getName(), body.clinician().strip(), body.agreedOn())) {
            throw new ConflictException("the latest screening is already cleared");
        }
        events.publishEvent(new ScreeningRecorded(senior.id(), senior.siteId()));
        return view(senior.id());
    }

    /** {@code POST /api/members/{id}/screening/clearance}: who agreed and on which day. */
    record ClearanceRequest(@PlainText(max = CLINICIAN_MAX) String clinician,
            @NotNull(message = "must be a date (YYYY-MM-DD)") LocalDate agreedOn) {
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
            question.put("kind", q.isFallRiskKeyQuestion() ? "FALL_RISK"
                    : q == ScreeningQuestion.BONE_FRAGILITY ? "BONE" : "PAR_Q");
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
