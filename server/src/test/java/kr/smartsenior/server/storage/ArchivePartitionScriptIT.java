package kr.smartsenior.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import kr.smartsenior.server.config.DataSources;
import kr.smartsenior.server.testsupport.RequiredServices;
import kr.smartsenior.server.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.simple.JdbcClient;

/** scripts/archive-partition.sh against a real PostgreSQL (decision 0038, docs/operations.md). */
@Timeout(120)
class ArchivePartitionScriptIT {

    private static final Path SCRIPT = Path.of("..", "scripts", "archive-partition.sh");

    @Test
    void archivesTheOldestMonthWithoutItsAnonymousResultsAndMeasurementBeforeTakesItsRange() throws Exception {
        Path archive = Files.createTempDirectory("ssc-archive-");
        try (RequiredServices.PostgresSchema schema = RequiredServices.freshPostgresSchema();
                HikariDataSource pool = DataSources.postgres(schema.jdbcUrl(), null, null)) {
            migrateBefore45(pool);
            JdbcClient jdbc = JdbcClient.create(pool);
            jdbc.sql("INSERT INTO site (id, name, created_at) VALUES ('s1', '경로당', '2021-01-01T00:00:00Z')").update();
            jdbc.sql("INSERT INTO member (id, site_id, display_name, birth_year, sex, created_at, anonymised)"
                    + " VALUES ('M1', 's1', '이름', 1950, 'F', '2021-01-01T00:00:00Z', 0),"
                    + " ('A1', 's1', '', 1940, 'M', '1940-01-01T00:00:00Z', 1)").update();
            OffsetDateTime march = OffsetDateTime.of(2021, 3, 10, 1, 0, 0, 0, ZoneOffset.UTC);
            insert(jdbc, "M1", march);
            insert(jdbc, "M1", march.plusDays(7));
            insert(jdbc, "A1", march.plusDays(8)); // anonymous: deleted, never archived
            insert(jdbc, "M1", march.plusMonths(1));
            insert(jdbc, "M1", OffsetDateTime.now(ZoneOffset.UTC));
            Flyway.configure().dataSource(pool).locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                    .load().migrate();

            Result notOldest = run(schema.name(), "2021_04", archive);
            Result done = run(schema.name(), "2021_03", archive);

            assertThat(notOldest.exit()).as(notOldest.output()).isEqualTo(1);
            assertThat(notOldest.output()).contains("not the oldest month");
            assertThat(done.exit()).as(done.output()).isZero();
            assertThat(done.output()).contains("1 anonymous results deleted, 2 archived");
            List<Path> files;
            try (var listing = Files.list(archive)) {
                files = listing.toList();
            }
            assertThat(files).singleElement().asString().contains("measurement_2021_03-");
            assertThat(jdbc.sql("SELECT to_regclass('measurement_2021_03') IS NULL").query(Boolean.class).single()).isTrue();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM measurement").query(Long.class).single()).isEqualTo(2);
            long aprilFirst = OffsetDateTime.of(2021, 4, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant().toEpochMilli();
            assertThat(jdbc.sql("SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE relname = 'measurement_before'"
                    + " AND relnamespace = current_schema()::regnamespace").query(String.class).single())
                    .contains("TO ('" + aprilFirst + "')");
            // a late record of the archived month is still stored, in measurement_before
            String late = insert(jdbc, "M1", march.plusDays(1));
            assertThat(jdbc.sql("SELECT tableoid::regclass::text FROM measurement WHERE id = ?").param(late)
                    .query(String.class).single()).isEqualTo("measurement_before");
        } finally {
            TestDatabase.deleteTree(archive);
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result run(String schema, String month, Path archive) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString(), "postgresql://postgres@127.0.0.1:5432/test",
                month, archive.toString()).redirectErrorStream(true);
        builder.environment().put("SSC_DB_SCHEMA", schema);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static void migrateBefore45(HikariDataSource pool) {
        Flyway shared = Flyway.configure().dataSource(pool).locations("classpath:db/migration").load();
        MigrationVersion v45 = MigrationVersion.fromVersion("45");
        String before = java.util.Arrays.stream(shared.info().all()).map(m -> m.getVersion())
                .filter(v -> !v.isNewerThan(v45) && !v.equals(v45))
                .max(java.util.Comparator.naturalOrder()).orElseThrow().getVersion();
        Flyway.configure().dataSource(pool).locations("classpath:db/migration").target(before).load().migrate();
    }

    private static String insert(JdbcClient jdbc, String memberId, OffsetDateTime at) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO measurement (id, member_id, site_id, device_id, batch_id, kind, code, value, unit,
                                         taken_at, taken_at_ms, detail, received_at_ms)
                VALUES (?, ?, 's1', 'kiosk-1', 'b1', 'test', 'GRIP_STRENGTH', 20, 'kg', ?, ?, '{}', ?)""")
                .params(id, memberId, at.toString(), at.toInstant().toEpochMilli(), at.toInstant().toEpochMilli())
                .update();
        return id;
    }
}
