package kr.smartsenior.server.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.RecordDetail;
import kr.smartsenior.protocol.Topics;
import kr.smartsenior.server.audit.AuditLog;
import kr.smartsenior.server.validation.KioskAgreements;
import kr.smartsenior.server.fitness.Evaluation;
import kr.smartsenior.server.fitness.Evaluator;
import kr.smartsenior.server.fitness.MeasurementHistory;
import kr.smartsenior.server.fitness.Result;
import kr.smartsenior.server.fitness.TrendDirection;
import kr.smartsenior.server.member.MemberDirectory;
import kr.smartsenior.server.member.MemberDirectory.Senior;
import kr.smartsenior.server.prescription.PrescriptionHistory;
import kr.smartsenior.server.prescription.Plan;
import kr.smartsenior.server.screening.ScreeningStatus;
import kr.smartsenior.server.screening.ScreeningSummary;
import kr.smartsenior.server.screening.Screenings;
import kr.smartsenior.server.security.SiteAccess;
import kr.smartsenior.server.site.Site;
import kr.smartsenior.server.site.SiteRepository;
import kr.smartsenior.server.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard's pages: sign-in, the sites an account may see, a site's overview and a senior's
 * page. Site and senior pages go through {@link SiteAccess} (a senior through
 * {@link MemberDirectory#requireMember}) and write an audit entry.
 */
@Controller
final class DashboardController {

    private static final String GRIP = MeasurementCode.GRIP_STRENGTH.name();
    static final int EXERCISE_WEEKS = 12;
    static final int UNWELL_DAYS_SHOWN = 10;
    static final int SCREENINGS_SHOWN = 5;

    private final SiteAccess access;
    private final MemberDirectory members;
    private final SiteRepository sites;
    private final SiteOverview overview;
    private final Evaluator evaluator;
    private final MeasurementHistory history;
    private final PrescriptionHistory prescriptions;
    private final Screenings screenings;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final KioskAgreements agreements;
    private final java.time.Clock clock;

    DashboardController(SiteAccess access, MemberDirectory members, SiteRepository sites, SiteOverview overview,
            Evaluator evaluator, MeasurementHistory history, PrescriptionHistory prescriptions, Screenings screenings,
            AuditLog audit, ObjectMapper json, KioskAgreements agreements, java.time.Clock clock) {
        this.access = access;
        this.members = members;
        this.sites = sites;
        this.overview = overview;
        this.evaluator = evaluator;
        this.history = history;
        this.prescriptions = prescriptions;
        this.screenings = screenings;
        this.audit = audit;
        this.json = json;
        this.agreements = agreements;
        this.clock = clock;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @RequestMapping("/denied") // forwarded to for any method (a refused POST too)
    String denied(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return "denied";
    }

    /** The sites the account may see (the staff home, {@code /}, is the alert inbox); closed ones on request. */
    @GetMapping("/sites")
    String home(@RequestParam(defaultValue = "false") boolean closed, Principal principal, Model model) {
        List<Site> visible = access.visible(principal, sites.all(), Site::id);
        model.addAttribute("sites", closed ? visible : visible.stream().filter(s -> !s.closed()).toList());
        model.addAttribute("closedCount", visible.stream().filter(Site::closed).count());
        model.addAttribute("admin", access.isAdmin(principal));
        return "sites";
    }

    @GetMapping("/sites/{siteId}")
    String site(@PathVariable String siteId, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "NAME") String sort, @RequestParam(defaultValue = "1") int page,
            Principal principal, HttpServletRequest request, Model model) {
        Site site = (Topics.isValidId(siteId) ? sites.find(siteId) : java.util.Optional.<Site>empty())
                .orElseThrow(() -> NotFoundException.site(siteId));
        access.requireSite(principal, site.id());
        SiteOverview.Sort order;
        try {
            order = SiteOverview.Sort.valueOf(sort);
        } catch (IllegalArgumentException e) {
            order = SiteOverview.Sort.NAME;
        }
        SiteOverview.Page rows = overview.page(site.id(), q, order, page);
        audit.record(principal.getName(), AuditLog.VIEW_SITE_OVERVIEW, null, site.id(), request.getRemoteAddr());
        model.addAttribute("site", site);
        model.addAttribute("admin", access.isAdmin(principal));
        model.addAttribute("view", rows);
        model.addAttribute("components", kr.smartsenior.server.fitness.FitnessComponent.values());
        model.addAttribute("validation", agreements.ofSite(site.id()));
        return "site";
    }

    @GetMapping("/members/{id}")
    String member(@PathVariable String id, @RequestParam(required = false) String screening, Principal principal,
            HttpServletRequest request, Model model) throws JsonProcessingException {
        Senior senior = members.requireMember(principal, id);
        List<Result> results = history.of(senior.id());
        // the records just read, not a second read of three years of them (docs/benchmarks.md, 2026-12-05)
        Evaluation evaluation = evaluator.evaluate(senior, results, clock.instant());
        audit.record(principal.getName(), AuditLog.VIEW_MEMBER_PAGE, senior.id(), senior.siteId(), request.getRemoteAddr());
        model.addAttribute("senior", senior);
        model.addAttribute("site", sites.find(senior.siteId()).orElse(null));
        model.addAttribute("evaluation", evaluation);
        model.addAttribute("cells", evaluation.components().stream()
                .map(c -> Map.entry(c, SiteOverview.cell(c.status(), c.trend()))).toList());
        model.addAttribute("declines", declines(evaluation));
        model.addAttribute("charts", json.writeValueAsString(charts(senior, results, evaluation)));
        model.addAttribute("exercise", json.writeValueAsString(exercisePerWeek(results)));
        List<Plan> plans = prescriptions.of(senior.id());
        ScreeningStatus status = screenings.status(senior.id());
        List<ScreeningSummary> screeningHistory = ScreeningSummary.of(screenings.history(senior.id()));
        model.addAttribute("prescriptions", plans);
        model.addAttribute("screening", status);
        model.addAttribute("screeningHistory", screeningHistory.subList(0, Math.min(SCREENINGS_SHOWN,
                screeningHistory.size())));
        model.addAttribute("screeningCount", screeningHistory.size());
        model.addAttribute("screeningNews", ScreeningNews.of(screening, status, plans));
        model.addAttribute("zone", SiteOverview.ZONE);
        model.addAttribute("unwellDays", unwellDays(results));
        model.addAttribute("moveSites", access.visible(principal, sites.all(), Site::id).stream()
                .filter(s -> !s.closed() && !s.id().equals(senior.siteId())).toList());
        model.addAttribute("contacts", members.contactsOf(principal, List.of(senior.id()), request.getRemoteAddr())
                .get(senior.id())); // audited as member.contacts.read
        return "member";
    }

    /**
     * What became of the prescription after staff saved a screening ({@code saved}) or a clearance
     * ({@code cleared}) on the screening form, which redirects here: the screening feature announces
     * {@code ScreeningRecorded} and the prescription is made again in the same request, storing a new
     * version only when its substance changed. So a version created at or after the save is that
     * save's; otherwise the prescription stayed as it was.
     *
     * @param what    what was saved, in Korean
     * @param plan    the current prescription, or null if there is none
     * @param changed a new version was made by this save
     */
    record ScreeningNews(String what, Plan plan, boolean changed) {

        static ScreeningNews of(String saved, ScreeningStatus status, List<Plan> plans) {
            if (status.screening() == null || !("saved".equals(saved) || "cleared".equals(saved))) {
                return null;
            }
            java.time.OffsetDateTime at = "cleared".equals(saved) && status.screening().clearance() != null
                    ? status.screening().clearance().recordedAt() : status.screening().recordedAt();
            Plan plan = plans.isEmpty() ? null : plans.getFirst();
            boolean changed = plan != null && !plan.createdAt().toInstant().isBefore(at.toInstant());
            return new ScreeningNews("cleared".equals(saved) ? "의료진 확인을 기록했습니다." : "건강 질문을 저장했습니다.",
                    plan, changed);
        }
    }

    /**
     * What declined, in the evaluation's own Korean words: each current result's short-term change
     * or long-term trend (a slow decline) that is DECLINED, and each grip hand's.
     */
    static List<String> declines(Evaluation evaluation) {
        List<String> lines = new ArrayList<>();
        for (Evaluation.TestResult result : evaluation.results()) {
            if (!result.current()) {
                continue;
            }
            declines(lines, result.name(), result.trend());
            for (Evaluation.HandResult hand : result.hands()) {
                declines(lines, result.name() + " " + hand.korean(), hand.trend());
            }
        }
        return lines;
    }

    private static void declines(List<String> lines, String name, Evaluation.Trend trend) {
        if (trend.direction() == TrendDirection.DECLINED) {
            lines.add(name + ": " + trend.korean());
        }
        if (trend.longTerm() != null && trend.longTerm().direction() == TrendDirection.DECLINED) {
            lines.add(name + ": " + trend.longTerm().korean());
        }
    }

    /** The days (newest first, the last {@value #UNWELL_DAYS_SHOWN}) the senior told the kiosk they were unwell. */
    static List<LocalDate> unwellDays(List<Result> results) {
        return results.stream().filter(Result::isUnwellAnswer)
                .map(r -> r.takenAt().atZoneSameInstant(SiteOverview.ZONE).toLocalDate())
                .distinct().sorted(java.util.Comparator.reverseOrder()).limit(UNWELL_DAYS_SHOWN).toList();
    }

    /**
     * One chart per test: the results, and beside each the range the server grades it against and
     * the fall-risk cut-offs for the senior's age at that result ({@link Evaluator#chartGuide});
     * {@code bands}: whom those ranges describe, {@code risks}: each cut-off's legend (the latest),
     * {@code lowerIsBetter} for the timed tests; all in Korean.
     */
    private List<Map<String, Object>> charts(Senior senior, List<Result> results, Evaluation evaluation) {
        Map<String, List<Map<String, Object>>> byCode = new LinkedHashMap<>();
        Map<String, java.util.Set<String>> populations = new LinkedHashMap<>();
        Map<String, Map<String, Map<String, Object>>> risks = new LinkedHashMap<>();
        Map<String, Boolean> lowerIsBetter = new LinkedHashMap<>();
        Map<String, Map<String, Object>> gripDays = new LinkedHashMap<>();
        for (Result result : results) {
            if (!result.isTest()) {
                continue;
            }
            Map<String, Object> point;
            if (GRIP.equals(result.code())) {
                point = gripDay(gripDays, result, byCode);
            } else {
                point = new LinkedHashMap<>();
                point.put("date", result.takenAt().toLocalDate().toString());
                point.put("value", result.value());
                byCode.computeIfAbsent(result.code(), c -> new ArrayList<>()).add(point);
            }
            int age = result.takenAt().getYear() - senior.birthYear();
            Evaluator.ChartGuide guide = evaluator.chartGuide(result.code(), senior.sex(), age);
            lowerIsBetter.put(result.code(), guide.lowerIsBetter());
            if (guide.low() != null) {
                point.put("low", guide.low());
            }
            if (guide.high() != null) {
                point.put("high", guide.high());
            }
            if (guide.population() != null) {
                populations.computeIfAbsent(result.code(), c -> new java.util.LinkedHashSet<>())
                        .add(guide.population() + ", " + guide.range());
            }
            Map<String, Object> risk = new LinkedHashMap<>();
            for (Evaluator.FallRiskLine line : guide.fallRisk()) {
                risk.put(line.flag(), line.value());
                risks.computeIfAbsent(result.code(), c -> new LinkedHashMap<>()).put(line.flag(), Map.of(
                        "flag", line.flag(), "label", line.korean(), "source", line.source(), "level",
                        line.level().name()));
            }
            if (!risk.isEmpty()) {
                point.put("risk", risk);
            }
        }
        List<Map<String, Object>> charts = new ArrayList<>();
        byCode.forEach((code, points) -> {
            Map<String, Object> chart = new LinkedHashMap<>();
            chart.put("code", code);
            chart.put("name", evaluation.result(code).map(Evaluation.TestResult::name)
                    .orElse(MeasurementCode.fromWire(code).map(MeasurementCode::koreanName).orElse(code)));
            chart.put("unit", evaluation.result(code).map(Evaluation.TestResult::unit).orElse(""));
            chart.put("bands", List.copyOf(populations.getOrDefault(code, java.util.Set.of())));
            chart.put("risks", List.copyOf(risks.getOrDefault(code, Map.of()).values()));
            chart.put("lowerIsBetter", lowerIsBetter.getOrDefault(code, false));
            chart.put("points", points);
            charts.add(chart);
        });
        return charts;
    }

    /**
     * Grip, one point a day: {@code value} the best of either hand (the value graded), {@code right}
     * and {@code left} each hand's best, so the chart does not zigzag between the hands.
     */
    private static Map<String, Object> gripDay(Map<String, Map<String, Object>> days, Result result,
            Map<String, List<Map<String, Object>>> byCode) {
        String date = result.takenAt().toLocalDate().toString();
        Map<String, Object> point = days.computeIfAbsent(date, d -> {
            Map<String, Object> created = new LinkedHashMap<>();
            created.put("date", d);
            byCode.computeIfAbsent(GRIP, c -> new ArrayList<>()).add(created);
            return created;
        });
        point.merge("value", result.value(), (a, b) -> ((java.math.BigDecimal) a).max((java.math.BigDecimal) b));
        Object hand = result.detail() == null ? null : result.detail().get(RecordDetail.HAND);
        if ("right".equals(hand) || "left".equals(hand)) {
            point.merge((String) hand, result.value(),
                    (a, b) -> ((java.math.BigDecimal) a).max((java.math.BigDecimal) b));
        }
        return point;
    }

    /** Exercise sessions per week, the last {@value #EXERCISE_WEEKS} weeks. */
    private static Map<String, Integer> exercisePerWeek(List<Result> results) {
        LocalDate thisWeek = LocalDate.now(SiteOverview.ZONE).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Map<String, Integer> weeks = new LinkedHashMap<>();
        for (int i = EXERCISE_WEEKS - 1; i >= 0; i--) {
            weeks.put(thisWeek.minusWeeks(i).toString(), 0);
        }
        for (Result result : results) {
            if (!result.isExercise()) {
                continue;
            }
            LocalDate week = result.takenAt().toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            if (ChronoUnit.WEEKS.between(week, thisWeek) < EXERCISE_WEEKS) {
                weeks.computeIfPresent(week.toString(), (k, n) -> n + 1);
            }
        }
        return weeks;
    }
}
