package kr.smartsenior.server.security;

import java.security.Principal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kr.smartsenior.server.audit.AuditLog;
import kr.smartsenior.server.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one permission check of the API and the dashboard: an ADMIN may see every site, a STAFF
 * account only the sites it is assigned to (an API token only the sites it was made for). Every
 * controller that reads or writes a senior's or a site's data asks here first (for one member,
 * through {@code member.MemberDirectory#requireMember}, which finds the member's site and asks here).
 *
 * <p>A site or member outside the account's sites is answered exactly as an unknown one, a
 * {@link NotFoundException} (404), so nobody learns which ids exist elsewhere; the refusal itself is
 * written to the audit log ({@link AuditLog#REFUSED}) and logged without names. Admin-only views are
 * refused with an {@link AccessDeniedException} (403): they are refused for every id alike.
 */
@Component
public final class SiteAccess {

    private static final Logger log = LoggerFactory.getLogger(SiteAccess.class);
    private static final String ROLE_ADMIN = "ROLE_" + Role.ADMIN.name();

    private final StaffAccounts accounts;
    private final AuditLog audit;

    SiteAccess(StaffAccounts accounts, AuditLog audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    /** Whether the signed-in account has the ADMIN role (sees every site). */
    public boolean isAdmin(Principal who) {
        return who instanceof Authentication auth && auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(ROLE_ADMIN::equals);
    }

    /** Whether the account may see this site's seniors (asking is not audited; see {@link #permits}). */
    public boolean mayAccess(Principal who, String siteId) {
        return who != null && (isAdmin(who) || sites(who).contains(siteId));
    }

    /** The sites a STAFF account is assigned to; every site for an admin is {@code null}. */
    public Set<String> restrictedTo(Principal who) {
        if (isAdmin(who)) {
            return null;
        }
        return who == null ? Set.of() : new HashSet<>(sites(who));
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

    /**
     * Whether the account may use this site (a site named in a request body, say); a refusal is
     * audited. The caller answers a refusal as it answers an unknown site.
     */
    public boolean permits(Principal who, String siteId) {
        if (mayAccess(who, siteId)) {
            return true;
        }
        refused(who, siteId, null);
        return false;
    }

    /** 404 ("no site with id …", as for an unknown site) unless the account may see this site; audited. */
    public void requireSite(Principal who, String siteId) {
        if (!permits(who, siteId)) {
            throw NotFoundException.site(siteId);
        }
    }

    /**
     * 404 ("no member with id …", as for an unknown member) unless the account may see the site of this
     * member; a refusal is audited with the member's id.
     */
    public void requireMemberSite(Principal who, String siteId, String memberId) {
        if (!mayAccess(who, siteId)) {
            refused(who, siteId, memberId);
            throw NotFoundException.member(memberId);
        }
    }

    private List<String> sites(Principal who) {
        return who instanceof ApiTokenAuthentication token ? token.siteIds() : accounts.sites(who.getName());
    }

    private void refused(Principal who, String siteId, String memberId) {
        String actor = who == null ? "anonymous" : who.getName();
        log.warn("{} refused: site {} is not theirs", LogSafe.name(actor), NotFoundException.printable(siteId));
        audit.record(actor, AuditLog.REFUSED, memberId, siteId, remoteAddress());
    }

    static String remoteAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr() : null;
    }
}
