package kr.smartsenior.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import kr.smartsenior.protocol.Ack;
import kr.smartsenior.protocol.Channel;
import kr.smartsenior.protocol.DeviceStatus;
import kr.smartsenior.protocol.MeasurementBatch;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.Topics;
import kr.smartsenior.server.testsupport.MqttTestClient;
import kr.smartsenior.server.testsupport.TestServer;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * What the ingest promises a kiosk, run against one server (each subclass picks broker and
 * database). Site and device ids are new for every run, so runs on a shared broker never meet.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
abstract class IngestScenarios {

    private static final Logger log = LoggerFactory.getLogger(IngestScenarios.class);

    static final Duration ACK_WAIT = Duration.ofSeconds(30);
    static final ZoneOffset SEOUL = ZoneOffset.ofHours(9);

    final ProtocolCodec codec = new ProtocolCodec();
    TestServer server;
    MqttTestClient kiosk;
    String siteId;
    String deviceId;
    String memberId;

    /** The server under test, with {@link DropFirstAck} among its sources. */
    abstract TestServer startServer();

    @BeforeAll
    void start() {
        server = startServer();
        String run = UUID.randomUUID().toString().substring(0, 8);
        siteId = "it-" + run;
        deviceId = "kiosk-" + run;
        server.api().createSite(siteId, "통합시험 경로당");
        memberId = server.api().createMember(siteId, "홍길동", 1950, "M");
        kiosk = new MqttTestClient(server.mqttUri(), siteId, deviceId);
    }

