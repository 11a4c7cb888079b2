package kr.smartsenior.server.screening;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One screening as recorded by staff.
 *
 * @param answers   every question's answer (true = yes)
 * @param systolic  resting systolic blood pressure in mmHg, or null if not measured
 * @param diastolic resting diastolic blood pressure in mmHg, or null
 * @param clearedBy the staff account that cleared the "yes" answers, or null
 */
public record Screening(String id, String memberId, OffsetDateTime recordedAt, String recordedBy,
        Map<ScreeningQuestion, Boolean> answers, Integer systolic, Integer diastolic, String clearedBy, String note) {

    public boolean anyYes() {
        return answers.values().stream().anyMatch(Boolean::booleanValue);
    }
}
