package kr.smartsenior.server.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * A request signed in with an API token: named {@code token:<id>} (as the audit log shows it), an
 * ADMIN for an {@link ApiTokens.Scope#ADMIN} token, otherwise STAFF of the token's own sites.
 */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final ApiTokens.Token token;

    ApiTokenAuthentication(ApiTokens.Token token) {
        super(AuthorityUtils.createAuthorityList("ROLE_"
                + (token.scope() == ApiTokens.Scope.ADMIN ? Role.ADMIN : Role.STAFF).name()));
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return getName();
    }

    @Override
    public String getName() {
        return "token:" + token.id();
    }

    List<String> siteIds() {
        return token.siteIds();
    }

    boolean readOnly() {
        return token.scope() == ApiTokens.Scope.READ;
    }
}
