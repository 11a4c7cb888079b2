package kr.smartsenior.server.member;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import kr.smartsenior.server.audit.AuditLog;
import kr.smartsenior.server.security.SiteAccess;
import kr.smartsenior.server.site.SiteRepository;
import kr.smartsenior.server.web.InvalidFieldException;
import kr.smartsenior.server.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard's registry: add and edit a senior (a form, the same validation as the API), print
 * and reissue a card. Each action goes through the API controller's own method, so the site check,
 * the audit entry and the roster announcement are the API's.
 */
@Controller
final class MemberPages {

    private final MemberController members;
    private final MemberCardController cards;
    private final MemberRepository repository;
    private final SiteRepository sites;
    private final SiteAccess access;
    private final Validator validator;
    private final AuditLog audit;

    MemberPages(MemberController members, MemberCardController cards, MemberRepository repository,
            SiteRepository sites, SiteAccess access, Validator validator, AuditLog audit) {
        this.audit = audit;
        this.members = members;
        this.cards = cards;
        this.repository = repository;
        this.sites = sites;
        this.access = access;
        this.validator = validator;
    }

    /** What the form posts; every field as text, checked here and by {@link MemberRequest}'s rules. */
    record MemberForm(String siteId, String displayName, String birthYear, String sex, String heightCm,
            String weightKg, String consentDate, String consentBy, String phone, String guardianName,
            String guardianPhone, String guardianRelation) {

        static MemberForm empty(String siteId) {
            return new MemberForm(siteId, "", "", "", "", "", "", "", "", "", "", "");
        }

        @Override
        public String toString() {
            return "MemberForm[…]"; // names and phones: personal data
        }

        static MemberForm of(Member m) {
            return new MemberForm(m.siteId(), m.displayName(), String.valueOf(m.birthYear()), m.sex(),
                    m.heightCm() == null ? "" : m.heightCm().toPlainString(),
                    m.weightKg() == null ? "" : m.weightKg().toPlainString(),
                    m.consent() == null ? "" : m.consent().date(), m.consent() == null || m.consent().by() == null ? ""
                            : m.consent().by(), orEmpty(m.contacts().phone()), orEmpty(m.contacts().guardianName()),
                    orEmpty(m.contacts().guardianPhone()), orEmpty(m.contacts().guardianRelation()));
        }

        private static String orEmpty(String text) {
            return text == null ? "" : text;
        }
    }

    @GetMapping("/members/new")
    String newMember(@RequestParam String siteId, Principal principal, Model model) {
        if (!sites.exists(siteId)) {
            throw NotFoundException.site(siteId);
        }
        access.requireSite(principal, siteId);
        return form(model, null, MemberForm.empty(siteId), Map.of(), principal);
    }

    @PostMapping("/members/new")
    String create(@ModelAttribute MemberForm form, Principal principal, Model model, HttpServletRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        MemberRequest body = request(form, errors);
        if (!errors.isEmpty()) {
            return form(model, null, form, errors, principal);
        }
        try {
            Member created = members.create(body, principal, request);
            return "redirect:/members/" + created.id() + "?saved";
        } catch (InvalidFieldException e) {
            return form(model, null, form, Map.of(e.field(), korean(e)), principal);
        }
    }

    @GetMapping("/members/{id}/edit")
    String edit(@PathVariable String id, Principal principal, Model model, HttpServletRequest request) {
        Member member = MemberController.existing(repository, id);
        access.requireMemberSite(principal, member.siteId(), member.id());
        audit.record(principal.getName(), AuditLog.VIEW_MEMBER_FORM, member.id(), member.siteId(),
                request.getRemoteAddr());
        if (member.contacts().any()) { // the form shows them
            audit.record(principal.getName(), AuditLog.READ_MEMBER_CONTACTS, member.id(), member.siteId(),
                    request.getRemoteAddr());
        }
        return form(model, member.id(), MemberForm.of(member), Map.of(), principal);
    }

    @PostMapping("/members/{id}/edit")
    String update(@PathVariable String id, @ModelAttribute MemberForm form, Principal principal, Model model,
            HttpServletRequest request) {
        Member member = MemberController.existing(repository, id);
        access.requireMemberSite(principal, member.siteId(), member.id());
        Map<String, String> errors = new LinkedHashMap<>();
        MemberRequest body = request(form, errors);
        if (!errors.isEmpty()) {
            return form(model, member.id(), form, errors, principal);
        }
        try {
            members.update(member.id(), body, principal, request);
            return "redirect:/members/" + member.id() + "?saved";
        } catch (InvalidFieldException e) {
            return form(model, member.id(), form, Map.of(e.field(), korean(e)), principal);
        }
    }

    @GetMapping("/members/{id}/card.pdf")
    ResponseEntity<byte[]> card(@PathVariable String id, Principal principal, HttpServletRequest request) {
        return cards.card(id, principal, request);
    }

    @GetMapping("/sites/{siteId}/cards.pdf")
    ResponseEntity<byte[]> siteCards(@PathVariable String siteId, Principal principal, HttpServletRequest request) {
        return cards.siteCards(siteId, principal, request);
    }

