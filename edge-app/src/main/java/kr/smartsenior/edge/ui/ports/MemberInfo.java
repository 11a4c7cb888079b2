package kr.smartsenior.edge.ui.ports;

import kr.smartsenior.protocol.KioskPrescription;

/** What the kiosk knows offline about a member beyond the card: the current exercise prescription. */
public interface MemberInfo {

    /**
     * The member's current prescription as the roster carries it (docs/protocol.md, "Roster"): the
     * summary shows its {@code lines}, the exercise screens offer its {@code programs} within its
     * {@code restrictions}. {@link KioskPrescription#NONE} means the server has none yet: "처방 준비 중",
     * and no exercise program is offered. Never null; unknown members get {@code NONE}. Called on the
     * controller's thread; must not block for long (read the cached roster).
     */
    KioskPrescription prescription(String memberId);
}
