package kr.smartsenior.protocol;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a kiosk publishes on {@code measurements}: a batch of records, named by a batch id so that
 * the server's {@link Ack} can be matched to it.
 */
public record MeasurementBatch(String batchId, String deviceId, OffsetDateTime sentAt, List<MeasurementRecord> records) {

    public MeasurementBatch {
        records = records == null ? List.of() : List.copyOf(records);
    }
}