    /** The confirmation page: what withdrawing consent destroys and what is kept, anonymously. */
    @GetMapping("/members/{id}/withdraw")
    String withdrawal(@PathVariable String id, Principal principal, Model model) {
        Member member = MemberController.existing(repository, id);
        access.requireSite(principal, member.siteId());
        model.addAttribute("member", member);
        model.addAttribute("site", sites.find(member.siteId()).orElse(null));
        return "member-withdraw";
    }

    @PostMapping("/members/{id}/withdraw")
    String withdraw(@PathVariable String id, @RequestParam(defaultValue = "false") boolean confirm,
            Principal principal, HttpServletRequest request, Model model) {
        Member member = MemberController.existing(repository, id);
        access.requireSite(principal, member.siteId());
        if (!confirm) {
            model.addAttribute("member", member);
            model.addAttribute("site", sites.find(member.siteId()).orElse(null));
            model.addAttribute("error", "확인란에 표시해 주세요");
            return "member-withdraw";
        }
        members.withdraw(member.id(), principal, request);
        return "redirect:/sites/" + member.siteId() + "?withdrawn";
    }

    /** Moves the senior to another of the account's sites (both rosters are sent again). */
    @PostMapping("/members/{id}/move")
    String move(@PathVariable String id, @RequestParam(defaultValue = "") String siteId, Principal principal,
            HttpServletRequest request, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        Member member = MemberController.existing(repository, id);
        access.requireSite(principal, member.siteId());
        if (siteId.isBlank() || siteId.equals(member.siteId())) {
            return "redirect:/members/" + member.id();
        }
        MemberRequest body = new MemberRequest(siteId, member.displayName(), member.birthYear(), member.sex(),
                member.heightCm(), member.weightKg(), member.consent() == null ? null
                        : new MemberRequest.ConsentRequest(LocalDate.parse(member.consent().date()), member.consent().by()));
        try {
            members.update(member.id(), body, principal, request);
        } catch (InvalidFieldException e) {
            redirect.addAttribute("moveError", e.getMessage());
            return "redirect:/members/" + member.id() + "#move";
        }
        return "redirect:/members/" + member.id() + "?moved";
    }

    @PostMapping("/members/{id}/card/reissue")
    String reissue(@PathVariable String id, Principal principal, HttpServletRequest request) {
        Member reissued = cards.reissue(id, principal, request);
        return "redirect:/members/" + reissued.id() + "?reissued";
    }

    private String form(Model model, String memberId, MemberForm form, Map<String, String> errors, Principal principal) {
        model.addAttribute("memberId", memberId);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("sites", access.visible(principal, sites.all(), s -> s.id()));
        return "member-form";
    }

    /** The API's field error as staff read it (a site is refused alike whether unknown or not theirs). */
    private static String korean(InvalidFieldException e) {
        return "siteId".equals(e.field()) ? "이 경로당에는 등록할 수 없습니다. 목록에서 경로당을 골라 주세요." : e.getMessage();
    }

    private MemberRequest request(MemberForm form, Map<String, String> errors) {
        Integer birthYear = null;
        try {
            birthYear = Integer.valueOf(form.birthYear().strip());
        } catch (NumberFormatException | NullPointerException e) {
            errors.put("birthYear", "출생 연도를 숫자 4자리로 적어 주세요");
        }
        BigDecimal height = decimal(form.heightCm(), "heightCm", errors);
        BigDecimal weight = decimal(form.weightKg(), "weightKg", errors);
        MemberRequest.ConsentRequest consent = null;
        if (form.consentDate() != null && !form.consentDate().isBlank()) {
            try {
                consent = new MemberRequest.ConsentRequest(LocalDate.parse(form.consentDate().strip()),
                        form.consentBy() == null || form.consentBy().isBlank() ? null : form.consentBy());
            } catch (DateTimeParseException e) {
                errors.put("consent.date", "동의 날짜는 2026-11-21 형식으로 적어 주세요");
            }
        }
        MemberRequest.ContactsRequest contacts = new MemberRequest.ContactsRequest(form.phone(), form.guardianName(),
                form.guardianPhone(), form.guardianRelation());
        MemberRequest body = new MemberRequest(form.siteId(), form.displayName(), birthYear,
                form.sex() == null || form.sex().isBlank() ? null : form.sex(), height, weight, consent, contacts);
        Set<ConstraintViolation<MemberRequest>> violations = validator.validate(body);
        for (ConstraintViolation<MemberRequest> v : violations) {
            String field = v.getPropertyPath().toString();
            errors.putIfAbsent(field, field.endsWith("Phone") || field.equals("contacts.phone") ? PhoneNumbers.PROBLEM
                    : field.equals("contacts.guardianName") ? "보호자 이름은 50자 이내로, 줄바꿈 없이 적어 주세요"
                    : field.equals("contacts.guardianRelation") ? "관계는 20자 이내로, 줄바꿈 없이 적어 주세요"
                    : v.getMessage());
        }
        return body;
    }

    private static BigDecimal decimal(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            errors.put(field, "숫자로 적어 주세요");
            return null;
        }
    }
}
