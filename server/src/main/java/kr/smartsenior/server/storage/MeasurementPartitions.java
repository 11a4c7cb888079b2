package kr.smartsenior.server.storage;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
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
 * are split off the catch-all {@code measurement_after} (which keeps every later time, so no record
 * is refused), its records of those months moved into them. Months are calendar months in UTC, named
 * {@code measurement_YYYY_MM}. A hole between partitions (a month dropped by hand in the middle) is
 * filled again, since a record in it would fail its whole ingest group.
 *
 * <p>Safe with several server instances: each pass runs in one transaction under a transaction-level
 * advisory lock, reads what exists after taking it, and waits at most 5 s for any lock (a pass that
 * gives up is retried in an hour; months are made months ahead, so a missed day costs nothing). A
 * split detaches and re-attaches {@code measurement_after}, which locks {@code measurement} for the
 * milliseconds it takes, once a month.
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
     * @param created the partitions made, by name, in order
     * @param moved   records moved out of {@code measurement_after} into the months made (a kiosk clock
     *                ahead, or months the server was not running to make)
     */
    record Pass(List<String> created, long moved) {
    }

    /** One partition: its name and range, {@code from} inclusive, {@code to} exclusive. */
    private record Part(String name, long from, long to) {
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
        long end = start(now.plusMonths(monthsAhead + 1L)); // months up to this are wanted
        return tx.execute(status -> {
            jdbc.execute("SET LOCAL lock_timeout = '5s'");
            jdbc.queryForList("SELECT pg_advisory_xact_lock(?)", LOCK_KEY);
            List<Part> parts = new ArrayList<>();
            jdbc.query("""
                    SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) FROM pg_inherits i
                    JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'measurement'::regclass""", rs -> {
                Matcher m = RANGE.matcher(rs.getString(2));
                if (m.find()) {
                    parts.add(new Part(rs.getString(1), value(m.group(1)), value(m.group(2))));
                }
            });
            parts.sort(java.util.Comparator.comparingLong(Part::from));
            List<String> created = new ArrayList<>();
            long moved = 0;
            // holes between partitions, and before the first
            long covered = Long.MIN_VALUE;
            if (parts.isEmpty()) { // nothing at all (made by hand?): everything before this month in one
                create("measurement_before", Long.MIN_VALUE, start(now));
                created.add("measurement_before");
                parts.add(new Part("measurement_before", Long.MIN_VALUE, start(now)));
            }
            for (Part part : parts) {
                if (part.from() > covered) {
                    String name = covered == Long.MIN_VALUE ? "measurement_before" : "measurement_from_" + covered;
                    create(name, covered, part.from());
                    log.warn("measurement had no partition for [{}, {}): made {}", bound(covered), part.from(), name);
                    created.add(name);
                }
                covered = Math.max(covered, part.to());
            }
            Part after = parts.getLast();
            if (after.to() != Long.MAX_VALUE) { // no catch-all of later times: make one
                long from = after.to();
                for (long at = from; at < end; at = next(at)) {
                    created.add(create(name(at), at, next(at)));
                }
                create("measurement_after", Math.max(from, end), Long.MAX_VALUE);
                created.add("measurement_after");
            } else if (after.from() < end) { // split the months wanted off the catch-all
                jdbc.execute("ALTER TABLE measurement DETACH PARTITION " + after.name());
                for (long at = after.from(); at < end; at = next(at)) {
                    created.add(create(name(at), at, next(at)));
                }
                moved = jdbc.update("INSERT INTO measurement SELECT * FROM " + after.name() + " WHERE taken_at_ms < ?", end);
                jdbc.update("DELETE FROM " + after.name() + " WHERE taken_at_ms < ?", end);
                jdbc.execute("ALTER TABLE measurement ATTACH PARTITION " + after.name() + " FOR VALUES FROM (" + end
                        + ") TO (MAXVALUE)");
                if (moved > 0) {
                    log.warn("moved {} measurement records out of {} into the months made (a kiosk clock ahead?)", moved,
                            after.name());
                }
            }
            return new Pass(List.copyOf(created), moved);
        });
    }

    private String create(String name, long from, long to) {
        jdbc.execute("CREATE TABLE " + name + " PARTITION OF measurement FOR VALUES FROM (" + bound(from) + ") TO ("
                + bound(to) + ")");
        return name;
    }

    private static String bound(long value) {
        return value == Long.MIN_VALUE ? "MINVALUE" : value == Long.MAX_VALUE ? "MAXVALUE" : Long.toString(value);
    }

    /** The name of the month partition starting at {@code at} (a month's first millisecond in UTC). */
    private static String name(long at) {
        return NAME.format(java.time.Instant.ofEpochMilli(at).atZone(ZoneOffset.UTC));
    }

    private static long start(YearMonth month) {
        return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** The first millisecond of the month after the one {@code at} is in. */
    private static long next(long at) {
        return start(YearMonth.from(java.time.Instant.ofEpochMilli(at).atZone(ZoneOffset.UTC)).plusMonths(1));
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
