package kr.smartsenior.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import kr.smartsenior.server.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses (403, logged and audited) every state-changing request a browser sends from another
 * origin's page: {@code Sec-Fetch-Site} other than {@code same-origin} or {@code none}, or an
 * {@code Origin} that is not the server's own (the {@code Host} it was asked by) nor one of
 * {@code SSC_ALLOWED_ORIGINS}. Safe methods pass; so do requests with neither header (scripts,
 * kiosks), which carry their own credentials and no ambient cookie. In both filter chains, before
 * sign-in and CSRF, so a forged request never reaches an account.
 */
final class CrossSiteRequests extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(CrossSiteRequests.class);
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> OWN_FETCH = Set.of("same-origin", "none");

    private final ProblemResponses problems;
    private final AuditLog audit;
    private final List<String> allowedOrigins;

    CrossSiteRequests(ProblemResponses problems, AuditLog audit, List<String> allowedOrigins) {
        this.problems = problems;
        this.audit = audit;
        this.allowedOrigins = allowedOrigins.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE.contains(request.getMethod()) || !crossSite(request)) {
            chain.doFilter(request, response);
            return;
        }
        String actor = ProblemResponses.actor();
        log.warn("refused a cross-site {} {} for {} from {} (Origin {}, Sec-Fetch-Site {})", request.getMethod(),
                LogSafe.name(request.getRequestURI()), LogSafe.name(actor), request.getRemoteAddr(),
                LogSafe.name(request.getHeader("Origin")), LogSafe.name(request.getHeader("Sec-Fetch-Site")));
        audit.record(actor, AuditLog.REFUSED_CROSS_SITE, null, null, request.getRemoteAddr());
        problems.forbidden(response, "a request from another site's page is refused (다른 사이트에서 보낸 요청은 받지 않습니다)");
    }

    /** Whether a browser says the request comes from another origin's page. */
    boolean crossSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !OWN_FETCH.contains(fetchSite.strip().toLowerCase(Locale.ROOT))) {
            return true;
        }
        String origin = request.getHeader("Origin");
        return origin != null && !ownOrigin(origin.strip(), request.getHeader("Host"));
    }

    private boolean ownOrigin(String origin, String host) {
        String lower = origin.toLowerCase(Locale.ROOT);
        if (allowedOrigins.contains(lower)) {
            return true;
        }
        try {
            URI uri = new URI(lower);
            return uri.getScheme() != null && uri.getRawAuthority() != null && host != null
                    && uri.getRawAuthority().equals(host.strip().toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return false; // "null" and anything unreadable is not us
        }
    }
}
