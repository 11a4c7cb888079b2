package kr.smartsenior.edge.measure;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;

/**
 * A valid outcome of one test.
 *
 * @param code   the catalogue code
 * @param value  in the code's unit (count, s to 0.1, kg, cm)
 * @param detail the raw summary kept with the record (repetition times, trials, signal losses, …)
 */
public record TestResult(MeasurementCode code, BigDecimal value, Map<String, Object> detail) {

    public TestResult {
        detail = Collections.unmodifiableMap(new LinkedHashMap<>(detail));
    }

    /** The protocol record for this member, taken now. */
    public MeasurementRecord toRecord(String memberId, OffsetDateTime takenAt) {
        return MeasurementRecord.of(memberId, code, value, takenAt, detail);
    }
}
