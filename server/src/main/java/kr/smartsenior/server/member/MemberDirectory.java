package kr.smartsenior.server.member;

import java.security.Principal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kr.smartsenior.server.audit.AuditLog;
import kr.smartsenior.server.security.SiteAccess;
import kr.smartsenior.server.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What other features may read of the member registry without going through the staff API: ids as
 * people type them and the members of a site (fitness, prescription, screening), and the members of
 * a site as their kiosks know them (the roster), and the member a signed-in account asks for, checked
 * with {@link SiteAccess}. Reads only; callers audit what they show and never log names.
 */
@Component
public final class MemberDirectory {

    private final MemberRepository members;
    private final JdbcClient jdbc;
    private final SiteAccess access;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    MemberDirectory(MemberRepository members, JdbcClient jdbc, SiteAccess access, AuditLog audit,
            TransactionTemplate transaction) {
        this.members = members;
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.transaction = transaction;
    }

    /**
     * Whom to call about a senior: their phone and a guardian's (each may be null). Personal data:
     * {@link #toString()} never shows it; never log it.
     */
    public record Contacts(String memberId, String phone, String guardianName, String guardianPhone,
            String guardianRelation) {

        /** Whether any contact is on record. */
        public boolean any() {
            return phone != null || guardianName != null || guardianPhone != null || guardianRelation != null;
        }

        @Override
        public String toString() {
            return "Contacts[" + memberId + "]";
        }
    }

    /**
     * The contacts of these members that the account may see (members of its sites; others and
     * unknown ids are left out), each read written to the audit log ({@link AuditLog#READ_MEMBER_CONTACTS}).
     */
    public Map<String, Contacts> contactsOf(Principal who, Collection<String> memberIds, String remoteAddr) {
        Map<String, Contacts> shown = new LinkedHashMap<>();
        java.util.Set<String> allowed = access.restrictedTo(who); // null: every site; asked once, not per member
        // one transaction: every read is still audited, but the inbox's 20 absences commit once, not 20 times
        // (docs/benchmarks.md, 2026-12-05)
        transaction.executeWithoutResult(status -> {
            for (String id : new LinkedHashSet<>(memberIds)) {
                Optional<Member> member = MemberIds.isWellFormed(id) ? members.find(id) : Optional.empty();
                if (member.isEmpty() || (allowed != null && !allowed.contains(member.get().siteId()))) {
                    continue;
                }
                Member.Contacts c = member.get().contacts();
                audit.record(who.getName(), AuditLog.READ_MEMBER_CONTACTS, id, member.get().siteId(), remoteAddr);
                shown.put(id, new Contacts(id, c.phone(), c.guardianName(), c.guardianPhone(), c.guardianRelation()));
            }
        });
        return shown;
    }

    /**
     * A registered member. {@code displayName} is personal data: never log it.
     *
     * @param sex {@code F} or {@code M}
     */
    public record Senior(String id, String siteId, String displayName, int birthYear, String sex) {
    }

    /** A member as a kiosk greets them, with the version of their current card. */
    public record CardHolder(String memberId, String displayName, int cardVersion) {
    }

    /** The member with this id as a person typed it (forgiving, see {@code MemberIds#normalize}). */
    public Optional<Senior> find(String typedId) {
        String id = MemberIds.normalize(typedId);
        if (!MemberIds.isWellFormed(id)) {
            return Optional.empty();
        }
        return members.find(id).map(m -> new Senior(m.id(), m.siteId(), m.displayName(), m.birthYear(), m.sex()));
    }

    /**
     * The member a typed id names, if the account may see their site: 404 for an unknown member and,
     * alike, for one of a site the account is not assigned to (that refusal audited by
     * {@link SiteAccess#requireMemberSite}).
     */
    public Senior requireMember(Principal who, String typedId) {
        Senior senior = find(typedId).orElseThrow(() -> NotFoundException.member(typedId));
        access.requireMemberSite(who, senior.siteId(), senior.id());
        return senior;
    }

    /** The members registered at a site, by name then id. */
    public List<Senior> atSite(String siteId) {
        return members.ofSite(siteId).stream()
                .map(m -> new Senior(m.id(), m.siteId(), m.displayName(), m.birthYear(), m.sex()))
                .toList();
    }

    /** Ids of the members registered at a site, sorted. */
    public List<String> idsAtSite(String siteId) {
        return jdbc.sql("SELECT id FROM member WHERE site_id = ? AND anonymised = 0 ORDER BY id").param(siteId).query(String.class).list();
    }

    /**
     * Ids of the site's members registered, edited or moved there at or after {@code since} (and any
     * without a recorded change), sorted.
     */
    public List<String> idsAtSiteChangedSince(String siteId, java.time.Instant since) {
        return jdbc.sql("SELECT id FROM member WHERE site_id = ? AND anonymised = 0 AND (updated_at IS NULL OR updated_at >= ?) ORDER BY id")
                .params(siteId, since.toString()).query(String.class).list();
    }

    /** The site's members, by name then id. */
    public List<CardHolder> cardHolders(String siteId) {
        return members.ofSite(siteId).stream()
                .map(m -> new CardHolder(m.id(), m.displayName(), m.cardVersion()))
                .toList();
    }
}
