package kr.smartsenior.server.derived;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The durable queue of derived work (table {@code derived_work}, decision 0037): one row per
 * (kind, key), so a member's many batches of one visit are one prescription, one alert refresh, and
 * a site's many members one roster. {@link #resultsStored} and {@link #enqueue} join the caller's
 * transaction (the ingest notes the work in the transaction that stores the records: a record is
 * never stored without its derived work, nor the work noted for a record that was rolled back).
 *
 * <p>A note sets the row due at now + the quiet period; a later note of the same key moves it later,
 * but never past the first note + the maximum delay (a note with a shorter maximum delay pulls it
 * earlier). Workers {@link #claim} due rows for a lease ({@code FOR UPDATE SKIP LOCKED} on
 * PostgreSQL, so instances never wait for each other and never take the same row), then
 * {@link #complete} (delete, unless the row was noted again meanwhile) or {@link #failed} (attempts,
 * error, a later due time). Times are the JVM's wall clock in milliseconds, not the domain clock.
 */
@Component
public final class WorkQueue {

    /** A row a worker holds: {@code version} tells whether it was noted again while the work ran. */
    record Claimed(WorkKind kind, String key, long version, int attempts) {
    }

    /** How long a note waits: quiet period and maximum delay after the first note. */
    record Delay(Duration quiet, Duration maxDelay) {
        Delay {
            if (quiet.isNegative() || maxDelay.compareTo(quiet) < 0) {
                throw new IllegalArgumentException("quiet period " + quiet + " must be 0 or more and maximum delay "
                        + maxDelay + " at least as long");
            }
        }
    }

    /** What a note does to a row already there (both forms below). */
    private static final String ON_CONFLICT = """
            ON CONFLICT (kind, work_key) DO UPDATE SET
              first_seen_ms = CASE WHEN derived_work.claimed_by IS NULL THEN derived_work.first_seen_ms
                                   ELSE excluded.first_seen_ms END,
              due_at_ms = CASE
                WHEN derived_work.claimed_by IS NOT NULL THEN excluded.due_at_ms
                WHEN (CASE WHEN derived_work.due_at_ms > excluded.due_at_ms THEN derived_work.due_at_ms
                           ELSE excluded.due_at_ms END) < derived_work.first_seen_ms + :max
                  THEN (CASE WHEN derived_work.due_at_ms > excluded.due_at_ms THEN derived_work.due_at_ms
                             ELSE excluded.due_at_ms END)
                ELSE derived_work.first_seen_ms + :max END,
              version = derived_work.version + 1""";
    /** One row per statement: SQLite, in-process, where a batch costs no round trips. */
    private static final String UPSERT = """
            INSERT INTO derived_work (kind, work_key, due_at_ms, first_seen_ms, version, attempts)
            VALUES (?, ?, ?, ?, 1, 0)
            """ + ON_CONFLICT.replace(":max", "?");
    /**
     * All keys in one statement: PostgreSQL, where the ingest notes a group's hundreds of members at once
     * and one statement costs one round trip and one plan instead of hundreds (decision 0043). The keys
     * come sorted and are inserted in the array's order.
     */
    private static final String UPSERT_ALL = """
            INSERT INTO derived_work (kind, work_key, due_at_ms, first_seen_ms, version, attempts)
            SELECT ?, key.work_key, ?, ?, 1, 0 FROM unnest(?::varchar[]) WITH ORDINALITY AS key (work_key, n)
            ORDER BY key.n
            """ + ON_CONFLICT.replace(":max", "?::bigint");

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transaction;
    private final boolean skipLocked;
    private final Map<WorkKind, Delay> afterResults;
    private final Delay rosterChange;
    private final LongSupplier millis;
    private final Object nudge = new Object();

