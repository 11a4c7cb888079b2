package kr.smartsenior.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import kr.smartsenior.server.config.DataSources;
import kr.smartsenior.server.testsupport.RequiredServices;
import kr.smartsenior.server.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Measurement's monthly partitions on PostgreSQL (decision 0038): the migration and the worker that keeps them. */
@Timeout(120)
class MeasurementPartitionsIT {

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'measurement_'yyyy_MM");

    @Test
    void theMigrationMovesStoredRecordsIntoMonthsAndKeepsTheIndexesAndKeys() {
        try (RequiredServices.PostgresSchema schema = RequiredServices.freshPostgresSchema();
                HikariDataSource pool = DataSources.postgres(schema.jdbcUrl(), null, null)) {
            // the shared migrations before V45, as a database had them before this one
            Flyway shared = Flyway.configure().dataSource(pool).locations("classpath:db/migration").load();
            org.flywaydb.core.api.MigrationVersion v45 = org.flywaydb.core.api.MigrationVersion.fromVersion("45");
            String before = java.util.Arrays.stream(shared.info().all()).map(m -> m.getVersion())
                    .filter(v -> !v.isNewerThan(v45) && !v.equals(v45))
                    .max(java.util.Comparator.naturalOrder()).orElseThrow().getVersion();
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").target(before).load().migrate();
            JdbcClient jdbc = JdbcClient.create(pool);
            seed(jdbc);
            OffsetDateTime old = OffsetDateTime.of(2024, 3, 31, 23, 30, 0, 0, ZoneOffset.UTC); // 1 April in Seoul
            String oldId = insert(jdbc, old);
            String nowId = insert(jdbc, OffsetDateTime.now(ZoneOffset.UTC));

            Flyway.configure().dataSource(pool).locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                    .load().migrate();

            assertThat(jdbc.sql("SELECT relkind FROM pg_class WHERE oid = 'measurement'::regclass").query(String.class)
                    .single()).isEqualTo("p");
            YearMonth thisMonth = YearMonth.now(ZoneOffset.UTC);
            List<String> expected = new ArrayList<>(List.of("measurement_before", "measurement_after"));
            for (YearMonth m = YearMonth.of(2024, 3); !m.isAfter(thisMonth.plusMonths(3)); m = m.plusMonths(1)) {
                expected.add(NAME.format(m));
            }
            assertThat(partitions(jdbc)).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(partitionOf(jdbc, oldId)).isEqualTo("measurement_2024_03"); // months are UTC months
            assertThat(partitionOf(jdbc, nowId)).isEqualTo(NAME.format(thisMonth));
            assertThat(jdbc.sql("SELECT indexdef FROM pg_indexes WHERE tablename = 'measurement' AND schemaname = ?")
                    .param(schema.name()).query(String.class).list())
                    .anySatisfy(d -> assertThat(d).contains("measurement_pkey").contains("(id, taken_at_ms)"))
                    .anySatisfy(d -> assertThat(d).contains("measurement_member_taken").contains("(member_id, taken_at_ms)"))
                    .anySatisfy(d -> assertThat(d).contains("measurement_taken ").contains("(taken_at_ms)"))
                    .anySatisfy(d -> assertThat(d).contains("measurement_member_kind_taken"))
                    .anySatisfy(d -> assertThat(d).contains("measurement_hand_reference").contains("WHERE"))
                    .hasSize(5);
            assertThat(jdbc.sql("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'measurement'::regclass"
                    + " AND contype = 'f'").query(String.class).list())
                    .singleElement().asString().contains("(member_id) REFERENCES").contains("member(id)");
            // the member key still holds on every partition
            assertThat(countRefused(jdbc, () -> insertFor(jdbc, "NOBODY", OffsetDateTime.now(ZoneOffset.UTC)))).isTrue();
        }
    }

