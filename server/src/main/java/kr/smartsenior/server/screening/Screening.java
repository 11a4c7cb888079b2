package kr.smartsenior.server.screening;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One screening as recorded by staff.
 *
 * @param answers   the answers given (true = yes); a question added later is missing from older ones
 * @param systolic  resting systolic blood pressure in mmHg, or null if not measured
 * @param diastolic resting diastolic blood pressure in mmHg, or null
 * @param clearance the recorded clearance of the "yes" answers, or null
 */
public record Screening(String id, String memberId, OffsetDateTime recordedAt, String recordedBy,
        Map<ScreeningQuestion, Boolean> answers, Integer systolic, Integer diastolic, Clearance clearance,
        String note) {

    public boolean anyYes() {
        return answers.values().stream().anyMatch(Boolean::booleanValue);
    }

    public Screening withClearance(Clearance clearance) {
        return new Screening(id, memberId, recordedAt, recordedBy, answers, systolic, diastolic, clearance, note);
    }
}