    @AfterAll
    void stop() {
        if (kiosk != null) {
            kiosk.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void storesABatchAndAcksEveryRecord() {
        MeasurementBatch batch = batch("ok-" + shortId(), record(memberId, MeasurementCode.CHAIR_STAND_30S, "14"),
                record(memberId, MeasurementCode.GRIP_STRENGTH, "23.5"), record(memberId, MeasurementCode.STEP_JUMP, "600"));

        kiosk.publishMeasurements(codec.encode(batch));

        Ack ack = kiosk.awaitAck(batch.batchId(), ACK_WAIT);
        assertThat(ack.accepted()).containsExactlyInAnyOrderElementsOf(ids(batch));
        assertThat(ack.rejected()).isEmpty();
        assertThat(storedIds()).containsAll(ids(batch).stream().map(UUID::toString).toList());
    }

    @Test
    void aRedeliveredBatchStoresNothingNewAndIsAckedAgain() {
        MeasurementBatch batch = batch("again-" + shortId(), record(memberId, MeasurementCode.WEIGHT, "61.2"),
                record(memberId, MeasurementCode.HEIGHT, "158"));
        kiosk.publishMeasurements(codec.encode(batch));
        kiosk.awaitAck(batch.batchId(), ACK_WAIT);
        long rowsBefore = rowCount();
        long duplicatesBefore = stat("duplicate");

        kiosk.publishMeasurements(codec.encode(batch));

        Ack second = kiosk.awaitAck(batch.batchId(), 2, ACK_WAIT);
        assertThat(second.accepted()).containsExactlyInAnyOrderElementsOf(ids(batch));
        assertThat(rowCount()).isEqualTo(rowsBefore);
        assertThat(stat("duplicate") - duplicatesBefore).isEqualTo(2);
    }

    @Test
    void malformedMessagesAreCountedAndTheNextGoodOneIsIngested() {
        long malformedBefore = stat("malformed");
        byte[] garbage = {0x00, (byte) 0xff, 0x7b, 0x22, 0x13};
        byte[] huge = new byte[300 * 1024];
        Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';
        MeasurementBatch otherDevice = new MeasurementBatch("wrongdev-" + shortId(), "someone-else",
                OffsetDateTime.now(SEOUL), List.of(record(memberId, MeasurementCode.HEIGHT, "160")));
        MeasurementBatch good = batch("after-bad-" + shortId(), record(memberId, MeasurementCode.ONE_LEG_STANCE, "12.5"));

        kiosk.publishMeasurements(garbage);
        kiosk.publishMeasurements(huge);
        kiosk.publishMeasurements(codec.encode(otherDevice));
        kiosk.publishMeasurements(codec.encode(good));

        Ack ack = kiosk.awaitAck(good.batchId(), ACK_WAIT);
        assertThat(ack.accepted()).containsExactlyElementsOf(ids(good));
        assertThat(kiosk.acksFor(otherDevice.batchId())).isEmpty();
        assertThat(stat("malformed") - malformedBefore).isEqualTo(3);
    }

    @Test
    void aBatchTheCodecCannotReadDoesNotHoldUpTheMessagesAroundIt() {
        String poison = """
                {"batchId":"poison-%s","deviceId":"%s","records":[{"id":"%s","memberId":"%s","kind":"test",
                 "code":"HEIGHT","value":150,"unit":"cm","takenAt":"%s","detail":{"x":null}}]}"""
                .formatted(shortId(), deviceId, UUID.randomUUID(), memberId, OffsetDateTime.now(SEOUL).minusMinutes(1));
        MeasurementBatch good = batch("after-poison-" + shortId(), record(memberId, MeasurementCode.HEIGHT, "151"));

        kiosk.publishMeasurementsNoWait(poison.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        kiosk.publishMeasurementsNoWait(codec.encode(good));

        assertThat(kiosk.awaitAck(good.batchId(), ACK_WAIT).accepted()).containsExactlyElementsOf(ids(good));
    }

    @Test
    void oneBadRecordIsRejectedAloneWithItsReason() {
        MeasurementRecord good1 = record(memberId, MeasurementCode.CHAIR_STAND_30S, "11");
        MeasurementRecord impossible = record(memberId, MeasurementCode.CHAIR_STAND_30S, "240");
        MeasurementRecord good2 = record(memberId, MeasurementCode.TIMED_UP_AND_GO, "8.4");
        MeasurementBatch batch = batch("mixed-" + shortId(), good1, impossible, good2);

        kiosk.publishMeasurements(codec.encode(batch));

        Ack ack = kiosk.awaitAck(batch.batchId(), ACK_WAIT);
        assertThat(ack.accepted()).containsExactlyInAnyOrder(good1.id(), good2.id());
        assertThat(ack.rejected()).singleElement().satisfies(rejection -> {
            assertThat(rejection.id()).isEqualTo(impossible.id().toString());
            assertThat(rejection.reason()).contains("240").contains("outside");
        });
        assertThat(storedIds()).contains(good1.id().toString(), good2.id().toString())
                .doesNotContain(impossible.id().toString());
    }

    @Test
    void aRecordOfAnUnknownMemberIsRejected() {
        MeasurementRecord stranger = record("NOSUCHMEMB", MeasurementCode.HEIGHT, "170");
        MeasurementRecord known = record(memberId, MeasurementCode.HEIGHT, "171");
        MeasurementBatch batch = batch("stranger-" + shortId(), stranger, known);

        kiosk.publishMeasurements(codec.encode(batch));

        Ack ack = kiosk.awaitAck(batch.batchId(), ACK_WAIT);
        assertThat(ack.accepted()).containsExactly(known.id());
        assertThat(ack.rejected()).singleElement().satisfies(rejection -> assertThat(rejection.reason())
                .isEqualTo("member NOSUCHMEMB is not registered at site " + siteId));
    }

    @Test
    void aBatchFromAnUnregisteredSiteIsLeftUnackedAndTheOthersGoOn() {
        String unknownSite = "it-nosite-" + shortId();
        long ignoredBefore = stat("ignored");
        MeasurementBatch lost = new MeasurementBatch("nosite-" + shortId(), deviceId, OffsetDateTime.now(SEOUL),
                List.of(record(memberId, MeasurementCode.HEIGHT, "160")));
        MeasurementBatch good = batch("after-nosite-" + shortId(), record(memberId, MeasurementCode.HEIGHT, "161"));
        try (MqttTestClient stray = new MqttTestClient(server.mqttUri(), unknownSite, deviceId)) {
            stray.publishMeasurements(codec.encode(lost));
            await().atMost(ACK_WAIT).until(() -> stat("ignored") > ignoredBefore);
            kiosk.publishMeasurements(codec.encode(good));
            kiosk.awaitAck(good.batchId(), ACK_WAIT);
            assertThat(stray.acks()).isEmpty();
        }
    }

    @Test
    void aBatchFromTheReservedDeviceIdAllIsIgnoredAndTheOthersGoOn() {
        long ignoredBefore = stat("ignored");
        MeasurementRecord reservedRecord = record(memberId, MeasurementCode.HEIGHT, "162");
        MeasurementBatch reserved = new MeasurementBatch("reserved-" + shortId(), Topics.SITE_WIDE,
                OffsetDateTime.now(SEOUL), List.of(reservedRecord));
        MeasurementBatch good = batch("after-reserved-" + shortId(), record(memberId, MeasurementCode.HEIGHT, "163"));
        try (MqttTestClient all = new MqttTestClient(server.mqttUri(), siteId, Topics.SITE_WIDE)) {
            all.publishMeasurements(codec.encode(reserved));
            await().atMost(ACK_WAIT).until(() -> stat("ignored") > ignoredBefore);
            kiosk.publishMeasurements(codec.encode(good));
            kiosk.awaitAck(good.batchId(), ACK_WAIT);
            assertThat(all.acks()).isEmpty();
            assertThat(storedIds()).doesNotContain(reservedRecord.id().toString());
        }
    }

    @Test
    void anAckLostAfterCommitIsRecoveredWhenTheKioskResends() {
        MeasurementBatch batch = batch(DropFirstAck.PREFIX + shortId(), record(memberId, MeasurementCode.SIT_AND_REACH, "-3.5"));
        MeasurementBatch marker = batch("marker-" + shortId(), record(memberId, MeasurementCode.HEIGHT, "159"));

        kiosk.publishMeasurements(codec.encode(batch));
        kiosk.publishMeasurements(codec.encode(marker));
        kiosk.awaitAck(marker.batchId(), ACK_WAIT);
        assertThat(kiosk.acksFor(batch.batchId())).as("first ack is dropped").isEmpty();
        assertThat(storedIds()).as("committed before the ack").contains(batch.records().getFirst().id().toString());

        kiosk.publishMeasurements(codec.encode(batch));

        assertThat(kiosk.awaitAck(batch.batchId(), ACK_WAIT).accepted()).containsExactlyElementsOf(ids(batch));
    }

    @Test
    void theLatestStatusOfAKioskIsKept() {
        String statusDevice = "status-" + shortId();
        DeviceStatus status = new DeviceStatus(DeviceStatus.ONLINE, "0.1.0-it", 3, Map.of("mat", "ok"),
                OffsetDateTime.now(SEOUL));
        String topic = Topics.of(siteId, statusDevice, Channel.STATUS);
        kiosk.publish(topic, codec.encode(status), true);
        try {
            await().atMost(ACK_WAIT).untilAsserted(() -> {
                JsonNode devices = server.api().get("/api/devices").json();
                assertThat(devices.findValues("deviceId").stream().map(JsonNode::asText)).contains(statusDevice);
            });
        } finally {
            kiosk.publish(topic, new byte[0], true); // clear the retained status from a shared broker
        }
    }

    @Test
    void ingestsTenThousandRecordsAndAcksThemAll() {
        int batches = 200;
        int perBatch = 50;
        long storedBefore = stat("stored");
        List<MeasurementBatch> sent = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            List<MeasurementRecord> records = new ArrayList<>();
            for (int r = 0; r < perBatch; r++) {
                records.add(record(memberId, MeasurementCode.STEP_IN_PLACE_2MIN, Integer.toString(50 + r)));
            }
            sent.add(batch("load-" + b + "-" + shortId(), records.toArray(MeasurementRecord[]::new)));
        }
        List<byte[]> payloads = sent.stream().map(codec::encode).toList();

        long start = System.nanoTime();
        payloads.stream().map(kiosk::publishMeasurementsNoWait).toList().forEach(token -> {
            try {
                token.waitForCompletion(30_000);
            } catch (MqttException e) {
                throw new IllegalStateException(e);
            }
        });
        long publishedMillis = (System.nanoTime() - start) / 1_000_000;
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
                .until(() -> sent.stream().allMatch(batch -> kiosk.latestFor(batch.batchId()).isPresent()));
        long millis = Math.max(1, (System.nanoTime() - start) / 1_000_000);

        assertThat(stat("stored") - storedBefore).isEqualTo((long) batches * perBatch);
        log.info("[{}] ingest: {} records in {} batches stored and acked in {} ms = {} records/s (publishing took {} ms)",
                getClass().getSimpleName(), batches * perBatch, batches, millis, batches * perBatch * 1000L / millis,
                publishedMillis);
    }

    MeasurementBatch batch(String batchId, MeasurementRecord... records) {
        return new MeasurementBatch(batchId, deviceId, OffsetDateTime.now(SEOUL), List.of(records));
    }

    static MeasurementRecord record(String memberId, MeasurementCode code, String value) {
        return MeasurementRecord.of(memberId, code, new BigDecimal(value), OffsetDateTime.now(SEOUL).minusMinutes(5),
                Map.of("source", "it"));
    }

    static List<UUID> ids(MeasurementBatch batch) {
        return batch.records().stream().map(MeasurementRecord::id).toList();
    }

    static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    long stat(String name) {
        return server.api().stats().get(name).asLong();
    }

    long rowCount() {
        return server.jdbc().sql("SELECT COUNT(*) FROM measurement").query(Long.class).single();
    }

    List<String> storedIds() {
        return server.jdbc().sql("SELECT id FROM measurement WHERE member_id = ?").param(memberId)
                .query(String.class).list();
    }
}
