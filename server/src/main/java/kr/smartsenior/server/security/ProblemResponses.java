package kr.smartsenior.server.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import kr.smartsenior.server.audit.AuditLog;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * 401, 403 and 429 of the API as RFC 7807 problem details, like every other error of the API. The
 * 401 carries no {@code WWW-Authenticate: Basic} challenge: a browser then never asks for the
 * password nor keeps it to send along with another site's requests; scripts send their credentials
 * with the first request (preemptive Basic, or a Bearer token). Every 403 is audited as a refusal.
 */
@Component
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json;
    private final AuditLog audit;

    ProblemResponses(ObjectMapper json, AuditLog audit) {
        this.json = json;
        this.audit = audit;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        unauthorized(response, "sign in: HTTP Basic sent with the request (user name and password) or an API token "
                + "(Authorization: Bearer …)");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        audit.record(actor(), AuditLog.REFUSED, null, null, request.getRemoteAddr());
        forbidden(response, "this account may not do that");
    }

    void unauthorized(HttpServletResponse response, String detail) throws IOException {
        write(response, HttpStatus.UNAUTHORIZED, detail);
    }

    void forbidden(HttpServletResponse response, String detail) throws IOException {
        write(response, HttpStatus.FORBIDDEN, detail);
    }

    /** 429 with {@code Retry-After} in whole seconds (at least 1). */
    void tooManyAttempts(HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        response.setHeader("Retry-After", Long.toString(seconds));
        write(response, HttpStatus.TOO_MANY_REQUESTS,
                "too many wrong sign-ins from this address: try again in " + seconds + " s");
    }

    /** The signed-in account's name, or {@code anonymous}. */
    static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? "anonymous" : auth.getName();
    }

    private void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
