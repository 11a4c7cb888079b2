package kr.smartsenior.server.staff;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks on every request of a signed-in account what signing in alone does not: an account
 * disabled since it signed in loses its session at once, and an account whose password an admin set
 * is sent to {@code /account/password} (the API answers 403) until it chooses its own. One primary
 * key read per request. Absent where there is no account table (controller slices).
 */
@Configuration(proxyBeanMethods = false)
class PasswordChangeGate implements WebMvcConfigurer {

    static final String CHANGE_PAGE = "/account/password";
    private static final List<String> OPEN = List.of(CHANGE_PAGE, "/logout", "/login", "/denied", "/error", "/css/",
            "/js/", "/webjars/", "/favicon.ico");

    private final ObjectProvider<StaffRepository> accounts;

    PasswordChangeGate(ObjectProvider<StaffRepository> accounts) {
        this.accounts = accounts;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        StaffRepository repository = accounts.getIfAvailable();
        if (repository != null) {
            registry.addInterceptor(new Gate(repository));
        }
    }

    private record Gate(StaffRepository accounts) implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                throws IOException {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
                return true;
            }
            String path = request.getRequestURI().substring(request.getContextPath().length());
            boolean api = path.startsWith("/api/") || path.startsWith("/actuator/");
            StaffRepository.State state = accounts.state(auth.getName());
            if (state == null || !state.exists()) {
                return true; // not one of ours (a test's in-memory user); signing in decides
            }
            if (state.disabled()) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
                if (api) {
                    response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                } else {
                    response.sendRedirect(request.getContextPath() + "/login?disabled");
                }
                return false;
            }
            if (state.mustChangePassword() && OPEN.stream().noneMatch(path::startsWith)) {
                if (api) {
                    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                    response.setContentType("application/problem+json");
                    response.getWriter().write("{\"status\":403,\"title\":\"Password change required\","
                            + "\"detail\":\"sign in to the dashboard and choose a new password\"}");
                } else {
                    response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
                }
                return false;
            }
            return true;
        }
    }
}
