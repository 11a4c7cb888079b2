package kr.smartsenior.edge.simulate;

import java.util.Map;
import kr.smartsenior.edge.ui.ports.MemberInfo;
import kr.smartsenior.protocol.KioskPrescription;

/** Prescriptions from a fixed map, like the cached roster would give them. */
public final class SimulatedMembers implements MemberInfo {

    private final Map<String, KioskPrescription> prescriptions;

    public SimulatedMembers(Map<String, KioskPrescription> prescriptions) {
        this.prescriptions = Map.copyOf(prescriptions);
    }

    @Override
    public KioskPrescription prescription(String memberId) {
        return prescriptions.getOrDefault(memberId, KioskPrescription.NONE);
    }
}