    @Test
    void monthsAheadAreSplitOffTheLaterCatchAllOnceAndAPassIsIdempotent() {
        try (TestDatabase db = TestDatabase.postgres()) {
            YearMonth thisMonth = YearMonth.now(ZoneOffset.UTC);
            YearMonth later = thisMonth.plusMonths(7); // the server was not running for months
            MeasurementPartitions keeper = keeper(db.dataSource(), later, 3);
            assertThat(keeper.applies()).isTrue();

            MeasurementPartitions.Pass first = keeper.keepAhead();
            MeasurementPartitions.Pass second = keeper.keepAhead();

            assertThat(first.created()).containsExactlyElementsOf(months(thisMonth.plusMonths(4), later.plusMonths(3)));
            assertThat(second.created()).isEmpty();
            JdbcClient jdbc = JdbcClient.create(db.dataSource());
            assertThat(partitions(jdbc)).containsAll(months(thisMonth, later.plusMonths(3)))
                    .contains("measurement_before", "measurement_after");
            assertThat(jdbc.sql("SELECT pg_get_expr(c.relpartbound, c.oid) FROM pg_class c WHERE relname = 'measurement_after'")
                    .query(String.class).single()).contains(Long.toString(later.plusMonths(4).atDay(1).atStartOfDay()
                    .toInstant(ZoneOffset.UTC).toEpochMilli()));
        }
    }

    @Test
    void recordsOutsideTheMonthsAreKeptAndMoveIntoTheirMonthWhenItIsMade() {
        try (TestDatabase db = TestDatabase.postgres()) {
            JdbcClient jdbc = JdbcClient.create(db.dataSource());
            seed(jdbc);
            YearMonth thisMonth = YearMonth.now(ZoneOffset.UTC);
            String early = insert(jdbc, OffsetDateTime.of(2022, 7, 14, 10, 0, 0, 0, ZoneOffset.ofHours(9)));
            OffsetDateTime ahead = thisMonth.plusMonths(9).atDay(2).atTime(10, 0).atOffset(ZoneOffset.UTC);
            String far = insert(jdbc, ahead); // a clock far ahead
            assertThat(partitionOf(jdbc, early)).isEqualTo("measurement_before");
            assertThat(partitionOf(jdbc, far)).isEqualTo("measurement_after");

            MeasurementPartitions.Pass pass = keeper(db.dataSource(), thisMonth.plusMonths(7), 3).keepAhead();

            assertThat(pass.moved()).isEqualTo(1);
            assertThat(partitionOf(jdbc, far)).isEqualTo(NAME.format(thisMonth.plusMonths(9)));
            assertThat(partitionOf(jdbc, early)).isEqualTo("measurement_before");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM measurement").query(Long.class).single()).isEqualTo(2);
            // a partition made by the worker has the table's indexes and the member key
            assertThat(jdbc.sql("SELECT COUNT(*) FROM pg_indexes WHERE tablename = ?")
                    .param(NAME.format(thisMonth.plusMonths(9))).query(Long.class).single()).isEqualTo(5);
            assertThat(countRefused(jdbc, () -> insertFor(jdbc, "NOBODY", ahead.plusHours(1)))).isTrue();
        }
    }

    @Test
    void aMonthDroppedInTheMiddleIsFilledAgainSoNoRecordIsRefused() {
        try (TestDatabase db = TestDatabase.postgres()) {
            JdbcClient jdbc = JdbcClient.create(db.dataSource());
            seed(jdbc);
            YearMonth next = YearMonth.now(ZoneOffset.UTC).plusMonths(1);
            jdbc.sql("ALTER TABLE measurement DETACH PARTITION " + NAME.format(next)).update();
            jdbc.sql("DROP TABLE " + NAME.format(next)).update();
            OffsetDateTime inHole = next.atDay(5).atTime(9, 0).atOffset(ZoneOffset.UTC);
            assertThat(countRefused(jdbc, () -> insert(jdbc, inHole))).isTrue();

            MeasurementPartitions.Pass pass = keeper(db.dataSource(), YearMonth.now(ZoneOffset.UTC), 3).keepAhead();

            assertThat(pass.created()).singleElement().asString().startsWith("measurement_from_");
            assertThat(partitionOf(jdbc, insert(jdbc, inHole))).isEqualTo(pass.created().getFirst());
        }
    }

