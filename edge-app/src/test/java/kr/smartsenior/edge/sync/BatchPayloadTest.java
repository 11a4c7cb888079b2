package kr.smartsenior.edge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import kr.smartsenior.edge.store.PendingRecord;
import kr.smartsenior.edge.testing.Records;
import kr.smartsenior.protocol.Decoded;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.ReceivedBatch;
import org.junit.jupiter.api.Test;

class BatchPayloadTest {

    private final ProtocolCodec codec = new ProtocolCodec();

    @Test
    void writesABatchTheServersCodecReadsBackRecordForRecord() {
        List<MeasurementRecord> records = List.of(Records.grip("A1", "27.5"), Records.chairStands("B2", 14),
                MeasurementRecord.of("C3", MeasurementCode.SIT_AND_REACH, new BigDecimal("-3.5"),
                        OffsetDateTime.of(2025, 3, 1, 10, 15, 0, 0, ZoneOffset.ofHours(9)), Map.of("tries", List.of(1, 2))));
        OffsetDateTime sentAt = OffsetDateTime.of(2025, 3, 1, 10, 16, 0, 0, ZoneOffset.ofHours(9));

        byte[] payload = BatchPayload.encode(codec, "abc123", "kiosk-01", sentAt, pending(records));

        Decoded<ReceivedBatch> decoded = codec.decodeBatch(payload, Instant.now());
        assertThat(decoded).isInstanceOf(Decoded.Ok.class);
        ReceivedBatch batch = ((Decoded.Ok<ReceivedBatch>) decoded).value();
        assertThat(batch.batchId()).isEqualTo("abc123");
        assertThat(batch.deviceId()).isEqualTo("kiosk-01");
        assertThat(batch.sentAt()).isEqualTo(sentAt);
        assertThat(batch.rejected()).isEmpty();
        assertThat(batch.valid()).containsExactlyElementsOf(records);
    }

    @Test
    void aBatchIsCutBeforeItOutgrowsTheLargestMessage() {
        String padding = "x".repeat(6_000);
        List<MeasurementRecord> big = IntStream.range(0, 60)
                .mapToObj(i -> MeasurementRecord.of("A1", MeasurementCode.HEIGHT, new BigDecimal("160.5"),
                        OffsetDateTime.now(ZoneOffset.ofHours(9)), Map.of("note", padding)))
                .toList();

        List<PendingRecord> fitting = BatchPayload.fitting(pending(big));

        assertThat(fitting).hasSizeBetween(30, 59);
        byte[] payload = BatchPayload.encode(codec, "b", "kiosk-01", OffsetDateTime.now(), fitting);
        assertThat(payload.length).isLessThanOrEqualTo(ProtocolCodec.MAX_PAYLOAD_BYTES);
    }

    @Test
    void aSingleOversizedRecordStillGoesAloneSoTheServerCanNameIt() {
        MeasurementRecord huge = MeasurementRecord.of("A1", MeasurementCode.HEIGHT, new BigDecimal("160.5"),
                OffsetDateTime.now(), Map.of("note", "y".repeat(ProtocolCodec.MAX_PAYLOAD_BYTES)));

        assertThat(BatchPayload.fitting(pending(List.of(huge, Records.grip("A1", "20")))))
                .hasSize(1);
    }

    private List<PendingRecord> pending(List<MeasurementRecord> records) {
        return records.stream()
                .map(record -> new PendingRecord(record.id(), new String(codec.encode(record), StandardCharsets.UTF_8), 0))
                .toList();
    }
}
