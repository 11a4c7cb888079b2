package kr.smartsenior.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import kr.smartsenior.protocol.Topics;
import kr.smartsenior.server.audit.AuditLog;
import kr.smartsenior.server.web.InvalidFieldException;
import kr.smartsenior.server.web.NotFoundException;
import kr.smartsenior.server.web.PlainText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * API tokens (admins signed in with their password only, see {@code SecurityConfig}):
 * {@code POST /api/tokens} makes one and shows its secret once, {@code GET /api/tokens} lists them
 * (never a secret), {@code POST /api/tokens/{id}/revoke} revokes one. Making and revoking are audited.
 */
@RestController
final class ApiTokenController {

    static final int DEFAULT_DAYS = 90;
    private static final Logger log = LoggerFactory.getLogger(ApiTokenController.class);

    private final ApiTokens tokens;
    private final AuditLog audit;

    ApiTokenController(ApiTokens tokens, AuditLog audit) {
        this.tokens = tokens;
        this.audit = audit;
    }

    /**
     * @param scope {@code READ}, {@code SITES} or {@code ADMIN}
     * @param siteIds the sites of a READ or SITES token (none for ADMIN)
     * @param days how long it is valid, 1 to 366 (default {@value #DEFAULT_DAYS})
     */
    record TokenRequest(@PlainText(max = 100) String name, @NotNull String scope, List<String> siteIds,
            Integer days) {
    }

    /** A token as listed; {@code secret} only in the answer that made it. */
    record TokenView(String id, String name, String scope, List<String> siteIds, String createdBy, Instant createdAt,
            Instant expiresAt, Instant revokedAt, Instant lastUsedAt, boolean active, String secret) {

        static TokenView of(ApiTokens.Token t, Instant now, String secret) {
            return new TokenView(t.id(), t.name(), t.scope().name(), t.siteIds(), t.createdBy(), t.createdAt(),
                    t.expiresAt(), t.revokedAt(), t.lastUsedAt(), t.activeAt(now), secret);
        }
    }

    @PostMapping("/api/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    TokenView create(@Valid @RequestBody TokenRequest body, Principal principal, HttpServletRequest request) {
        requirePassword(principal);
        ApiTokens.Scope scope;
        try {
            scope = ApiTokens.Scope.valueOf(body.scope());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("scope", "READ, SITES or ADMIN");
        }
        List<String> siteIds = body.siteIds() == null ? List.of() : body.siteIds();
        if (scope == ApiTokens.Scope.ADMIN && !siteIds.isEmpty()) {
            throw new InvalidFieldException("siteIds", "an ADMIN token sees every site; give no siteIds");
        }
        if (scope != ApiTokens.Scope.ADMIN && siteIds.isEmpty()) {
            throw new InvalidFieldException("siteIds", "a READ or SITES token needs at least one site");
        }
        for (String siteId : siteIds) {
            if (siteId == null || !Topics.isValidId(siteId) || !tokens.siteExists(siteId)) {
                throw new InvalidFieldException("siteIds", "no site with id " + NotFoundException.printable(siteId));
            }
        }
        int days = body.days() == null ? DEFAULT_DAYS : body.days();
        if (days < 1 || days > ApiTokens.LONGEST.toDays()) {
            throw new InvalidFieldException("days", "1 to " + ApiTokens.LONGEST.toDays());
        }
        ApiTokens.Issued issued = tokens.create(body.name().strip(), scope, siteIds, Duration.ofDays(days),
                principal.getName());
        audit.record(principal.getName(), AuditLog.CREATE_TOKEN, null, null, request.getRemoteAddr());
        log.info("{} made API token {} ({}, sites {}, {} days)", LogSafe.name(principal.getName()),
                issued.token().id(), scope, siteIds, days);
        return TokenView.of(issued.token(), Instant.now(), issued.secret());
    }

    @GetMapping("/api/tokens")
    List<TokenView> list(Principal principal) {
        requirePassword(principal);
        Instant now = Instant.now();
        return tokens.all().stream().map(t -> TokenView.of(t, now, null)).toList();
    }

    @PostMapping("/api/tokens/{id}/revoke")
    TokenView revoke(@PathVariable String id, Principal principal, HttpServletRequest request) {
        requirePassword(principal);
        ApiTokens.Token token = (id.matches("[0-9a-f]{16}") ? tokens.find(id) : java.util.Optional.<ApiTokens.Token>empty())
                .orElseThrow(() -> new NotFoundException("no API token with id " + NotFoundException.printable(id)));
        if (tokens.revoke(token.id(), principal.getName())) {
            audit.record(principal.getName(), AuditLog.REVOKE_TOKEN, null, null, request.getRemoteAddr());
            log.info("{} revoked API token {}", LogSafe.name(principal.getName()), token.id());
        }
        return TokenView.of(tokens.find(token.id()).orElseThrow(), Instant.now(), null);
    }

    /** Tokens are managed by people signed in with their password, never by another token. */
    private static void requirePassword(Principal principal) {
        if (principal instanceof ApiTokenAuthentication) {
            throw new AccessDeniedException("API tokens cannot manage API tokens");
        }
    }
}
