package kr.smartsenior.server.roster;

import kr.smartsenior.protocol.KioskPrescription;

/**
 * The prescription a kiosk shows and applies offline, supplied by the prescription feature and
 * carried in the member's roster entry. The roster works without it ({@link KioskPrescription#NONE}
 * reads "처방 준비 중" on the kiosk).
 */
public interface KioskPrescriptions {

    /** The current prescription of this member as the kiosk takes it, or {@link KioskPrescription#NONE}. */
    KioskPrescription forKiosk(String memberId);
}
