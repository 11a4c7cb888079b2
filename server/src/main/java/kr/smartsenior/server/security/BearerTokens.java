package kr.smartsenior.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import kr.smartsenior.server.audit.AuditLog;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs an API request in with {@code Authorization: Bearer <token>} ({@link ApiTokens}). An unknown,
 * expired or revoked token is a 401 and counts as a wrong password for the source address
 * ({@link SignInThrottle}); a read-only token's request that is not a GET or HEAD is a 403, audited.
 */
final class BearerTokens extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD");

    private final ApiTokens tokens;
    private final SignInThrottle throttle;
    private final ProblemResponses problems;
    private final AuditLog audit;
    private final SecurityContextRepository contexts = new RequestAttributeSecurityContextRepository();

    BearerTokens(ApiTokens tokens, SignInThrottle throttle, ProblemResponses problems, AuditLog audit) {
        this.tokens = tokens;
        this.throttle = throttle;
        this.problems = problems;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiTokens.Token> token = tokens.authenticate(header.substring(7).strip());
        if (token.isEmpty()) {
            throttle.failed(request.getRemoteAddr(), null);
            problems.unauthorized(response, "the API token is unknown, expired or revoked");
            return;
        }
        ApiTokenAuthentication authentication = new ApiTokenAuthentication(token.get());
        if (authentication.readOnly() && !READS.contains(request.getMethod())) {
            audit.record(authentication.getName(), AuditLog.REFUSED, null, null, request.getRemoteAddr());
            problems.forbidden(response, "this API token may only read");
            return;
        }
        SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.getContextHolderStrategy().setContext(context);
        contexts.saveContext(context, request, response);
        chain.doFilter(request, response);
    }
}
