package kr.smartsenior.server.security;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Map;
import kr.smartsenior.server.audit.AuditLog;
import kr.smartsenior.server.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/staff/{username}/unlock} (admins only): clears an account's sign-in delays at
 * every address ({@link SignInThrottle#unlock}), for a staff member who mistyped too often. Audited.
 */
@RestController
final class SignInController {

    private static final Logger log = LoggerFactory.getLogger(SignInController.class);

    private final SignInThrottle throttle;
    private final StaffAccounts accounts;
    private final AuditLog audit;

    SignInController(SignInThrottle throttle, StaffAccounts accounts, AuditLog audit) {
        this.throttle = throttle;
        this.accounts = accounts;
        this.audit = audit;
    }

    @PostMapping("/api/staff/{username}/unlock")
    Map<String, Object> unlock(@PathVariable String username, Principal principal, HttpServletRequest request) {
        if (!accounts.exists(username)) {
            throw new NotFoundException("no account named " + NotFoundException.printable(username));
        }
        int addresses = throttle.unlock(username);
        audit.record(principal.getName(), AuditLog.UNLOCK_ACCOUNT, null, null, request.getRemoteAddr());
        log.info("{} cleared the sign-in delays of {} ({} addresses)", LogSafe.name(principal.getName()),
                LogSafe.name(username), addresses);
        return Map.of("username", username, "addressesCleared", addresses);
    }
}
