package kr.smartsenior.server.derived;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import kr.smartsenior.server.worker.BackgroundWorker;
import kr.smartsenior.server.worker.Worker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Takes due rows off the {@link WorkQueue} and hands each to its {@link WorkHandler}, on
 * {@code ssc.derived.threads} threads named {@code ssc-derived}. Each claims up to
 * {@code ssc.derived.batch} rows at a time for {@code ssc.derived.lease}; when nothing is due it
 * waits until the next row is (at most {@code ssc.derived.poll}: another instance may have noted
 * work). A failed row is tried again after 5 s, doubling up to 10 min, each failure logged. At
 * shutdown the current rows are finished and the rest given back, so another instance (or the next
 * start) does them; after a crash the lease runs out and the same happens.
 *
 * <p>While a {@link Foreground} (the ingest) is busy, the threads together use at most
 * {@code ssc.derived.share-while-ingesting} of one processor: after each row a thread rests for as
 * long as its share asks (at most 2 s a row). Without this, two threads evaluating histories took
 * both cores of a small server away from the ingest and acks waited seconds (decision 0043).
 */
@Component
final class DerivedWorker extends BackgroundWorker {

    private static final Logger log = LoggerFactory.getLogger(DerivedWorker.class);
    static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    static final Duration LAST_RETRY = Duration.ofMinutes(10);
    static final long MAX_REST_MS = 2_000;

    private final WorkQueue queue;
    private final Map<WorkKind, WorkHandler> handlers = new EnumMap<>(WorkKind.class);
    private final int threads;
    private final int batch;
    private final Duration lease;
    private final Duration poll;
    private final List<Foreground> foreground;
    /** Rest after a row, as a multiple of its time, while the foreground is busy. */
    private final double restPerWork;
    /** This instance, as the rows it holds name it: host, process and a random part (restarts differ). */
    private final String owner;
    private final Map<WorkKind, AtomicLong> done = new EnumMap<>(WorkKind.class);
    private final List<Thread> running = new ArrayList<>();

    DerivedWorker(WorkQueue queue, List<WorkHandler> handlers, @Value("${ssc.derived.threads:2}") int threads,
            @Value("${ssc.derived.batch:8}") int batch, @Value("${ssc.derived.lease:5m}") Duration lease,
            @Value("${ssc.derived.poll:1s}") Duration poll, List<Foreground> foreground,
            @Value("${ssc.derived.share-while-ingesting:0.25}") double shareWhileIngesting) {
        super(Worker.DERIVED);
        if (!(shareWhileIngesting >= 0.05 && shareWhileIngesting <= 1)) {
            throw new IllegalArgumentException("SSC_DERIVED_SHARE_WHILE_INGESTING must be 0.05 to 1 (of one processor),"
                    + " not " + shareWhileIngesting);
        }
        if (threads < 1 || threads > 32 || batch < 1 || batch > 500) {
            throw new IllegalArgumentException("SSC_DERIVED_THREADS must be 1 to 32 and SSC_DERIVED_BATCH 1 to 500, not "
                    + threads + " and " + batch);
        }
        if (lease.compareTo(Duration.ofSeconds(1)) < 0 || poll.isNegative() || poll.isZero()) {
            throw new IllegalArgumentException("SSC_DERIVED_LEASE must be at least 1s and SSC_DERIVED_POLL more than 0");
        }
        this.queue = queue;
        for (WorkKind kind : WorkKind.values()) {
            done.put(kind, new AtomicLong());
        }
        for (WorkHandler handler : handlers) {
            if (this.handlers.put(handler.kind(), handler) != null) {
                throw new IllegalStateException("two handlers of derived work " + handler.kind());
            }
        }
        this.threads = threads;
        this.batch = batch;
        this.lease = lease;
        this.poll = poll;
        this.foreground = List.copyOf(foreground);
        // each of n threads runs share/n of the time: it rests (n/share - 1) times what it worked
        this.restPerWork = Math.max(0, threads / shareWhileIngesting - 1);
        this.owner = (ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8))
                .replaceAll("[^A-Za-z0-9@._-]", "_");
    }

    @Override
    protected void startWork() {
        for (int i = 0; i < threads; i++) {
            running.add(namedThread().start(this::run));
        }
        log.info("derived work: {} threads as {}", threads, owner);
    }

    private void run() {
        while (isRunning()) {
            try {
                List<WorkQueue.Claimed> claimed = queue.claim(owner, batch, lease);
                if (claimed.isEmpty()) {
                    idle();
                    continue;
                }
                for (WorkQueue.Claimed row : claimed) {
                    if (!isRunning()) {
                        queue.release(row, owner); // stopping: another instance or the next start does it
                        continue;
                    }
                    long started = System.nanoTime();
                    perform(row);
                    yieldToForeground(System.nanoTime() - started);
                }
            } catch (RuntimeException e) { // the database is away: wait, then try again
                log.warn("derived work: cannot read the queue ({}); trying again in {}", e.toString(), poll);
                sleep(poll.toMillis());
            }
        }
    }

    private void perform(WorkQueue.Claimed row) {
        WorkHandler handler = handlers.get(row.kind());
        if (handler == null) {
            queue.complete(row, owner); // no feature does this kind here: nothing to do
            return;
        }
        try {
            handler.perform(row.key());
            queue.complete(row, owner);
            done.get(row.kind()).incrementAndGet();
        } catch (WorkHandler.NotReady e) {
            log.debug("derived work {} {}: not ready ({}); again in {}", row.kind(), row.key(), e.getMessage(),
                    WorkHandler.RETRY_NOT_READY);
            queue.postpone(row, owner, WorkHandler.RETRY_NOT_READY);
        } catch (Exception e) {
            Duration backoff = backoff(row.attempts());
            log.error("derived work {} {}: failed (attempt {}); trying again in {} s", row.kind(), row.key(),
                    row.attempts() + 1, backoff.toSeconds(), e);
            try {
                queue.failed(row, owner, e.toString(), backoff);
            } catch (RuntimeException again) {
                log.warn("derived work {} {}: could not note the failure ({}); the lease runs out instead", row.kind(),
                        row.key(), again.toString());
            }
        }
    }

    /** While the foreground is busy, rests in proportion to the work just done. */
    private void yieldToForeground(long workedNanos) {
        if (restPerWork > 0 && isRunning() && foreground.stream().anyMatch(Foreground::busy)) {
            sleep(restMillis(workedNanos, restPerWork));
        }
    }

    static long restMillis(long workedNanos, double restPerWork) {
        return Math.min(MAX_REST_MS, Math.round(workedNanos * restPerWork / 1_000_000));
    }

    static Duration backoff(int attempts) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts, 20));
        return wait.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : wait;
    }

    private void idle() {
        OptionalLong next = queue.nextDue();
        long wait = poll.toMillis();
        if (next.isPresent()) {
            wait = Math.min(wait, Math.max(1, next.getAsLong() - queue.now()));
        }
        try {
            queue.awaitNudge(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Rows of this kind this instance has done since it started (tests, the benchmark). */
    long done(WorkKind kind) {
        return done.get(kind).get();
    }

    @Override
    protected void stopWork() {
        queue.wakeAll();
        for (Thread thread : running) {
            try {
                thread.join(Duration.ofSeconds(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        running.clear();
        try {
            int left = queue.releaseAll(owner);
            if (left > 0) {
                log.info("derived work: {} rows given back at shutdown", left);
            }
        } catch (RuntimeException e) {
            log.warn("derived work: rows not given back at shutdown ({}); their lease runs out", e.toString());
        }
    }
}
