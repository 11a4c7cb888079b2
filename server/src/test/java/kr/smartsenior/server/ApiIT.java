package kr.smartsenior.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import kr.smartsenior.protocol.MeasurementBatch;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.server.testsupport.MqttTestClient;
import kr.smartsenior.server.testsupport.ServerApi;
import kr.smartsenior.server.testsupport.ServerApi.Response;
import kr.smartsenior.server.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** The staff HTTP API on the zero-install defaults (embedded broker, SQLite). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ApiIT {

    private TestServer server;
    private ServerApi api;

    @BeforeAll
    void start() {
        server = TestServer.embedded();
        api = server.api();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void withoutCredentialsTheApiAnswers401AsAProblem() {
        Response response = api.anonymous().get("/api/sites");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("status").asInt()).isEqualTo(401);
        assertThat(api.as("admin", "wrong").get("/api/sites").status()).isEqualTo(401);
        assertThat(api.as("nobody", "x").get("/api/ingest/stats").status()).isEqualTo(401);
    }

    @Test
    void healthIsPublicAndOtherActuatorEndpointsAreNot() {
        Response health = api.anonymous().get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertThat(api.get("/actuator/env").status()).isNotEqualTo(200);
        assertThat(api.get("/actuator/beans").status()).isNotEqualTo(200);
    }

    @Test
    void createsAndListsSitesWithATrimmedName() {
        String id = "site-" + shortId();

        JsonNode site = api.createSite(id, "  영등포 경로당 ");

        assertThat(site.get("id").asText()).isEqualTo(id);
        assertThat(site.get("name").asText()).isEqualTo("영등포 경로당");
        assertThat(api.get("/api/sites").json().findValuesAsText("id")).contains(id);
    }

    @Test
    void aDuplicateSiteIs409() {
        String id = "dup-" + shortId();
        api.createSite(id, "첫 번째");

        Response again = api.post("/api/sites", Map.of("id", id, "name", "두 번째"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains(id);
    }

    @Test
    void invalidSitesAre400WithTheFieldNamed() {
        assertInvalid(api.post("/api/sites", Map.of("id", "Bad Id", "name", "x")), "id");
        assertInvalid(api.post("/api/sites", Map.of("id", "ok-" + shortId(), "name", "  ")), "name");
        assertInvalid(api.post("/api/sites", Map.of("id", "ok-" + shortId(), "name", "a\nb")), "name");
        assertInvalid(api.post("/api/sites", Map.of("id", "ok-" + shortId(), "name", "가".repeat(101))), "name");
        assertInvalid(api.post("/api/sites", Map.of("name", "no id")), "id");
        assertThat(api.post("/api/sites", "{not json").status()).isEqualTo(400);
        assertThat(api.post("/api/sites", "[]").status()).isEqualTo(400);
    }

    @Test
    void registersAMemberAndReadsItBack() {
        String siteId = site();
        String name = "<i>김영희</i> " + "가".repeat(39); // 50 characters

        Response created = api.post("/api/members",
                Map.of("siteId", siteId, "displayName", name, "birthYear", 1948, "sex", "F"));

        assertThat(created.status()).isEqualTo(201);
        JsonNode member = created.json();
        assertThat(fieldNames(member)).containsExactlyInAnyOrder("id", "siteId", "displayName", "birthYear", "sex",
                "heightCm", "weightKg", "consent", "cardVersion", "contacts");
        assertThat(member.get("id").asText()).matches("[0-9A-HJKMNP-TV-Z]{10}");
        assertThat(member.get("displayName").asText()).isEqualTo(name);
        assertThat(member.get("cardVersion").asInt()).isEqualTo(1);
        Response read = api.get("/api/members/" + member.get("id").asText());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(member);
    }

    @Test
    void invalidMembersAre400WithTheFieldNamed() {
        String siteId = site();
        int nextYear = Year.now().getValue() + 1;
        assertInvalid(api.post("/api/members", member("no-such-site", "이름", 1950, "F")), "siteId");
        assertInvalid(api.post("/api/members", member(siteId, "", 1950, "F")), "displayName");
        assertInvalid(api.post("/api/members", member(siteId, "가".repeat(51), 1950, "F")), "displayName");
        assertInvalid(api.post("/api/members", member(siteId, "a\u0007b", 1950, "F")), "displayName");
        assertInvalid(api.post("/api/members", member(siteId, "이름", 1899, "F")), "birthYear");
        assertInvalid(api.post("/api/members", member(siteId, "이름", nextYear, "F")), "birthYear");
        assertInvalid(api.post("/api/members", member(siteId, "이름", 1950, "X")), "sex");
        assertInvalid(api.post("/api/members", Map.of("siteId", siteId, "displayName", "이름", "birthYear", "old",
                "sex", "F")), "birthYear");
        assertInvalid(api.post("/api/members", Map.of("siteId", siteId, "displayName", "이름", "sex", "F")),
                "birthYear");
    }

    @Test
    void unknownMembersAre404() {
        assertThat(api.get("/api/members/ZZZZZZZZZZ").status()).isEqualTo(404);
        assertThat(api.get("/api/members/../../etc").status()).isIn(400, 404);
        assertThat(api.get("/api/members/%0A%0D/measurements").status()).isIn(400, 404);
    }

    @Test
    void listsAMembersMeasurementsOldestFirstAndAuditsEveryRead() {
        String siteId = site();
        String memberId = api.createMember(siteId, "박철수", 1944, "M");
        ProtocolCodec codec = new ProtocolCodec();
        OffsetDateTime now = OffsetDateTime.now();
        MeasurementRecord newer = MeasurementRecord.of(memberId, MeasurementCode.GRIP_STRENGTH, new BigDecimal("25.5"),
                now.minusHours(1), Map.of("hand", "right"));
        MeasurementRecord older = MeasurementRecord.of(memberId, MeasurementCode.CHAIR_STAND_30S, new BigDecimal("13"),
                now.minusHours(2), Map.of());
        String batchId = "b-" + shortId();
        try (MqttTestClient kiosk = new MqttTestClient(server.mqttUri(), siteId, "kiosk-1")) {
            kiosk.publishMeasurements(codec.encode(new MeasurementBatch(batchId, "kiosk-1", now, List.of(newer, older))));
            assertThat(kiosk.awaitAck(batchId, Duration.ofSeconds(20)).accepted()).hasSize(2);
        }

        JsonNode records = api.get("/api/members/" + memberId + "/measurements").json();

        assertThat(records.get(0).get("id").asText()).isEqualTo(older.id().toString());
        assertThat(records.get(1).get("id").asText()).isEqualTo(newer.id().toString());
        assertThat(fieldNames(records.get(1))).containsExactly("id", "memberId", "kind", "code", "value", "unit",
                "takenAt", "detail");
        assertThat(records.get(1).get("value").decimalValue()).isEqualByComparingTo("25.5");
        assertThat(records.get(1).get("unit").asText()).isEqualTo("kg");
        assertThat(records.get(1).get("detail").get("hand").asText()).isEqualTo("right");
        assertThat(OffsetDateTime.parse(records.get(1).get("takenAt").asText()).toInstant())
                .isEqualTo(newer.takenAt().toInstant());
        List<Map<String, Object>> audit = server.jdbc()
                .sql("SELECT actor, action, site_id, remote_addr FROM audit_log WHERE member_id = ? AND action <> ?")
                .params(memberId, "member.create").query().listOfRows(); // the registration is audited too
        assertThat(audit).isNotEmpty().allSatisfy(row -> {
            assertThat(row).containsEntry("actor", "admin").containsEntry("site_id", siteId)
                    .containsEntry("action", "member.measurements.read");
            assertThat(String.valueOf(row.get("remote_addr"))).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        });
    }

    @Test
    void staffMayReadButNotCreateSites() {
        String user = "staff-" + shortId();
        server.jdbc().sql("INSERT INTO staff_account (username, password_hash, role, created_at) VALUES (?, ?, ?, ?)")
                .params(user, new BCryptPasswordEncoder().encode("staff-pw"), "STAFF", "2026-01-01T00:00:00Z")
                .update();
        ServerApi staff = api.as(user, "staff-pw");

        assertThat(staff.get("/api/sites").status()).isEqualTo(200);
        Response refused = staff.post("/api/sites", Map.of("id", "st-" + shortId(), "name", "x"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("status").asInt()).isEqualTo(403);
    }

    @Test
    void ingestStatsHaveEveryCounter() {
        JsonNode stats = api.stats();

        assertThat(fieldNames(stats)).contains("messages", "malformed", "received", "stored", "duplicate", "rejected");
    }

    private String site() {
        String id = "s-" + shortId();
        api.createSite(id, "경로당");
        return id;
    }

    private static Map<String, Object> member(String siteId, String name, int birthYear, String sex) {
        return Map.of("siteId", siteId, "displayName", name, "birthYear", birthYear, "sex", sex);
    }

    private static void assertInvalid(Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("title").asText()).isNotBlank();
        assertThat(response.json().get("errors").findValuesAsText("field")).as(response.body()).contains(field);
    }

    private static List<String> fieldNames(JsonNode node) {
        return StreamSupport.stream(((Iterable<String>) node::fieldNames).spliterator(), false).toList();
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
