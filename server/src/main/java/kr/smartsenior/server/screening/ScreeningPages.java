package kr.smartsenior.server.screening;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.smartsenior.server.audit.AuditLog;
import kr.smartsenior.server.member.MemberDirectory;
import kr.smartsenior.server.member.MemberDirectory.Senior;
import kr.smartsenior.server.web.ConflictException;
import kr.smartsenior.server.web.InvalidFieldException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard's screening form ({@code /members/{id}/screening}): the health, fall and bone
 * questions read aloud by staff, resting blood pressure, and the clinician's clearance of "yes"
 * answers. Every field is checked here with a Korean message of its own; what passes is stored
 * through {@link ScreeningController}'s own methods, so the site check, the audit entry and the
 * {@link ScreeningRecorded} announcement (the prescription is made again at once) are the API's.
 * After saving, the senior's page says what became of the prescription.
 */
@Controller
final class ScreeningPages {

    private static final Logger log = LoggerFactory.getLogger(ScreeningPages.class);
    /** Form field of a question: {@code q_HEART=yes|no}. */
    static final String QUESTION_FIELD = "q_";

    private final ScreeningController api;
    private final MemberDirectory members;
    private final Screenings screenings;
    private final AuditLog audit;
    private final Clock clock;

    ScreeningPages(ScreeningController api, MemberDirectory members, Screenings screenings, AuditLog audit,
            Clock clock) {
        this.api = api;
        this.members = members;
        this.screenings = screenings;
        this.audit = audit;
        this.clock = clock;
    }

    /** The questions in the order staff ask them, under a heading each. */
    record QuestionGroup(String title, String hint, List<ScreeningQuestion> questions) {
    }

    static final List<QuestionGroup> GROUPS = List.of(
            new QuestionGroup("건강 질문", "하나라도 '예'면 담당 의료진이 운동에 동의했다는 확인을 기록할 때까지 가벼운 운동만 합니다.",
                    Arrays.stream(ScreeningQuestion.values())
                            .filter(q -> !q.isFallRiskKeyQuestion() && q != ScreeningQuestion.BONE_FRAGILITY).toList()),
            new QuestionGroup("뼈 건강", "'아니요'일 때만 점프가 있는 운동을 합니다. 의료진 확인은 필요 없습니다.",
                    List.of(ScreeningQuestion.BONE_FRAGILITY)),
            new QuestionGroup("낙상 질문 (CDC STEADI)", "'예'는 운동을 막지 않고 낙상 위험 평가에 들어갑니다.",
                    Arrays.stream(ScreeningQuestion.values()).filter(ScreeningQuestion::isFallRiskKeyQuestion).toList()));

    /** What the screening form posted, as typed. */
    record ScreeningForm(Map<String, String> answers, String systolic, String diastolic, String note) {

        static ScreeningForm empty() {
            return new ScreeningForm(Map.of(), "", "", "");
        }

        static ScreeningForm of(MultiValueMap<String, String> params) {
            Map<String, String> answers = new LinkedHashMap<>();
            for (ScreeningQuestion q : ScreeningQuestion.values()) {
                String value = params.getFirst(QUESTION_FIELD + q.name());
                if (value != null) {
                    answers.put(q.name(), value);
                }
            }
            return new ScreeningForm(Map.copyOf(answers), text(params.getFirst("systolic")),
                    text(params.getFirst("diastolic")), text(params.getFirst("note")));
        }
    }

    /** What the clearance form posted, as typed. */
    record ClearanceForm(String clinician, String agreedOn) {
    }

    @GetMapping("/members/{id}/screening")
    String form(@PathVariable String id, Principal principal, HttpServletRequest request, Model model) {
        Senior senior = members.requireMember(principal, id);
        return page(model, senior, principal, request, ScreeningForm.empty(), Map.of(), blankClearance(), Map.of());
    }

