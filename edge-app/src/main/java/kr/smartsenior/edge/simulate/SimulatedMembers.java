package kr.smartsenior.edge.simulate;

import java.util.Map;
import kr.smartsenior.edge.ui.ports.MemberInfo;

/** Prescriptions from a fixed map, like the cached roster would give them. */
public final class SimulatedMembers implements MemberInfo {

    private final Map<String, Map<String, Object>> prescriptions;

    public SimulatedMembers(Map<String, Map<String, Object>> prescriptions) {
        this.prescriptions = Map.copyOf(prescriptions);
    }

    @Override
    public Map<String, Object> prescription(String memberId) {
        return prescriptions.getOrDefault(memberId, Map.of());
    }
}
