package kr.smartsenior.server.prescription;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Every version of a member's prescription, for the dashboard (the caller checks access and audits). */
@Component
public final class PrescriptionHistory {

    private final PrescriptionStore store;

    PrescriptionHistory(PrescriptionStore store) {
        this.store = store;
    }

    /** All versions, newest first. */
    public List<Plan> of(String memberId) {
        return store.versions(memberId).stream().sorted(java.util.Comparator.reverseOrder())
                .map(v -> store.version(memberId, v)).flatMap(Optional::stream).toList();
    }
}
