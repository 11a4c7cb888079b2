package kr.smartsenior.server.ingest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;

/**
 * The benchmark's records, made again from (run, kiosk, sequence) whenever they are needed, so the
 * load generator keeps no payloads in memory: a re-send rebuilds its batch, and the check after a
 * run reads each stored id back to the kiosk and sequence number it came from.
 *
 * <p>Id layout (a canonical version-4, variant-1 UUID): high 32 bits the run, next 16 the kiosk,
 * version nibble 4; the low word the sequence number after the variant bits.
 */
final class BenchRecords {

    private static final ZoneOffset SEOUL = ZoneOffset.ofHours(9);
    private static final MeasurementCode[] CODES = {MeasurementCode.CHAIR_STAND_30S, MeasurementCode.STEP_IN_PLACE_2MIN,
        MeasurementCode.TIMED_UP_AND_GO, MeasurementCode.ONE_LEG_STANCE, MeasurementCode.BALANCE};

    private final int run;
    private final OffsetDateTime base = OffsetDateTime.now(SEOUL).minusDays(2).withNano(0);

    BenchRecords(int run) {
        this.run = run;
    }

    UUID id(int kiosk, long seq) {
        long msb = ((long) run << 32) | ((long) (kiosk & 0xFFFF) << 16) | 0x4000L;
        long lsb = 0x8000_0000_0000_0000L | (seq & 0x3FFF_FFFF_FFFF_FFFFL);
        return new UUID(msb, lsb);
    }

    /** The kiosk of an id of this run, or -1 when the id is not one of this run's. */
    int kioskOf(UUID id) {
        long msb = id.getMostSignificantBits();
        return (int) (msb >>> 32) == run ? (int) ((msb >>> 16) & 0xFFFF) : -1;
    }

    static long seqOf(UUID id) {
        return id.getLeastSignificantBits() & 0x3FFF_FFFF_FFFF_FFFFL;
    }

    /** Record {@code seq} of a kiosk: a member of its site, a plausible result with its protocol's detail. */
    MeasurementRecord record(int kiosk, long seq, List<String> members) {
        MeasurementCode code = CODES[(int) (seq % CODES.length)];
        String memberId = members.get((int) ((seq / CODES.length + kiosk) % members.size()));
        OffsetDateTime takenAt = base.plusSeconds(seq * 7 + kiosk);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("source", "sensors");
        BigDecimal value;
        switch (code) {
            case CHAIR_STAND_30S -> {
                value = BigDecimal.valueOf(8 + seq % 12);
                detail.put("protocol", "chair-stand-30s/2");
                detail.put("fullStands", value.intValue());
                detail.put("halfwayAtEnd", false);
                detail.put("standAtS", List.of(1.62, 3.71, 5.83, 7.9, 10.02));
                detail.put("signalLostMs", 0);
            }
            case STEP_IN_PLACE_2MIN -> {
                value = BigDecimal.valueOf(60 + seq % 50);
                detail.put("protocol", "step-in-place-2min/2");
            }
            case TIMED_UP_AND_GO -> {
                value = new BigDecimal("7.4").add(BigDecimal.valueOf(seq % 30, 1));
                detail.put("protocol", "timed-up-and-go/2");
            }
            case ONE_LEG_STANCE -> {
                value = BigDecimal.valueOf(5 + seq % 20);
                detail.put("protocol", "one-leg-stance/2");
                detail.put("trials", List.of(value.intValue() - 2, value.intValue()));
            }
            default -> {
                value = BigDecimal.valueOf(180);
                detail.put("protocol", "balance/1");
                detail.put("program", "BALANCE");
                detail.put("level", 2);
                detail.put("durationS", 180);
                detail.put("activeS", 180);
                detail.put("hits", 4);
                detail.put("misses", 1);
                detail.put("accuracy", 0.8);
                detail.put("stoppedEarly", false);
            }
        }
        return new MeasurementRecord(id(kiosk, seq), memberId, code.kind().wireName(), code.name(), value,
                code.unit().wireName(), takenAt, detail);
    }

    List<MeasurementRecord> records(int kiosk, long firstSeq, int count, List<String> members) {
        List<MeasurementRecord> records = new ArrayList<>(count);
        for (long seq = firstSeq; seq < firstSeq + count; seq++) {
            records.add(record(kiosk, seq, members));
        }
        return records;
    }
}
