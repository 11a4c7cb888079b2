package kr.smartsenior.server.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kr.smartsenior.server.fitness.ComponentStatus;
import kr.smartsenior.server.fitness.Evaluation;
import kr.smartsenior.server.fitness.Evaluator;
import kr.smartsenior.server.fitness.FallRiskLevel;
import kr.smartsenior.server.fitness.FitnessComponent;
import kr.smartsenior.server.fitness.TrendDirection;
import kr.smartsenior.server.member.MemberDirectory;
import kr.smartsenior.server.member.MemberDirectory.Senior;
import kr.smartsenior.server.member.MembersChanged;
import kr.smartsenior.server.ingest.MeasurementsStored;
import kr.smartsenior.server.screening.ScreeningRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One page of a site's seniors: searched by name or id, sorted by name, last visit or last test
 * (in SQL over the whole site), and evaluated only for the rows shown, so a site of a thousand
 * seniors costs one page of evaluations.
 */
@Component
final class SiteOverview {

    static final int PAGE_SIZE = 25;
    static final ZoneId ZONE = ZoneId.of("Asia/Seoul");
    /** A senior who told the kiosk they were in pain or dizzy this recently is an alert: staff should ask. */
    static final Duration UNWELL_RECENT = Duration.ofDays(7);
    private static final java.time.format.DateTimeFormatter UNWELL_DAY = java.time.format.DateTimeFormatter.ofPattern("M월 d일");

    private final MemberDirectory members;
    private final Evaluator evaluator;
    private final JdbcClient jdbc;
    private final Clock clock;
    /** Not seen at the kiosk for this long is an absence: the alert inbox's rule ({@code SSC_ALERT_ABSENCE_DAYS}). */
    private final int absenceDays;

    SiteOverview(MemberDirectory members, Evaluator evaluator, JdbcClient jdbc, Clock clock,
            @org.springframework.beans.factory.annotation.Value("${ssc.alert.absence-days}") int absenceDays) {
        this.members = members;
        this.evaluator = evaluator;
        this.jdbc = jdbc;
        this.clock = clock;
        this.absenceDays = absenceDays;
    }

    enum Sort { NAME, VISIT, TEST }

    /** One component's grade as shown: status in Korean, a trend arrow. */
    record Cell(String status, String css, String arrow, String trend) {
    }

    record Row(Senior senior, int age, LocalDate lastVisit, LocalDate lastTest, List<Cell> cells, List<String> alerts) {
    }

    record Page(List<Row> rows, int page, int pages, int total, String query, Sort sort) {
    }

    Page page(String siteId, String query, Sort sort, int page) {
        Map<String, long[]> visits = visits(siteId);
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        List<Senior> all = new ArrayList<>(members.atSite(siteId).stream()
                .filter(s -> q.isEmpty() || s.displayName().toLowerCase(Locale.ROOT).contains(q)
                        || s.id().toLowerCase(Locale.ROOT).contains(q))
                .toList());
        Comparator<Senior> byName = Comparator.comparing(Senior::displayName).thenComparing(Senior::id);
        all.sort(switch (sort) {
            case NAME -> byName;
            case VISIT -> Comparator.comparingLong((Senior s) -> visits.getOrDefault(s.id(), new long[3])[0]).thenComparing(byName);
            case TEST -> Comparator.comparingLong((Senior s) -> visits.getOrDefault(s.id(), new long[3])[1]).thenComparing(byName);
        });
        int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.max(1, Math.min(page, pages));
        List<Row> rows = all.subList((current - 1) * PAGE_SIZE, Math.min(all.size(), current * PAGE_SIZE)).stream()
                .map(s -> row(s, visits.getOrDefault(s.id(), new long[3])))
                .toList();
        return new Page(rows, current, pages, all.size(), query == null ? "" : query.strip(), sort);
    }

