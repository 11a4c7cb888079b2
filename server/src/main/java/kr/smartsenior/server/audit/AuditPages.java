package kr.smartsenior.server.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admins' audit page ({@code /admin/audit}, admins only by the dashboard chain): who did what
 * to whose data, newest first, filtered by account, action, member number and days (Korean time),
 * {@value #PAGE_SIZE} a page, and the same as CSV ({@code /admin/audit.csv}, UTF-8 with BOM so
 * Excel reads the Korean). Reading the page and exporting it are themselves audited. Entries hold
 * member numbers, never names.
 */
@Controller
final class AuditPages {

    static final int PAGE_SIZE = 50;
    static final int MAX_EXPORT = 50_000;
    static final ZoneId ZONE = ZoneId.of("Asia/Seoul");
    private static final String ID = "[A-Za-z0-9._@-]{1,64}";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Each action as staff read it. */
    static final Map<String, String> ACTIONS = actions();

    private final AuditLog audit;

    AuditPages(AuditLog audit) {
        this.audit = audit;
    }

    /** An entry as the page shows it. */
    record Row(String at, String actor, String action, String actionCode, String memberId, String siteId,
            String remoteAddr) {
    }

    @GetMapping("/admin/audit")
    String page(@RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String memberId, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "1") int page,
            Principal principal, HttpServletRequest request, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        AuditLog.Filter filter = filter(actor, action, memberId, from, to, errors);
        audit.record(principal.getName(), AuditLog.READ_AUDIT, filter.memberId(), null, request.getRemoteAddr());
        long total = errors.isEmpty() ? audit.count(filter) : 0;
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.max(1, Math.min(page, pages));
        List<Row> rows = errors.isEmpty()
                ? audit.search(filter, (current - 1) * PAGE_SIZE, PAGE_SIZE).stream().map(AuditPages::row).toList()
                : List.of();
        model.addAttribute("rows", rows);
        model.addAttribute("total", total);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("actions", ACTIONS);
        model.addAttribute("errors", errors);
        model.addAttribute("q", Map.of("actor", actor.strip(), "action", action, "memberId", memberId.strip(),
                "from", from, "to", to));
        return "audit";
    }

    @GetMapping("/admin/audit.csv")
    void csv(@RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String memberId, @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to, Principal principal, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        Map<String, String> errors = new LinkedHashMap<>();
        AuditLog.Filter filter = filter(actor, action, memberId, from, to, errors);
        if (!errors.isEmpty()) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, String.join(", ", errors.values()));
            return;
        }
        audit.record(principal.getName(), AuditLog.EXPORT_AUDIT, filter.memberId(), null, request.getRemoteAddr());
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-log.csv\"");
        response.setHeader("Cache-Control", "no-store");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            printer.printRecord("시각 (한국 시간)", "계정", "한 일", "동작 코드", "어르신 번호", "경로당", "접속 주소");
            int offset = 0;
            while (offset < MAX_EXPORT) {
                List<AuditLog.Entry> entries = audit.search(filter, offset, AuditLog.MAX_SEARCH);
                for (AuditLog.Entry entry : entries) {
                    Row row = row(entry);
                    printer.printRecord(safe(row.at()), safe(row.actor()), safe(row.action()), safe(row.actionCode()),
                            safe(row.memberId()), safe(row.siteId()), safe(row.remoteAddr()));
                }
                if (entries.size() < AuditLog.MAX_SEARCH) {
                    break;
                }
                offset += entries.size();
            }
        }
    }

    private static Row row(AuditLog.Entry e) {
        return new Row(SHOWN.format(e.at().atZone(ZONE)), e.actor(), ACTIONS.getOrDefault(e.action(), e.action()),
                e.action(), e.memberId(), e.siteId(), e.remoteAddr());
    }

    /** Text a spreadsheet would run as a formula is prefixed with an apostrophe. */
    private static String safe(String text) {
        if (text == null) {
            return "";
        }
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static AuditLog.Filter filter(String actor, String action, String memberId, String from, String to,
            Map<String, String> errors) {
        String who = actor.strip();
        String member = memberId.strip().toUpperCase(java.util.Locale.ROOT);
        if (!who.isEmpty() && !who.matches(ID)) {
            errors.put("actor", "계정 아이디는 영문·숫자로 적어 주세요");
        }
        if (!member.isEmpty() && !member.matches(ID)) {
            errors.put("memberId", "어르신 번호는 영문·숫자로 적어 주세요");
        }
        if (!action.isEmpty() && !ACTIONS.containsKey(action)) {
            errors.put("action", "목록에서 골라 주세요");
        }
        Long fromMs = day(from, "from", errors, 0);
        Long toMs = day(to, "to", errors, 1);
        if (fromMs != null && toMs != null && fromMs >= toMs) {
            errors.put("to", "끝 날짜는 시작 날짜와 같거나 뒤여야 합니다");
        }
        return new AuditLog.Filter(member.isEmpty() || errors.containsKey("memberId") ? null : member, null,
                who.isEmpty() || errors.containsKey("actor") ? null : who, action.isEmpty() || errors.containsKey("action")
                        ? null : action, fromMs, toMs);
    }

    private static Long day(String text, String field, Map<String, String> errors, int plusDays) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip()).plusDays(plusDays).atStartOfDay(ZONE).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            errors.put(field, "날짜는 2026-11-21 형식으로 적어 주세요");
            return null;
        }
    }

    private static Map<String, String> actions() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put(AuditLog.VIEW_MEMBER_PAGE, "어르신 화면 보기");
        a.put(AuditLog.READ_MEMBER, "어르신 정보 읽기 (API)");
        a.put(AuditLog.READ_MEASUREMENTS, "측정 기록 읽기 (API)");
        a.put(AuditLog.VIEW_SITE_OVERVIEW, "경로당 화면 보기");
        a.put(AuditLog.READ_SITE_MEMBERS, "경로당 명단 읽기 (API)");
        a.put(AuditLog.UPDATE_MEMBER, "어르신 정보 수정");
        a.put(AuditLog.MOVE_MEMBER, "어르신 경로당 옮기기");
        a.put(AuditLog.WITHDRAW_CONSENT, "동의 철회 (개인정보 파기)");
        a.put(AuditLog.PRINT_CARD, "카드 인쇄");
        a.put(AuditLog.PRINT_SITE_CARDS, "경로당 카드 모두 인쇄");
        a.put(AuditLog.REISSUE_CARD, "카드 재발급");
        a.put(AuditLog.PREVIEW_MEMBER_IMPORT, "명단 가져오기 미리 보기");
        a.put(AuditLog.IMPORT_MEMBERS, "명단 가져오기");
        a.put(AuditLog.EXPORT_RESULTS, "결과 내려받기");
        a.put(AuditLog.VIEW_DISTRICT, "구 전체 현황 보기");
        a.put(AuditLog.UPDATE_SITE, "경로당 정보 수정");
        a.put(AuditLog.CLOSE_SITE, "경로당 폐쇄·재운영");
        a.put("staff.create", "직원 계정 만들기");
        a.put(AuditLog.CHANGE_STAFF, "직원 계정 변경");
        a.put(AuditLog.CHANGE_OWN_PASSWORD, "자기 비밀번호 변경");
        a.put(AuditLog.READ_AUDIT, "접근 기록 보기");
        a.put(AuditLog.EXPORT_AUDIT, "접근 기록 내려받기");
        a.put(AuditLog.EXPORT_DISTRICT_REPORT, "분기 보고서 내려받기");
        return java.util.Collections.unmodifiableMap(a);
    }
}
