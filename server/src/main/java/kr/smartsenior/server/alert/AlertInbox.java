package kr.smartsenior.server.alert;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import kr.smartsenior.server.audit.AuditLog;
import kr.smartsenior.server.member.MemberDirectory;
import kr.smartsenior.server.security.SiteAccess;
import kr.smartsenior.server.site.Site;
import kr.smartsenior.server.site.SiteRepository;
import kr.smartsenior.server.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The staff home ({@code GET /}): every alert of the sites the account may see ({@link SiteAccess}),
 * filtered by kind, site and status, sorted by newest, severity or name, {@value #PAGE_SIZE} a page;
 * acknowledge with a note, set a follow-up day, resolve, reopen ({@code POST /alerts/{id}/…}). The
 * listing writes an audit entry per site it shows; each action one for the alert's member (or site);
 * an absence alert shows the senior's and a guardian's phone, each read audited by the member registry.
 */
@Controller
final class AlertInbox {

    private static final Logger log = LoggerFactory.getLogger(AlertInbox.class);
    static final int PAGE_SIZE = 20;
    static final int NOTE_MAX = 500;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M월 d일 HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final AlertStore store;
    private final SiteAccess access;
    private final SiteRepository sites;
    private final MemberDirectory members;
    private final AuditLog audit;
    private final Clock clock;

    AlertInbox(AlertStore store, SiteAccess access, SiteRepository sites, MemberDirectory members, AuditLog audit,
            Clock clock) {
        this.store = store;
        this.access = access;
        this.sites = sites;
        this.members = members;
        this.audit = audit;
        this.clock = clock;
    }

    /** The list's filters as the query string carries them; unknown values read as the default. */
    record Filter(String kind, String site, String status, String sort, String page) {

        AlertKind kindOrNull() {
            return parse(AlertKind.class, kind, null);
        }

        AlertStore.Shown shown() {
            return parse(AlertStore.Shown.class, status, AlertStore.Shown.OPEN);
        }

        AlertStore.Order order() {
            return parse(AlertStore.Order.class, sort, AlertStore.Order.SEVERITY);
        }

        String siteOrNull() {
            return site == null || site.isBlank() ? null : site.strip();
        }

        int pageOrFirst() {
            try {
                return page == null || page.isBlank() ? 1 : Math.max(1, Integer.parseInt(page.strip()));
            } catch (NumberFormatException e) {
                return 1;
            }
        }

        /** The query string of this filter, for links back to the same list. */
        public String query(Integer otherPage) {
            UriComponentsBuilder b = UriComponentsBuilder.fromPath("/");
            if (kindOrNull() != null) {
                b.queryParam("kind", kindOrNull().name());
            }
            if (siteOrNull() != null) {
                b.queryParam("site", siteOrNull());
            }
            b.queryParam("status", shown().name());
            b.queryParam("sort", order().name());
            int p = otherPage == null ? pageOrFirst() : otherPage;
            if (p > 1) {
                b.queryParam("page", p);
            }
            return b.encode().build().toUriString();
        }

        private static <E extends Enum<E>> E parse(Class<E> type, String text, E fallback) {
            if (text == null || text.isBlank()) {
                return fallback;
            }
            try {
                return Enum.valueOf(type, text.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return fallback;
            }
        }
    }

    /** One alert as the page shows it. */
    record Item(AlertStore.Row row, String siteName, String raised, String handled, boolean followUpDue,
            MemberDirectory.Contacts contacts) {
    }

    @GetMapping("/")
    String inbox(@ModelAttribute Filter filter, Principal principal, HttpServletRequest request, Model model) {
        return page(filter, principal, request, model, null, null);
    }

    @PostMapping("/alerts/{id}/acknowledge")
    String acknowledge(@PathVariable String id, @ModelAttribute Filter filter, String note, Principal principal,
            HttpServletRequest request, Model model) {
        return act(id, AlertStore.Action.ACKNOWLEDGE, note, null, filter, principal, request, model);
    }

    @PostMapping("/alerts/{id}/follow-up")
    String followUp(@PathVariable String id, @ModelAttribute Filter filter, String note, String followUpOn,
            Principal principal, HttpServletRequest request, Model model) {
        return act(id, AlertStore.Action.FOLLOW_UP, note, followUpOn == null ? "" : followUpOn, filter, principal,
                request, model);
    }

    @PostMapping("/alerts/{id}/resolve")
    String resolve(@PathVariable String id, @ModelAttribute Filter filter, String note, Principal principal,
            HttpServletRequest request, Model model) {
        return act(id, AlertStore.Action.RESOLVE, note, null, filter, principal, request, model);
    }

    @PostMapping("/alerts/{id}/reopen")
    String reopen(@PathVariable String id, @ModelAttribute Filter filter, Principal principal,
            HttpServletRequest request, Model model) {
        return act(id, AlertStore.Action.REOPEN, null, null, filter, principal, request, model);
    }

    private String act(String id, AlertStore.Action action, String note, String followUpText, Filter filter,
            Principal principal, HttpServletRequest request, Model model) {
        String siteId = (id != null && id.length() <= 36 ? store.siteOf(id) : java.util.Optional.<String>empty())
                .orElseThrow(() -> new NotFoundException("no such alert"));
        access.requireSite(principal, siteId);
        String problem = null;
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && (cleanNote.codePointCount(0, cleanNote.length()) > NOTE_MAX
                || cleanNote.codePoints().anyMatch(AlertInbox::forbidden))) {
            problem = "메모는 " + NOTE_MAX + "자 이내로 적어 주세요 (특수 제어 문자는 쓸 수 없어요)";
        }
        LocalDate followUpOn = null;
        if (followUpText != null && problem == null) {
            LocalDate today = LocalDate.now(clock.withZone(AlertRules.ZONE));
            try {
                followUpOn = followUpText.isBlank() ? null : LocalDate.parse(followUpText.strip());
                if (followUpOn == null) {
                    problem = "후속 조치일을 골라 주세요";
                } else if (followUpOn.isBefore(today)) {
                    problem = "후속 조치일은 오늘이나 그 뒤로 골라 주세요";
                } else if (followUpOn.isAfter(today.plusYears(1))) {
                    problem = "후속 조치일은 1년 안으로 골라 주세요";
                }
            } catch (DateTimeParseException e) {
                problem = "후속 조치일은 2026-12-01 형식으로 적어 주세요";
            }
        }
        if (problem != null) {
            log.info("alert {}: {} refused ({})", id, action, problem);
            return page(filter, principal, request, model, id, problem);
        }
        store.act(id, action, cleanNote, followUpOn, principal.getName());
        audit.record(principal.getName(), AuditLog.HANDLE_ALERT, store.memberOf(id).orElse(null), siteId,
                request.getRemoteAddr());
        log.info("alert {}: {} by {}", id, action, principal.getName());
        return "redirect:" + filter.query(null) + (filter.query(null).contains("?") ? "&" : "?") + "done=" + action.name()
                + "#list";
    }

    private String page(Filter filter, Principal principal, HttpServletRequest request, Model model, String problemId,
            String problem) {
        List<Site> visible = access.visible(principal, sites.all(), Site::id);
        Map<String, String> siteNames = visible.stream().collect(Collectors.toMap(Site::id, Site::name, (a, b) -> a,
                LinkedHashMap::new));
        String site = filter.siteOrNull();
        if (site != null && !siteNames.containsKey(site)) {
            site = null; // a site the account may not see (or none): every site it may
        }
        Set<String> allowed = access.restrictedTo(principal);
        AlertStore.Page page = store.page(allowed, site, filter.kindOrNull(), filter.shown(), filter.order(),
                filter.pageOrFirst(), PAGE_SIZE);
        List<String> absent = page.rows().stream().filter(r -> r.kind() == AlertKind.ABSENCE && r.memberId() != null)
                .map(AlertStore.Row::memberId).toList();
        Map<String, MemberDirectory.Contacts> contacts = absent.isEmpty() ? Map.of()
                : members.contactsOf(principal, absent, request.getRemoteAddr());
        LocalDate today = LocalDate.now(clock.withZone(AlertRules.ZONE));
        List<Item> items = page.rows().stream().map(r -> new Item(r, siteNames.getOrDefault(r.siteId(), r.siteId()),
                r.raisedAt().getEpochSecond() == 0 ? "" : DAY.format(r.raisedAt().atZone(AlertRules.ZONE)),
                r.handledAt() == null ? null : r.handledBy() + ", " + WHEN.format(r.handledAt().atZone(AlertRules.ZONE)),
                r.followUpOn() != null && r.status() != AlertStore.Status.RESOLVED && !r.followUpOn().isAfter(today),
                r.memberId() == null ? null : contacts.get(r.memberId()))).toList(); // a site's alert has no member
        Set<String> shownSites = new LinkedHashSet<>();
        page.rows().forEach(r -> shownSites.add(r.siteId()));
        shownSites.forEach(s -> audit.record(principal.getName(), AuditLog.VIEW_ALERT_INBOX, null, s,
                request.getRemoteAddr()));
        Map<AlertKind, Integer> counts = new LinkedHashMap<>();
        for (AlertKind kind : AlertKind.values()) {
            counts.put(kind, page.openByKind().getOrDefault(kind, 0));
        }
        model.addAttribute("filter", filter);
        model.addAttribute("kind", filter.kindOrNull());
        model.addAttribute("site", site);
        model.addAttribute("shown", filter.shown());
        model.addAttribute("order", filter.order());
        model.addAttribute("kinds", AlertKind.values());
        model.addAttribute("statuses", AlertStore.Shown.values());
        model.addAttribute("siteNames", siteNames);
        model.addAttribute("counts", counts);
        model.addAttribute("openTotal", counts.values().stream().mapToInt(Integer::intValue).sum());
        model.addAttribute("view", page);
        model.addAttribute("items", items);
        model.addAttribute("today", today.toString());
        model.addAttribute("problemId", problemId);
        model.addAttribute("problem", problem);
        model.addAttribute("admin", access.isAdmin(principal));
        return "alerts";
    }

    private static boolean forbidden(int cp) {
        if (cp == '\n' || cp == '\r' || cp == '\t') {
            return false;
        }
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.UNASSIGNED || type == Character.SURROGATE
                || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    }
}
