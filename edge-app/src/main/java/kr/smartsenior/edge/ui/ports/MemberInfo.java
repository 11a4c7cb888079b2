package kr.smartsenior.edge.ui.ports;

import kr.smartsenior.protocol.KioskPrescription;
import kr.smartsenior.protocol.MemberResults;

/**
 * What the kiosk knows offline about a member beyond the card: the current exercise prescription, and
 * the server's grade cut-offs and latest results.
 */
public interface MemberInfo {

    /**
     * The member's current prescription as the roster carries it (docs/protocol.md, "Roster"): the
     * summary shows its {@code lines}, the exercise screens offer its {@code programs} within its
     * {@code restrictions}. {@link KioskPrescription#NONE} means the server has none yet: "처방 준비 중",
     * and no exercise program is offered. Never null; unknown members get {@code NONE}. Called on the
     * controller's thread; must not block for long (read the cached roster).
     */
    KioskPrescription prescription(String memberId);

    /**
     * The member's grade cut-offs and latest results as the roster carries them (docs/protocol.md,
     * "Roster"): the result screen gives the band the server will give ({@link MemberResults#band}), 내 기록
     * lists the latest results and their trend. {@link MemberResults#NONE} (an older server, an unknown
     * member): no band ("기록했어요") and only today's results. Never null; same rules as
     * {@link #prescription}.
     */
    default MemberResults results(String memberId) {
        return MemberResults.NONE;
    }
}
