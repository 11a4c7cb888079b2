package kr.smartsenior.server.prescription;

import kr.smartsenior.server.derived.WorkHandler;
import kr.smartsenior.server.derived.WorkKind;
import kr.smartsenior.server.screening.ScreeningRecorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Re-prescribes members whose new records the ingest committed, once their visit has settled: a
 * senior's visit arrives as many batches (each test and session on its own), and prescribing after
 * each would store a version per batch. The ingest notes the member in the durable derived-work
 * queue ({@code derived.WorkQueue}, decision 0037) in the transaction that stores the records; the
 * row falls due when no new record of theirs has arrived for the quiet period
 * ({@code ssc.prescription.quiet-period}), or at the latest the maximum delay after the first one
 * ({@code ssc.prescription.max-delay}), and one worker of one server instance then prescribes. A
 * member still waiting at shutdown stays in the queue for another instance or the next start. A new
 * screening or clearance is applied at once, in the request's thread.
 */
@Component
final class PrescriptionTrigger implements WorkHandler {

    private static final Logger log = LoggerFactory.getLogger(PrescriptionTrigger.class);

    private final Prescriber prescriber;

    PrescriptionTrigger(Prescriber prescriber) {
        this.prescriber = prescriber;
    }

    @Override
    public WorkKind kind() {
        return WorkKind.PRESCRIBE;
    }

    @Override
    public void perform(String memberId) {
        prescriber.refresh(memberId);
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
}