    /**
     * Each senior's last record, last test and last "unwell" answer of the past {@link #UNWELL_RECENT}
     * (epoch ms, 0 for none), by member id: three index lookups per senior
     * ({@code measurement_member_taken}, {@code measurement_member_kind_taken}) rather than reading
     * every record of the site (500 seniors with 3 years each are 330,000 rows). Every page of a site
     * needs all of them (to sort and count), so a site's map is kept until a result of one of its
     * seniors is stored ({@link MeasurementsStored}), a registration changes ({@link MembersChanged})
     * or {@link #VISITS_FOR} passed: ten staff paging a large site then share one query
     * (docs/benchmarks.md, 2026-12-05, decision 0035).
     */
    Map<String, long[]> visits(String siteId) {
        Instant now = clock.instant();
        Visits known = visits.get(siteId);
        if (known != null && known.at().isAfter(now.minus(VISITS_FOR))) {
            return known.byMember();
        }
        long version = changes.get(); // a change announced while reading makes this read unfit to keep
        Map<String, long[]> byMember = new HashMap<>();
        jdbc.sql("""
                SELECT m.id,
                       (SELECT MAX(ms.taken_at_ms) FROM measurement ms WHERE ms.member_id = m.id) AS last_any,
                       (SELECT MAX(ms.taken_at_ms) FROM measurement ms
                        WHERE ms.member_id = m.id AND ms.kind = 'test') AS last_test,
                       (SELECT MAX(ms.taken_at_ms) FROM measurement ms
                        WHERE ms.member_id = m.id AND ms.kind = 'check' AND ms.taken_at_ms >= ?
                          AND ms.code = 'UNWELL_TODAY') AS last_unwell
                FROM member m WHERE m.site_id = ? AND m.anonymised = 0""")
                // only a recent answer is shown: bounding it keeps the lookup to the last days' checks
                // (an effort answer follows every exercise session) instead of three years of them
                .params(now.minus(UNWELL_RECENT).toEpochMilli(), siteId)
                .query(rs -> {
                    byMember.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                });
        Map<String, long[]> read = Map.copyOf(byMember);
        if (changes.get() == version) {
            visits.put(siteId, new Visits(now, read));
        }
        return read;
    }

    /** A site's {@link #visits}, read at {@code at}. */
    private record Visits(Instant at, Map<String, long[]> byMember) {
    }

    /**
     * How long a site's visits are reused without an announced change: the events cover the kiosks'
     * results, registrations and withdrawals; this bounds what a change made another way (a database
     * restore, an import that announces nothing) can leave unseen.
     */
    static final Duration VISITS_FOR = Duration.ofMinutes(2);
    private final Map<String, Visits> visits = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();

    /**
     * What a row shows of a senior's evaluation (grades, trends, decline and fall-risk chips), kept for
     * {@link #REUSE_FOR} or until the senior's records, screening or registration change: a page of
     * 25 is then 25 look-ups, not 25 evaluations of three years of records each (about 2-3 ms each),
     * so ten staff paging at once stay fast (docs/benchmarks.md). Absence and unwell chips are never
     * kept: they come from the visit query of each request.
     */
    private record Evaluated(Instant at, Senior senior, int age, List<Cell> cells, List<String> alerts) {
    }

    /** How long an evaluated row is reused without a change (an evaluation also moves with time). */
    static final Duration REUSE_FOR = Duration.ofMinutes(10);
    private final Map<String, Evaluated> evaluated = new ConcurrentHashMap<>();

    @EventListener
    void measurementsStored(MeasurementsStored event) {
        changes.incrementAndGet();
        event.memberIds().forEach(evaluated::remove);
        visits.values().removeIf(site -> event.memberIds().stream().anyMatch(site.byMember()::containsKey));
    }

    @EventListener
    void screeningRecorded(ScreeningRecorded event) {
        evaluated.remove(event.memberId());
    }

    @EventListener
    void membersChanged(MembersChanged event) {
        changes.incrementAndGet();
        visits.clear(); // a senior registered, moved or withdrawn: at most two sites, but rare enough to drop all
        evaluated.clear(); // a registration changed (birth year, sex, site): rare, and cheap to rebuild
    }

