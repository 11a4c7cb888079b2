package kr.smartsenior.server.roster;

import java.util.Map;

/**
 * The prescription summary a kiosk shows a member offline, supplied by the prescription feature
 * and carried in the member's roster entry. The roster works without it (an empty map reads
 * "처방 준비 중" on the kiosk).
 */
public interface KioskPrescriptions {

    /** The current prescription of this member in the form the kiosk displays, or an empty map. */
    Map<String, Object> forKiosk(String memberId);
}
