package kr.smartsenior.edge.testing;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import kr.smartsenior.protocol.KioskPrescription;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.RestrictionCode;

/** Prescriptions as a roster carries them, for tests that need one written by hand. */
public final class Prescriptions {

    private Prescriptions() {
    }

    /** Only the senior's lines: nothing offered at the kiosk. */
    public static KioskPrescription lines(String... lines) {
        return of(List.of(lines), List.of());
    }

    public static KioskPrescription of(List<String> lines, List<KioskPrescription.Program> programs,
            RestrictionCode... restrictions) {
        return new KioskPrescription(1, OffsetDateTime.parse("2026-11-21T01:00:00Z"), lines, programs,
                Arrays.stream(restrictions).map(r -> new KioskPrescription.Restriction(r, r.wire() + " 안내")).toList());
    }

    public static KioskPrescription.Program program(MeasurementCode code, int level, int minutes) {
        return new KioskPrescription.Program(code, code.koreanName(), level, minutes, 3);
    }
}
