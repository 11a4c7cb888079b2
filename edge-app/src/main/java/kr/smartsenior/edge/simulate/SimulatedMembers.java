package kr.smartsenior.edge.simulate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kr.smartsenior.edge.ui.ports.MemberInfo;
import kr.smartsenior.protocol.KioskPrescription;
import kr.smartsenior.protocol.MemberResults;

/**
 * Prescriptions from a fixed map, like the cached roster would give them; and the server's cut-offs and
 * latest results of a member once {@link #results(String, MemberResults)} gave them (as a new roster would).
 */
public final class SimulatedMembers implements MemberInfo {

    private final Map<String, KioskPrescription> prescriptions;
    private final Map<String, MemberResults> results = new ConcurrentHashMap<>();

    public SimulatedMembers(Map<String, KioskPrescription> prescriptions) {
        this.prescriptions = Map.copyOf(prescriptions);
    }

    @Override
    public KioskPrescription prescription(String memberId) {
        return prescriptions.getOrDefault(memberId, KioskPrescription.NONE);
    }

    @Override
    public MemberResults results(String memberId) {
        return results.getOrDefault(memberId, MemberResults.NONE);
    }

    /** From now on the member has these cut-offs and latest results (a roster that carries them arrived). */
    public void results(String memberId, MemberResults memberResults) {
        results.put(memberId, memberResults);
    }
}
