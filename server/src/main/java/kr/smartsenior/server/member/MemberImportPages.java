package kr.smartsenior.server.member;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import kr.smartsenior.server.security.SiteAccess;
import kr.smartsenior.server.site.Site;
import kr.smartsenior.server.site.SiteRepository;
import kr.smartsenior.server.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The dashboard's import page: choose a file, see the preview (every row, with its errors), then
 * store it — all rows, or only the valid ones when the user ticks that explicitly. The previewed
 * file waits in the session so it need not be chosen twice; every step goes through
 * {@link MemberImportController#run}, the API's own path.
 */
@Controller
final class MemberImportPages {

    private static final String PENDING = "memberImport.pending";

    /** A previewed file waiting in the session for the user's decision. */
    record Pending(String siteId, String fileName, byte[] content) implements java.io.Serializable {
    }

    private final MemberImportController imports;
    private final SiteRepository sites;
    private final SiteAccess access;

    MemberImportPages(MemberImportController imports, SiteRepository sites, SiteAccess access) {
        this.imports = imports;
        this.sites = sites;
        this.access = access;
    }

    @GetMapping("/sites/{siteId}/import")
    String form(@PathVariable String siteId, Principal principal, Model model) {
        model.addAttribute("site", site(siteId, principal));
        return "member-import";
    }

    @PostMapping("/sites/{siteId}/import")
    String preview(@PathVariable String siteId, @RequestParam("file") MultipartFile file, Principal principal,
            HttpServletRequest request, HttpSession session, Model model) throws IOException {
        Site site = site(siteId, principal);
        model.addAttribute("site", site);
        try {
            byte[] content = MemberImport.contentOf(file);
            MemberImport.Report report = imports.run(site.id(), file.getOriginalFilename(), content, true,
                    false, java.util.Set.of(), principal, request.getRemoteAddr());
            session.setAttribute(PENDING, new Pending(site.id(), file.getOriginalFilename(), content));
            model.addAttribute("report", report);
            model.addAttribute("fileName", file.getOriginalFilename());
        } catch (MemberImport.UnreadableFile e) {
            model.addAttribute("unreadable", e.getMessage());
        }
        return "member-import";
    }

    @PostMapping("/sites/{siteId}/import/confirm")
    String confirm(@PathVariable String siteId, @RequestParam(defaultValue = "false") boolean partial,
            @RequestParam(required = false) java.util.List<Integer> confirm, Principal principal, HttpServletRequest request, HttpSession session, Model model) {
        Site site = site(siteId, principal);
        model.addAttribute("site", site);
        if (!(session.getAttribute(PENDING) instanceof Pending pending) || !pending.siteId().equals(site.id())) {
            model.addAttribute("unreadable", "미리 보기한 파일이 없습니다. 파일을 다시 골라 주세요.");
            return "member-import";
        }
        MemberImport.Report report = imports.run(site.id(), pending.fileName(), pending.content(), false, partial,
                confirm == null ? java.util.Set.of() : java.util.Set.copyOf(confirm), principal, request.getRemoteAddr());
        if (!report.refused()) {
            session.removeAttribute(PENDING);
        }
        model.addAttribute("report", report);
        model.addAttribute("fileName", pending.fileName());
        return "member-import";
    }

    private Site site(String siteId, Principal principal) {
        Site site = (kr.smartsenior.protocol.Topics.isValidId(siteId) ? sites.find(siteId)
                : java.util.Optional.<Site>empty()).orElseThrow(() -> NotFoundException.site(siteId));
        access.requireSite(principal, site.id());
        return site;
    }
}
