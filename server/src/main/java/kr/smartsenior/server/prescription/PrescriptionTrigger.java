package kr.smartsenior.server.prescription;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import kr.smartsenior.server.ingest.MeasurementsStored;
import kr.smartsenior.server.screening.ScreeningRecorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Re-prescribes members whose new records the ingest committed, on a thread of its own so the
 * ingest worker never waits: the listener only adds ids to a pending set (a member with several
 * batches pending is done once). A new screening is applied at once, in the request's thread.
 */
@Component
final class PrescriptionTrigger implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PrescriptionTrigger.class);

    private final Prescriber prescriber;
    private final Set<String> pending = new LinkedHashSet<>();
    private volatile boolean running;
    private Thread thread;

    PrescriptionTrigger(Prescriber prescriber) {
        this.prescriber = prescriber;
    }

    @EventListener
    void measurementsStored(MeasurementsStored event) {
        synchronized (pending) {
            pending.addAll(event.memberIds());
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
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("ssc-prescribe").start(this::run);
    }

    private void run() {
        while (running) {
            List<String> batch;
            synchronized (pending) {
                while (running && pending.isEmpty()) {
                    try {
                        pending.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                batch = List.copyOf(pending);
                pending.clear();
            }
            for (String memberId : batch) {
                if (!running) {
                    return;
                }
                try {
                    prescriber.refresh(memberId);
                } catch (RuntimeException e) {
                    log.error("member {}: prescription failed; it is retried with the member's next result", memberId, e);
                }
            }
        }
    }

    @Override
    public void stop() {
        running = false;
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
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the ingest worker (2000) and stops after it, so no committed batch is missed. */
    @Override
    public int getPhase() {
        return 1000;
    }
}
