package kr.smartsenior.server.member;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.Topics;
import kr.smartsenior.server.audit.AuditLog;
import kr.smartsenior.server.security.SiteAccess;
import kr.smartsenior.server.site.SiteRepository;
import kr.smartsenior.server.web.InvalidFieldException;
import kr.smartsenior.server.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The member registry: {@code POST /api/members}, {@code GET} and {@code PUT /api/members/{id}},
 * {@code GET /api/sites/{siteId}/members} and {@code GET /api/members/{id}/measurements}. Every read
 * of members is written to the audit log; every change that a kiosk shows announces
 * {@link MembersChanged} once it is stored.
 */
@RestController
final class MemberController {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MemberController.class);

    private final MemberRepository members;
    private final SiteRepository sites;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final SiteAccess access;
    private final ConsentWithdrawal withdrawal;

    MemberController(MemberRepository members, SiteRepository sites, AuditLog audit, ApplicationEventPublisher events,
            SiteAccess access, ConsentWithdrawal withdrawal) {
        this.access = access;
        this.withdrawal = withdrawal;
        this.members = members;
        this.sites = sites;
        this.audit = audit;
        this.events = events;
    }

    @PostMapping("/api/members")
    @ResponseStatus(HttpStatus.CREATED)
    Member create(@Valid @RequestBody MemberRequest request, Principal principal, HttpServletRequest http) {
        requireSite(principal, request.siteId());
        requireOpen(request.siteId());
        Member member = members.create(request, principal.getName());
        audit.record(principal.getName(), AuditLog.CREATE_MEMBER, member.id(), member.siteId(), http.getRemoteAddr());
        events.publishEvent(new MembersChanged(member.siteId()));
        return member;
    }

    @GetMapping("/api/members/{id}")
    Member get(@PathVariable String id, Principal principal, HttpServletRequest request) {
        Member member = existing(members, id);
        access.requireMemberSite(principal, member.siteId(), member.id());
        audit.record(principal.getName(), AuditLog.READ_MEMBER, member.id(), member.siteId(), request.getRemoteAddr());
        return member;
    }

    @PutMapping("/api/members/{id}")
    Member update(@PathVariable String id, @Valid @RequestBody MemberRequest body, Principal principal,
            HttpServletRequest request) {
        Member before = existing(members, id);
        access.requireMemberSite(principal, before.siteId(), before.id());
        requireSite(principal, body.siteId());
        if (!before.siteId().equals(body.siteId())) {
            requireOpen(body.siteId());
        }
        Member after = members.update(before.id(), body, principal.getName())
                .orElseThrow(() -> NotFoundException.member(before.id()));
        audit.record(principal.getName(), AuditLog.UPDATE_MEMBER, after.id(), after.siteId(), request.getRemoteAddr());
        if (!before.siteId().equals(after.siteId())) {
            audit.record(principal.getName(), AuditLog.MOVE_MEMBER, after.id(), before.siteId(), request.getRemoteAddr());
        }
        events.publishEvent(new MembersChanged(after.siteId()));
        if (!before.siteId().equals(after.siteId())) {
            events.publishEvent(new MembersChanged(before.siteId())); // gone from the old site's kiosks
        }
        return after;
    }

    @GetMapping("/api/sites/{siteId}/members")
    List<Member> ofSite(@PathVariable String siteId, Principal principal, HttpServletRequest request) {
        if (!Topics.isValidId(siteId) || !sites.exists(siteId)) {
            throw NotFoundException.site(siteId);
        }
        access.requireSite(principal, siteId);
        audit.record(principal.getName(), AuditLog.READ_SITE_MEMBERS, null, siteId, request.getRemoteAddr());
        return members.ofSite(siteId);
    }

    @GetMapping("/api/members/{id}/measurements")
    List<MeasurementRecord> measurements(@PathVariable String id, Principal principal, HttpServletRequest request) {
        Member member = existing(members, id);
        access.requireMemberSite(principal, member.siteId(), member.id());
        audit.record(principal.getName(), AuditLog.READ_MEASUREMENTS, member.id(), member.siteId(),
                request.getRemoteAddr());
        return members.measurements(member.id());
    }

    /**
     * The senior withdraws consent: their personal data is destroyed and their results kept only
     * anonymously ({@link ConsentWithdrawal}); their card stops working with the site's next roster.
     * 404 afterwards, for every page and API of this member.
     */
    @PostMapping("/api/members/{id}/withdrawal")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdraw(@PathVariable String id, Principal principal, HttpServletRequest request) {
        Member member = existing(members, id);
        access.requireMemberSite(principal, member.siteId(), member.id());
        ConsentWithdrawal.Withdrawn done = withdrawal.withdraw(member.id())
                .orElseThrow(() -> new NotFoundException("no member with id " + member.id()));
        audit.record(principal.getName(), AuditLog.WITHDRAW_CONSENT, member.id(), done.siteId(), request.getRemoteAddr());
        LOG.info("{} recorded the withdrawal of consent of member {}: personal data destroyed", principal.getName(),
                member.id());
        events.publishEvent(new MembersChanged(done.siteId())); // the card leaves the roster
    }

    private void requireOpen(String siteId) {
        if (sites.isClosed(siteId)) {
            throw new InvalidFieldException("siteId", "폐쇄된 경로당에는 어르신을 새로 등록하거나 옮길 수 없습니다");
        }
    }

    /** A site named in a body: unknown, or not one of the account's (audited), is the same field error. */
    private void requireSite(Principal principal, String siteId) {
        if (!sites.exists(siteId) || !access.permits(principal, siteId)) {
            throw new InvalidFieldException("siteId", "no site with id " + NotFoundException.printable(siteId));
        }
    }

    /** The member a typed id names, or 404. */
    static Member existing(MemberRepository members, String typedId) {
        String id = MemberIds.normalize(typedId);
        if (!MemberIds.isWellFormed(id)) {
            throw NotFoundException.member(typedId);
        }
        return members.find(id).orElseThrow(() -> NotFoundException.member(id));
    }
}
