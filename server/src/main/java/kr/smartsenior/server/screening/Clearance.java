package kr.smartsenior.server.screening;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Staff's record that a clinician agreed to exercise despite the "yes" answers of one screening:
 * who recorded it, who agreed and when. Without one a "yes" keeps the senior at low intensity.
 *
 * @param clearedBy  the staff account that recorded it
 * @param clinician  the clinician who agreed, as staff typed it (plain text, at most
 *                   {@value ScreeningController#CLINICIAN_MAX} characters)
 * @param agreedOn   the day the clinician agreed: not before the screening, not in the future
 * @param recordedAt when staff recorded it
 */
public record Clearance(String clearedBy, String clinician, LocalDate agreedOn, OffsetDateTime recordedAt) {
}
