package kr.smartsenior.server.report;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.server.alert.AlertHandling;
import kr.smartsenior.server.fitness.SmallestRealChange;
import kr.smartsenior.server.site.SiteRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads what a {@link QuarterlyReport} counts (portable SQL: SQLite and PostgreSQL) and computes it. */
@Component
final class QuarterlyReports {

    /** Korea has kept +09:00 all year since 1988, so a Korean day is a fixed offset from UTC. */
    private static final long KST_OFFSET_MS = 9 * 3_600_000L;

    private final JdbcClient jdbc;
    private final SiteRepository siteRepository;
    private final AlertHandling alerts;
    private final SmallestRealChange smallestRealChange;
    private final Clock clock;

    QuarterlyReports(JdbcClient jdbc, SiteRepository siteRepository, AlertHandling alerts,
            SmallestRealChange smallestRealChange, Clock clock) {
        this.jdbc = jdbc;
        this.siteRepository = siteRepository;
        this.alerts = alerts;
        this.smallestRealChange = smallestRealChange;
        this.clock = clock;
    }

    QuarterlyReport compute(Quarter quarter) {
        long start = quarter.start().toEpochMilli();
        long end = quarter.end().toEpochMilli();
        List<QuarterlyReport.SiteName> sites = siteRepository.all().stream()
                .map(s -> new QuarterlyReport.SiteName(s.id(), s.name())).toList();
        List<QuarterlyReport.Registration> registrations = new ArrayList<>();
        jdbc.sql("SELECT site_id, created_at FROM member WHERE anonymised = 0").query(rs -> {
            registrations.add(new QuarterlyReport.Registration(rs.getString(1), instant(rs.getString(2))));
        });
        List<QuarterlyReport.Visit> visits = jdbc.sql("""
                SELECT DISTINCT site_id, member_id, (taken_at_ms + ?) / 86400000 FROM measurement
                WHERE taken_at_ms >= ? AND taken_at_ms < ?""")
                .params(KST_OFFSET_MS, start, end)
                .query((rs, n) -> new QuarterlyReport.Visit(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
        List<String> codes = QuarterlyReport.TESTS.stream().map(MeasurementCode::name).toList();
        List<Object> params = new ArrayList<>(List.of(quarter.previous().start().toEpochMilli(), end));
        params.addAll(codes);
        List<QuarterlyReport.Result> results = jdbc.sql("""
                SELECT m.site_id, r.member_id, r.code, r.taken_at_ms, r.value FROM measurement r
                JOIN member m ON m.id = r.member_id
                WHERE r.kind = 'test' AND r.taken_at_ms >= ? AND r.taken_at_ms < ? AND r.code IN ("""
                + "?, ".repeat(codes.size() - 1) + "?)")
                .params(params)
                .query((rs, n) -> new QuarterlyReport.Result(rs.getString(1), rs.getString(2),
                        MeasurementCode.valueOf(rs.getString(3)), Instant.ofEpochMilli(rs.getLong(4)), rs.getDouble(5)))
                .list();
        Map<MeasurementCode, Double> thresholds = new HashMap<>();
        for (MeasurementCode code : QuarterlyReport.TESTS) {
            smallestRealChange.of(code).ifPresent(t -> thresholds.put(code, t.value()));
        }
        return QuarterlyReport.compute(quarter, clock.instant(), sites, registrations, visits, results,
                alerts.asOf(quarter.end()), thresholds);
    }

    /** A member's {@code created_at} (ISO with offset, as the registry writes it); unreadable: long ago. */
    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException | NullPointerException e2) {
                return Instant.EPOCH;
            }
        }
    }
}
