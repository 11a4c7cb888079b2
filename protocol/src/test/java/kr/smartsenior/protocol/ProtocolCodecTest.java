package kr.smartsenior.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProtocolCodecTest {

    private static final Instant NOW = Instant.parse("2026-11-21T03:00:00Z");
    private static final OffsetDateTime TAKEN = OffsetDateTime.of(2026, 11, 21, 11, 30, 0, 0, ZoneOffset.ofHours(9));

    private final ProtocolCodec codec = new ProtocolCodec();

    private static MeasurementRecord chairStand(int count) {
        return MeasurementRecord.of("M7K2Q9XD4T", MeasurementCode.CHAIR_STAND_30S, BigDecimal.valueOf(count), TAKEN,
                Map.of("repetitionsAt", List.of(2.1, 4.0)));
    }

    private ReceivedBatch decodeOk(String json) {
        Decoded<ReceivedBatch> decoded = codec.decodeBatch(json.getBytes(StandardCharsets.UTF_8), NOW);
        assertThat(decoded).isInstanceOf(Decoded.Ok.class);
        return ((Decoded.Ok<ReceivedBatch>) decoded).value();
    }

    private String malformedReason(byte[] payload) {
        Decoded<ReceivedBatch> decoded = codec.decodeBatch(payload, NOW);
        assertThat(decoded).isInstanceOf(Decoded.Malformed.class);
        return ((Decoded.Malformed<ReceivedBatch>) decoded).reason();
    }

    @Test
    void batchRoundTripKeepsEveryFieldAndTheOffset() {
        MeasurementRecord record = chairStand(14);
        MeasurementRecord tug = MeasurementRecord.of("M7K2Q9XD4T", MeasurementCode.TIMED_UP_AND_GO,
                new BigDecimal("8.7"), TAKEN, Map.of());
        MeasurementBatch batch = new MeasurementBatch("b1", "kiosk-01", TAKEN, List.of(record, tug));

        ReceivedBatch back = ((Decoded.Ok<ReceivedBatch>) codec.decodeBatch(codec.encode(batch), NOW)).value();

        assertThat(back.batchId()).isEqualTo("b1");
        assertThat(back.deviceId()).isEqualTo("kiosk-01");
        assertThat(back.rejected()).isEmpty();
        assertThat(back.valid()).hasSize(2);
        MeasurementRecord first = back.valid().getFirst();
        assertThat(first.id()).isEqualTo(record.id());
        assertThat(first.value()).isEqualByComparingTo("14");
        assertThat(first.takenAt()).isEqualTo(TAKEN);
        assertThat(first.takenAt().getOffset()).isEqualTo(ZoneOffset.ofHours(9));
        assertThat(first.detail()).containsKey("repetitionsAt");
        assertThat(back.valid().get(1).value()).isEqualByComparingTo("8.7");
    }

    @Test
    void wireFormUsesExactUnitsAndPlainNumbers() {
        String json = new String(codec.encode(chairStand(14)), StandardCharsets.UTF_8);
        assertThat(json).contains("\"unit\":\"count\"", "\"kind\":\"test\"", "\"code\":\"CHAIR_STAND_30S\"",
                "\"value\":14", "\"takenAt\":\"2026-11-21T11:30:00+09:00\"");
    }

    @Test
    void ackStatusRosterAndConfigRoundTrip() {
        UUID id = UUID.randomUUID();
        Ack ack = new Ack("b1", List.of(id), List.of(new Rejection("x", "id is not a UUID")));
        assertThat(((Decoded.Ok<Ack>) codec.decodeAck(codec.encode(ack))).value()).isEqualTo(ack);

        DeviceStatus status = new DeviceStatus(DeviceStatus.ONLINE, "0.1.0", 3, Map.of("stepMat", "ok"), TAKEN);
        assertThat(((Decoded.Ok<DeviceStatus>) codec.decodeStatus(codec.encode(status))).value()).isEqualTo(status);

        Roster roster = new Roster("ydp-01", 7, TAKEN,
                List.of(new RosterEntry("M7K2Q9XD4T", "김순자", "c2hh", 2, KioskPrescription.NONE)));
        assertThat(((Decoded.Ok<Roster>) codec.decodeRoster(codec.encode(roster))).value()).isEqualTo(roster);

        DeviceConfig config = new DeviceConfig(3, Map.of("volume", 80));
        assertThat(((Decoded.Ok<DeviceConfig>) codec.decodeConfig(codec.encode(config))).value()).isEqualTo(config);
    }

    @Test
    void oneBadRecordIsRejectedAloneAndTheGoodOnesPass() {
        String good = new String(codec.encode(chairStand(12)), StandardCharsets.UTF_8);
        String bad = good.replace("\"value\":12", "\"value\":240").replaceAll("\"id\":\"[^\"]+\"",
                "\"id\":\"11111111-2222-3333-4444-555555555555\"");
        ReceivedBatch batch = decodeOk("{\"batchId\":\"b2\",\"deviceId\":\"kiosk-01\",\"records\":[" + good + ","
                + bad + ",42]}");

        assertThat(batch.valid()).hasSize(1);
        assertThat(batch.rejected()).containsExactly(
                new Rejection("11111111-2222-3333-4444-555555555555", "CHAIR_STAND_30S value 240 outside 0..60"),
                new Rejection("#2", "record must be a JSON object"));
    }

    @Test
    void theSameIdTwiceInOneBatchIsKeptOnce() {
        String one = new String(codec.encode(chairStand(12)), StandardCharsets.UTF_8);
        ReceivedBatch batch = decodeOk("{\"batchId\":\"b3\",\"deviceId\":\"kiosk-01\",\"records\":[" + one + ","
                + one + "]}");
        assertThat(batch.valid()).hasSize(1);
        assertThat(batch.rejected()).isEmpty();
    }

    @Test
    void anUnwellAnswerIsACheckWithTheValueOneAndNothingElse() {
        MeasurementRecord unwell = MeasurementRecord.of("M7K2Q9XD4T", MeasurementCode.UNWELL_TODAY, BigDecimal.ONE, TAKEN,
                Map.of("question", "아프거나 어지러우세요?"));
        String one = new String(codec.encode(unwell), StandardCharsets.UTF_8);
        assertThat(one).contains("\"kind\":\"check\"");
        ReceivedBatch ok = decodeOk("{\"batchId\":\"c1\",\"deviceId\":\"kiosk-01\",\"records\":[" + one + "]}");
        assertThat(ok.valid()).singleElement().satisfies(r -> assertThat(r.code()).isEqualTo("UNWELL_TODAY"));

        String two = one.replace("\"value\":1", "\"value\":2");
        ReceivedBatch rejected = decodeOk("{\"batchId\":\"c2\",\"deviceId\":\"kiosk-01\",\"records\":[" + two + "]}");
        assertThat(rejected.valid()).isEmpty();
        assertThat(rejected.rejected()).singleElement().satisfies(r -> assertThat(r.reason()).contains("outside 1..1"));

        String asTest = one.replace("\"kind\":\"check\"", "\"kind\":\"test\"");
        ReceivedBatch wrongKind = decodeOk("{\"batchId\":\"c3\",\"deviceId\":\"kiosk-01\",\"records\":[" + asTest + "]}");
        assertThat(wrongKind.rejected()).singleElement().satisfies(r -> assertThat(r.reason()).contains("is a check, not test"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "\"id\":\"not-a-uuid\"                     | id is not a UUID",
        "\"memberId\":\"<script>\"                 | memberId is not a valid member id",
        "\"memberId\":null                         | memberId missing",
        "\"kind\":\"game\"                         | kind 'game' is not test, exercise or check",
        "\"kind\":\"exercise\"                     | CHAIR_STAND_30S is a test, not exercise",
        "\"code\":\"PUSH_UPS\"                     | code 'PUSH_UPS' is unknown",
        "\"unit\":\"kg\"                           | CHAIR_STAND_30S unit 'kg' should be 'count'",
        "\"value\":240                             | CHAIR_STAND_30S value 240 outside 0..60",
        "\"value\":-1                              | CHAIR_STAND_30S value -1 outside 0..60",
        "\"value\":12.5                            | CHAIR_STAND_30S value 12.5 is not a whole count",
        "\"value\":\"12\"                          | value must be a JSON number",
        "\"value\":null                            | value missing",
        "\"takenAt\":\"2026-11-21T11:30:00\"       | takenAt '2026-11-21T11:30:00' is not ISO-8601 with an offset",
        "\"takenAt\":\"1970-01-01T00:00:10Z\"      | takenAt 1970-01-01T00:00:10Z is before 2020-01-01 (kiosk clock not set?)",
        "\"takenAt\":\"2026-11-23T03:00:01Z\"      | takenAt 2026-11-23T03:00:01Z is more than 24 h in the future",
        "\"detail\":[1,2]                          | detail must be a JSON object",
    })
    void everyRejectionHasItsOwnReason(String replacement, String reason) {
        String field = replacement.substring(1, replacement.indexOf('"', 1));
        String json = new String(codec.encode(chairStand(12)), StandardCharsets.UTF_8)
                .replaceAll("\"" + field + "\":(\\{[^}]*\\}|\"[^\"]*\"|[^,}]+)", java.util.regex.Matcher.quoteReplacement(replacement));
        ReceivedBatch batch = decodeOk("{\"batchId\":\"b4\",\"deviceId\":\"kiosk-01\",\"records\":[" + json + "]}");
        assertThat(batch.valid()).isEmpty();
        assertThat(batch.rejected()).singleElement().extracting(Rejection::reason).isEqualTo(reason);
    }

    @Test
    void oversizedDetailIsRejected() {
        MeasurementRecord big = MeasurementRecord.of("M1", MeasurementCode.BALANCE, BigDecimal.TEN, TAKEN,
                Map.of("notes", "가".repeat(ProtocolCodec.MAX_DETAIL_BYTES)));
        ReceivedBatch batch = decodeOk(new String(codec.encode(new MeasurementBatch("b5", "kiosk-01", TAKEN,
                List.of(big))), StandardCharsets.UTF_8));
        assertThat(batch.rejected()).singleElement().extracting(Rejection::reason)
                .isEqualTo("detail larger than 8192 bytes");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "[1,2,3]                                                    | batch must be a JSON object",
        "{\"deviceId\":\"kiosk-01\",\"records\":[]}                 | batchId missing or not 1-64 letters, digits, '-' or '_'",
        "{\"batchId\":\"b/1\",\"deviceId\":\"kiosk-01\",\"records\":[]} | batchId missing or not 1-64 letters, digits, '-' or '_'",
        "{\"batchId\":\"b1\",\"deviceId\":\"Kiosk#1\",\"records\":[]} | batch b1: deviceId missing or invalid",
        "{\"batchId\":\"b1\",\"deviceId\":\"kiosk-01\"}               | batch b1: records must be an array",
        "{\"batchId\":\"b1\",\"deviceId\":\"kiosk-01\",\"records\":{}} | batch b1: records must be an array",
    })
    void malformedEnvelopesSayWhy(String json, String reason) {
        assertThat(malformedReason(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(reason);
    }

    @Test
    void garbageBytesNeverThrow() {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            byte[] garbage = new byte[random.nextInt(300)];
            random.nextBytes(garbage);
            Decoded<ReceivedBatch> decoded = codec.decodeBatch(garbage, NOW);
            assertThat(decoded).isNotNull();
            assertThat(codec.decodeAck(garbage)).isNotNull();
            assertThat(codec.decodeStatus(garbage)).isNotNull();
        }
        assertThat(malformedReason(new byte[0])).isEqualTo("empty payload");
        assertThat(malformedReason(null)).isEqualTo("empty payload");
        assertThat(malformedReason("{\"batchId\":".getBytes(StandardCharsets.UTF_8))).startsWith("not JSON: ");
    }

    @Test
    void hugePayloadsAreRefusedBeforeParsing() {
        byte[] huge = new byte[ProtocolCodec.MAX_PAYLOAD_BYTES + 1];
        assertThat(malformedReason(huge)).isEqualTo("payload of 262145 bytes exceeds 262144");
        assertThat(codec.decodeAck(huge)).isInstanceOf(Decoded.Malformed.class);
    }

    @Test
    void deepNestingAndTooManyRecordsAreMalformed() {
        String deep = "{\"batchId\":\"b1\",\"deviceId\":\"kiosk-01\",\"records\":[" + "[".repeat(200) + "]".repeat(200)
                + "]}";
        assertThat(malformedReason(deep.getBytes(StandardCharsets.UTF_8))).startsWith("not JSON: ");

        StringBuilder many = new StringBuilder("{\"batchId\":\"b1\",\"deviceId\":\"kiosk-01\",\"records\":[");
        for (int i = 0; i <= ProtocolCodec.MAX_RECORDS_PER_BATCH; i++) {
            many.append(i == 0 ? "" : ",").append("{}");
        }
        assertThat(malformedReason(many.append("]}").toString().getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("batch b1: 501 records exceed 500");
    }

    @Test
    void hostileTextInReasonsIsClippedAndHasNoControlCharacters() {
        String hostile = "X".repeat(100) + "\n\u0000";
        String json = "{\"batchId\":\"b1\",\"deviceId\":\"kiosk-01\",\"records\":[{\"id\":\""
                + UUID.randomUUID() + "\",\"memberId\":\"M1\",\"kind\":\"test\",\"code\":\""
                + hostile.replace("\n", "\\n").replace("\u0000", "\\u0000")
                + "\",\"value\":1,\"unit\":\"count\",\"takenAt\":\"2026-11-21T11:30:00+09:00\"}]}";
        String reason = decodeOk(json).rejected().getFirst().reason();
        assertThat(reason).hasSizeLessThan(80).doesNotContain("\n").doesNotContain("\u0000");
    }

    @Test
    void nullValuesInsideDetailAreKept() {
        String json = new String(codec.encode(chairStand(12)), StandardCharsets.UTF_8)
                .replaceAll("\"detail\":\\{[^}]*\\}", "\"detail\":{\"note\":null,\"pads\":[1,null]}");
        ReceivedBatch batch = decodeOk("{\"batchId\":\"b6\",\"deviceId\":\"kiosk-01\",\"records\":[" + json + "]}");
        assertThat(batch.rejected()).isEmpty();
        assertThat(batch.valid().getFirst().detail()).containsEntry("note", null);
    }

    @Test
    void nullsWhereMessagesExpectValuesAreMalformedNotExceptions() {
        assertThat(codec.decodeAck("{\"batchId\":\"b1\",\"accepted\":[null]}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Decoded.Malformed.class);
        assertThat(codec.decodeStatus("{\"state\":\"online\",\"sensors\":{\"a\":null}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Decoded.Malformed.class);
        assertThat(codec.decodeRoster("{\"siteId\":\"a\",\"members\":[null]}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Decoded.Malformed.class);
    }

    @Test
    void malformedAckSaysWhy() {
        Decoded<Ack> decoded = codec.decodeAck("{\"batchId\":\"b1\",\"accepted\":[\"nope\"]}".getBytes(StandardCharsets.UTF_8));
        assertThat(decoded).isInstanceOf(Decoded.Malformed.class);
        assertThat(((Decoded.Malformed<Ack>) decoded).reason()).startsWith("not a valid Ack");
    }

    @Test
    void aBatchOfRecordsAlreadyInJsonGoesOutByteForByteAndReadsBack() {
        String first = new String(codec.encode(chairStand(14)), StandardCharsets.UTF_8);
        String second = new String(codec.encode(chairStand(9)), StandardCharsets.UTF_8);
        byte[] payload = codec.encodeBatch("b7", "kiosk-01", TAKEN, List.of(first, second));

        assertThat(new String(payload, StandardCharsets.UTF_8)).contains(first).contains(second);
        ReceivedBatch back = ((Decoded.Ok<ReceivedBatch>) codec.decodeBatch(payload, NOW)).value();
        assertThat(back.batchId()).isEqualTo("b7");
        assertThat(back.valid()).extracting(MeasurementRecord::value).map(BigDecimal::intValue).containsExactly(14, 9);
    }
}
