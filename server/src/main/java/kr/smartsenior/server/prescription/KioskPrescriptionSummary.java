package kr.smartsenior.server.prescription;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.smartsenior.server.roster.KioskPrescriptions;
import org.springframework.stereotype.Component;

/**
 * The current prescription as a kiosk shows it offline: short Korean lines, program codes with
 * levels, restrictions, version. Only what the kiosk needs: no measurements, no staff detail.
 *
 * <pre>{@code
 * {"version": 3, "issuedAt": "2026-11-21T01:00:00Z",
 *  "lines": ["넘어질 위험이 있어 ...", "빠르게 걷기를 ..."],
 *  "programs": [{"code": "STEP_JUMP", "name": "스텝 & 점프", "level": 1, "minutes": 10, "perWeek": 3}],
 *  "restrictions": [{"code": "SAFE-FALL-HIGH", "text": "넘어질 위험이 있어 ..."}]}
 * }</pre>
 */
@Component
final class KioskPrescriptionSummary implements KioskPrescriptions {

    private final PrescriptionStore store;

    KioskPrescriptionSummary(PrescriptionStore store) {
        this.store = store;
    }

    @Override
    public Map<String, Object> forKiosk(String memberId) {
        return store.current(memberId).map(KioskPrescriptionSummary::summary).orElse(Map.of());
    }

    static Map<String, Object> summary(Plan plan) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("version", plan.version());
        summary.put("issuedAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(plan.createdAt()));
        summary.put("lines", List.copyOf(plan.seniorLines()));
        summary.put("programs", plan.programs().stream().map(p -> {
            Map<String, Object> program = new LinkedHashMap<>();
            program.put("code", p.code());
            program.put("name", p.korean());
            program.put("level", p.level());
            program.put("minutes", p.minutes());
            program.put("perWeek", p.perWeek());
            return (Object) program;
        }).toList());
        summary.put("restrictions", plan.restrictions().stream().map(r -> {
            Map<String, Object> restriction = new LinkedHashMap<>();
            restriction.put("code", r.code());
            restriction.put("text", r.seniorText());
            return (Object) restriction;
        }).toList());
        return summary;
    }
}