    @PostMapping("/members/{id}/screening")
    String record(@PathVariable String id, @RequestParam MultiValueMap<String, String> params, Principal principal,
            HttpServletRequest request, Model model) {
        Senior senior = members.requireMember(principal, id);
        ScreeningForm form = ScreeningForm.of(params);
        Map<String, String> errors = new LinkedHashMap<>();
        ScreeningRequest body = request(form, errors);
        if (errors.isEmpty()) {
            try {
                api.record(senior.id(), body, principal, request);
                return "redirect:/members/" + senior.id() + "?screening=saved#screening";
            } catch (InvalidFieldException e) {
                errors.put(e.field(), "입력한 내용을 저장하지 못했습니다. 다시 확인해 주세요.");
            }
        }
        log.info("member {}: screening form refused, fields {}", senior.id(), errors.keySet());
        return page(model, senior, principal, request, form, errors, blankClearance(), Map.of());
    }

    @PostMapping("/members/{id}/screening/clearance")
    String clear(@PathVariable String id, @RequestParam(defaultValue = "") String clinician,
            @RequestParam(defaultValue = "") String agreedOn, Principal principal, HttpServletRequest request,
            Model model) {
        Senior senior = members.requireMember(principal, id);
        ClearanceForm form = new ClearanceForm(clinician, agreedOn);
        Map<String, String> errors = new LinkedHashMap<>();
        ScreeningStatus status = screenings.status(senior.id());
        LocalDate day = null;
        if (status.state() != ScreeningStatus.State.NEEDS_CLEARANCE) {
            errors.put("clearance", "지금은 의료진 확인이 필요한 건강 질문이 없습니다 (" + status.state().korean() + ").");
        } else {
            String problem = clinicianProblem(clinician);
            if (problem != null) {
                errors.put("clinician", problem);
            }
            try {
                day = LocalDate.parse(agreedOn.strip());
                LocalDate answered = status.screening().recordedAt().atZoneSameInstant(ScreeningController.ZONE)
                        .toLocalDate();
                if (day.isAfter(today())) {
                    errors.put("agreedOn", "동의한 날은 오늘(" + today() + ") 이후일 수 없습니다.");
                } else if (day.isBefore(answered)) {
                    errors.put("agreedOn", "동의한 날은 건강 질문을 받은 날(" + answered + ") 이후여야 합니다.");
                }
            } catch (DateTimeParseException e) {
                errors.put("agreedOn", "동의한 날을 2026-11-21 형식으로 적어 주세요.");
            }
        }
        if (errors.isEmpty()) {
            try {
                api.clear(senior.id(), new ScreeningController.ClearanceRequest(clinician, day), principal, request);
                return "redirect:/members/" + senior.id() + "?screening=cleared#screening";
            } catch (ConflictException | InvalidFieldException e) {
                errors.put("clearance", "다른 직원이 먼저 바꾸었을 수 있습니다. 페이지를 다시 열어 확인해 주세요.");
            }
        }
        log.info("member {}: clearance form refused, fields {}", senior.id(), errors.keySet());
        return page(model, senior, principal, request, ScreeningForm.empty(), Map.of(), form, errors);
    }

    private String page(Model model, Senior senior, Principal principal, HttpServletRequest request,
            ScreeningForm form, Map<String, String> errors, ClearanceForm clearance,
            Map<String, String> clearanceErrors) {
        audit.record(principal.getName(), ScreeningController.READ_SCREENING, senior.id(), senior.siteId(),
                request.getRemoteAddr());
        model.addAttribute("senior", senior);
        model.addAttribute("groups", GROUPS);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("clearance", clearance);
        model.addAttribute("clearanceErrors", clearanceErrors);
        model.addAttribute("status", screenings.status(senior.id()));
        model.addAttribute("history", ScreeningSummary.of(screenings.history(senior.id())));
        model.addAttribute("noteMax", ScreeningController.NOTE_MAX);
        model.addAttribute("clinicianMax", ScreeningController.CLINICIAN_MAX);
        return "screening";
    }

