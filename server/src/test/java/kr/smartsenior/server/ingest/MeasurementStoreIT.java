package kr.smartsenior.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.server.testsupport.TestDatabase;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The ingest's SQL, the same on SQLite and PostgreSQL. */
@Timeout(60)
class MeasurementStoreIT {

    private static final String BOTH = "kr.smartsenior.server.testsupport.TestDatabase#both";

    @ParameterizedTest
    @MethodSource(BOTH)
    void storesEachIdOnceAndTellsDuplicatesApart(Supplier<TestDatabase> database) {
        try (TestDatabase db = database.get()) {
            MeasurementStore store = store(db);
            seed(db, "s1", "MEMBER0001");
            MeasurementRecord a = record("MEMBER0001", "12.50");
            MeasurementRecord b = record("MEMBER0001", "7");

            boolean[] first = insert(db, store, List.of(row(a), row(b), row(a)));
            boolean[] second = insert(db, store, List.of(row(b)));

            assertThat(first).containsExactly(true, true, false);
            assertThat(second).containsExactly(false);
            assertThat(JdbcClient.create(db.dataSource()).sql("SELECT COUNT(*) FROM measurement").query(Long.class)
                    .single()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void aRecordResentInAnotherBatchIsStoredOnceInWhicheverPartition(Supplier<TestDatabase> database) {
        try (TestDatabase db = database.get()) {
            MeasurementStore store = store(db);
            seed(db, "s1", "MEMBER0001");
            // on PostgreSQL: one in this month's partition, one older than every month (measurement_before)
            MeasurementRecord recent = at(record("MEMBER0001", "20"), OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5));
            MeasurementRecord old = at(record("MEMBER0001", "21"), OffsetDateTime.of(2021, 5, 3, 9, 0, 0, 0,
                    ZoneOffset.ofHours(9)));

            boolean[] first = insert(db, store, List.of(row(recent, "batch-1"), row(old, "batch-1")));
            boolean[] resent = insert(db, store, List.of(row(old, "batch-2"), row(recent, "batch-2")));

            assertThat(first).containsExactly(true, true);
            assertThat(resent).containsExactly(false, false);
            JdbcClient jdbc = JdbcClient.create(db.dataSource());
            assertThat(jdbc.sql("SELECT COUNT(*) FROM measurement").query(Long.class).single()).isEqualTo(2);
            assertThat(jdbc.sql("SELECT batch_id FROM measurement").query(String.class).list()).containsOnly("batch-1");
            if (db.kind().equals("postgresql")) {
                assertThat(jdbc.sql("SELECT tableoid::regclass::text FROM measurement WHERE id = ?")
                        .param(old.id().toString()).query(String.class).single()).isEqualTo("measurement_before");
                assertThat(jdbc.sql("SELECT tableoid::regclass::text FROM measurement WHERE id = ?")
                        .param(recent.id().toString()).query(String.class).single())
                        .isEqualTo("measurement_" + recent.takenAt().withOffsetSameInstant(ZoneOffset.UTC)
                                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy_MM")));
            }
        }
    }

    /**
     * Decision 0038: the key is (id, taken_at_ms) on PostgreSQL, so a record with a stored id but
     * another time (a forged or broken kiosk; a re-send never changes taken_at) is a second row there;
     * SQLite, keyed by id alone, keeps the first.
     */
    @ParameterizedTest
    @MethodSource(BOTH)
    void theSameIdWithAnotherTimeIsNotStoredAgain(Supplier<TestDatabase> database) {
        // PostgreSQL's key is (id, taken_at_ms) since the monthly partitions (decision 0038); the ingest's
        // look-up of the ids already stored (decision 0036) still keeps a forged or broken re-send with
        // another time out, as SQLite's key on id does
        try (TestDatabase db = database.get()) {
            MeasurementStore store = store(db);
            seed(db, "s1", "MEMBER0001");
            MeasurementRecord first = record("MEMBER0001", "20");
            MeasurementRecord later = at(first, first.takenAt().plusMonths(1));

            insert(db, store, List.of(row(first, "batch-1")));
            boolean[] second = insert(db, store, List.of(row(later, "batch-2")));

            assertThat(second).containsExactly(false);
            assertThat(JdbcClient.create(db.dataSource()).sql("SELECT COUNT(*) FROM measurement WHERE id = ?")
                    .param(first.id().toString()).query(Long.class).single()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void findsSitesAndMembersInChunks(Supplier<TestDatabase> database) {
        try (TestDatabase db = database.get()) {
            MeasurementStore store = store(db);
            seed(db, "s1", "MEMBER0001");
            seed(db, "s2", "MEMBER0002");
            List<String> asked = new ArrayList<>(List.of("MEMBER0001", "MEMBER0002"));
            for (int i = 0; i < 1200; i++) {
                asked.add("NOBODY" + i);
            }

            assertThat(store.memberSites(asked)).containsExactlyInAnyOrderEntriesOf(
                    Map.of("MEMBER0001", "s1", "MEMBER0002", "s2"));
            assertThat(store.existingSites(List.of("s1", "s2", "s3"))).containsExactlyInAnyOrder("s1", "s2");
        }
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void aFailedGroupLeavesNothingBehind(Supplier<TestDatabase> database) {
        try (TestDatabase db = database.get()) {
            MeasurementStore store = store(db);
            seed(db, "s1", "MEMBER0001");
            MeasurementRecord good = record("MEMBER0001", "10");
            MeasurementRecord orphan = record("NOTAMEMBER", "10"); // violates the member foreign key

            try {
                insert(db, store, List.of(row(good), row(orphan)));
            } catch (RuntimeException expected) {
                // the whole group is rolled back
            }

            assertThat(JdbcClient.create(db.dataSource()).sql("SELECT COUNT(*) FROM measurement").query(Long.class)
                    .single()).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource(BOTH)
    void storesTheDetailAndValueExactlyAsSentWhateverCharactersTheyHold(Supplier<TestDatabase> database) {
        try (TestDatabase db = database.get()) {
            MeasurementStore store = store(db);
            seed(db, "s1", "MEMBER0001");
            Map<String, Object> detail = new java.util.LinkedHashMap<>();
            detail.put("note", "탭\t줄\n바꿈\r\\역슬래시 \"따옴표\" \\N 😀");
            detail.put("protocol", "grip/1");
            MeasurementRecord record = new MeasurementRecord(java.util.UUID.randomUUID(), "MEMBER0001", "test",
                    "GRIP_STRENGTH", new BigDecimal("12.50"), "kg",
                    OffsetDateTime.of(2026, 3, 1, 10, 0, 0, 0, ZoneOffset.ofHours(9)), detail);

            assertThat(insert(db, store, List.of(row(record)))).containsExactly(true);

            Map<String, Object> stored = JdbcClient.create(db.dataSource())
                    .sql("SELECT detail, value, taken_at FROM measurement WHERE id = ?").param(record.id().toString())
                    .query().singleRow();
            assertThat(stored.get("detail")).isEqualTo("{\"note\":\"탭\\t줄\\n바꿈\\r\\\\역슬래시 \\\"따옴표\\\" \\\\N 😀\","
                    + "\"protocol\":\"grip/1\"}");
            assertThat(new BigDecimal(stored.get("value").toString())).isEqualByComparingTo("12.5");
            assertThat(stored.get("taken_at")).isEqualTo("2026-03-01T10:00:00+09:00");
        }
    }

    /**
     * Two server instances share the measurements (a shared subscription), so a re-send may reach the
     * other one while the first is still storing the batch: the record is committed between this
     * instance's look-up and its COPY. It must come out as a duplicate, the rest of the group stored.
     */
    @org.junit.jupiter.api.Test
    void aRecordCommittedByAnotherInstanceDuringTheGroupIsADuplicateNotAFailure() throws Exception {
        try (TestDatabase db = TestDatabase.postgres()) {
            MeasurementStore store = store(db);
            seed(db, "s1", "MEMBER0001");
            MeasurementRecord contested = record("MEMBER0001", "10");
            MeasurementRecord mine = record("MEMBER0001", "11");
            try (java.sql.Connection other = db.dataSource().getConnection()) {
                other.setAutoCommit(false);
                try (java.sql.PreparedStatement statement = other.prepareStatement(DatabaseRates.ROW_BY_ROW)) {
                    MeasurementStore.Row row = row(contested);
                    statement.setString(1, contested.id().toString());
                    statement.setString(2, contested.memberId());
                    statement.setString(3, row.siteId());
                    statement.setString(4, row.deviceId());
                    statement.setString(5, "other-instance");
                    statement.setString(6, contested.kind());
                    statement.setString(7, contested.code());
                    statement.setBigDecimal(8, contested.value());
                    statement.setString(9, contested.unit());
                    statement.setString(10, contested.takenAt().toString());
                    statement.setLong(11, contested.takenAt().toInstant().toEpochMilli());
                    statement.setString(12, "{}");
                    statement.setLong(13, 0);
                    statement.executeUpdate();
                }
                java.util.concurrent.CompletableFuture<boolean[]> group = java.util.concurrent.CompletableFuture
                        .supplyAsync(() -> insert(db, store, List.of(row(contested), row(mine))));
                // this instance's COPY waits on the other's uncommitted key; then the other commits
                org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> JdbcClient
                        .create(db.dataSource()).sql("SELECT COUNT(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                                + " WHERE NOT l.granted AND a.query LIKE 'COPY measurement%'")
                        .query(Long.class).single() > 0 || group.isDone());
                other.commit();

                assertThat(group.get(20, java.util.concurrent.TimeUnit.SECONDS)).containsExactly(false, true);
            }
            assertThat(JdbcClient.create(db.dataSource()).sql("SELECT batch_id FROM measurement ORDER BY value")
                    .query(String.class).list()).containsExactly("other-instance", "batch-1");
        }
    }

    /**
     * Two writers of one instance (decision 0044) or two instances store groups at the same time, and a
     * kiosk's re-send puts the same records in both, in another order. Neither may wait for the other in a
     * cycle (PostgreSQL would abort one as a deadlock after a second, and its whole group would go
     * un-acked): each record is stored once, by one of them, and the other calls it a duplicate.
     */
    @org.junit.jupiter.api.Test
    void twoTransactionsStoringTheSameRecordsInOppositeOrdersNeitherDeadlockNorStoreTwice() throws Exception {
        try (TestDatabase db = TestDatabase.postgres();
                var writers = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            MeasurementStore store = store(db);
            seed(db, "s1", "MEMBER0001");
            for (int round = 0; round < 5; round++) {
                List<MeasurementStore.Row> forward = new ArrayList<>();
                for (int i = 0; i < 2000; i++) {
                    forward.add(row(record("MEMBER0001", Integer.toString(i)), "batch-" + round));
                }
                List<MeasurementStore.Row> backward = new ArrayList<>(forward.reversed());
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
                var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> afterBarrier(start,
                        () -> insert(db, store, forward)), writers);
                var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> afterBarrier(start,
                        () -> insert(db, store, backward)), writers);
                boolean[] a = first.get(60, java.util.concurrent.TimeUnit.SECONDS);
                boolean[] b = second.get(60, java.util.concurrent.TimeUnit.SECONDS);
                for (int i = 0; i < forward.size(); i++) {
                    assertThat(a[i] ^ b[forward.size() - 1 - i])
                            .as("round %d, record %d stored by exactly one", round, i).isTrue();
                }
            }
            assertThat(JdbcClient.create(db.dataSource()).sql("SELECT COUNT(*), COUNT(DISTINCT id) FROM measurement")
                    .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single())
                    .containsExactly(10_000L, 10_000L);
        }
    }

    private static <T> T afterBarrier(java.util.concurrent.CyclicBarrier barrier, Supplier<T> work) {
        try {
            barrier.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return work.get();
    }

    private static MeasurementStore store(TestDatabase db) {
        return new MeasurementStore(JdbcClient.create(db.dataSource()), new JdbcTemplate(db.dataSource()),
                new ObjectMapper());
    }

    private static boolean[] insert(TestDatabase db, MeasurementStore store, List<MeasurementStore.Row> rows) {
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource()));
        return tx.execute(status -> store.insert(rows));
    }

    static void seed(TestDatabase db, String siteId, String memberId) {
        JdbcClient jdbc = JdbcClient.create(db.dataSource());
        jdbc.sql("INSERT INTO site (id, name, created_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING")
                .params(siteId, "경로당 " + siteId, "2026-01-01T00:00:00Z").update();
        jdbc.sql("INSERT INTO member (id, site_id, display_name, birth_year, sex, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(memberId, siteId, "이름", 1950, "F", "2026-01-01T00:00:00Z").update();
    }

    private static MeasurementRecord record(String memberId, String value) {
        return MeasurementRecord.of(memberId, MeasurementCode.GRIP_STRENGTH, new BigDecimal(value),
                OffsetDateTime.of(2026, 3, 1, 10, 0, 0, 0, ZoneOffset.ofHours(9)), Map.of("hand", "left"));
    }

    private static MeasurementStore.Row row(MeasurementRecord record) {
        return row(record, "batch-1");
    }

    private static MeasurementStore.Row row(MeasurementRecord record, String batchId) {
        return new MeasurementStore.Row(record, "s1", "kiosk-1", batchId, Instant.now());
    }

    private static MeasurementRecord at(MeasurementRecord record, OffsetDateTime takenAt) {
        return new MeasurementRecord(record.id(), record.memberId(), record.kind(), record.code(), record.value(),
                record.unit(), takenAt, record.detail());
    }
}
