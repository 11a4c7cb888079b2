package kr.smartsenior.server.security;

import java.security.Principal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * The one permission check of the API and the dashboard: an ADMIN may see every site, a STAFF
 * account only the sites it is assigned to. Every controller that reads or writes a senior's or a
 * site's data asks here first (for one member, through {@code member.MemberDirectory#requireMember},
 * which finds the member's site and asks here); a refusal is an {@link AccessDeniedException}, which
 * Spring Security turns into a 403 (a problem document on the API, the "no access" page on the
 * dashboard).
 */
@Component
public final class SiteAccess {

    private static final String ROLE_ADMIN = "ROLE_" + Role.ADMIN.name();

    private final StaffAccounts accounts;

    SiteAccess(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    /** Whether the signed-in account has the ADMIN role (sees every site). */
    public boolean isAdmin(Principal who) {
        return who instanceof Authentication auth && auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(ROLE_ADMIN::equals);
    }

    /** Whether the account may see this site's seniors. */
    public boolean mayAccess(Principal who, String siteId) {
        return who != null && (isAdmin(who) || accounts.sites(who.getName()).contains(siteId));
    }

    /** The sites a STAFF account is assigned to; every site for an admin is {@code null}. */
    public Set<String> restrictedTo(Principal who) {
        if (isAdmin(who)) {
            return null;
        }
        return who == null ? Set.of() : new HashSet<>(accounts.sites(who.getName()));
    }

    /** Filters a list of sites (or anything with a site) to those the account may see. */
    public <T> List<T> visible(Principal who, List<T> items, java.util.function.Function<T, String> siteOf) {
        Set<String> allowed = restrictedTo(who);
        return allowed == null ? items : items.stream().filter(i -> allowed.contains(siteOf.apply(i))).toList();
    }

    /** Throws 403 unless the account is an ADMIN (district-wide views). */
    public void requireAdmin(Principal who) {
        if (!isAdmin(who)) {
            throw new AccessDeniedException("admins only");
        }
    }

    /** Throws 403 unless the account may see this site. */
    public void requireSite(Principal who, String siteId) {
        if (!mayAccess(who, siteId)) {
            throw new AccessDeniedException("not assigned to this site");
        }
    }
}
