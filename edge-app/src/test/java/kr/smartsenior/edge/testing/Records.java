package kr.smartsenior.edge.testing;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;

/** Valid records for tests. */
public final class Records {

    private Records() {
    }

    /** A grip strength result with a fresh id, taken now in Seoul. */
    public static MeasurementRecord grip(String memberId, String kilograms) {
        return MeasurementRecord.of(memberId, MeasurementCode.GRIP_STRENGTH, new BigDecimal(kilograms),
                OffsetDateTime.now(ZoneOffset.ofHours(9)).withNano(0), Map.of("hand", "right"));
    }

    /** A chair stand count with a fresh id. */
    public static MeasurementRecord chairStands(String memberId, int count) {
        return MeasurementRecord.of(memberId, MeasurementCode.CHAIR_STAND_30S, BigDecimal.valueOf(count),
                OffsetDateTime.now(ZoneOffset.ofHours(9)).withNano(0), Map.of());
    }
}
