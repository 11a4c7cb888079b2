package kr.smartsenior.server.screening;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.Map;

/**
 * {@code POST /api/members/{id}/screening}: every question answered (true = yes), resting blood
 * pressure (both values or neither), an optional note. {@code cleared: true} (the old tick) is
 * refused: a clearance is recorded on its own, with the clinician who agreed.
 */
record ScreeningRequest(
        @NotNull(message = "must answer every question") Map<String, Boolean> answers,
        @Min(value = 60, message = "must be 60-300 mmHg") @Max(value = 300, message = "must be 60-300 mmHg") Integer systolic,
        @Min(value = 30, message = "must be 30-200 mmHg") @Max(value = 200, message = "must be 30-200 mmHg") Integer diastolic,
        Boolean cleared,
        String note) {
}
