package kr.smartsenior.server.staff;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import kr.smartsenior.server.audit.AuditLog;
import kr.smartsenior.server.security.AccountLocks;
import kr.smartsenior.server.security.Role;
import kr.smartsenior.server.site.Site;
import kr.smartsenior.server.site.SiteRepository;
import kr.smartsenior.server.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admins' account pages ({@code /admin/staff}, admins only by the dashboard chain): list,
 * create, edit the name, role and sites, disable or enable, unlock after too many wrong passwords,
 * and set a new password that must be changed at the next sign-in ({@link PasswordChangeGate}).
 * Accounts are never deleted (the audit log names them); every change is audited, the password
 * never logged.
 */
@Controller
final class StaffPages {

    private static final Logger log = LoggerFactory.getLogger(StaffPages.class);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]");

    private final StaffRepository accounts;
    private final SiteRepository sites;
    private final PasswordEncoder encoder;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final AccountLocks locks;

    StaffPages(StaffRepository accounts, SiteRepository sites, PasswordEncoder encoder, TransactionTemplate tx,
            AuditLog audit, AccountLocks locks) {
        this.accounts = accounts;
        this.sites = sites;
        this.encoder = encoder;
        this.tx = tx;
        this.audit = audit;
        this.locks = locks;
    }

    /** What the create and edit forms post. */
    record StaffForm(String username, String fullName, String role, List<String> siteIds, String password) {

        static StaffForm empty() {
            return new StaffForm("", "", Role.STAFF.name(), List.of(), "");
        }
    }

    @GetMapping("/admin/staff")
    String list(Model model) {
        return list(model, StaffForm.empty(), Map.of());
    }

    @PostMapping("/admin/staff")
    String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String fullName,
            @RequestParam(defaultValue = "") String role, @RequestParam(required = false) List<String> siteIds,
            @RequestParam(defaultValue = "") String password, Principal principal, HttpServletRequest request,
            Model model) {
        StaffForm form = new StaffForm(username.strip(), fullName.strip(), role,
                siteIds == null ? List.of() : siteIds, "");
        Map<String, String> errors = new LinkedHashMap<>();
        if (!USERNAME.matcher(form.username()).matches()) {
            errors.put("username", "아이디는 영문 소문자·숫자로 시작하는 3~32자 (소문자, 숫자, . _ -)로 적어 주세요");
        }
        checkCommon(form, errors);
        PasswordPolicy.problem(password, form.username())
                .ifPresent(problem -> errors.put("password", PasswordPolicy.korean(problem)));
        if (errors.isEmpty() && !accounts.add(form.username(), encoder.encode(password), form.role(),
                sitesFor(form), tx)) {
            errors.put("username", "이미 있는 아이디입니다");
        }
        if (!errors.isEmpty()) {
            log.info("staff account not created: {} fields refused", errors.size());
            return list(model, form, errors);
        }
        accounts.setFullName(form.username(), form.fullName().isEmpty() ? null : form.fullName());
        accounts.setPassword(form.username(), encoder.encode(password), true);
        audit.record(principal.getName(), StaffController.CREATE_STAFF, null, null, request.getRemoteAddr());
        log.info("{} created the {} account {}", principal.getName(), form.role(), form.username());
        return "redirect:/admin/staff/" + form.username() + "?created";
    }

    @GetMapping("/admin/staff/{username}")
    String edit(@PathVariable String username, Model model) {
        StaffRepository.Account account = account(username);
        return edit(model, account, new StaffForm(account.username(), account.fullName() == null ? ""
                : account.fullName(), account.role(), account.siteIds(), ""), Map.of());
    }

    @PostMapping("/admin/staff/{username}")
    String update(@PathVariable String username, @RequestParam(defaultValue = "") String fullName,
            @RequestParam(defaultValue = "") String role, @RequestParam(required = false) List<String> siteIds,
            Principal principal, HttpServletRequest request, Model model) {
        StaffRepository.Account account = account(username);
        StaffForm form = new StaffForm(account.username(), fullName.strip(), role,
                siteIds == null ? List.of() : siteIds, "");
        Map<String, String> errors = new LinkedHashMap<>();
        checkCommon(form, errors);
        if (account.username().equals(principal.getName()) && !Role.ADMIN.name().equals(form.role())) {
            errors.put("role", "자기 계정의 관리자 권한은 뺄 수 없습니다");
        }
        if (!errors.isEmpty()) {
            return edit(model, account, form, errors);
        }
        accounts.update(account.username(), form.fullName().isEmpty() ? null : form.fullName(), form.role(),
                sitesFor(form), tx);
        changed(principal, request, "changed role/sites of", account.username());
        return "redirect:/admin/staff/" + account.username() + "?saved";
    }

    @PostMapping("/admin/staff/{username}/disable")
    String disable(@PathVariable String username, @RequestParam(defaultValue = "true") boolean disabled,
            Principal principal, HttpServletRequest request) {
        StaffRepository.Account account = account(username);
        if (account.username().equals(principal.getName())) {
            return "redirect:/admin/staff/" + account.username() + "?self";
        }
        accounts.setDisabled(account.username(), disabled);
        changed(principal, request, disabled ? "disabled" : "enabled", account.username());
        return "redirect:/admin/staff/" + account.username() + (disabled ? "?disabled" : "?enabled");
    }

    @PostMapping("/admin/staff/{username}/unlock")
    String unlock(@PathVariable String username, Principal principal, HttpServletRequest request) {
        StaffRepository.Account account = account(username);
        locks.unlock(account.username());
        changed(principal, request, "unlocked", account.username());
        return "redirect:/admin/staff/" + account.username() + "?unlocked";
    }

    @PostMapping("/admin/staff/{username}/password")
    String password(@PathVariable String username, @RequestParam(defaultValue = "") String password,
            Principal principal, HttpServletRequest request, Model model) {
        StaffRepository.Account account = account(username);
        var problem = PasswordPolicy.problem(password, account.username());
        if (problem.isPresent()) {
            return edit(model, account, new StaffForm(account.username(), account.fullName() == null ? ""
                    : account.fullName(), account.role(), account.siteIds(), ""),
                    Map.of("password", PasswordPolicy.korean(problem.get())));
        }
        accounts.setPassword(account.username(), encoder.encode(password), true);
        locks.unlock(account.username());
        changed(principal, request, "set a new password (to be changed at sign-in) for", account.username());
        return "redirect:/admin/staff/" + account.username() + "?password";
    }

    private void checkCommon(StaffForm form, Map<String, String> errors) {
        if (form.fullName().length() > 100 || CONTROL.matcher(form.fullName()).find()) {
            errors.put("fullName", "이름은 100자 이내로, 줄바꿈 없이 적어 주세요");
        }
        if (!Role.STAFF.name().equals(form.role()) && !Role.ADMIN.name().equals(form.role())) {
            errors.put("role", "역할을 골라 주세요");
        } else if (Role.STAFF.name().equals(form.role()) && form.siteIds().isEmpty()) {
            errors.put("siteIds", "복지사 계정은 담당 경로당을 하나 이상 골라 주세요");
        }
        for (String siteId : form.siteIds()) {
            if (siteId == null || !kr.smartsenior.protocol.Topics.isValidId(siteId) || !sites.exists(siteId)) {
                errors.put("siteIds", "없는 경로당이 있습니다");
            }
        }
    }

    /** An ADMIN sees every site and has none assigned. */
    private static List<String> sitesFor(StaffForm form) {
        return Role.ADMIN.name().equals(form.role()) ? List.of() : form.siteIds();
    }

    private void changed(Principal principal, HttpServletRequest request, String what, String username) {
        audit.record(principal.getName(), AuditLog.CHANGE_STAFF, null, null, request.getRemoteAddr());
        log.info("{} {} the account {}", principal.getName(), what, username);
    }

    private StaffRepository.Account account(String username) {
        return username != null && USERNAME.matcher(username).matches() || "admin".equals(username)
                ? accounts.find(username).orElseThrow(() -> new NotFoundException("no such account"))
                : throwNotFound();
    }

    private static StaffRepository.Account throwNotFound() {
        throw new NotFoundException("no such account");
    }

    private String list(Model model, StaffForm form, Map<String, String> errors) {
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("siteNames", siteNames());
        model.addAttribute("sites", openSites());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "staff";
    }

    private String edit(Model model, StaffRepository.Account account, StaffForm form, Map<String, String> errors) {
        model.addAttribute("account", account);
        model.addAttribute("sites", sites.all());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "staff-edit";
    }

    private Map<String, String> siteNames() {
        Map<String, String> names = new LinkedHashMap<>();
        sites.all().forEach(s -> names.put(s.id(), s.name()));
        return names;
    }

    private List<Site> openSites() {
        List<Site> open = new ArrayList<>();
        for (Site site : sites.all()) {
            if (!site.closed()) {
                open.add(site);
            }
        }
        return open;
    }
}