    private Evaluated evaluated(Senior senior) {
        Instant now = clock.instant();
        Evaluated known = evaluated.get(senior.id());
        if (known != null && known.senior().equals(senior) && known.at().isAfter(now.minus(REUSE_FOR))) {
            return known;
        }
        Evaluated fresh = evaluate(senior, now);
        evaluated.put(senior.id(), fresh);
        return fresh;
    }

    private Row row(Senior senior, long[] visit) {
        Evaluated e = evaluated(senior);
        List<String> alerts = new ArrayList<>(e.alerts());
        Instant now = clock.instant();
        if (visit[2] != 0 && !Instant.ofEpochMilli(visit[2]).isBefore(now.minus(UNWELL_RECENT))) {
            alerts.add(0, "몸 불편 응답 " + UNWELL_DAY.format(Instant.ofEpochMilli(visit[2]).atZone(ZONE)));
        }
        String absence = absence(visit[0], now, absenceDays);
        if (absence != null) {
            alerts.add(absence);
        }
        return new Row(senior, e.age(), date(visit[0]), date(visit[1]), e.cells(), alerts);
    }

    /**
     * The absence chip: "방문 기록 없음" for a senior who never came, "14일 이상 결석" once the last record
     * is {@code absenceDays} days old — the moment the alert inbox raises its absence alert
     * ({@code alert.AlertRules}: last + days is not after now), so staff see one rule; else null.
     */
    static String absence(long lastVisitMs, Instant now, int absenceDays) {
        if (lastVisitMs == 0) {
            return "방문 기록 없음";
        }
        return Instant.ofEpochMilli(lastVisitMs).plus(Duration.ofDays(absenceDays)).isAfter(now) ? null
                : absenceDays + "일 이상 결석";
    }

    private Evaluated evaluate(Senior senior, Instant at) {
        Evaluation evaluation = evaluator.evaluate(senior);
        List<Cell> cells = new ArrayList<>();
        List<String> alerts = new ArrayList<>();
        for (FitnessComponent component : FitnessComponent.values()) {
            Evaluation.ComponentSummary summary = evaluation.component(component);
            cells.add(cell(summary.status(), summary.trend()));
            if (summary.trend() == TrendDirection.DECLINED) {
                alerts.add(component.korean() + " 저하");
            }
        }
        if (evaluation.fallRisk().level() == FallRiskLevel.HIGH) {
            alerts.add(0, "낙상 위험 높음");
        } else if (evaluation.fallRisk().level() == FallRiskLevel.ELEVATED) {
            alerts.add(0, "낙상 위험");
        }
        return new Evaluated(at, senior, evaluation.age(), List.copyOf(cells), List.copyOf(alerts));
    }

    static Cell cell(ComponentStatus status, TrendDirection trend) {
        String text = switch (status) {
            case NO_DATA -> "기록 없음";
            case NEEDS_WORK -> "노력 필요";
            case OK -> "보통";
            case GOOD -> "좋음";
        };
        String arrow = trend == null ? "" : switch (trend) {
            case IMPROVED, INCREASED -> "▲";
            case DECLINED, DECREASED -> "▼";
            case STABLE -> "■";
            default -> "";
        };
        String trendText = trend == null ? "" : switch (trend) {
            case IMPROVED -> "좋아짐";
            case DECLINED -> "나빠짐";
            case STABLE -> "유지";
            case INCREASED -> "늘어남";
            case DECREASED -> "줄어듦";
            case FIRST -> "첫 측정";
            case NOT_ASSESSED -> "";
        };
        return new Cell(text, "status-" + status.name().toLowerCase(Locale.ROOT), arrow, trendText);
    }

    private static LocalDate date(long ms) {
        return ms == 0 ? null : Instant.ofEpochMilli(ms).atZone(ZONE).toLocalDate();
    }
}
