package kr.smartsenior.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import kr.smartsenior.server.testsupport.ServerApi;
import kr.smartsenior.server.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The admins' district view: participation (a record in the last 4 weeks / registered) and the
 * average first-to-latest change per test, per site and per rollout wave; staff are refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DistrictViewIT {

    private static final String PASSWORD = "district-2026!pw";
    private TestServer server;

    @BeforeAll
    void start() {
        server = TestServer.embedded();
        ServerApi admin = server.api();
        assertThat(admin.post("/api/sites", Map.of("id", "site-a", "name", "가 경로당", "wave", 1)).status()).isEqualTo(201);
        assertThat(admin.post("/api/sites", Map.of("id", "site-b", "name", "나 경로당", "wave", 1)).status()).isEqualTo(201);
        assertThat(admin.post("/api/sites", Map.of("id", "site-c", "name", "다 경로당", "wave", 2)).status()).isEqualTo(201);
        String a1 = admin.createMember("site-a", "김", 1944, "F");
        String a2 = admin.createMember("site-a", "이", 1945, "F");
        String b1 = admin.createMember("site-b", "박", 1940, "M");
        admin.createMember("site-b", "최", 1941, "M");
        admin.createMember("site-c", "정", 1939, "F");
        Instant now = Instant.now();
        // a1: chair stand 12 -> 15 (+3) and came last week; TUG 9.0 -> 8.0 (-1, better)
        result(a1, "CHAIR_STAND_30S", "12", now.minus(200, ChronoUnit.DAYS));
        result(a1, "CHAIR_STAND_30S", "15", now.minus(7, ChronoUnit.DAYS));
        result(a1, "TIMED_UP_AND_GO", "9.0", now.minus(200, ChronoUnit.DAYS));
        result(a1, "TIMED_UP_AND_GO", "8.0", now.minus(7, ChronoUnit.DAYS));
        // a2: chair stand 10 -> 11 (+1), not in the last 4 weeks
        result(a2, "CHAIR_STAND_30S", "10", now.minus(300, ChronoUnit.DAYS));
        result(a2, "CHAIR_STAND_30S", "11", now.minus(60, ChronoUnit.DAYS));
        // b1: chair stand 14 -> 12 (-2), in the last 4 weeks; an old result outside 12 months is ignored
        result(b1, "CHAIR_STAND_30S", "30", now.minus(500, ChronoUnit.DAYS));
        result(b1, "CHAIR_STAND_30S", "14", now.minus(100, ChronoUnit.DAYS));
        result(b1, "CHAIR_STAND_30S", "12", now.minus(3, ChronoUnit.DAYS));
        assertThat(admin.post("/api/staff", Map.of("username", "han", "password", PASSWORD, "role", "STAFF",
                "siteIds", List.of("site-a"))).status()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private void result(String member, String code, String value, Instant at) {
        server.jdbc().sql("""
                INSERT INTO measurement (id, member_id, site_id, device_id, batch_id, kind, code, value, unit, taken_at,
                    taken_at_ms, detail, received_at_ms) VALUES (?, ?, 'site-a', 'kiosk-1', 'b1', 'test', ?, ?, 'count', ?, ?, '{}', 0)""")
                .params(UUID.randomUUID().toString(), member, code, new java.math.BigDecimal(value),
                        at.atOffset(ZoneOffset.ofHours(9)).toString(), at.toEpochMilli())
                .update();
    }

    @Test
    void participationAndAverageChangePerSiteAndPerWave() {
        ServerApi.Response response = server.api().get("/api/district");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode district = response.json();
        JsonNode a = site(district, "site-a");
        assertThat(a.get("registered").asInt()).isEqualTo(2);
        assertThat(a.get("active").asInt()).isEqualTo(1);
        assertThat(a.get("participation").asDouble()).isEqualTo(0.5);
        assertThat(change(a, "CHAIR_STAND_30S").get("averageChange").asDouble()).isEqualTo(2.0); // (+3 +1) / 2
        assertThat(change(a, "CHAIR_STAND_30S").get("seniors").asInt()).isEqualTo(2);
        assertThat(change(a, "TIMED_UP_AND_GO").get("averageChange").asDouble()).isEqualTo(-1.0);
        assertThat(change(a, "TIMED_UP_AND_GO").get("better").asInt()).isEqualTo(-1);

        JsonNode wave1 = district.get("waves").get(0);
        assertThat(wave1.get("wave").asInt()).isEqualTo(1);
        assertThat(wave1.get("sites").asInt()).isEqualTo(2);
        assertThat(wave1.get("figures").get("registered").asInt()).isEqualTo(4);
        assertThat(wave1.get("figures").get("active").asInt()).isEqualTo(2);
        // (+3 +1 -2) / 3 seniors
        assertThat(change(wave1.get("figures"), "CHAIR_STAND_30S").get("averageChange").asDouble()).isEqualTo(0.67);
        JsonNode wave2 = district.get("waves").get(1);
        assertThat(wave2.get("figures").get("participation").asDouble()).isZero();
        assertThat(wave2.get("figures").get("changes")).isEmpty();

        JsonNode longer = server.api().get("/api/district?months=24").json();
        assertThat(change(site(longer, "site-b"), "CHAIR_STAND_30S").get("averageChange").asDouble()).isEqualTo(-18.0);
        assertThat(server.api().get("/api/district?months=0").status()).isEqualTo(400);
    }

    @Test
    void staffAreRefusedAndAdminViewsAreAudited() {
        assertThat(server.api().as("han", PASSWORD).get("/api/district").status()).isEqualTo(403);
        server.api().get("/api/district");
        assertThat(server.api().get("/api/audit?actor=admin").json().findValuesAsText("action")).contains("district.view");
    }

    private static JsonNode site(JsonNode district, String id) {
        for (JsonNode s : district.get("sites")) {
            if (s.get("siteId").asText().equals(id)) {
                return s.get("figures");
            }
        }
        throw new AssertionError("no site " + id);
    }

    private static JsonNode change(JsonNode figures, String code) {
        for (JsonNode c : figures.get("changes")) {
            if (c.get("code").asText().equals(code)) {
                return c;
            }
        }
        throw new AssertionError("no change for " + code + " in " + figures);
    }
}
