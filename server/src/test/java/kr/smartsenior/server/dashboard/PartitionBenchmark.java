package kr.smartsenior.server.dashboard;

import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import kr.smartsenior.server.config.DataSources;
import kr.smartsenior.server.testsupport.RequiredServices;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Not a test (its name matches neither Surefire's nor Failsafe's patterns): the benchmark behind
 * {@code scripts/bench-partition.sh} (decision 0038). Two PostgreSQL schemas get the same district
 * from {@link DashboardBenchmark}'s generator (SSC_BENCH_SENIORS seniors, default 1000, half in one
 * site and the rest in sites of 50, SSC_BENCH_YEARS years, default 3), one with the plain
 * {@code measurement} of the shared migrations, the other then migrated by V45 (timed: the copy into
 * monthly partitions). Then, in one run and interleaved (plain, partitioned, in turn), the
 * measurement queries of the pages (their SQL as in the classes named) and the ingest's insert,
 * SSC_BENCH_ROUNDS rounds (default 30); medians and ratios go to target/bench-partition.txt.
 */
class PartitionBenchmark {

    private static final String INSERT = """
            INSERT INTO measurement (id, member_id, site_id, device_id, batch_id, kind, code, value, unit,
                                     taken_at, taken_at_ms, detail, received_at_ms)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";
    /** The same insert through a global id table (an option decision 0038 measured and left out). */
    private static final String INSERT_WITH_ID_TABLE = """
            WITH fresh AS (INSERT INTO measurement_id (id) VALUES (?) ON CONFLICT DO NOTHING RETURNING id)
            INSERT INTO measurement (id, member_id, site_id, device_id, batch_id, kind, code, value, unit,
                                     taken_at, taken_at_ms, detail, received_at_ms)
            SELECT fresh.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM fresh""";
    private static final int BATCH = 100;

    @Test
    void run() throws Exception {
        int seniors = setting("SSC_BENCH_SENIORS", 1000);
        int years = setting("SSC_BENCH_YEARS", 3);
        int rounds = setting("SSC_BENCH_ROUNDS", 30);
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).strip();
        try (RequiredServices.PostgresSchema plainSchema = RequiredServices.freshPostgresSchema();
                RequiredServices.PostgresSchema partSchema = RequiredServices.freshPostgresSchema();
                HikariDataSource plain = DataSources.postgres(plainSchema.jdbcUrl() + "&reWriteBatchedInserts=true",
                        null, null);
                HikariDataSource part = DataSources.postgres(partSchema.jdbcUrl() + "&reWriteBatchedInserts=true",
                        null, null);
                // the ingest through pools as the server makes them (no rewriting of batches)
                HikariDataSource plainIngest = DataSources.postgres(plainSchema.jdbcUrl(), null, null);
                HikariDataSource partIngest = DataSources.postgres(partSchema.jdbcUrl(), null, null)) {
            sharedMigrations(plain);
            sharedMigrations(part);
            long started = System.nanoTime();
            Seeded seeded = seed(plain, seniors, years);
            seed(part, seniors, years);
            double seedSeconds = (System.nanoTime() - started) / 1e9;
            started = System.nanoTime();
            Flyway.configure().dataSource(part).locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                    .load().migrate();
            double migrateSeconds = (System.nanoTime() - started) / 1e9;
            JdbcClient p = JdbcClient.create(plain);
            JdbcClient q = JdbcClient.create(part);
            p.sql("ANALYZE").update();
            q.sql("ANALYZE").update();
            long records = p.sql("SELECT COUNT(*) FROM measurement").query(Long.class).single();
            int partitions = q.sql("SELECT COUNT(*) FROM pg_inherits WHERE inhparent = 'measurement'::regclass")
                    .query(Integer.class).single();

            long now = System.currentTimeMillis();
            String big = seeded.sites().getFirst();
            String small = seeded.sites().get(1);
            Random pick = new Random(7);
            Map<String, Consumer<JdbcClient>> queries = new LinkedHashMap<>();
            queries.put("site overview, large site (SiteOverview: 3 MAX per senior)", j -> siteOverview(j, big, now));
            queries.put("site overview, site of 50", j -> siteOverview(j, small, now));
            queries.put("site overview, large site, unwell lookup not bounded (before)", j -> siteOverview(j, big, 0));
            queries.put("senior page: all records of a senior (MeasurementHistory)", j -> j.sql("""
                    SELECT kind, code, value, taken_at, detail FROM measurement
                    WHERE member_id = ? ORDER BY taken_at_ms, id""")
                    .param(seeded.members().get(pick.nextInt(seeded.members().size()))).query().listOfRows());
            queries.put("district: seniors active in 4 weeks (DistrictView)", j -> j.sql("""
                    SELECT m.site_id, COUNT(DISTINCT r.member_id) FROM measurement r JOIN member m ON m.id = r.member_id
                    WHERE r.taken_at_ms >= ? AND m.anonymised = 0 GROUP BY m.site_id""")
                    .param(now - Duration.ofDays(28).toMillis()).query().listOfRows());
            queries.put("district: first/latest test of 6 months (DistrictView)", j -> j.sql("""
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
                    GROUP BY site_id, code""").param(now - Duration.ofDays(183).toMillis()).query().listOfRows());
            queries.put("export: large site, one month (ResultExport)", j -> j.sql("""
                    SELECT m.id, m.display_name, m.birth_year, m.sex, r.taken_at_ms, r.kind, r.code, r.value, r.unit
                    FROM measurement r JOIN member m ON m.id = r.member_id
                    WHERE m.site_id = ? AND m.anonymised = 0 AND r.taken_at_ms >= ? AND r.taken_at_ms < ?
                    ORDER BY m.display_name, m.id, r.taken_at_ms, r.id""")
                    .params(big, now - Duration.ofDays(60).toMillis(), now - Duration.ofDays(30).toMillis())
                    .query().listOfRows());
            queries.put("alerts: a site's fall tests measured (AlertStore)", j -> j.sql(
                    "SELECT 1 FROM measurement WHERE site_id = ? AND code = ? LIMIT 1")
                    .params(small, "ONE_LEG_STANCE").query().listOfRows());

            Map<String, double[][]> times = new LinkedHashMap<>();
            queries.forEach((what, query) -> {
                query.accept(p); // warm-up
                query.accept(q);
                times.put(what, timeBoth(rounds, () -> query.accept(p), () -> query.accept(q)));
            });

            // the ingest: batches of BATCH new records now, each batch its own transaction
            q.sql("CREATE TABLE measurement_id (id VARCHAR(36) NOT NULL PRIMARY KEY)").update();
            q.sql("INSERT INTO measurement_id SELECT id FROM measurement").update();
            q.sql("ANALYZE measurement_id").update();
            Random ingest = new Random(3);
            insertBatch(plainIngest, INSERT, seeded, ingest); // warm-up
            insertBatch(partIngest, INSERT_WITH_ID_TABLE, seeded, ingest);
            double[][] inserts = timeBoth(rounds, () -> insertBatch(plainIngest, INSERT, seeded, ingest),
                    () -> insertBatch(partIngest, INSERT, seeded, ingest));
            double[][] withIds = timeBoth(rounds, () -> insertBatch(partIngest, INSERT, seeded, ingest),
                    () -> insertBatch(partIngest, INSERT_WITH_ID_TABLE, seeded, ingest));
            String loadAfter = Files.readString(Path.of("/proc/loadavg")).strip();

            StringBuilder report = new StringBuilder("""
                    PostgreSQL, %d seniors in %d sites, %d years, %d records; both schemas seeded in %.0f s
                    V45 on that data (copy into %d partitions, indexes, ANALYZE): %.1f s
                    load average before %s, after %s (2 cores shared with other work)
                    median of %d rounds, plain and partitioned in turn:
                    """.formatted(seniors, seeded.sites().size(), years, records, seedSeconds, partitions,
                    migrateSeconds, loadBefore, loadAfter, rounds));
            report.append("  %-62s %10s %12s %7s%n".formatted("query", "plain ms", "partitioned", "ratio"));
            times.forEach((what, t) -> report.append(line(what, t, "ms")));
            report.append(line("ingest: %d-record batch INSERT … ON CONFLICT DO NOTHING".formatted(BATCH), inserts, "ms"));
            report.append("  ingest rate: plain %.0f records/s, partitioned %.0f records/s%n".formatted(
                    BATCH * 1000 / median(inserts[0]), BATCH * 1000 / median(inserts[1])));
            report.append("  partitioned batch without / with a global measurement_id table: %.1f / %.1f ms (x%.2f)%n"
                    .formatted(median(withIds[0]), median(withIds[1]), median(withIds[1]) / median(withIds[0])));
            System.out.print(report);
            Files.writeString(Path.of("target", "bench-partition.txt"), report);
        }
    }

    private record Seeded(List<String> sites, List<String> members) {
    }

    private static void sharedMigrations(HikariDataSource pool) {
        Flyway shared = Flyway.configure().dataSource(pool).locations("classpath:db/migration").load();
        MigrationVersion v45 = MigrationVersion.fromVersion("45");
        String before = Arrays.stream(shared.info().all()).map(m -> m.getVersion())
                .filter(v -> !v.isNewerThan(v45) && !v.equals(v45))
                .max(java.util.Comparator.naturalOrder()).orElseThrow().getVersion();
        Flyway.configure().dataSource(pool).locations("classpath:db/migration").target(before).load().migrate();
    }

    /** Sites and seniors in SQL, their records by {@link DashboardBenchmark#history}, the same for the same seed. */
    private static Seeded seed(HikariDataSource pool, int seniors, int years) {
        JdbcTemplate jdbc = new JdbcTemplate(pool);
        Random random = new Random(42);
        List<String> sites = new ArrayList<>();
        List<String> members = new ArrayList<>();
        for (int s = 0; s < seniors; s++) {
            String site = s < seniors / 2 ? "bench-big" : "bench-" + ((s - seniors / 2) / 50 + 1);
            if (!sites.contains(site)) {
                sites.add(site);
                jdbc.update("INSERT INTO site (id, name, created_at) VALUES (?, ?, '2023-01-01T00:00:00Z')", site,
                        "경로당 " + sites.size());
            }
            String id = "B%06d".formatted(s);
            jdbc.update("INSERT INTO member (id, site_id, display_name, birth_year, sex, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, '2023-01-01T00:00:00Z')", id, site, "어르신" + s, 1930 + random.nextInt(30),
                    random.nextBoolean() ? "F" : "M");
            members.add(id);
            DashboardBenchmark.history(jdbc, site, id, years, random);
        }
        return new Seeded(sites, members);
    }

    /** SiteOverview's query; {@code now} 0: as it was before decision 0038 (the unwell lookup not bounded). */
    private static void siteOverview(JdbcClient jdbc, String siteId, long now) {
        jdbc.sql("""
                SELECT m.id,
                       (SELECT MAX(ms.taken_at_ms) FROM measurement ms WHERE ms.member_id = m.id) AS last_any,
                       (SELECT MAX(ms.taken_at_ms) FROM measurement ms
                        WHERE ms.member_id = m.id AND ms.kind = 'test') AS last_test,
                       (SELECT MAX(ms.taken_at_ms) FROM measurement ms
                        WHERE ms.member_id = m.id AND ms.kind = 'check' AND ms.code = 'UNWELL_TODAY'
                          AND ms.taken_at_ms >= ?) AS last_unwell
                FROM member m WHERE m.site_id = ? AND m.anonymised = 0""")
                .params(now == 0 ? 0 : now - Duration.ofDays(7).toMillis(), siteId).query().listOfRows();
    }

    private static void insertBatch(HikariDataSource pool, String sql, Seeded seeded, Random random) {
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(pool));
        JdbcTemplate jdbc = new JdbcTemplate(pool);
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.ofHours(9));
        String member = seeded.members().get(random.nextInt(seeded.members().size() / 2)); // the large site
        tx.executeWithoutResult(status -> jdbc.batchUpdate(sql, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                ps.setString(1, UUID.randomUUID().toString());
                ps.setString(2, member);
                ps.setString(3, "bench-big");
                ps.setString(4, "kiosk-1");
                ps.setString(5, "batch");
                ps.setString(6, "test");
                ps.setString(7, "GRIP_STRENGTH");
                ps.setBigDecimal(8, BigDecimal.valueOf(20 + i % 10));
                ps.setString(9, "kg");
                ps.setString(10, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.plusSeconds(i)));
                ps.setLong(11, at.plusSeconds(i).toInstant().toEpochMilli());
                ps.setString(12, "{\"hand\":\"left\"}");
                ps.setLong(13, System.currentTimeMillis());
            }

            @Override
            public int getBatchSize() {
                return BATCH;
            }
        }));
    }

    /** Rounds of a then b (b then a in every other round); the times of each, in ms. */
    private static double[][] timeBoth(int rounds, Runnable a, Runnable b) {
        double[][] ms = new double[2][rounds];
        for (int r = 0; r < rounds; r++) {
            boolean aFirst = r % 2 == 0;
            ms[aFirst ? 0 : 1][r] = time(aFirst ? a : b);
            ms[aFirst ? 1 : 0][r] = time(aFirst ? b : a);
        }
        return ms;
    }

    private static double time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e6;
    }

    private static String line(String what, double[][] t, String unit) {
        double a = median(t[0]);
        double b = median(t[1]);
        return "  %-62s %8.1f %s %9.1f %s   x%.2f%n".formatted(what, a, unit, b, unit, b / a);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static int setting(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }
}
