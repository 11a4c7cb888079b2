package kr.smartsenior.server.derived;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import kr.smartsenior.server.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The derived-work queue on both databases (V44 is portable): coalescing, claims, failures, leases. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WorkQueueIT {

    private static final WorkQueue.Delay PRESCRIBE = new WorkQueue.Delay(Duration.ofMinutes(10), Duration.ofMinutes(60));
    private static final WorkQueue.Delay ALERTS = new WorkQueue.Delay(Duration.ofSeconds(5), Duration.ofSeconds(60));
    private static final WorkQueue.Delay SETTLE = new WorkQueue.Delay(Duration.ofSeconds(60), Duration.ofSeconds(60));
    private static final WorkQueue.Delay ROSTER = new WorkQueue.Delay(Duration.ofSeconds(2), Duration.ofSeconds(10));
    private static final Duration LEASE = Duration.ofMinutes(5);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private WorkQueue queue(TestDatabase database) {
        return new WorkQueue(JdbcClient.create(database.dataSource()), new JdbcTemplate(database.dataSource()),
                new TransactionTemplate(new DataSourceTransactionManager(database.dataSource())),
                database.kind().equals("postgresql"),
                Map.of(WorkKind.PRESCRIBE, PRESCRIBE, WorkKind.ALERTS, ALERTS, WorkKind.ROSTER, SETTLE), ROSTER,
                now::get);
    }

    private void advance(Duration by) {
        now.addAndGet(by.toMillis());
    }

    /** Claims what is due as {@code owner}, does it (completes every row) and says what it was. */
    private static List<String> take(WorkQueue queue, String owner) {
        List<WorkQueue.Claimed> claimed = queue.claim(owner, 10, LEASE);
        claimed.forEach(row -> queue.complete(row, owner));
        return keys(claimed);
    }

    private static List<String> keys(List<WorkQueue.Claimed> claimed) {
        return claimed.stream().map(c -> c.kind() + ":" + c.key()).sorted().toList();
    }

    @ParameterizedTest
    @MethodSource("kr.smartsenior.server.testsupport.TestDatabase#both")
    void anEmptyQueueHasNoNextDueTimeAndANotedRowHasOne(Supplier<TestDatabase> kind) {
        try (TestDatabase database = kind.get()) {
            WorkQueue queue = queue(database);
            assertThat(queue.nextDue()).isEmpty(); // MIN over no rows is NULL: the idle worker's usual look
            queue.resultsStored(List.of("M1"), List.of("s1"));
            assertThat(queue.nextDue()).hasValue(now.get() + ALERTS.quiet().toMillis());
        }
    }

    @ParameterizedTest
    @MethodSource("kr.smartsenior.server.testsupport.TestDatabase#both")
    void aVisitsBatchesAreOneRowDueAfterTheQuietPeriodButNeverPastTheMaximumDelay(Supplier<TestDatabase> kind) {
        try (TestDatabase database = kind.get()) {
            WorkQueue queue = queue(database);
            for (int batch = 0; batch < 7; batch++) { // a batch every 9 minutes: never quiet for 10
                if (batch > 0) {
                    advance(Duration.ofMinutes(9));
                }
                queue.resultsStored(List.of("M1"), List.of("s1"));
            }
            assertThat(queue.waiting(WorkKind.PRESCRIBE)).isEqualTo(1);
            assertThat(queue.waiting(WorkKind.ROSTER)).isEqualTo(1);
            assertThat(take(queue, "a")).containsExactly("ALERTS:M1", "ROSTER:s1");
            now.set(1_000_000_000L + Duration.ofMinutes(60).toMillis() - 1);
            assertThat(take(queue, "a")).isEmpty();
            advance(Duration.ofMillis(1)); // the first batch + the maximum delay
            assertThat(take(queue, "a")).containsExactly("PRESCRIBE:M1");
        }
    }

    @ParameterizedTest
    @MethodSource("kr.smartsenior.server.testsupport.TestDatabase#both")
    void aQuietVisitIsDueAtTheQuietPeriodAfterItsLastBatchAndAChangePullsARosterForward(Supplier<TestDatabase> kind) {
        try (TestDatabase database = kind.get()) {
            WorkQueue queue = queue(database);
            queue.resultsStored(List.of("M1", "M2"), List.of("s1"));
            advance(Duration.ofMinutes(3));
            queue.resultsStored(List.of("M1"), List.of("s1"));
            advance(Duration.ofSeconds(61));
            // the roster settles 60 s after the first result; the alerts 5 s after the last
            assertThat(take(queue, "a")).containsExactly("ALERTS:M1", "ALERTS:M2", "ROSTER:s1");
            advance(Duration.ofMinutes(7).minusSeconds(61)); // M2: 10 min after its only batch; M1 not yet
            assertThat(take(queue, "a")).containsExactly("PRESCRIBE:M2");
            advance(Duration.ofMinutes(3));
            assertThat(take(queue, "a")).containsExactly("PRESCRIBE:M1");

            queue.resultsStored(List.of(), List.of("s2"));
            advance(Duration.ofSeconds(1));
            queue.rosterChanged("s2"); // a prescription: the roster at most 10 s after the first note, not 60
            advance(Duration.ofSeconds(9).minusMillis(1));
            assertThat(take(queue, "a")).isEmpty();
            advance(Duration.ofMillis(1));
            assertThat(take(queue, "a")).containsExactly("ROSTER:s2");
        }
    }

    @ParameterizedTest
    @MethodSource("kr.smartsenior.server.testsupport.TestDatabase#both")
    void aRowNotedAgainWhileItsWorkRanStaysAndAFailureWaitsAndKeepsTheError(Supplier<TestDatabase> kind) {
        try (TestDatabase database = kind.get()) {
            WorkQueue queue = queue(database);
            queue.rosterChanged("s1");
            queue.rosterChanged("s2");
            advance(Duration.ofSeconds(2));
            List<WorkQueue.Claimed> claimed = queue.claim("a", 10, LEASE);
            assertThat(keys(claimed)).containsExactly("ROSTER:s1", "ROSTER:s2");
            assertThat(queue.claim("b", 10, LEASE)).as("held rows are not taken twice").isEmpty();

            queue.rosterChanged("s1"); // a change while s1's roster was being built
            assertThat(queue.complete(claimed.get(0), "a")).isFalse();
            assertThat(queue.complete(claimed.get(1), "a")).isTrue();
            assertThat(queue.waiting(WorkKind.ROSTER)).isEqualTo(1);
            advance(Duration.ofSeconds(2));
            List<WorkQueue.Claimed> again = queue.claim("b", 10, LEASE);
            assertThat(keys(again)).containsExactly("ROSTER:s1");

            queue.failed(again.getFirst(), "b", "java.lang.IllegalStateException: broker away", Duration.ofSeconds(5));
            assertThat(queue.claim("b", 10, LEASE)).isEmpty();
            assertThat(JdbcClient.create(database.dataSource()).sql(
                    "SELECT attempts || ' ' || last_error FROM derived_work WHERE work_key = 's1'").query(String.class)
                    .single()).isEqualTo("1 java.lang.IllegalStateException: broker away");
            advance(Duration.ofSeconds(5));
            List<WorkQueue.Claimed> retried = queue.claim("b", 10, LEASE);
            assertThat(retried).hasSize(1);
            assertThat(retried.getFirst().attempts()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("kr.smartsenior.server.testsupport.TestDatabase#both")
    void rowsOfAnInstanceThatStoppedOrDiedAreTakenByAnother(Supplier<TestDatabase> kind) {
        try (TestDatabase database = kind.get()) {
            WorkQueue queue = queue(database);
            queue.enqueue(WorkKind.PRESCRIBE, List.of("M1", "M2", "M3"), Duration.ZERO, Duration.ZERO);
            assertThat(queue.claim("dies", 2, LEASE)).hasSize(2);
            assertThat(queue.claim("stops", 1, LEASE)).hasSize(1);
            assertThat(queue.releaseAll("stops")).isEqualTo(1);
            assertThat(take(queue, "other")).hasSize(1);
            advance(LEASE.plusMillis(1));
            assertThat(queue.claim("other", 10, LEASE)).as("the dead instance's lease ran out").hasSize(2);
        }
    }

    @Test
    void twoInstancesClaimingAtOnceOnPostgresqlNeverTakeTheSameRow() throws Exception {
        try (TestDatabase database = TestDatabase.postgres()) {
            WorkQueue queue = queue(database);
            List<String> members = new ArrayList<>();
            for (int m = 0; m < 400; m++) {
                members.add("M" + m);
            }
            queue.enqueue(WorkKind.PRESCRIBE, members, Duration.ZERO, Duration.ZERO);
            CountDownLatch start = new CountDownLatch(1);
            List<List<String>> taken = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < taken.size(); t++) {
                List<String> mine = taken.get(t);
                String owner = "instance-" + t;
                threads.add(Thread.ofPlatform().start(() -> {
                    try {
                        start.await();
                        for (List<WorkQueue.Claimed> c = queue.claim(owner, 7, LEASE); !c.isEmpty();
                                c = queue.claim(owner, 7, LEASE)) {
                            c.forEach(row -> {
                                mine.add(row.key());
                                queue.complete(row, owner);
                            });
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            start.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            Set<String> all = new HashSet<>();
            int total = 0;
            for (List<String> mine : taken) {
                all.addAll(mine);
                total += mine.size();
            }
            assertThat(total).isEqualTo(400);
            assertThat(all).hasSize(400);
            assertThat(queue.waiting(WorkKind.PRESCRIBE)).isZero();
        }
    }
}
