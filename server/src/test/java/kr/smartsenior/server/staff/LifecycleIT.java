package kr.smartsenior.server.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import kr.smartsenior.server.testsupport.DashboardSession;
import kr.smartsenior.server.testsupport.ServerApi;
import kr.smartsenior.server.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The lifecycle against a whole server on Mosquitto and PostgreSQL (V41 and the foreign keys of
 * PostgreSQL): staff accounts made, refused, disabled, unlocked and given a password to change;
 * a site closed to new seniors; a senior's consent withdrawn through the API with results,
 * screening and prescription kept anonymously; the same file imported twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LifecycleIT {

    private TestServer server;
    private ServerApi admin;

    @BeforeAll
    void start() {
        server = TestServer.mosquittoPostgres();
        admin = server.api();
        admin.createSite("sunflower", "해바라기 경로당");
        admin.createSite("maple", "단풍 경로당");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void accountsAreMadeDisabledUnlockedAndGivenAPasswordToChange() throws Exception {
        DashboardSession board = new DashboardSession(server.baseUrl());
        board.login("admin", TestServer.ADMIN_PASSWORD);
        board.get("/admin/staff");
        HttpResponse<String> refused = board.postForm("/admin/staff", Map.of("username", "Kim!", "role", "STAFF",
                "password", "sunflower"), true);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("아이디는 영문 소문자", "담당 경로당을 하나 이상", "10자 이상");
        assertThat(server.jdbc().sql("SELECT COUNT(*) FROM staff_account").query(Long.class).single()).isEqualTo(1);

        HttpResponse<String> created = board.postForm("/admin/staff", Map.of("username", "yoon", "fullName", "윤복지",
                "role", "STAFF", "siteIds", "sunflower", "password", "sunflower-first-1"), true);
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/admin/staff/yoon?created");

        // an admin-set password: the API refuses and the dashboard sends the account to change it
        ServerApi yoon = admin.as("yoon", "sunflower-first-1");
        assertThat(yoon.get("/api/sites").status()).isEqualTo(403);
        DashboardSession own = new DashboardSession(server.baseUrl());
        own.login("yoon", "sunflower-first-1");
        HttpResponse<String> site = own.get("/sites/sunflower");
        assertThat(site.statusCode()).isEqualTo(302);
        assertThat(site.headers().firstValue("Location").orElseThrow()).endsWith("/account/password");
        own.get("/account/password");
        HttpResponse<String> same = own.postForm("/account/password", Map.of("current", "sunflower-first-1",
                "password", "sunflower-first-1", "repeat", "sunflower-first-1"), true);
        assertThat(same.body()).contains("지금과 다른 비밀번호");
        assertThat(own.postForm("/account/password", Map.of("current", "sunflower-first-1",
                "password", "sunny-chose-this-2", "repeat", "sunny-chose-this-2"), true).statusCode()).isEqualTo(302);
        assertThat(own.get("/sites/sunflower").statusCode()).isEqualTo(200);
        ServerApi yoonNow = admin.as("yoon", "sunny-chose-this-2");
        assertThat(yoonNow.get("/api/sites").status()).isEqualTo(200);

        // a staff account cannot open the account pages
        assertThat(own.get("/admin/staff").statusCode()).isEqualTo(403);

        // too many wrong passwords make this address wait (decision 0029); the admin's page clears the wait
        // (the waits themselves, 2 s doubling, are AccessIT's; here: the page clears what they rest on)
        for (int i = 0; i < 6; i++) {
            admin.as("yoon", "wrong-password-" + i).get("/api/sites");
        }
        assertThat(waitingFor("yoon")).isPositive();
        assertThat(board.get("/admin/staff/yoon").body()).contains("로그인 기다림 풀기");
        assertThat(board.postForm("/admin/staff/yoon/unlock", Map.of(), true).statusCode()).isEqualTo(302);
        assertThat(waitingFor("yoon")).isZero();
        assertThat(yoonNow.get("/api/sites").status()).isEqualTo(200);

        // edit: another site, a new name
        board.get("/admin/staff/yoon");
        assertThat(board.postForm("/admin/staff/yoon", Map.of("fullName", "윤사회", "role", "STAFF",
                "siteIds", "maple"), true).statusCode()).isEqualTo(302);
        assertThat(yoonNow.get("/api/sites").body()).contains("maple").doesNotContain("sunflower");

        // disabled: the open session ends and signing in is refused
        board.get("/admin/staff/yoon");
        assertThat(board.postForm("/admin/staff/yoon/disable", Map.of(), true).statusCode()).isEqualTo(302);
        HttpResponse<String> ended = own.get("/sites/maple");
        assertThat(ended.statusCode()).isEqualTo(302);
        assertThat(ended.headers().firstValue("Location").orElseThrow()).contains("/login");
        assertThat(yoonNow.get("/api/sites").status()).isEqualTo(401);
        board.get("/admin/staff/yoon");
        board.postForm("/admin/staff/yoon/disable", Map.of("disabled", "false"), true);
        assertThat(yoonNow.get("/api/sites").status()).isEqualTo(200);

        // the admin cannot disable or demote itself
        board.get("/admin/staff/admin");
        assertThat(board.postForm("/admin/staff/admin/disable", Map.of(), true).headers().firstValue("Location")
                .orElseThrow()).endsWith("?self");
        assertThat(server.jdbc().sql("SELECT COUNT(*) FROM audit_log WHERE action = 'staff.change' AND actor = 'admin'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aWithdrawnSeniorsResultsStayOnlyAnonymousOnPostgres() {
        String id = admin.createMember("sunflower", "정판석", 1951, "M");
        String other = admin.createMember("sunflower", "강옥자", 1944, "F");
        for (int i = 0; i < 3; i++) {
            OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).minusDays(10 + i);
            server.jdbc().sql("""
                    INSERT INTO measurement (id, member_id, site_id, device_id, batch_id, kind, code, value, unit, taken_at,
                        taken_at_ms, detail, received_at_ms) VALUES (?, ?, 'sunflower', 'k1', 'seed', 'test', 'CHAIR_STAND_30S', 12, 'count', ?, ?, '{}', ?)""")
                    .params(UUID.randomUUID().toString(), id, at.toString(), at.toInstant().toEpochMilli(),
                            at.toInstant().toEpochMilli())
                    .update();
        }
        server.jdbc().sql("""
                INSERT INTO screening (id, member_id, site_id, recorded_at, recorded_at_ms, recorded_by, answers, note)
                VALUES (?, ?, 'sunflower', '2026-11-01T10:00:00+09:00', 1, 'admin', '{}', '정판석 님 무릎 수술')""")
                .params(UUID.randomUUID().toString(), id).update();
        server.jdbc().sql("""
                INSERT INTO prescription (member_id, version, site_id, created_at, created_at_ms, body)
                VALUES (?, 1, 'sunflower', '2026-11-01T10:00:00+09:00', 1, '{}')""").param(id).update();

        assertThat(admin.post("/api/members/" + id + "/withdrawal", Map.of()).status()).isEqualTo(204);
        assertThat(admin.post("/api/members/" + id + "/withdrawal", Map.of()).status()).isEqualTo(404);
        assertThat(admin.get("/api/members/" + id).status()).isEqualTo(404);
        assertThat(admin.get("/api/sites/sunflower/members").body()).contains(other).doesNotContain(id, "정판석");
        String anonymous = server.jdbc().sql("SELECT id FROM member WHERE anonymised = 1 AND birth_year = 1950")
                .query(String.class).single();
        assertThat(server.jdbc().sql("SELECT COUNT(*) FROM measurement WHERE member_id = ?").param(anonymous)
                .query(Long.class).single()).isEqualTo(3);
        assertThat(server.jdbc().sql("SELECT COUNT(*) FROM screening WHERE note IS NULL AND member_id = ?")
                .param(anonymous).query(Long.class).single()).isEqualTo(1);
        assertThat(server.jdbc().sql("SELECT COUNT(*) FROM prescription WHERE member_id = ?")
                .param(anonymous).query(Long.class).single()).isEqualTo(1);
        assertThat(server.jdbc().sql("SELECT COUNT(*) FROM member WHERE display_name = '정판석'").query(Long.class)
                .single()).isZero();
        String csv = new String(admin.download("/api/sites/sunflower/results.csv").body(), StandardCharsets.UTF_8);
        assertThat(csv).doesNotContain("정판석").doesNotContain(anonymous);
    }

    @Test
    void theSameFileImportedTwiceAddsNobodyAndAClosedSiteTakesNoOne() {
        byte[] file = "이름,출생연도,성별\n문옥순,1939,여\n배석구,1941,남\n".getBytes(StandardCharsets.UTF_8);
        ServerApi.Response first = admin.postFile("/api/sites/maple/members/import?dryRun=false", "list.csv", file);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("imported").asInt()).isEqualTo(2);
        ServerApi.Response second = admin.postFile("/api/sites/maple/members/import?dryRun=false", "list.csv", file);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("imported").asInt()).isZero();
        assertThat(second.json().get("skipped").asInt()).isEqualTo(2);
        assertThat(second.json().get("preview").get(0).get("duplicate").asText()).startsWith("이미 등록된 어르신");
        assertThat(admin.get("/api/sites/maple/members").json()).hasSize(2);
        ServerApi.Response confirmed = admin.postFile("/api/sites/maple/members/import?dryRun=false&confirm=3",
                "list.csv", file);
        assertThat(confirmed.json().get("imported").asInt()).isEqualTo(1);
        assertThat(admin.get("/api/sites/maple/members").body()).contains("배석구");

        server.jdbc().sql("UPDATE site SET closed_at = '2026-12-01T00:00:00Z' WHERE id = 'maple'").update();
        assertThat(admin.post("/api/members", Map.of("siteId", "maple", "displayName", "새분", "birthYear", 1950,
                "sex", "F")).status()).isEqualTo(400);
        assertThat(admin.postFile("/api/sites/maple/members/import?dryRun=false", "new.csv",
                "이름,출생연도,성별\n새분,1950,여\n".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
        assertThat(admin.get("/api/sites/maple/members").json()).hasSize(3);
    }

    /** Failures on record for the account at any address (what makes an address wait). */
    private long waitingFor(String username) {
        return server.jdbc().sql("SELECT COALESCE(SUM(failures), 0) FROM sign_in_throttle WHERE username = ?")
                .param(username).query(Long.class).single();
    }
}