    private ClearanceForm blankClearance() {
        return new ClearanceForm("", today().toString());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ScreeningController.ZONE));
    }

    /** The API's request from the form, with a Korean error per field for what it would refuse. */
    private static ScreeningRequest request(ScreeningForm form, Map<String, String> errors) {
        Map<String, Boolean> answers = new LinkedHashMap<>();
        for (ScreeningQuestion q : ScreeningQuestion.values()) {
            String value = form.answers().get(q.name());
            if ("yes".equals(value) || "no".equals(value)) {
                answers.put(q.name(), "yes".equals(value));
            } else {
                errors.put(QUESTION_FIELD + q.name(), "'예' 또는 '아니요'를 골라 주세요.");
            }
        }
        Integer systolic = pressure(form.systolic(), "systolic", "수축기(위) 혈압", 60, 300, errors);
        Integer diastolic = pressure(form.diastolic(), "diastolic", "이완기(아래) 혈압", 30, 200, errors);
        if (!errors.containsKey("systolic") && !errors.containsKey("diastolic")) {
            if (systolic == null && diastolic != null) {
                errors.put("systolic", "수축기(위) 혈압도 적어 주세요. 혈압을 재지 않았으면 둘 다 비워 두세요.");
            } else if (systolic != null && diastolic == null) {
                errors.put("diastolic", "이완기(아래) 혈압도 적어 주세요. 혈압을 재지 않았으면 둘 다 비워 두세요.");
            } else if (systolic != null && systolic <= diastolic) {
                errors.put("systolic", "수축기(위) 혈압은 이완기(아래) 혈압보다 높아야 합니다. 두 칸이 바뀌지 않았는지"
                        + " 확인해 주세요.");
            }
        }
        String note = form.note();
        if (note.codePointCount(0, note.length()) > ScreeningController.NOTE_MAX) {
            errors.put("note", "메모는 " + ScreeningController.NOTE_MAX + "자까지 적을 수 있습니다 (지금 "
                    + note.codePointCount(0, note.length()) + "자).");
        } else if (note.codePoints().anyMatch(c -> Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT)) {
            errors.put("note", "메모에 줄바꿈이나 보이지 않는 문자는 넣을 수 없습니다.");
        }
        return new ScreeningRequest(answers, systolic, diastolic, null, note.isBlank() ? null : note);
    }

    /** The rules of {@code @PlainText} on the API's clearance request, in Korean. */
    private static String clinicianProblem(String clinician) {
        if (clinician.isBlank()) {
            return "동의한 의료진을 적어 주세요 (예: 햇살내과 김민수 원장).";
        }
        int length = clinician.strip().codePointCount(0, clinician.strip().length());
        if (clinician.codePointCount(0, clinician.length()) > ScreeningController.CLINICIAN_MAX) {
            return "의료진은 " + ScreeningController.CLINICIAN_MAX + "자까지 적을 수 있습니다 (지금 " + length + "자).";
        }
        boolean forbidden = clinician.codePoints().anyMatch(c -> {
            int type = Character.getType(c);
            return type == Character.CONTROL || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED
                    || type == Character.SURROGATE || type == Character.PRIVATE_USE
                    || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
        });
        return forbidden ? "의료진 칸에 줄바꿈이나 보이지 않는 문자는 넣을 수 없습니다." : null;
    }

    private static Integer pressure(String text, String field, String name, int min, int max,
            Map<String, String> errors) {
        if (text.isBlank()) {
            return null;
        }
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            errors.put(field, name + "은 숫자(mmHg)로만 적어 주세요. 예: " + (min < 50 ? "80" : "130"));
            return null;
        }
        if (value < min || value > max) {
            errors.put(field, name + "은 " + min + "~" + max + " mmHg 사이여야 합니다 (적은 값 " + value
                    + "). 다시 재 보거나 숫자를 확인해 주세요.");
            return null;
        }
        return value;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
