package kr.smartsenior.server.fitness;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A stored test, exercise or check record of one member, as the evaluation and prescription read it.
 * {@code detail} is read whole for exercises and checks; for a test only its {@code protocol}, which
 * decides whether a norm applies.
 */
public record Result(String code, String kind, BigDecimal value, OffsetDateTime takenAt, Map<String, Object> detail) {

    public boolean isTest() {
        return "test".equals(kind);
    }

    public boolean isExercise() {
        return "exercise".equals(kind);
    }

    /** The senior told the kiosk they were in pain or dizzy today (no test that day; staff should ask). */
    public boolean isUnwellAnswer() {
        return "check".equals(kind) && "UNWELL_TODAY".equals(code);
    }
}
