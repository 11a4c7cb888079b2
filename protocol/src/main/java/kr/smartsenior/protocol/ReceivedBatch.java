package kr.smartsenior.protocol;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A measurement batch after decoding and validation: the records that passed, and a rejection for
 * each that did not. One bad record never spoils the good ones around it.
 */
public record ReceivedBatch(String batchId, String deviceId, OffsetDateTime sentAt,
        List<MeasurementRecord> valid, List<Rejection> rejected) {

    public ReceivedBatch {
        valid = List.copyOf(valid);
        rejected = List.copyOf(rejected);
    }
}
