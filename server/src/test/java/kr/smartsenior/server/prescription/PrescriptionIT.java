package kr.smartsenior.server.prescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import kr.smartsenior.protocol.KioskPrescription;
import kr.smartsenior.protocol.MeasurementBatch;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.RestrictionCode;
import kr.smartsenior.protocol.contract.ContractExamples;
import kr.smartsenior.server.roster.KioskPrescriptions;
import kr.smartsenior.server.roster.RosterChanged;
import kr.smartsenior.server.screening.ScreeningQuestion;
import kr.smartsenior.server.testsupport.MqttTestClient;
import kr.smartsenior.server.testsupport.RequiredServices;
import kr.smartsenior.server.testsupport.TestDatabase;
import kr.smartsenior.server.testsupport.ServerApi;
import kr.smartsenior.server.testsupport.ServerApi.Response;
import kr.smartsenior.server.testsupport.TestServer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Evaluation, screening and prescription through the real server (embedded broker, SQLite): a
 * measurement arriving through the ingest path produces a new prescription version, the kiosk
 * summary and a {@link RosterChanged} for the member's site.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PrescriptionIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final java.time.ZoneId SEOUL = java.time.ZoneId.of("Asia/Seoul");
    static final Path FONT = Path.of("/usr/share/fonts/truetype/nanum/NanumGothic.ttf");

    private final ProtocolCodec codec = new ProtocolCodec();
    private TestServer server;
    private ServerApi api;
    private RecordedRosterEvents.Recorder roster;

    /** The visit settles after this long without a new result (longer than the gaps between batches below). */
    static final Duration QUIET = Duration.ofSeconds(5);

    @BeforeAll
    void start() throws java.io.IOException {
        Path dataDir = Files.createTempDirectory("ssc-prescription-it");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("SSC_DATA_DIR", dataDir.toString());
        settings.put("SSC_MQTT_URL", "");
        settings.put("SSC_MQTT_PORT", "0");
        settings.put("SSC_DB_URL", "");
        settings.put("SSC_PRESCRIPTION_QUIET_PERIOD", QUIET.toSeconds() + "s");
        settings.put("SSC_PRESCRIPTION_MAX_DELAY", "60s");
        server = TestServer.start(settings, List.of(() -> TestDatabase.deleteTree(dataDir)), RecordedRosterEvents.class);
        api = server.api();
        roster = server.bean(RecordedRosterEvents.Recorder.class);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aNewMeasurementThroughIngestGivesANewVersionTheKioskSummaryAndARosterChange() {
        String siteId = site();
        String memberId = api.createMember(siteId, "김순자", 1951, "F");
        Response screening = api.post("/api/members/" + memberId + "/screening", screening(false, 120, 80));
        assertThat(screening.status()).as(screening.body()).isEqualTo(201);
        assertThat(screening.json().at("/status/state").asText()).isEqualTo("CLEAR");
        assertThat(screening.json().get("questions")).hasSize(ScreeningQuestion.values().length);
        JsonNode first = api.get("/api/members/" + memberId + "/prescription").json();
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(codes(first.get("restrictions"))).containsExactly("SAFE-INTERVAL-UNTESTED");
        roster.clear();

        publish(siteId, record(memberId, MeasurementCode.TIMED_UP_AND_GO, "14.2"),
                record(memberId, MeasurementCode.CHAIR_STAND_30S, "9"),
                record(memberId, MeasurementCode.STEP_IN_PLACE_2MIN, "70"));

        await().atMost(WAIT).until(() -> roster.events().contains(new RosterChanged(siteId)));
        JsonNode plan = api.get("/api/members/" + memberId + "/prescription").json();
        assertThat(plan.get("version").asInt()).isEqualTo(2);
        assertThat(codes(plan.get("restrictions"))).containsExactly("SAFE-FALL-HIGH", "SAFE-FALL-SUPPORT");
        assertThat(plan.at("/basis/fallRisk").asText()).isEqualTo("높음 (HIGH)");
        KioskPrescription kiosk = server.bean(KioskPrescriptions.class).forKiosk(memberId);
        assertThat(kiosk.version()).isEqualTo(2);
        assertThat(kiosk.issuedAt()).isNotNull();
        assertThat(kiosk.lines()).isNotEmpty();
        assertThat(kiosk.programs()).extracting(KioskPrescription.Program::code)
                .containsExactly(MeasurementCode.STEP_JUMP, MeasurementCode.BALANCE);
        assertThat(kiosk.programs()).allSatisfy(p -> assertThat(p.level()).isEqualTo(1));
        assertThat(kiosk.restrictionCodes()).contains(RestrictionCode.FALL_HIGH);
        assertThat(new String(new ProtocolCodec().encode(kiosk), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("14.2"); // no measurements on the kiosk
        assertThat(api.get("/api/members/" + memberId + "/prescription?version=1").json().get("version").asInt())
                .isEqualTo(1);
        assertThat(server.bean(KioskPrescriptions.class).forKiosk("NOSUCHMEMB")).isEqualTo(KioskPrescription.NONE);
    }

    @Test
    void theEvaluationShowsGradesFlagsAndTrendsAndEveryReadIsAudited() {
        String siteId = site();
        String memberId = api.createMember(siteId, "박철수", 1950, "M");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(9));
        publish(siteId, record(memberId, MeasurementCode.CHAIR_STAND_30S, "11", now.minusDays(60)),
                record(memberId, MeasurementCode.CHAIR_STAND_30S, "15", now.minusHours(1)),
                record(memberId, MeasurementCode.ONE_LEG_STANCE, "3.5", now.minusHours(1)),
                record(memberId, MeasurementCode.HEIGHT, "165", now.minusHours(1)),
                record(memberId, MeasurementCode.WEIGHT, "60", now.minusHours(1)));
        await().atMost(WAIT).until(() -> api.get("/api/members/" + memberId + "/prescription").status() == 200);

        JsonNode evaluation = api.get("/api/members/" + memberId + "/evaluation").json();

        JsonNode chair = find(evaluation.get("results"), "CHAIR_STAND_30S");
        assertThat(chair.at("/grade/band").asText()).isEqualTo("WITHIN");
        // 76: graded against 국민체력100 (men 75-79: 3등급 from 14), the US 1999 range kept second
        assertThat(chair.at("/grade/population").asText()).contains("국민체력100");
        assertThat(chair.at("/grade/grade").asInt()).isEqualTo(3);
        assertThat(chair.at("/grade/secondary/reference").asText()).contains("Rikli & Jones 1999");
        assertThat(chair.at("/trend/direction").asText()).isEqualTo("IMPROVED");
        assertThat(chair.at("/trend/threshold").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(evaluation.at("/fallRisk/level").asText()).isEqualTo("HIGH");
        assertThat(evaluation.at("/fallRisk/flags/0/flag").asText()).isEqualTo("ONE_LEG_UNDER_5");
        assertThat(evaluation.at("/bmi/value").decimalValue()).isEqualByComparingTo("22.0");
        assertThat(evaluation.get("components")).hasSize(5);
        api.get("/api/members/" + memberId + "/prescription");
        api.get("/api/members/" + memberId + "/screening");
        List<String> actions = server.jdbc().sql("SELECT action FROM audit_log WHERE member_id = ? AND actor = 'admin'")
                .param(memberId).query(String.class).list();
        assertThat(actions).contains("member.evaluation.read", "member.prescription.read", "member.screening.read");
    }

    @Test
    void theKiosksRealRecordsAreGradedThroughIngestAndANewerProtocolIsStoredButNotGraded() throws Exception {
        String siteId = site();
        String memberId = api.createMember(siteId, "이옥분", 1952, "F");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(9));
        ObjectMapper json = new ObjectMapper();
        List<String> records = new ArrayList<>();
        for (String name : ContractExamples.names("kiosk-records")) { // as the kiosk's own code writes them
            ObjectNode record = (ObjectNode) json.readTree(ContractExamples.read("kiosk-records", name));
            record.put("id", UUID.randomUUID().toString()).put("memberId", memberId)
                    .put("takenAt", now.minusHours(2).toString());
            records.add(json.writeValueAsString(record));
        }
        publishJson(siteId, records);
        await().atMost(WAIT).until(() -> api.get("/api/members/" + memberId + "/prescription").status() == 200);

        JsonNode evaluation = api.get("/api/members/" + memberId + "/evaluation").json();
        for (String graded : List.of("CHAIR_STAND_30S", "STEP_IN_PLACE_2MIN", "TIMED_UP_AND_GO", "GRIP_STRENGTH",
                "SIT_AND_REACH")) {
            JsonNode result = find(evaluation.get("results"), graded);
            assertThat(result.at("/grade/band").asText()).as(graded + ": " + result.at("/grade/note").asText())
                    .isNotEqualTo("NOT_GRADED");
        }

        // a kiosk updated before the server: its record is accepted and kept, and the grade says why it is not graded
        ObjectNode newer = (ObjectNode) json.readTree(ContractExamples.read("kiosk-records", "chair-stand-30s"));
        newer.put("id", UUID.randomUUID().toString()).put("memberId", memberId).put("takenAt", now.minusHours(1).toString());
        ((ObjectNode) newer.get("detail")).put("protocol", "chair-stand-30s/9");
        publishJson(siteId, List.of(json.writeValueAsString(newer)));
        await().atMost(WAIT).until(() -> find(api.get("/api/members/" + memberId + "/evaluation").json().get("results"),
                "CHAIR_STAND_30S").at("/grade/band").asText().equals("NOT_GRADED"));
        JsonNode chair = find(api.get("/api/members/" + memberId + "/evaluation").json().get("results"), "CHAIR_STAND_30S");
        assertThat(chair.at("/grade/note").asText()).contains("chair-stand-30s/9").contains("보관만");
        assertThat(server.jdbc().sql("SELECT count(*) FROM measurement WHERE member_id = ?").param(memberId)
                .query(Integer.class).single()).isEqualTo(records.size() + 1);
    }

    @Test
    void aYesAnswerRestrictsUntilStaffRecordWhoClearedItAndEachChangeIsANewVersion() {
        String siteId = site();
        String memberId = api.createMember(siteId, "이영희", 1948, "F");
        String clearance = "/api/members/" + memberId + "/screening/clearance";
        assertThat(api.post(clearance, clearance("내과 김의사", LocalDate.now(SEOUL))).status()).as("nothing to clear yet")
                .isEqualTo(409);
        assertThat(api.post("/api/members/" + memberId + "/screening", screening(true, 125, 85)).json()
                .at("/status/state").asText()).isEqualTo("NEEDS_CLEARANCE");
        JsonNode restricted = api.get("/api/members/" + memberId + "/prescription").json();
        Map<String, Object> ticked = screening(true, 125, 85);
        ticked.put("cleared", true);
        assertInvalid(api.post("/api/members/" + memberId + "/screening", ticked), "cleared");
        LocalDate today = LocalDate.now(SEOUL);
        assertInvalid(api.post(clearance, clearance(" ", today)), "clinician");
        assertInvalid(api.post(clearance, clearance("김의사\u202E사의김", today)), "clinician");
        assertInvalid(api.post(clearance, clearance("김의사\n관리자 승인", today)), "clinician");
        assertInvalid(api.post(clearance, clearance("가".repeat(101), today)), "clinician");
        assertInvalid(api.post(clearance, clearance("내과 김의사", today.plusDays(2))), "agreedOn");
        assertInvalid(api.post(clearance, clearance("내과 김의사", today.minusDays(3))), "agreedOn");
        assertInvalid(api.post(clearance, "{\"clinician\": \"내과 김의사\", \"agreedOn\": \"어제\"}"), "agreedOn");
        assertInvalid(api.post(clearance, "{\"clinician\": \"내과 김의사\"}"), "agreedOn");
        assertThat(api.get("/api/members/" + memberId + "/prescription").json().get("version").asInt())
                .isEqualTo(restricted.get("version").asInt());

        String hostile = "<script>alert('x')</script> 김의사";
        Response response = api.post(clearance, clearance(hostile, today));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().at("/status/state").asText()).isEqualTo("CLEARED_BY_STAFF");
        assertThat(response.json().at("/status/screening/clearance/clearedBy").asText()).isEqualTo("admin");
        assertThat(response.json().at("/status/screening/clearance/clinician").asText()).isEqualTo(hostile);
        assertThat(response.json().at("/status/screening/clearance/agreedOn").asText()).isEqualTo(today.toString());
        assertThat(server.jdbc().sql("SELECT clinician FROM screening_clearance WHERE member_id = ?").param(memberId)
                .query(String.class).single()).as("kept as typed, shown only as text").isEqualTo(hostile);
        JsonNode after = api.get("/api/members/" + memberId + "/prescription").json();
        assertThat(codes(restricted.get("restrictions"))).contains("LOW_INTENSITY_ONLY");
        assertThat(codes(after.get("restrictions"))).doesNotContain("LOW_INTENSITY_ONLY");
        assertThat(after.at("/basis/screening").asText()).contains("의료진").contains(today.toString());
        assertThat(after.get("version").asInt()).isEqualTo(restricted.get("version").asInt() + 1);
        assertThat(server.jdbc().sql("SELECT COUNT(*) FROM prescription WHERE member_id = ?").param(memberId)
                .query(Long.class).single()).isEqualTo(2L);
        assertThat(api.post(clearance, clearance("내과 김의사", today)).status()).as("already cleared").isEqualTo(409);
        assertThat(server.jdbc().sql("SELECT action FROM audit_log WHERE member_id = ? AND actor = 'admin'")
                .param(memberId).query(String.class).list()).contains("member.screening.clearance.write");
        // a new screening needs its own clearance
        assertThat(api.post("/api/members/" + memberId + "/screening", screening(true, 125, 85)).json()
                .at("/status/state").asText()).isEqualTo("NEEDS_CLEARANCE");
    }

    @Test
    void tenResultsOfOneVisitInTenBatchesMakeExactlyOneNewVersion() throws InterruptedException {
        String siteId = site();
        String memberId = api.createMember(siteId, "정말순", 1950, "F");
        api.post("/api/members/" + memberId + "/screening", screening(false, 120, 80));
        assertThat(versions(memberId)).isEqualTo(1);
        // each of these alone would change the plan (fall risk high, then low again; components filling in)
        List<Object[]> visit = List.of(new Object[] {MeasurementCode.CHAIR_STAND_30S, "9"},
                new Object[] {MeasurementCode.TIMED_UP_AND_GO, "14.2"},
                new Object[] {MeasurementCode.STEP_IN_PLACE_2MIN, "70"},
                new Object[] {MeasurementCode.ONE_LEG_STANCE, "3"},
                new Object[] {MeasurementCode.GRIP_STRENGTH, "19"},
                new Object[] {MeasurementCode.SIT_AND_REACH, "-6"},
                new Object[] {MeasurementCode.CHAIR_STAND_30S, "16"},
                new Object[] {MeasurementCode.TIMED_UP_AND_GO, "8.1"},
                new Object[] {MeasurementCode.STEP_IN_PLACE_2MIN, "104"},
                new Object[] {MeasurementCode.ONE_LEG_STANCE, "25"});
        long start = System.nanoTime();
        OffsetDateTime takenAt = OffsetDateTime.now(ZoneOffset.ofHours(9)).minusMinutes(30);
        for (int i = 0; i < visit.size(); i++) {
            publish(siteId, record(memberId, (MeasurementCode) visit.get(i)[0], (String) visit.get(i)[1],
                    takenAt.plusMinutes(2L * i)));
            assertThat(versions(memberId)).as("no new version while the visit goes on (batch %d)", i + 1).isEqualTo(1);
            Thread.sleep(500);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(1));

        await().atMost(WAIT).until(() -> versions(memberId) == 2);
        // nothing else follows: still one new version a quiet period (and more) later
        await().during(QUIET.plusSeconds(2)).atMost(QUIET.plusSeconds(10)).until(() -> versions(memberId) == 2);
        JsonNode plan = api.get("/api/members/" + memberId + "/prescription").json();
        assertThat(plan.get("version").asInt()).isEqualTo(2);
        assertThat(plan.at("/basis/fallRisk").asText()).as("made from the whole visit").isEqualTo("낮음 (LOW)");
        assertThat(codes(plan.get("restrictions"))).isEmpty();
    }

    private int versions(String memberId) {
        return server.jdbc().sql("SELECT COUNT(*) FROM prescription WHERE member_id = ?").param(memberId)
                .query(Integer.class).single();
    }

    private static Map<String, Object> clearance(String clinician, LocalDate agreedOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clinician", clinician);
        body.put("agreedOn", agreedOn.toString());
        return body;
    }

    @Test
    void badScreeningsAre400AndUnknownMembers404() {
        String memberId = api.createMember(site(), "최민수", 1946, "M");
        Map<String, Object> missing = screening(false, 120, 80);
        ((Map<?, ?>) missing.get("answers")).remove("HEART");
        Map<String, Object> onlySystolic = screening(false, 120, 80);
        onlySystolic.remove("diastolic");
        Map<String, Object> unknownQuestion = screening(false, 120, 80);
        @SuppressWarnings("unchecked")
        Map<String, Object> answers = (Map<String, Object>) unknownQuestion.get("answers");
        answers.put("<script>", true);

        assertInvalid(api.post("/api/members/" + memberId + "/screening", missing), "answers");
        assertInvalid(api.post("/api/members/" + memberId + "/screening", onlySystolic), "diastolic");
        assertInvalid(api.post("/api/members/" + memberId + "/screening", unknownQuestion), "answers");
        assertInvalid(api.post("/api/members/" + memberId + "/screening", screening(false, 400, 80)), "systolic");
        assertInvalid(api.post("/api/members/" + memberId + "/screening", screening(false, 80, 90)), "systolic");
        assertInvalid(api.post("/api/members/" + memberId + "/screening", "{\"answers\": 5}"), "answers");
        assertThat(api.get("/api/members/" + memberId + "/prescription").status()).isEqualTo(404);
        assertThat(api.get("/api/members/ZZZZZZZZZZ/evaluation").status()).isEqualTo(404);
        assertThat(api.get("/api/members/ZZZZZZZZZZ/prescription.pdf").status()).isEqualTo(404);
        assertThat(api.post("/api/members/ZZZZZZZZZZ/screening", screening(false, 120, 80)).status()).isEqualTo(404);
        assertThat(api.anonymous().get("/api/members/" + memberId + "/evaluation").status()).isEqualTo(401);
    }

    @Test
    void thePrescriptionPrintsAsAKoreanPdf() throws Exception {
        if (!Files.isReadable(FONT)) {
            if (RequiredServices.servicesRequired()) {
                throw new AssertionError("fonts-nanum is required (SSC_REQUIRE_SERVICES=1) but " + FONT + " is missing");
            }
            Assumptions.abort("fonts-nanum not installed: " + FONT);
        }
        String memberId = api.createMember(site(), "김순자", 1951, "F");
        api.post("/api/members/" + memberId + "/screening", screening(false, 120, 80));

        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.baseUrl() + "/api/members/" + memberId + "/prescription.pdf"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:"
                        + TestServer.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/pdf");
        try (PDDocument document = Loader.loadPDF(response.body())) {
            String text = java.text.Normalizer.normalize(new PDFTextStripper().getText(document),
                    java.text.Normalizer.Form.NFC).replace('\0', ' '); // NanumGothic's space maps to U+0000
            assertThat(text).contains("나의 운동 처방").contains("김순자").contains("빠르게 걷기").contains("WHO2020-AEROBIC");
        }
    }

    // --- helpers -----------------------------------------------------------------------------------

    private String site() {
        String id = "rx-" + UUID.randomUUID().toString().substring(0, 8);
        api.createSite(id, "처방시험 경로당");
        return id;
    }

    private static Map<String, Object> screening(boolean boneJoint, Integer systolic, Integer diastolic) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (ScreeningQuestion q : ScreeningQuestion.values()) {
            answers.put(q.name(), boneJoint && q == ScreeningQuestion.BONE_JOINT);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("answers", answers);
        body.put("systolic", systolic);
        body.put("diastolic", diastolic);
        return body;
    }

    private static MeasurementRecord record(String memberId, MeasurementCode code, String value) {
        return record(memberId, code, value, OffsetDateTime.now(ZoneOffset.ofHours(9)).minusMinutes(5));
    }

    private static MeasurementRecord record(String memberId, MeasurementCode code, String value, OffsetDateTime at) {
        return MeasurementRecord.of(memberId, code, new BigDecimal(value), at, Map.of());
    }

    /** Records already in JSON, as a kiosk's outbox sends them. */
    private void publishJson(String siteId, List<String> records) {
        String batchId = "rx-" + UUID.randomUUID().toString().substring(0, 8);
        try (MqttTestClient kiosk = new MqttTestClient(server.mqttUri(), siteId, "kiosk-1")) {
            kiosk.publishMeasurements(codec.encodeBatch(batchId, "kiosk-1", OffsetDateTime.now(ZoneOffset.ofHours(9)),
                    records));
            assertThat(kiosk.awaitAck(batchId, WAIT).accepted()).hasSize(records.size());
        }
    }

    private void publish(String siteId, MeasurementRecord... records) {
        String batchId = "rx-" + UUID.randomUUID().toString().substring(0, 8);
        try (MqttTestClient kiosk = new MqttTestClient(server.mqttUri(), siteId, "kiosk-1")) {
            kiosk.publishMeasurements(codec.encode(new MeasurementBatch(batchId, "kiosk-1",
                    OffsetDateTime.now(ZoneOffset.ofHours(9)), List.of(records))));
            assertThat(kiosk.awaitAck(batchId, WAIT).accepted()).hasSize(records.length);
        }
    }

    private static List<String> codes(JsonNode restrictions) {
        return java.util.stream.StreamSupport.stream(restrictions.spliterator(), false)
                .map(r -> r.get("code").asText()).toList();
    }

    private static JsonNode find(JsonNode results, String code) {
        for (JsonNode result : results) {
            if (result.get("code").asText().equals(code)) {
                return result;
            }
        }
        throw new AssertionError("no result " + code + " in " + results);
    }

    private static void assertInvalid(Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsText("field")).as(response.body()).contains(field);
    }
}
