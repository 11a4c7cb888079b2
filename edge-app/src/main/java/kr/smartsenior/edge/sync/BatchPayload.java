package kr.smartsenior.edge.sync;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import kr.smartsenior.edge.store.PendingRecord;
import kr.smartsenior.protocol.ProtocolCodec;

/**
 * Writes a {@code MeasurementBatch} message from outbox rows. Each record goes out as the exact JSON
 * the codec wrote when it was appended: what was saved on the kiosk is byte for byte what the server
 * reads, and the Pi never parses its own records again.
 */
final class BatchPayload {

    /** Room left for batchId, deviceId, sentAt and punctuation around the records. */
    static final int ENVELOPE_ALLOWANCE = 512;

    private BatchPayload() {
    }

    /**
     * The longest prefix of {@code due} that fits one message under the codec's payload limit; always
     * at least one record (a record too large on its own goes alone, and the server rejects it by name).
     */
    static List<PendingRecord> fitting(List<PendingRecord> due) {
        long budget = ProtocolCodec.MAX_PAYLOAD_BYTES - ENVELOPE_ALLOWANCE;
        long used = 0;
        for (int i = 0; i < due.size(); i++) {
            used += due.get(i).json().getBytes(StandardCharsets.UTF_8).length + 1;
            if (used > budget && i > 0) {
                return due.subList(0, i);
            }
        }
        return due;
    }

    static byte[] encode(ProtocolCodec codec, String batchId, String deviceId, OffsetDateTime sentAt,
            List<PendingRecord> records) {
        return codec.encodeBatch(batchId, deviceId, sentAt, records.stream().map(PendingRecord::json).toList());
    }
}
