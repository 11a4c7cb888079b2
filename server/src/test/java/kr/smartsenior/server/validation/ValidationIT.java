package kr.smartsenior.server.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
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
import kr.smartsenior.protocol.MeasurementProtocol;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.RecordDetail;
import kr.smartsenior.server.testsupport.DashboardSession;
import kr.smartsenior.server.testsupport.MqttTestClient;
import kr.smartsenior.server.testsupport.ServerApi;
import kr.smartsenior.server.testsupport.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 검증 측정 through the real server (Mosquitto, PostgreSQL): kiosk records carrying a staff hand
 * reference arrive through ingest, are stored with both numbers, and the agreement endpoint shows
 * the site's agreement per test; the fall-risk flags of a validated test lose their "검증 전" mark.
 * Site-scoped and audited like the other site endpoints.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ValidationIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    private static final String KIM_PASSWORD = "gangseo-2026!";

    private final ProtocolCodec codec = new ProtocolCodec();

    @Test
    void handReferencesThroughIngestGiveTheSitesAgreementAndValidateItsTug() throws Exception {
        try (TestServer server = TestServer.mosquittoPostgres()) {
            ServerApi admin = server.api();
            admin.createSite("val-a", "가 경로당");
            admin.createSite("val-b", "나 경로당");
            String memberId = admin.createMember("val-a", "박철수", 1944, "M");
            OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(9)).minusDays(40);

            List<MeasurementRecord> records = new ArrayList<>();
            String tug = MeasurementProtocol.TIMED_UP_AND_GO.id();
            for (int i = 0; i < 30; i++) {
                double hand = 9 + i * 0.1;
                double kiosk = hand + (i % 2 == 0 ? 0.2 : -0.2);
                records.add(record(memberId, MeasurementCode.TIMED_UP_AND_GO, kiosk, start.plusDays(i),
                        detail(tug, hand)));
            }
            // not counted: an unreadable reference, and a superseded procedure's pair
            records.add(record(memberId, MeasurementCode.TIMED_UP_AND_GO, 10, start.plusHours(1), detail(tug, "10초")));
            records.add(record(memberId, MeasurementCode.TIMED_UP_AND_GO, 8, start.plusHours(2),
                    detail("timed-up-and-go/1", 9.4)));
            // the latest TUG is slow; the one-leg stance is short, with only one pair at this site
            records.add(record(memberId, MeasurementCode.TIMED_UP_AND_GO, 14.2, start.plusDays(35), detail(tug, 14.0)));
            records.add(record(memberId, MeasurementCode.ONE_LEG_STANCE, 3.1, start.plusDays(35),
                    detail(MeasurementProtocol.ONE_LEG_STANCE.id(), 3.0)));
            publish(server, "val-a", records);

            JsonNode site = admin.get("/api/sites/val-a/validation").json();
            assertThat(site.get("minimumPairs").asInt()).isEqualTo(KioskAgreements.MINIMUM_PAIRS);
            JsonNode tugAgreement = find(site.get("tests"), "TIMED_UP_AND_GO");
            assertThat(tugAgreement.get("n").asInt()).isEqualTo(31);
            assertThat(tugAgreement.get("unreadable").asInt()).isEqualTo(1);
            assertThat(tugAgreement.get("protocol").asText()).isEqualTo("timed-up-and-go/2");
            assertThat(tugAgreement.get("validated").asBoolean()).as(tugAgreement.toString()).isTrue();
            assertThat(tugAgreement.get("status").asText()).isEqualTo("검증 완료");
            // 30 pairs of ± 0.2 s and one of + 0.2 s, computed by hand as in docs/api.md
            assertThat(tugAgreement.get("meanDifference").decimalValue()).isEqualByComparingTo("0.006");
            assertThat(tugAgreement.get("sd").decimalValue()).isEqualByComparingTo("0.203");
            assertThat(tugAgreement.get("lowerLimit").decimalValue()).isEqualByComparingTo("-0.392");
            assertThat(tugAgreement.get("upperLimit").decimalValue()).isEqualByComparingTo("0.405");
            assertThat(tugAgreement.get("limitCiHalfWidth").decimalValue()).isEqualByComparingTo("0.124");
            JsonNode stance = find(site.get("tests"), "ONE_LEG_STANCE");
            assertThat(stance.get("n").asInt()).isEqualTo(1);
            assertThat(stance.get("validated").asBoolean()).isFalse();
            assertThat(stance.get("status").asText()).isEqualTo("검증 전: 손 측정 비교 1/30건");

            // the record keeps the kiosk's value and the staff's reference
            JsonNode stored = admin.get("/api/members/" + memberId + "/measurements").json();
            assertThat(stored.findValues("detail").stream().filter(d -> d.has(RecordDetail.HAND_REFERENCE)))
                    .hasSize(34);

            await().atMost(WAIT).untilAsserted(() -> {
                JsonNode fallRisk = admin.get("/api/members/" + memberId + "/evaluation").json().get("fallRisk");
                assertThat(fallRisk.get("level").asText()).isEqualTo("HIGH");
                for (JsonNode flag : fallRisk.get("flags")) {
                    boolean validated = flag.get("code").asText().equals("TIMED_UP_AND_GO");
                    assertThat(flag.get("validated").asBoolean()).as(flag.toString()).isEqualTo(validated);
                    assertThat(!flag.path("note").asText("").contains("검증 전"))
                            .as(flag.toString()).isEqualTo(validated);
                }
            });

            // the dashboard: the site page's 검증 측정 table, the senior's page with the marked flag
            DashboardSession browser = new DashboardSession(server.baseUrl());
            browser.login("admin", TestServer.ADMIN_PASSWORD);
            HttpResponse<String> sitePage = browser.get("/sites/val-a");
            assertThat(sitePage.statusCode()).isEqualTo(200);
            assertThat(sitePage.body()).contains("검증 측정").contains("31 / 30").contains("검증 완료")
                    .contains("검증 전: 손 측정 비교 1/30건");
            HttpResponse<String> memberPage = browser.get("/members/" + memberId);
            assertThat(memberPage.body()).contains("낙상 위험: <strong class=\"risk-level\">높음</strong>").contains("[검증 전]");

            // site scoping: a staff member of the other site sees only hers
            Map<String, Object> kim = new LinkedHashMap<>();
            kim.put("username", "kim");
            kim.put("password", KIM_PASSWORD);
            kim.put("role", "STAFF");
            kim.put("siteIds", List.of("val-b"));
            assertThat(admin.post("/api/staff", kim).status()).isEqualTo(201);
            ServerApi staff = admin.as("kim", KIM_PASSWORD);
            assertThat(staff.get("/api/sites/val-a/validation").status()).as("as an unknown site").isEqualTo(404);
            assertThat(staff.get("/api/sites/val-b/validation").status()).isEqualTo(200);
            assertThat(staff.get("/api/validation").json().findValuesAsText("siteId")).containsOnly("val-b");
            assertThat(admin.get("/api/validation").json().findValuesAsText("siteId")).contains("val-a", "val-b");
            assertThat(admin.get("/api/sites/nowhere/validation").status()).isEqualTo(404);
            assertThat(admin.anonymous().get("/api/sites/val-a/validation").status()).isEqualTo(401);

            JsonNode audit = admin.get("/api/audit?actor=kim").json();
            assertThat(audit.findValuesAsText("action")).contains(ValidationController.READ_VALIDATION);
            for (JsonNode entry : audit) { // val-a only as the refusal, never as a read
                assertThat(entry.get("siteId").asText() + " " + entry.get("action").asText())
                        .isIn("val-b " + ValidationController.READ_VALIDATION, "val-a access.refused");
            }
        }
    }

    private static Map<String, Object> detail(String protocol, Object hand) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put(RecordDetail.PROTOCOL, protocol);
        detail.put(RecordDetail.HAND_REFERENCE, hand);
        return detail;
    }

    private static MeasurementRecord record(String memberId, MeasurementCode code, double value, OffsetDateTime at,
            Map<String, Object> detail) {
        return MeasurementRecord.of(memberId, code, BigDecimal.valueOf(value).setScale(1, java.math.RoundingMode.HALF_UP),
                at, detail);
    }

    private void publish(TestServer server, String siteId, List<MeasurementRecord> records) {
        String batchId = "val-" + UUID.randomUUID().toString().substring(0, 8);
        try (MqttTestClient kiosk = new MqttTestClient(server.mqttUri(), siteId, "kiosk-1")) {
            kiosk.publishMeasurements(codec.encode(new MeasurementBatch(batchId, "kiosk-1",
                    OffsetDateTime.now(ZoneOffset.ofHours(9)), records)));
            assertThat(kiosk.awaitAck(batchId, WAIT).accepted()).hasSize(records.size());
        }
    }

    private static JsonNode find(JsonNode tests, String code) {
        for (JsonNode test : tests) {
            if (test.get("code").asText().equals(code)) {
                return test;
            }
        }
        throw new AssertionError("no " + code + " in " + tests);
    }
}
