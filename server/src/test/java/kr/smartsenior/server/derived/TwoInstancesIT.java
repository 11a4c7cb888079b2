package kr.smartsenior.server.derived;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import kr.smartsenior.protocol.MeasurementBatch;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.server.screening.ScreeningQuestion;
import kr.smartsenior.server.testsupport.MqttTestClient;
import kr.smartsenior.server.testsupport.RequiredServices;
import kr.smartsenior.server.testsupport.TestDatabase;
import kr.smartsenior.server.testsupport.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two server instances on one PostgreSQL database and one Mosquitto shared subscription, as issue 16
 * runs them: the measurements split between them, yet each member's derived work of a visit is done
 * once, by one of them (one prescription version per visit across both), and when one instance stops
 * with visits still settling, the other does their work.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class TwoInstancesIT {

    private static final int MEMBERS = 24;
    private static final MeasurementCode[] VISIT = {MeasurementCode.CHAIR_STAND_30S, MeasurementCode.TIMED_UP_AND_GO,
        MeasurementCode.STEP_IN_PLACE_2MIN, MeasurementCode.ONE_LEG_STANCE, MeasurementCode.SIT_AND_REACH};
    private static final double[] VALUES = {13, 9.5, 88, 14, 3};

    private final ProtocolCodec codec = new ProtocolCodec();

    @Test
    void eachVisitIsPrescribedOnceAcrossBothAndAStoppedInstancesWorkIsDoneByTheOther() throws Exception {
        RequiredServices.mosquittoOrSkip();
        RequiredServices.PostgresSchema schema = RequiredServices.freshPostgresSchema();
        String group = "it-" + UUID.randomUUID().toString().substring(0, 8);
        TestServer a = null;
        TestServer b = null;
        try {
            a = start(schema, group);
            b = start(schema, group);
            String siteId = "two-" + UUID.randomUUID().toString().substring(0, 6);
            a.api().createSite(siteId, "두 인스턴스 경로당");
            List<String> ids = new ArrayList<>();
            for (int m = 0; m < MEMBERS; m++) {
                String id = a.api().createMember(siteId, "회원" + m, 1945 + m % 15, m % 2 == 0 ? "F" : "M");
                a.api().post("/api/members/" + id + "/screening", clearScreening());
                ids.add(id);
            }
            JdbcClient jdbc = a.jdbc();
            assertThat(versions(jdbc, siteId)).as("a version each from the screening").isEqualTo(MEMBERS);

            visitAll(a.mqttUri(), siteId, ids, 0);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                    .until(() -> waiting(jdbc, "PRESCRIBE") == 0 && waiting(jdbc, "ALERTS") == 0);
            assertThat(versions(jdbc, siteId)).as("one new version per visit, across both instances")
                    .isEqualTo(2L * MEMBERS);
            DerivedWorker workerA = a.context().getBean(DerivedWorker.class);
            DerivedWorker workerB = b.context().getBean(DerivedWorker.class);
            assertThat(workerA.done(WorkKind.PRESCRIBE) + workerB.done(WorkKind.PRESCRIBE))
                    .as("each member prescribed once, by one instance").isEqualTo(MEMBERS);
            assertThat(workerA.done(WorkKind.ALERTS) + workerB.done(WorkKind.ALERTS)).isEqualTo(MEMBERS);
            Long perMember = jdbc.sql("SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM prescription WHERE site_id = ? "
                    + "GROUP BY member_id) counts").param(siteId).query(Long.class).single();
            assertThat(perMember).isEqualTo(2);

            // a second visit each (a slow up-and-go: a fall-risk restriction, so a new version is certain);
            // instance a stops while the visits are still settling
            visitAll(a.mqttUri(), siteId, ids, 1);
            a.close();
            a = null;
            JdbcClient jdbcB = b.jdbc();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                    .until(() -> waiting(jdbcB, "PRESCRIBE") == 0 && waiting(jdbcB, "ALERTS") == 0);
            assertThat(versions(jdbcB, siteId)).as("none lost: b prescribed the visits a had stored")
                    .isEqualTo(3L * MEMBERS);
        } finally {
            if (a != null) {
                a.close();
            }
            if (b != null) {
                b.close();
            }
            schema.drop();
        }
    }

    private static TestServer start(RequiredServices.PostgresSchema schema, String group) throws Exception {
        Path dataDir = Files.createTempDirectory("ssc-two-");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("SSC_DATA_DIR", dataDir.toString());
        settings.put("SSC_MQTT_URL", RequiredServices.MOSQUITTO_URL);
        settings.put("SSC_MQTT_SHARED_GROUP", group);
        settings.put("SSC_DB_URL", schema.jdbcUrl());
        settings.put("SSC_CARD_KEY", "8f2b7c1d9e4a6f3b5c7d9e1f2a4b6c8d0e2f4a6b8c0d2e4f6a8b0c2d4e6f8a0b");
        // a member's batches come a fraction of a second apart: 8 s of quiet keep a loaded machine from
        // splitting one visit
        settings.put("SSC_PRESCRIPTION_QUIET_PERIOD", "8s");
        settings.put("SSC_PRESCRIPTION_MAX_DELAY", "60s");
        settings.put("SSC_ALERT_QUIET_PERIOD", "8s");
        settings.put("SSC_DERIVED_POLL", "200ms");
        return TestServer.start(settings, List.of(() -> TestDatabase.deleteTree(dataDir)));
    }

    /** Each member's visit: five tests, each its own batch, 50 ms apart, from two kiosks. */
    private void visitAll(String broker, String siteId, List<String> ids, int round) throws Exception {
        try (MqttTestClient one = new MqttTestClient(broker, siteId, "kiosk-1");
                MqttTestClient two = new MqttTestClient(broker, siteId, "kiosk-2")) {
            OffsetDateTime at = OffsetDateTime.now(ZoneOffset.ofHours(9)).minusMinutes(30 - round * 10L);
            for (int t = 0; t < VISIT.length; t++) {
                List<String> batches = new ArrayList<>();
                for (int m = 0; m < ids.size(); m++) {
                    MqttTestClient kiosk = m % 2 == 0 ? one : two;
                    String deviceId = m % 2 == 0 ? "kiosk-1" : "kiosk-2";
                    double value = VALUES[t] * (1 + 0.02 * (m % 5));
                    if (round == 1 && VISIT[t] == MeasurementCode.TIMED_UP_AND_GO) {
                        value = 15.0; // slower than STEADI's 12 s
                    }
                    MeasurementRecord record = MeasurementRecord.of(ids.get(m), VISIT[t],
                            BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP), at.plusMinutes(t), Map.of());
                    String batchId = "tw-" + UUID.randomUUID().toString().substring(0, 8);
                    kiosk.publishMeasurements(codec.encode(new MeasurementBatch(batchId, deviceId,
                            OffsetDateTime.now(ZoneOffset.ofHours(9)), List.of(record))));
                    batches.add((m % 2 == 0 ? "1:" : "2:") + batchId);
                }
                for (String batch : batches) {
                    MqttTestClient kiosk = batch.startsWith("1:") ? one : two;
                    kiosk.awaitAck(batch.substring(2), Duration.ofSeconds(30));
                }
                Thread.sleep(50);
            }
        }
    }

    private static long versions(JdbcClient jdbc, String siteId) {
        return jdbc.sql("SELECT COUNT(*) FROM prescription WHERE site_id = ?").param(siteId).query(Long.class).single();
    }

    private static int waiting(JdbcClient jdbc, String kind) {
        return jdbc.sql("SELECT COUNT(*) FROM derived_work WHERE kind = ?").param(kind).query(Integer.class).single();
    }

    private static Map<String, Object> clearScreening() {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (ScreeningQuestion q : ScreeningQuestion.values()) {
            answers.put(q.name(), false);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("answers", answers);
        body.put("systolic", 120);
        body.put("diastolic", 80);
        return body;
    }
}
