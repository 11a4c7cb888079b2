package kr.smartsenior.server.prescription;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import kr.smartsenior.server.ingest.MeasurementsStored;
import kr.smartsenior.server.screening.ScreeningRecorded;
import kr.smartsenior.server.worker.BackgroundWorker;
import kr.smartsenior.server.worker.Worker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Re-prescribes members whose new records the ingest committed, on a thread of its own so the
 * ingest worker never waits: the listener only adds ids to a pending set (a member with several
 * batches pending is done once). A new screening is applied at once, in the request's thread.
 */
@Component
final class PrescriptionTrigger extends BackgroundWorker {

    private static final Logger log = LoggerFactory.getLogger(PrescriptionTrigger.class);

    private final Prescriber prescriber;
    private final Set<String> pending = new LinkedHashSet<>();
    private Thread thread;

    PrescriptionTrigger(Prescriber prescriber) {
        super(Worker.PRESCRIBE);
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
    protected void startWork() {
        thread = namedThread().start(this::run);
    }

    private void run() {
        while (isRunning()) {
            List<String> batch;
            synchronized (pending) {
                while (isRunning() && pending.isEmpty()) {
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
                if (!isRunning()) {
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
    }
}
