package kr.smartsenior.server.staff;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.smartsenior.server.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /account/password}: any signed-in account chooses its own password (the current one
 * first, {@link PasswordPolicy}); the page {@link PasswordChangeGate} sends an account to after an
 * admin set its password.
 */
@Controller
final class AccountPages {

    private static final Logger log = LoggerFactory.getLogger(AccountPages.class);

    private final StaffRepository accounts;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    AccountPages(StaffRepository accounts, PasswordEncoder encoder, AuditLog audit) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
    }

    @GetMapping(PasswordChangeGate.CHANGE_PAGE)
    String form(Principal principal, Model model) {
        return page(model, principal, Map.of());
    }

    @PostMapping(PasswordChangeGate.CHANGE_PAGE)
    String change(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String repeat, Principal principal, HttpServletRequest request,
            Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        String hash = accounts.passwordHash(principal.getName()).orElse(null);
        if (hash == null || !encoder.matches(current, hash)) {
            errors.put("current", "지금 비밀번호가 맞지 않습니다");
        }
        PasswordPolicy.problem(password, principal.getName())
                .ifPresent(problem -> errors.put("password", PasswordPolicy.korean(problem)));
        if (errors.get("password") == null && !password.equals(repeat)) {
            errors.put("repeat", "새 비밀번호가 서로 다릅니다");
        }
        if (errors.get("password") == null && password.equals(current)) {
            errors.put("password", "지금과 다른 비밀번호를 골라 주세요");
        }
        if (!errors.isEmpty()) {
            log.info("password change of {} refused: {}", principal.getName(), errors.keySet());
            return page(model, principal, errors);
        }
        accounts.setPassword(principal.getName(), encoder.encode(password), false);
        audit.record(principal.getName(), AuditLog.CHANGE_OWN_PASSWORD, null, null, request.getRemoteAddr());
        log.info("{} changed their password", principal.getName());
        return "redirect:/?passwordChanged";
    }

    private String page(Model model, Principal principal, Map<String, String> errors) {
        model.addAttribute("mustChange", accounts.state(principal.getName()).mustChangePassword());
        model.addAttribute("errors", errors);
        return "account-password";
    }
}