    @Test
    void twoServersAtOnceMakeEachMonthOnce() throws Exception {
        try (TestDatabase db = TestDatabase.postgres();
                HikariDataSource other = DataSources.postgres(db.jdbcUrl(), null, null)) {
            YearMonth later = YearMonth.now(ZoneOffset.UTC).plusMonths(20);
            MeasurementPartitions one = keeper(db.dataSource(), later, 6);
            MeasurementPartitions two = keeper(other, later, 6);
            CountDownLatch go = new CountDownLatch(1);

            CompletableFuture<MeasurementPartitions.Pass> a = CompletableFuture.supplyAsync(() -> await(go, one));
            CompletableFuture<MeasurementPartitions.Pass> b = CompletableFuture.supplyAsync(() -> await(go, two));
            go.countDown();

            List<String> created = new ArrayList<>(a.get().created());
            created.addAll(b.get().created());
            assertThat(created).containsExactlyInAnyOrderElementsOf(
                    months(YearMonth.now(ZoneOffset.UTC).plusMonths(4), later.plusMonths(6)));
        }
    }

    @Test
    void onSqliteThereIsNothingToKeep() {
        try (TestDatabase db = TestDatabase.sqlite()) {
            assertThat(keeper(db.dataSource(), YearMonth.now(ZoneOffset.UTC), 3).applies()).isFalse();
            assertThat(JdbcClient.create(db.dataSource()).sql("SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'measurement%'"
                    + " AND type = 'table'").query(Long.class).single()).isEqualTo(1);
        }
    }

    private static List<String> months(YearMonth first, YearMonth last) {
        List<String> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(NAME.format(m));
        }
        return months;
    }

    private static MeasurementPartitions.Pass await(CountDownLatch go, MeasurementPartitions keeper) {
        try {
            go.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return keeper.keepAhead();
    }

    private static MeasurementPartitions keeper(DataSource dataSource, YearMonth month, int ahead) {
        Instant at = month.atDay(12).atTime(3, 0).toInstant(ZoneOffset.UTC);
        return new MeasurementPartitions(new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), Clock.fixed(at, ZoneOffset.UTC),
                ahead);
    }

    private static List<String> partitions(JdbcClient jdbc) {
        return jdbc.sql("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                + " WHERE i.inhparent = 'measurement'::regclass").query(String.class).list();
    }

    private static String partitionOf(JdbcClient jdbc, String id) {
        return jdbc.sql("SELECT tableoid::regclass::text FROM measurement WHERE id = ?").param(id).query(String.class)
                .single();
    }

    private static void seed(JdbcClient jdbc) {
        jdbc.sql("INSERT INTO site (id, name, created_at) VALUES ('s1', '경로당', '2024-01-01T00:00:00Z')").update();
        jdbc.sql("INSERT INTO member (id, site_id, display_name, birth_year, sex, created_at)"
                + " VALUES ('M1', 's1', '이름', 1950, 'F', '2024-01-01T00:00:00Z')").update();
    }

    private static String insert(JdbcClient jdbc, OffsetDateTime at) {
        return insertFor(jdbc, "M1", at);
    }

    private static String insertFor(JdbcClient jdbc, String memberId, OffsetDateTime at) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO measurement (id, member_id, site_id, device_id, batch_id, kind, code, value, unit,
                                         taken_at, taken_at_ms, detail, received_at_ms)
                VALUES (?, ?, 's1', 'kiosk-1', 'b1', 'test', 'GRIP_STRENGTH', 20, 'kg', ?, ?, '{}', ?)""")
                .params(id, memberId, at.toString(), at.toInstant().toEpochMilli(), at.toInstant().toEpochMilli())
                .update();
        return id;
    }

    private static boolean countRefused(JdbcClient jdbc, Runnable insert) {
        try {
            insert.run();
            return false;
        } catch (org.springframework.dao.DataIntegrityViolationException refused) {
            return true;
        }
    }
}
