package kr.smartsenior.edge.ui.adapters;

import kr.smartsenior.edge.identify.RosterBook;
import kr.smartsenior.edge.ui.ports.MemberInfo;
import kr.smartsenior.protocol.KioskPrescription;
import kr.smartsenior.protocol.MemberResults;
import kr.smartsenior.protocol.RosterEntry;

/**
 * The screens' {@link MemberInfo} from the roster in use (the newest synced, kept in the local
 * store): a member's current prescription as the server put it in the roster, or NONE
 * ("처방 준비 중") when it has none yet or the member is not on the roster; likewise the member's grade
 * cut-offs and latest results. Reads memory only.
 */
public final class RosterMemberInfo implements MemberInfo {

    private final RosterBook roster;

    public RosterMemberInfo(RosterBook roster) {
        this.roster = roster;
    }

    @Override
    public KioskPrescription prescription(String memberId) {
        return roster.member(memberId).map(RosterEntry::prescription).orElse(KioskPrescription.NONE);
    }

    @Override
    public MemberResults results(String memberId) {
        return roster.member(memberId).map(RosterEntry::results).orElse(MemberResults.NONE);
    }
}
