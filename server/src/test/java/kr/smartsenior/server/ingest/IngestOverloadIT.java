package kr.smartsenior.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import kr.smartsenior.protocol.Channel;
import kr.smartsenior.protocol.MeasurementBatch;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.Topics;
import kr.smartsenior.server.testsupport.MqttTestClient;
import kr.smartsenior.server.testsupport.TestServer;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Overload on the production parts (the machine's Mosquitto, PostgreSQL): a server with a tiny ingest
 * queue and ack window, a database that stops taking inserts (the test locks the measurement table)
 * and a burst of batches from many kiosks, far above what it can take. The server must keep reading
 * (dropping what does not fit, un-acked), keep publishing rosters, say it is behind, and once the
 * database is back ack everything the kiosks re-send, storing each record once. The stall of
 * issue #16 (the MQTT thread waiting on the full queue, its own acks never confirmed) never recovered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class IngestOverloadIT {

    private static final int KIOSKS = 15;
    private static final int BATCHES_PER_KIOSK = 30;
    private static final int RECORDS_PER_BATCH = 3;
    private static final int QUEUE = 8;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ZoneOffset SEOUL = ZoneOffset.ofHours(9);

    private final ProtocolCodec codec = new ProtocolCodec();
    private final List<Kiosk> kiosks = new ArrayList<>();
    private final ScheduledExecutorService resender = Executors.newSingleThreadScheduledExecutor();
    private TestServer server;
    private String siteId;
    private MqttTestClient rosterReader;

    /**
     * One simulated kiosk: its batches, each re-sent while not acked with backoff and jitter as
     * OutboxDrainer does (here 1 s doubling to at most 4 s, so the test is short).
     */
    private record Kiosk(MqttTestClient link, List<MeasurementBatch> batches, Map<String, long[]> attemptsAndDue) {

        Kiosk(MqttTestClient link, List<MeasurementBatch> batches) {
            this(link, batches, new java.util.concurrent.ConcurrentHashMap<>());
        }

        List<MeasurementBatch> unacked() {
            return batches.stream().filter(batch -> link.acksFor(batch.batchId()).isEmpty()).toList();
        }

        List<MeasurementBatch> due(long nowMillis) {
            List<MeasurementBatch> due = new ArrayList<>();
            for (MeasurementBatch batch : unacked()) {
                long[] state = attemptsAndDue.computeIfAbsent(batch.batchId(), id -> new long[] {0, 0});
                if (state[1] <= nowMillis) {
                    long backoff = Math.min(4_000, 1_000L << Math.min(state[0], 4));
                    state[0]++;
                    state[1] = nowMillis + backoff / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
                    due.add(batch);
                }
            }
            return due;
        }
    }

    @BeforeAll
    void start() {
        server = TestServer.mosquittoPostgres(Map.of("SSC_INGEST_QUEUE", Integer.toString(QUEUE), "SSC_ACK_WINDOW", "4"));
        String run = UUID.randomUUID().toString().substring(0, 8);
        siteId = "ovl-" + run;
        server.api().createSite(siteId, "과부하 시험 경로당");
        List<String> members = List.of(server.api().createMember(siteId, "회원 하나", 1948, "F"),
                server.api().createMember(siteId, "회원 둘", 1951, "M"));
        for (int k = 0; k < KIOSKS; k++) {
            String deviceId = "k" + k + "-" + run;
            List<MeasurementBatch> batches = new ArrayList<>();
            for (int b = 0; b < BATCHES_PER_KIOSK; b++) {
                List<MeasurementRecord> records = new ArrayList<>();
                for (int r = 0; r < RECORDS_PER_BATCH; r++) {
                    records.add(MeasurementRecord.of(members.get((b + r) % members.size()), MeasurementCode.HEIGHT,
                            new BigDecimal(150 + r), OffsetDateTime.now(SEOUL).minusMinutes(5), Map.of("source", "it")));
                }
                batches.add(new MeasurementBatch("ovl-" + k + "-" + b + "-" + run, deviceId, OffsetDateTime.now(SEOUL),
                        records));
            }
            kiosks.add(new Kiosk(new MqttTestClient(server.mqttUri(), siteId, deviceId), batches));
        }
        rosterReader = new MqttTestClient(server.mqttUri(), siteId, "reader-" + run);
        rosterReader.subscribe(Topics.siteWide(siteId, Channel.ROSTER));
    }

    @AfterAll
    void stop() {
        resender.shutdownNow();
        kiosks.forEach(kiosk -> kiosk.link().close());
        if (rosterReader != null) {
            rosterReader.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aBurstFarAboveWhatIngestTakesIsDroppedUnackedAndEverythingArrivesOnceAfterwards() throws Exception {
        long storedBefore = stat("stored");
        long droppedBefore = stat("droppedUnacked");
        Connection lock = server.bean(DataSource.class).getConnection();
        try {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("LOCK TABLE measurement IN EXCLUSIVE MODE"); // reads go on, inserts wait
            }

            // the burst: every kiosk sends its whole backlog at once, as after a reconnect
            List<IMqttDeliveryToken> tokens = new ArrayList<>();
            for (Kiosk kiosk : kiosks) {
                kiosk.batches().forEach(batch -> tokens.add(kiosk.link().publishMeasurementsNoWait(codec.encode(batch))));
            }
            for (IMqttDeliveryToken token : tokens) {
                token.waitForCompletion(WAIT.toMillis());
            }
            int sent = KIOSKS * BATCHES_PER_KIOSK;
            await("the server keeps reading and drops what does not fit").atMost(WAIT)
                    .until(() -> stat("droppedUnacked") - droppedBefore >= sent - QUEUE - IngestWorker.GROUP_SIZE);
            assertThat(server.api().stats().get("behind").asBoolean()).isTrue();
            assertThat(server.bean(IngestHealth.class).health().getDetails().get("state").toString())
                    .startsWith("ingest behind: ");

            String newcomer = server.api().createMember(siteId, "새 회원", 1950, "F");
            await("a roster is published while ingest is stuck").atMost(WAIT)
                    .until(() -> rosterNames(newcomer));
        } finally {
            lock.rollback();
            lock.close();
        }

        // the database is back: kiosks re-send what was not acked
        resender.scheduleWithFixedDelay(this::resendUnacked, 0, 200, TimeUnit.MILLISECONDS);
        long ackedAtRelease = ackCount();
        await("acks resume").atMost(Duration.ofSeconds(20)).until(() -> ackCount() > ackedAtRelease);
        await("every batch acked").atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(250))
                .until(() -> kiosks.stream().allMatch(kiosk -> kiosk.unacked().isEmpty()));

        int records = KIOSKS * BATCHES_PER_KIOSK * RECORDS_PER_BATCH;
        for (Kiosk kiosk : kiosks) {
            for (MeasurementBatch batch : kiosk.batches()) {
                assertThat(kiosk.link().acksFor(batch.batchId()).getFirst().accepted())
                        .containsExactlyInAnyOrderElementsOf(batch.records().stream().map(MeasurementRecord::id).toList());
            }
        }
        assertThat(server.jdbc().sql("SELECT COUNT(*) FROM measurement WHERE site_id = ?").param(siteId)
                .query(Long.class).single()).as("every record stored, none twice").isEqualTo(records);
        assertThat(stat("stored") - storedBefore).isEqualTo(records);

        String later = server.api().createMember(siteId, "나중 회원", 1949, "M");
        await("rosters after the overload").atMost(WAIT).until(() -> rosterNames(later));
    }

    private void resendUnacked() {
        try {
            for (Kiosk kiosk : kiosks) {
                for (MeasurementBatch batch : kiosk.due(System.currentTimeMillis())) {
                    kiosk.link().publishMeasurementsNoWait(codec.encode(batch));
                }
            }
        } catch (RuntimeException e) {
            // a kiosk's publish window may be full for a moment: the next round re-sends
        }
    }

    private long ackCount() {
        return kiosks.stream().mapToLong(kiosk -> kiosk.link().acks().size()).sum();
    }

    private boolean rosterNames(String memberId) {
        return rosterReader.received().stream()
                .anyMatch(payload -> new String(payload, StandardCharsets.UTF_8).contains(memberId));
    }

    private long stat(String name) {
        return server.api().stats().get(name).asLong();
    }
}
