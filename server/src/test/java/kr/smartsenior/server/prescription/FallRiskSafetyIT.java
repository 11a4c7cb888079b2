package kr.smartsenior.server.prescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import kr.smartsenior.protocol.KioskPrescription;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.RecordDetail;
import kr.smartsenior.protocol.RestrictionCode;
import kr.smartsenior.protocol.contract.ContractExamples;
import kr.smartsenior.server.roster.KioskPrescriptions;
import kr.smartsenior.server.screening.ScreeningQuestion;
import kr.smartsenior.server.testsupport.MqttTestClient;
import kr.smartsenior.server.testsupport.ServerApi;
import kr.smartsenior.server.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Issue #13's people, through the real server on the machine's Mosquitto and PostgreSQL: the
 * kiosk's own records (the shared golden examples, with the person's values) go in over MQTT, the
 * evaluation and the prescription come out of the API, and the kiosk's short form out of the roster.
 * A passing chair stand never makes a senior low-risk; a TUG at the STEADI cut-off keeps intervals
 * away; a high fall risk means no brisk walking, no jumps and balance next to a chair.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FallRiskSafetyIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProtocolCodec codec = new ProtocolCodec();
    private TestServer server;
    private ServerApi api;
    private String siteId;

    @BeforeAll
    void start() {
        server = TestServer.mosquittoPostgres();
        api = server.api();
        siteId = "fr-" + UUID.randomUUID().toString().substring(0, 8);
        api.createSite(siteId, "낙상위험 시험 경로당");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aWomanOf69WithATugOf12Point4AndAClearScreeningIsNotLowRiskAndGetsNoIntervals() throws Exception {
        String memberId = senior("김영자", 69, "F");
        screenedClear(memberId);

        measured(memberId, Map.of("timed-up-and-go", "12.4", "one-leg-stance", "20.0", "chair-stand-30s", "16",
                "step-in-place-2min", "105"));

        JsonNode fallRisk = evaluation(memberId).get("fallRisk");
        assertThat(fallRisk.get("level").asText()).isNotEqualTo("LOW").isEqualTo("ELEVATED");
        assertThat(fallRisk.get("flags")).extracting(f -> f.get("flag").asText()).contains("TUG_12_STEADI");
        KioskPrescription kiosk = kioskPrescription(memberId);
        assertThat(kiosk.programs()).extracting(KioskPrescription.Program::code).doesNotContain(MeasurementCode.INTERVAL);
        assertThat(kiosk.restrictionCodes()).contains(RestrictionCode.FALL_SUPPORT);
    }

    @Test
    void aManOf82WithATugOf14Point2AndAOneLegStanceOf3Point1IsHighRiskWithNoBriskWalkingNoJumpsAndSupportedBalance()
            throws Exception {
        String memberId = senior("박준호", 82, "M");
        screenedClear(memberId);

        measured(memberId, Map.of("timed-up-and-go", "14.2", "one-leg-stance", "3.1"));

        assertThat(evaluation(memberId).at("/fallRisk/level").asText()).isEqualTo("HIGH");
        JsonNode plan = api.get("/api/members/" + memberId + "/prescription").json();
        JsonNode aerobic = component(plan, "AEROBIC");
        assertThat(aerobic.get("seniorLine").asText()).doesNotContain("빠르게 걷기를").contains("빠르게 걷지는 마세요");
        assertThat(aerobic.get("type").asText()).startsWith("평소 걸음");
        for (JsonNode line : plan.get("seniorLines")) {
            assertThat(line.asText()).doesNotContain("빠르게 걷기를");
        }
        KioskPrescription kiosk = kioskPrescription(memberId);
        assertThat(kiosk.programs()).extracting(KioskPrescription.Program::code).doesNotContain(MeasurementCode.INTERVAL);
        assertThat(kiosk.programs()).filteredOn(p -> p.code() == MeasurementCode.STEP_JUMP)
                .allSatisfy(p -> assertThat(p.level()).isLessThanOrEqualTo(RestrictionCode.STEP_JUMP_HIGHEST_WITHOUT_JUMPS));
        assertThat(kiosk.restrictionCodes()).contains(RestrictionCode.FALL_HIGH, RestrictionCode.FALL_SUPPORT);
        assertThat(component(plan, "BALANCE").toString()).contains("의자");
    }

    @Test
    void aWomanOf75WithOnlyAChairStandOf14NeedsChecking() throws Exception {
        String memberId = senior("이순임", 75, "F");
        screenedClear(memberId);

        measured(memberId, Map.of("chair-stand-30s", "14"));

        JsonNode fallRisk = evaluation(memberId).get("fallRisk");
        assertThat(fallRisk.get("level").asText()).isEqualTo("NEEDS_CHECK");
        assertThat(fallRisk.get("korean").asText()).isEqualTo("확인 필요");
        assertThat(fallRisk.get("missing")).isNotEmpty();
        assertThat(kioskPrescription(memberId).programs()).extracting(KioskPrescription.Program::code)
                .doesNotContain(MeasurementCode.INTERVAL);
    }

    private String senior(String name, int age, String sex) {
        return api.createMember(siteId, name, OffsetDateTime.now(ZoneOffset.ofHours(9)).getYear() - age, sex);
    }

    /** Every question "no" (PAR-Q+, STEADI's key questions, the bone question), blood pressure normal. */
    private void screenedClear(String memberId) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (ScreeningQuestion q : ScreeningQuestion.values()) {
            answers.put(q.name(), false);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("answers", answers);
        body.put("systolic", 124);
        body.put("diastolic", 78);
        ServerApi.Response response = api.post("/api/members/" + memberId + "/screening", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().at("/status/state").asText()).isEqualTo("CLEAR");
    }

    /**
     * The kiosk's own records of these tests (the shared examples its code writes) with this
     * person's values, in one batch over MQTT; waits until the prescription made from them is out.
     */
    private void measured(String memberId, Map<String, String> valuesByExample) throws Exception {
        int before = versions(memberId);
        OffsetDateTime takenAt = OffsetDateTime.now(ZoneOffset.ofHours(9)).minusMinutes(20);
        List<String> records = new ArrayList<>();
        for (Map.Entry<String, String> entry : valuesByExample.entrySet()) {
            ObjectNode record = (ObjectNode) JSON.readTree(ContractExamples.read("kiosk-records", entry.getKey()));
            record.put("id", UUID.randomUUID().toString()).put("memberId", memberId)
                    .put("takenAt", takenAt.toString()).put("value", new java.math.BigDecimal(entry.getValue()));
            ObjectNode detail = (ObjectNode) record.get("detail");
            if (detail.has(RecordDetail.TRIALS)) { // one trial, this person's
                detail.putArray(RecordDetail.TRIALS).add(new java.math.BigDecimal(entry.getValue()));
            }
            records.add(JSON.writeValueAsString(record));
        }
        String batchId = "fr-" + UUID.randomUUID().toString().substring(0, 8);
        try (MqttTestClient kiosk = new MqttTestClient(server.mqttUri(), siteId, "kiosk-1")) {
            kiosk.publishMeasurements(codec.encodeBatch(batchId, "kiosk-1", OffsetDateTime.now(ZoneOffset.ofHours(9)),
                    records));
            assertThat(kiosk.awaitAck(batchId, WAIT).accepted()).hasSize(records.size());
        }
        await().atMost(WAIT).until(() -> versions(memberId) > before);
    }

    private JsonNode evaluation(String memberId) {
        return api.get("/api/members/" + memberId + "/evaluation").json();
    }

    private KioskPrescription kioskPrescription(String memberId) {
        return server.bean(KioskPrescriptions.class).forKiosk(memberId);
    }

    private int versions(String memberId) {
        return server.jdbc().sql("SELECT COUNT(*) FROM prescription WHERE member_id = ?").param(memberId)
                .query(Integer.class).single();
    }

    private static JsonNode component(JsonNode plan, String name) {
        return StreamSupport.stream(plan.get("components").spliterator(), false)
                .filter(c -> c.get("component").asText().equals(name)).findFirst().orElseThrow(() ->
                        new AssertionError("no component " + name + " in " + plan));
    }
}