    @Autowired
    WorkQueue(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transaction, DataSource dataSource,
            @Value("${ssc.prescription.quiet-period}") Duration prescriptionQuiet,
            @Value("${ssc.prescription.max-delay}") Duration prescriptionMaxDelay,
            @Value("${ssc.alert.quiet-period:5s}") Duration alertQuiet,
            @Value("${ssc.alert.max-delay:60s}") Duration alertMaxDelay,
            @Value("${ssc.roster.results-settle:60s}") Duration rosterSettle,
            @Value("${ssc.roster.quiet-period:2s}") Duration rosterQuiet,
            @Value("${ssc.roster.max-delay:10s}") Duration rosterMaxDelay) {
        this(jdbc, template, transaction, isPostgres(dataSource), Map.of(
                WorkKind.PRESCRIBE, delay("ssc.prescription", prescriptionQuiet, prescriptionMaxDelay),
                WorkKind.ALERTS, delay("ssc.alert", alertQuiet, alertMaxDelay),
                // a site's roster shows the new results once the visit settles: at the settle time after the first
                WorkKind.ROSTER, delay("ssc.roster.results-settle", rosterSettle, rosterSettle)),
                delay("ssc.roster", rosterQuiet, rosterMaxDelay), System::currentTimeMillis);
    }

    WorkQueue(JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transaction, boolean skipLocked,
            Map<WorkKind, Delay> afterResults, Delay rosterChange, LongSupplier millis) {
        this.jdbc = jdbc;
        this.template = template;
        this.transaction = transaction;
        this.skipLocked = skipLocked;
        this.afterResults = Map.copyOf(afterResults);
        this.rosterChange = rosterChange;
        this.millis = millis;
    }

