package kr.smartsenior.server.member;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import kr.smartsenior.protocol.Topics;
import kr.smartsenior.server.audit.AuditLog;
import kr.smartsenior.server.card.CardIssuer;
import kr.smartsenior.server.card.CardSheet;
import kr.smartsenior.server.security.SiteAccess;
import kr.smartsenior.server.site.SiteRepository;
import kr.smartsenior.server.web.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Members' QR cards: {@code GET /api/members/{id}/card.pdf}, {@code GET /api/sites/{siteId}/cards.pdf}
 * and {@code POST /api/members/{id}/card/reissue}. A printed card shows the member's name, so every
 * card printed is audited; a reissue revokes the old card on every kiosk after the next roster.
 */
@RestController
final class MemberCardController {

    private final MemberRepository members;
    private final SiteRepository sites;
    private final CardIssuer issuer;
    private final CardSheet sheet;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final SiteAccess access;

    MemberCardController(MemberRepository members, SiteRepository sites, CardIssuer issuer, CardSheet sheet,
            AuditLog audit, ApplicationEventPublisher events, SiteAccess access) {
        this.access = access;
        this.members = members;
        this.sites = sites;
        this.issuer = issuer;
        this.sheet = sheet;
        this.audit = audit;
        this.events = events;
    }

    @GetMapping("/api/members/{id}/card.pdf")
    ResponseEntity<byte[]> card(@PathVariable String id, Principal principal, HttpServletRequest request) {
        Member member = MemberController.existing(members, id);
        access.requireMemberSite(principal, member.siteId(), member.id());
        String siteName = sites.name(member.siteId()).orElse(member.siteId());
        byte[] pdf = sheet.render(List.of(card(member, siteName)));
        audit.record(principal.getName(), AuditLog.PRINT_CARD, member.id(), member.siteId(), request.getRemoteAddr());
        return pdf("card-" + member.id() + ".pdf", pdf);
    }

    @GetMapping("/api/sites/{siteId}/cards.pdf")
    ResponseEntity<byte[]> siteCards(@PathVariable String siteId, Principal principal, HttpServletRequest request) {
        Optional<String> name = Topics.isValidId(siteId) ? sites.name(siteId) : Optional.empty();
        String siteName = name.orElseThrow(() -> NotFoundException.site(siteId));
        access.requireSite(principal, siteId);
        List<Member> all = members.ofSite(siteId);
        byte[] pdf = sheet.render(all.stream().map(m -> card(m, siteName)).toList());
        audit.record(principal.getName(), AuditLog.PRINT_SITE_CARDS, null, siteId, request.getRemoteAddr());
        for (Member member : all) {
            audit.record(principal.getName(), AuditLog.PRINT_CARD, member.id(), siteId, request.getRemoteAddr());
        }
        return pdf("cards-" + siteId + ".pdf", pdf);
    }

    @PostMapping("/api/members/{id}/card/reissue")
    Member reissue(@PathVariable String id, Principal principal, HttpServletRequest request) {
        Member member = MemberController.existing(members, id);
        access.requireMemberSite(principal, member.siteId(), member.id());
        Member reissued = members.reissueCard(member.id())
                .orElseThrow(() -> NotFoundException.member(member.id()));
        audit.record(principal.getName(), AuditLog.REISSUE_CARD, reissued.id(), reissued.siteId(), request.getRemoteAddr());
        events.publishEvent(new MembersChanged(reissued.siteId()));
        return reissued;
    }

    private CardSheet.Card card(Member member, String siteName) {
        return new CardSheet.Card(member.displayName(), siteName, member.id(),
                issuer.token(member.id(), member.cardVersion()));
    }

    private static ResponseEntity<byte[]> pdf(String fileName, byte[] body) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}
