package kr.smartsenior.server.storage;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.smartsenior.server.worker.BackgroundWorker;
import kr.smartsenior.server.worker.Worker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code measurement}'s monthly partitions ahead of time on PostgreSQL (decision 0038): at
 * start and then daily, the current month and {@code ssc.partition.months-ahead} months after it
 * get a partition if they have none, and every month with records in the default partition (a
 * kiosk clock far off, a month retention dropped) gets one too, its records moved into it. Months
 * are calendar months in UTC, named {@code measurement_YYYY_MM}.
 *
 * <p>Safe with several server instances: each pass runs in one transaction under a transaction-level
 * advisory lock, reads what exists after taking it, and waits at most 10 s for any lock (a pass that
 * gives up is retried in an hour; months are made months ahead, so a missed day costs nothing). A
 * month is made as a plain table, filled from the default partition and then attached, which locks
 * {@code measurement} only against schema changes, not against the ingest or the pages.
 */
@Component
final class MeasurementPartitions extends BackgroundWorker {

    private static final Logger log = LoggerFactory.getLogger(MeasurementPartitions.class);
    /** The advisory lock of a pass, the same for every instance ("ssc-part" in ASCII). */
    static final long LOCK_KEY = 0x7373632d70617274L;
    private static final Duration EVERY = Duration.ofDays(1);
    private static final Duration RETRY = Duration.ofHours(1);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'measurement_'yyyy_MM");
    private static final Pattern RANGE = Pattern.compile(
            "FROM \\('?(-?\\d+|MINVALUE)'?\\) TO \\('?(-?\\d+|MAXVALUE)'?\\)");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int monthsAhead;
    private ScheduledExecutorService timer;

    MeasurementPartitions(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock,
            @Value("${ssc.partition.months-ahead:3}") int monthsAhead) {
        super(Worker.PARTITIONS);
        if (monthsAhead < 1 || monthsAhead > 24) {
            throw new IllegalArgumentException("SSC_PARTITION_MONTHS_AHEAD must be 1 to 24, not " + monthsAhead);
        }
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.monthsAhead = monthsAhead;
    }

    /**
     * What a pass did.
     *
     * @param created       the partitions made, by name
     * @param moved         records moved out of the default partition into them
     * @param leftInDefault records still in the default partition (a month whose name is taken by a
     *                      table that is not a partition, e.g. one detached for archiving)
     */
    record Pass(List<String> created, long moved, long leftInDefault) {
    }

    /** Whether there is anything to keep: PostgreSQL with a partitioned {@code measurement}. */
    boolean applies() {
        boolean postgres = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection ->
                "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())));
        return postgres && Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT COALESCE((SELECT relkind = 'p' FROM pg_class WHERE oid = to_regclass('measurement')), false)",
                Boolean.class));
    }

    /** One pass, on the caller's thread (the worker's timer, tests). */
    Pass keepAhead() {
        YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        return tx.execute(status -> {
            jdbc.execute("SET LOCAL lock_timeout = '10s'");
            jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", LOCK_KEY);
            Map<String, long[]> ranges = new TreeMap<>();
            String[] defaultPartition = {null};
            jdbc.query("""
                    SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits i
                    JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'measurement'::regclass""", rs -> {
                String bound = rs.getString(2);
                Matcher m = RANGE.matcher(bound);
                if (m.find()) {
                    ranges.put(rs.getString(1), new long[] {value(m.group(1)), value(m.group(2))});
                } else if (bound.contains("DEFAULT")) {
                    defaultPartition[0] = rs.getString(1);
                }
            });
            TreeSet<YearMonth> wanted = new TreeSet<>();
            for (int i = 0; i <= monthsAhead; i++) {
                wanted.add(now.plusMonths(i));
            }
            if (defaultPartition[0] != null) {
                jdbc.query("SELECT DISTINCT to_char(to_timestamp(taken_at_ms / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM')"
                        + " FROM " + defaultPartition[0], rs -> {
                            wanted.add(YearMonth.parse(rs.getString(1)));
                        });
            }
            List<String> created = new ArrayList<>();
            long moved = 0;
            for (YearMonth month : wanted) {
                long from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
                long to = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
                if (ranges.values().stream().anyMatch(r -> from < r[1] && r[0] < to)) {
                    continue;
                }
                String name = NAME.format(month);
                if (Boolean.TRUE.equals(jdbc.queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class, name))) {
                    log.warn("{} exists but is not a partition of measurement (detached for archiving?): records of {}"
                            + " stay in the default partition", name, month);
                    continue;
                }
                jdbc.execute("CREATE TABLE " + name + " (LIKE measurement INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
                if (defaultPartition[0] != null) {
                    int rows = jdbc.update("WITH moved AS (DELETE FROM " + defaultPartition[0]
                            + " WHERE taken_at_ms >= ? AND taken_at_ms < ? RETURNING *) INSERT INTO " + name
                            + " SELECT * FROM moved", from, to);
                    if (rows > 0) {
                        log.warn("moved {} measurement records taken in {} out of {} into {}", rows, month,
                                defaultPartition[0], name);
                    }
                    moved += rows;
                }
                jdbc.execute("ALTER TABLE measurement ATTACH PARTITION " + name + " FOR VALUES FROM (" + from + ") TO ("
                        + to + ")");
                ranges.put(name, new long[] {from, to});
                created.add(name);
            }
            long left = defaultPartition[0] == null ? 0
                    : jdbc.queryForObject("SELECT COUNT(*) FROM " + defaultPartition[0], Long.class);
            if (left > 0) {
                log.warn("{} measurement records are in {} (no partition of their month could be made)", left,
                        defaultPartition[0]);
            }
            return new Pass(List.copyOf(created), moved, left);
        });
    }

    private static long value(String bound) {
        return switch (bound) {
            case "MINVALUE" -> Long.MIN_VALUE;
            case "MAXVALUE" -> Long.MAX_VALUE;
            default -> Long.parseLong(bound);
        };
    }

    @Override
    protected void startWork() {
        if (!applies()) {
            return; // SQLite: one plain table
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> namedThread().daemon(true).unstarted(r));
        timer.execute(this::pass);
    }

    private void pass() {
        Duration next = EVERY;
        try {
            Pass pass = keepAhead();
            if (!pass.created().isEmpty()) {
                log.info("measurement partitions created: {}", pass.created());
            }
        } catch (RuntimeException e) {
            next = RETRY;
            log.warn("measurement partitions not checked ({}); trying again in {}", e.getMessage(), RETRY, e);
        }
        if (isRunning()) {
            try {
                timer.schedule(this::pass, next.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // the server is stopping
            }
        }
    }

    @Override
    protected void stopWork() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