    private static Delay delay(String setting, Duration quiet, Duration maxDelay) {
        try {
            return new Delay(quiet, maxDelay);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + ": " + e.getMessage(), e);
        }
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database the derived-work queue is on", e);
        }
    }

    /**
     * New records of these members (at these sites) were stored: their prescription and alerts, and
     * the sites' rosters, are due once the visit settles. Joins the caller's transaction.
     */
    public void resultsStored(Collection<String> memberIds, Collection<String> siteIds) {
        enqueue(WorkKind.PRESCRIBE, memberIds, afterResults.get(WorkKind.PRESCRIBE));
        enqueue(WorkKind.ALERTS, memberIds, afterResults.get(WorkKind.ALERTS));
        enqueue(WorkKind.ROSTER, siteIds, afterResults.get(WorkKind.ROSTER));
    }

    /** Something a site's roster shows changed (a prescription, a member, a card): built within seconds. */
    public void rosterChanged(String siteId) {
        enqueue(WorkKind.ROSTER, List.of(siteId), rosterChange);
    }

    /**
     * Notes this work for each key (coalescing with a row already there). Keys are written in sorted
     * order, so two transactions noting the same keys never wait for each other in a cycle.
     */
    public void enqueue(WorkKind kind, Collection<String> keys, Duration quiet, Duration maxDelay) {
        enqueue(kind, keys, new Delay(quiet, maxDelay));
    }

    private void enqueue(WorkKind kind, Collection<String> keys, Delay delay) {
        if (keys.isEmpty()) {
            return;
        }
        long now = millis.getAsLong();
        long due = now + delay.quiet().toMillis();
        long max = delay.maxDelay().toMillis();
        TreeSet<String> sorted = new TreeSet<>(keys);
        if (skipLocked) { // PostgreSQL
            template.execute((ConnectionCallback<Integer>) connection -> {
                try (PreparedStatement statement = connection.prepareStatement(UPSERT_ALL)) {
                    statement.setString(1, kind.name());
                    statement.setLong(2, due);
                    statement.setLong(3, now);
                    statement.setArray(4, connection.createArrayOf("varchar", sorted.toArray()));
                    statement.setLong(5, max);
                    statement.setLong(6, max);
                    return statement.executeUpdate();
                }
            });
        } else {
            List<Object[]> rows = new ArrayList<>(sorted.size());
            for (String key : sorted) {
                rows.add(new Object[] {kind.name(), key, due, now, max, max});
            }
            template.batchUpdate(UPSERT, rows);
        }
        if (delay.quiet().isZero()) {
            synchronized (nudge) {
                nudge.notifyAll();
            }
        }
    }

    /** Takes up to {@code limit} due rows, oldest due first, for {@code lease}; rows others hold are skipped. */
    List<Claimed> claim(String owner, int limit, Duration lease) {
        long now = millis.getAsLong();
        return transaction.execute(status -> {
            List<Claimed> due = jdbc.sql("""
                    SELECT kind, work_key, version, attempts FROM derived_work
                    WHERE due_at_ms <= ? AND (claimed_until_ms IS NULL OR claimed_until_ms < ?)
                    ORDER BY due_at_ms LIMIT ?""" + (skipLocked ? " FOR UPDATE SKIP LOCKED" : ""))
                    .params(now, now, limit)
                    .query((rs, n) -> new Claimed(WorkKind.valueOf(rs.getString(1)), rs.getString(2), rs.getLong(3),
                            rs.getInt(4)))
                    .list();
            if (!due.isEmpty()) {
                template.batchUpdate("UPDATE derived_work SET claimed_by = ?, claimed_until_ms = ? "
                        + "WHERE kind = ? AND work_key = ?", due.stream()
                        .map(c -> new Object[] {owner, now + lease.toMillis(), c.kind().name(), c.key()}).toList());
            }
            return due;
        });
    }

    /** The work is done: the row goes, unless it was noted again meanwhile (then it waits for its due time). */
    boolean complete(Claimed claimed, String owner) {
        int deleted = jdbc.sql("DELETE FROM derived_work WHERE kind = ? AND work_key = ? AND version = ? AND claimed_by = ?")
                .params(claimed.kind().name(), claimed.key(), claimed.version(), owner).update();
        if (deleted == 0) {
            release(claimed, owner);
        }
        return deleted == 1;
    }

    /** The work failed: tried again after {@code backoff}, with the error kept on the row. */
    void failed(Claimed claimed, String owner, String error, Duration backoff) {
        String text = error == null ? "?" : error.length() > 500 ? error.substring(0, 500) : error;
        jdbc.sql("""
                UPDATE derived_work SET claimed_by = NULL, claimed_until_ms = NULL, attempts = attempts + 1,
                  last_error = ?, due_at_ms = ?
                WHERE kind = ? AND work_key = ? AND claimed_by = ?""")
                .params(text, millis.getAsLong() + backoff.toMillis(), claimed.kind().name(), claimed.key(), owner)
                .update();
    }

    /** Gives one row back to be tried again after {@code delay}, not counted as a failure. */
    void postpone(Claimed claimed, String owner, Duration delay) {
        jdbc.sql("""
                UPDATE derived_work SET claimed_by = NULL, claimed_until_ms = NULL, due_at_ms = ?
                WHERE kind = ? AND work_key = ? AND claimed_by = ?""")
                .params(millis.getAsLong() + delay.toMillis(), claimed.kind().name(), claimed.key(), owner).update();
    }

    /** Gives one row back without doing it (it stays due). */
    void release(Claimed claimed, String owner) {
        jdbc.sql("UPDATE derived_work SET claimed_by = NULL, claimed_until_ms = NULL "
                        + "WHERE kind = ? AND work_key = ? AND claimed_by = ?")
                .params(claimed.kind().name(), claimed.key(), owner).update();
    }

    /** Gives back every row this owner holds (at shutdown: another instance, or the next start, takes them). */
    int releaseAll(String owner) {
        return jdbc.sql("UPDATE derived_work SET claimed_by = NULL, claimed_until_ms = NULL WHERE claimed_by = ?")
                .param(owner).update();
    }

    /**
     * When the next row not yet due falls due; empty when there is none. One look at the index on
     * {@code due_at_ms}, however long the queue; rows already due but held (another worker, a lease
     * that has not run out) are seen again at the next poll.
     */
    OptionalLong nextDue() {
        // MIN over no rows is one row holding NULL: read it as a list (single() refuses a null value)
        java.util.List<Long> min = jdbc.sql("SELECT MIN(due_at_ms) FROM derived_work WHERE due_at_ms > ?")
                .param(millis.getAsLong()).query(Long.class).list();
        Long next = min.isEmpty() ? null : min.getFirst();
        return next == null ? OptionalLong.empty() : OptionalLong.of(next);
    }

    /** Rows waiting of this kind, held or not (tests, the benchmark, logs). */
    public int waiting(WorkKind kind) {
        return jdbc.sql("SELECT COUNT(*) FROM derived_work WHERE kind = ?").param(kind.name())
                .query(Integer.class).single();
    }

    /** Waits up to {@code millis} for a note that is due at once in this process (or a timeout). */
    void awaitNudge(long waitMillis) throws InterruptedException {
        synchronized (nudge) {
            nudge.wait(Math.max(1, waitMillis));
        }
    }

    /** Wakes the workers of this process (shutdown). */
    void wakeAll() {
        synchronized (nudge) {
            nudge.notifyAll();
        }
    }

    long now() {
        return millis.getAsLong();
    }
}
