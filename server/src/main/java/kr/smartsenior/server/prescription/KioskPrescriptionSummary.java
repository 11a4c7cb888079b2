package kr.smartsenior.server.prescription;

import java.time.ZoneOffset;
import kr.smartsenior.protocol.KioskPrescription;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.server.roster.KioskPrescriptions;
import org.springframework.stereotype.Component;

/**
 * The current prescription as a kiosk shows and applies it offline ({@link KioskPrescription}):
 * short Korean lines, program codes with levels, restrictions, version. Only what the kiosk needs:
 * no measurements, no staff detail.
 */
@Component
final class KioskPrescriptionSummary implements KioskPrescriptions {

    private final PrescriptionStore store;

    KioskPrescriptionSummary(PrescriptionStore store) {
        this.store = store;
    }

    @Override
    public KioskPrescription forKiosk(String memberId) {
        return store.current(memberId).map(KioskPrescriptionSummary::summary).orElse(KioskPrescription.NONE);
    }

    static KioskPrescription summary(Plan plan) {
        return new KioskPrescription(plan.version(), plan.createdAt().withOffsetSameInstant(ZoneOffset.UTC),
                plan.seniorLines(),
                plan.programs().stream().map(p -> new KioskPrescription.Program(MeasurementCode.valueOf(p.code()),
                        p.korean(), p.level(), p.minutes(), p.perWeek())).toList(),
                plan.restrictions().stream().map(r -> new KioskPrescription.Restriction(r.code(), r.seniorText()))
                        .toList());
    }
}
