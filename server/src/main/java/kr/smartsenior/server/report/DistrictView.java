package kr.smartsenior.server.report;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.RecordKind;
import kr.smartsenior.server.fitness.Evaluator;
import kr.smartsenior.server.site.Site;
import kr.smartsenior.server.site.SiteRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The district at a glance, for admins: per site and per rollout wave, how many registered seniors
 * came in the last {@value #PARTICIPATION_WEEKS} weeks, and, per fitness test, the average change
 * between each senior's first and latest result of the last {@code months} months (seniors with at
 * least two results of that test). No names: counts and averages only.
 */
@Component
final class DistrictView {

    /** A senior "participates" with any record (test or exercise) in this many weeks. */
    static final int PARTICIPATION_WEEKS = 4;
    /** The months whose results the average change compares, unless asked otherwise. */
    static final int DEFAULT_CHANGE_MONTHS = 12;
    static final int MAX_CHANGE_MONTHS = 60;
    /** The tests shown (the fitness tests; height and weight are not a "change" to report). */
    static final List<MeasurementCode> TESTS = java.util.Arrays.stream(MeasurementCode.values())
            .filter(c -> c.kind() == RecordKind.TEST && Evaluator.better(c) != 0).toList();

    /** The average change of one test over some seniors; {@code better} 1 higher is better, -1 lower. */
    record Change(String code, String name, String unit, int better, int seniors, double averageChange) {

        /** Whether the average moved the good way (false also for no change). */
        public boolean improved() {
            return averageChange * better > 0;
        }
    }

    /** One site's or one wave's figures; {@code participation} is active / registered (0 when none). */
    record Figures(int registered, int active, double participation, List<Change> changes) {

        public Change change(String code) {
            return changes.stream().filter(c -> c.code().equals(code)).findFirst().orElse(null);
        }
    }

    record SiteFigures(String siteId, String name, Integer wave, Figures figures) {
    }

    /** {@code wave} is null for the sites without one. */
    record WaveFigures(Integer wave, int sites, Figures figures) {
    }

    record District(int participationWeeks, int changeMonths, List<SiteFigures> sites, List<WaveFigures> waves,
            Figures total) {
    }

    private final JdbcClient jdbc;
    private final SiteRepository siteRepository;
    private final Clock clock;

    DistrictView(JdbcClient jdbc, SiteRepository siteRepository, Clock clock) {
        this.jdbc = jdbc;
        this.siteRepository = siteRepository;
        this.clock = clock;
    }

    /** Sums per site of the seniors' changes, to be averaged per site, per wave and overall. */
    private record Sum(int seniors, double total) {
        Sum plus(Sum other) {
            return new Sum(seniors + other.seniors, total + other.total);
        }
    }

    District compute(int months) {
        long now = clock.millis();
        long activeSince = now - Duration.ofDays(7L * PARTICIPATION_WEEKS).toMillis();
        long changeSince = now - Duration.ofDays(Math.round(months * 30.4375)).toMillis();
        Map<String, Integer> registered = new HashMap<>();
        jdbc.sql("SELECT site_id, COUNT(*) FROM member WHERE anonymised = 0 GROUP BY site_id")
                .query(rs -> {
                    registered.put(rs.getString(1), rs.getInt(2));
                });
        Map<String, Integer> active = new HashMap<>();
        jdbc.sql("""
                SELECT m.site_id, COUNT(DISTINCT r.member_id) FROM measurement r JOIN member m ON m.id = r.member_id
                WHERE r.taken_at_ms >= ? AND m.anonymised = 0 GROUP BY m.site_id""")
                .param(activeSince)
                .query(rs -> {
                    active.put(rs.getString(1), rs.getInt(2));
                });
        // per site and test: how many seniors have 2+ results, and the sum of (latest - first)
        Map<String, Map<String, Sum>> sums = new HashMap<>();
        jdbc.sql("""
                SELECT site_id, code, COUNT(*), SUM(last_value - first_value) FROM (
                    SELECT site_id, member_id, code,
                           MAX(CASE WHEN n_asc = 1 THEN value END) AS first_value,
                           MAX(CASE WHEN n_desc = 1 THEN value END) AS last_value,
                           COUNT(*) AS results
                    FROM (
                        SELECT m.site_id, r.member_id, r.code, r.value,
                               ROW_NUMBER() OVER (PARTITION BY r.member_id, r.code ORDER BY r.taken_at_ms, r.id) AS n_asc,
                               ROW_NUMBER() OVER (PARTITION BY r.member_id, r.code ORDER BY r.taken_at_ms DESC, r.id DESC) AS n_desc
                        FROM measurement r JOIN member m ON m.id = r.member_id
                        WHERE r.kind = 'test' AND r.taken_at_ms >= ?
                    ) ranked
                    GROUP BY site_id, member_id, code
                ) per_senior
                WHERE results >= 2
                GROUP BY site_id, code""")
                .param(changeSince)
                .query(rs -> {
                    sums.computeIfAbsent(rs.getString(1), s -> new HashMap<>())
                            .put(rs.getString(2), new Sum(rs.getInt(3), rs.getDouble(4)));
                });

        List<SiteFigures> sites = new ArrayList<>();
        Map<Integer, List<Site>> byWave = new TreeMap<>(java.util.Comparator.nullsLast(Integer::compare));
        for (Site site : siteRepository.all()) {
            sites.add(new SiteFigures(site.id(), site.name(), site.wave(),
                    figures(List.of(site.id()), registered, active, sums)));
            byWave.computeIfAbsent(site.wave(), w -> new ArrayList<>()).add(site);
        }
        List<WaveFigures> waves = new ArrayList<>();
        byWave.forEach((wave, members) -> waves.add(new WaveFigures(wave, members.size(),
                figures(members.stream().map(Site::id).toList(), registered, active, sums))));
        Figures total = figures(sites.stream().map(SiteFigures::siteId).toList(), registered, active, sums);
        return new District(PARTICIPATION_WEEKS, months, sites, waves, total);
    }

    private static Figures figures(List<String> siteIds, Map<String, Integer> registered, Map<String, Integer> active,
            Map<String, Map<String, Sum>> sums) {
        int reg = siteIds.stream().mapToInt(id -> registered.getOrDefault(id, 0)).sum();
        int act = siteIds.stream().mapToInt(id -> active.getOrDefault(id, 0)).sum();
        Map<String, Sum> perTest = new LinkedHashMap<>();
        for (String id : siteIds) {
            sums.getOrDefault(id, Map.of()).forEach((code, sum) -> perTest.merge(code, sum, Sum::plus));
        }
        List<Change> changes = new ArrayList<>();
        for (MeasurementCode code : TESTS) {
            Sum sum = perTest.get(code.name());
            if (sum != null && sum.seniors() > 0) {
                changes.add(new Change(code.name(), code.koreanName(), code.unit().wireName(), Evaluator.better(code),
                        sum.seniors(), Math.round(sum.total() / sum.seniors() * 100) / 100.0));
            }
        }
        return new Figures(reg, act, reg == 0 ? 0 : Math.round(1000.0 * act / reg) / 1000.0, changes);
    }
}
