package kr.smartsenior.server.fitness;

import java.util.Set;
import kr.smartsenior.protocol.MeasurementCode;

/**
 * The fall-risk evaluation's port to 검증 측정 (validation against hand timing): which tests' kiosk
 * measurements at a site agree with staff hand timing within the test's smallest real change.
 * Flags raised by another test are shown as "검증 전". Implemented by {@code validation}.
 */
public interface KioskValidation {

    /** The tests validated at this site. */
    Set<MeasurementCode> validatedAt(String siteId);
}
