package kr.smartsenior.server.prescription;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.smartsenior.server.ingest.MeasurementsStored;
import kr.smartsenior.server.screening.ScreeningRecorded;
import kr.smartsenior.server.worker.BackgroundWorker;
import kr.smartsenior.server.worker.Worker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Re-prescribes members whose new records the ingest committed, once their visit has settled: a
 * senior's visit arrives as many batches (each test and session on its own), and prescribing after
 * each would store a version per batch. A member is re-prescribed when no new record of theirs has
 * arrived for the quiet period ({@code ssc.prescription.quiet-period}), or at the latest the maximum
 * delay after the first one ({@code ssc.prescription.max-delay}), so a member who never stops sending
 * is still prescribed. Runs on a thread of its own so the ingest worker never waits: the listener
 * only notes the member and the time. A new screening or clearance is applied at once, in the
 * request's thread. Members still waiting at shutdown are prescribed before the worker stops.
 */
@Component
final class PrescriptionTrigger extends BackgroundWorker {

    private static final Logger log = LoggerFactory.getLogger(PrescriptionTrigger.class);

    /** When a member's first and latest records since their last prescription arrived. */
    private record Waiting(long firstNanos, long lastNanos) {
    }

    private final Prescriber prescriber;
    private final long quietNanos;
    private final long maxDelayNanos;
    private final Map<String, Waiting> pending = new LinkedHashMap<>();
    private Thread thread;

    PrescriptionTrigger(Prescriber prescriber, @Value("${ssc.prescription.quiet-period}") Duration quietPeriod,
            @Value("${ssc.prescription.max-delay}") Duration maxDelay) {
        super(Worker.PRESCRIBE);
        if (quietPeriod.isNegative() || maxDelay.compareTo(quietPeriod) < 0) {
            throw new IllegalArgumentException("ssc.prescription: quiet-period " + quietPeriod
                    + " must be 0 or more and max-delay " + maxDelay + " at least as long");
        }
        this.prescriber = prescriber;
        this.quietNanos = quietPeriod.toNanos();
        this.maxDelayNanos = maxDelay.toNanos();
    }

    @EventListener
    void measurementsStored(MeasurementsStored event) {
        long now = System.nanoTime();
        synchronized (pending) {
            for (String memberId : event.memberIds()) {
                pending.merge(memberId, new Waiting(now, now), (was, next) -> new Waiting(was.firstNanos(), now));
            }
            pending.notifyAll();
        }
    }

    @EventListener
    void screeningRecorded(ScreeningRecorded event) {
        try {
            prescriber.refresh(event.memberId());
        } catch (RuntimeException e) {
            log.error("member {}: prescription after a new screening failed; it is retried with the next result",
                    event.memberId(), e);
        }
    }

    @Override
    protected void startWork() {
        thread = namedThread().start(this::run);
    }

    private void run() {
        while (isRunning()) {
            List<String> due;
            synchronized (pending) {
                due = takeDue(System.nanoTime());
                while (isRunning() && due.isEmpty()) {
                    try {
                        long wait = nanosUntilNextDue(System.nanoTime());
                        if (wait == Long.MAX_VALUE) {
                            pending.wait();
                        } else {
                            pending.wait(Math.max(1, Duration.ofNanos(wait).toMillis() + 1));
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    due = takeDue(System.nanoTime());
                }
            }
            refresh(due);
        }
    }

    private void refresh(List<String> memberIds) {
        for (String memberId : memberIds) {
            try {
                prescriber.refresh(memberId);
            } catch (RuntimeException e) {
                log.error("member {}: prescription failed; it is retried with the member's next result", memberId, e);
            }
        }
    }

    /** Removes and returns the members whose visit has settled (or waited the maximum delay). */
    private List<String> takeDue(long now) {
        List<String> due = new ArrayList<>();
        for (Iterator<Map.Entry<String, Waiting>> it = pending.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Waiting> entry = it.next();
            if (dueAt(entry.getValue()) - now <= 0) {
                due.add(entry.getKey());
                it.remove();
            }
        }
        return due;
    }

    private long nanosUntilNextDue(long now) {
        return pending.values().stream().mapToLong(w -> Math.max(0, dueAt(w) - now)).min().orElse(Long.MAX_VALUE);
    }

    private long dueAt(Waiting waiting) {
        long quiet = waiting.lastNanos() + quietNanos;
        long latest = waiting.firstNanos() + maxDelayNanos;
        return quiet - latest < 0 ? quiet : latest;
    }

    /** How many members wait for their visit to settle (for tests and logs). */
    int waiting() {
        synchronized (pending) {
            return pending.size();
        }
    }

    @Override
    protected void stopWork() {
        synchronized (pending) {
            pending.notifyAll();
        }
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<String> left;
        synchronized (pending) {
            left = List.copyOf(pending.keySet());
            pending.clear();
        }
        if (!left.isEmpty()) {
            log.info("prescribing {} members whose visit had not settled before shutdown", left.size());
            refresh(left);
        }
    }
}
