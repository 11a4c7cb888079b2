package kr.smartsenior.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds back a sign-in from an address that must still wait ({@link SignInThrottle}) before any
 * password is checked: on the API a request with credentials (Basic or Bearer) gets 429 with
 * {@code Retry-After}; on the dashboard the sign-in form's POST goes back to the form with the wait.
 * Requests without credentials and signed-in sessions pass.
 */
final class SignInGate extends OncePerRequestFilter {

    private final SignInThrottle throttle;
    private final ProblemResponses problems;
    private final String loginPage;

    /** {@code loginPage} null: the API (credentials in the Authorization header). */
    SignInGate(SignInThrottle throttle, ProblemResponses problems, String loginPage) {
        this.throttle = throttle;
        this.problems = problems;
        this.loginPage = loginPage;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> username = signingInAs(request);
        Optional<Duration> wait = username.isEmpty() ? Optional.empty()
                : throttle.waitFor(request.getRemoteAddr(), username.get());
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
        } else if (loginPage == null) {
            problems.tooManyAttempts(response, wait.get());
        } else {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            response.sendRedirect(request.getContextPath() + loginPage + "?wait=" + seconds);
        }
    }

    /** The user name a request signs in with ("" for a token), or empty when it does not sign in. */
    private Optional<String> signingInAs(HttpServletRequest request) {
        if (loginPage != null) {
            return "POST".equals(request.getMethod()) && loginPage.equals(request.getServletPath())
                    ? Optional.of(String.valueOf(request.getParameter("username")))
                    : Optional.empty();
        }
        String header = request.getHeader("Authorization");
        if (header == null) {
            return Optional.empty();
        }
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(SignInThrottle.ANY_ACCOUNT);
        }
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return Optional.of(colon < 0 ? decoded : decoded.substring(0, colon));
            } catch (IllegalArgumentException e) {
                return Optional.of(SignInThrottle.ANY_ACCOUNT);
            }
        }
        return Optional.empty();
    }
}
