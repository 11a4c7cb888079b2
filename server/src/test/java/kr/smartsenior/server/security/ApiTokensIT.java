package kr.smartsenior.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
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
 * How scripts sign in to the API, over HTTP against a whole server (SQLite): no Basic challenge in a
 * 401, preemptive Basic as before, API tokens with a scope, an expiry and revocation, the dashboard's
 * session cookie signing nothing in on the API, and state-changing requests from another origin
 * refused and audited.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ApiTokensIT {

    private TestServer server;
    private ServerApi admin;
    private String mine;
    private String theirs;

    @BeforeAll
    void start() {
        server = TestServer.embedded();
        admin = server.api();
        admin.createSite("site-a", "가 경로당");
        admin.createSite("site-b", "나 경로당");
        mine = admin.createMember("site-a", "김순자", 1944, "F");
        theirs = admin.createMember("site-b", "박영수", 1940, "M");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a401NeverAsksABrowserForThePasswordAndPreemptiveBasicStillWorks() {
        for (ServerApi.Response response : List.of(admin.anonymous().get("/api/sites"),
                admin.as("admin", "not-the-password-1").get("/api/sites"),
                admin.withToken("ssc_not-a-token").get("/api/sites"),
                admin.anonymous().post("/api/members/" + mine + "/card/reissue", ""))) {
            assertThat(response.status()).as(response.body()).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).as("no challenge").isNull();
            assertThat(response.json().get("status").asInt()).isEqualTo(401);
        }
        assertThat(admin.get("/api/sites").status()).isEqualTo(200);
    }

    @Test
    void aTokenHasOnlyItsScopeUntilItIsRevokedOrExpires() {
        JsonNode read = token("성과 보고 스크립트", "READ", List.of("site-a"));
        JsonNode write = token("카드 재발급 스크립트", "SITES", List.of("site-a"));
        JsonNode district = token("구청 백업", "ADMIN", List.of());
        String readSecret = read.get("secret").asText();
        assertThat(readSecret).startsWith("ssc_").hasSizeGreaterThanOrEqualTo(47);
        String stored = server.jdbc().sql("SELECT token_hash FROM api_token WHERE id = ?").param(read.get("id").asText())
                .query(String.class).single();
        assertThat(stored).isEqualTo(ApiTokens.hash(readSecret)).doesNotContain(readSecret);
        assertThat(admin.get("/api/tokens").body()).doesNotContain(readSecret).doesNotContain(stored)
                .contains(read.get("id").asText());

        ServerApi reader = admin.withToken(readSecret);
        assertThat(reader.get("/api/sites/site-a/members").status()).isEqualTo(200);
        assertThat(reader.get("/api/members/" + mine).status()).isEqualTo(200);
        assertThat(reader.get("/api/sites").json().findValuesAsText("id")).containsExactly("site-a");
        assertThat(reader.get("/api/members/" + theirs).status()).as("another site: as unknown").isEqualTo(404);
        assertThat(reader.post("/api/members/" + mine + "/card/reissue", "").status()).as("read-only").isEqualTo(403);
        assertThat(reader.get("/api/staff").status()).isEqualTo(403);

        ServerApi writer = admin.withToken(write.get("secret").asText());
        assertThat(writer.post("/api/members/" + mine + "/card/reissue", "").status()).isEqualTo(200);
        assertThat(writer.post("/api/members/" + theirs + "/card/reissue", "").status()).isEqualTo(404);
        assertThat(writer.get("/api/audit").status()).isEqualTo(403);
        assertThat(cardVersion(theirs)).isEqualTo(1);

        ServerApi districtToken = admin.withToken(district.get("secret").asText());
        assertThat(districtToken.get("/api/members/" + theirs).status()).isEqualTo(200);
        assertThat(districtToken.get("/api/staff").status()).isEqualTo(200);
        assertThat(districtToken.get("/api/tokens").status()).as("a token never manages tokens").isEqualTo(403);

        // who did what: the token by its id, and the admin who made and revoked it
        List<String> byReader = admin.get("/api/audit?actor=token:" + read.get("id").asText()).json()
                .findValuesAsText("action");
        assertThat(byReader).contains("site.members.read", "member.read", "access.refused");

        ServerApi.Response revoked = admin.post("/api/tokens/" + read.get("id").asText() + "/revoke", "");
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("active").asBoolean()).isFalse();
        assertThat(reader.get("/api/sites").status()).isEqualTo(401);
        assertThat(writer.get("/api/sites").status()).isEqualTo(200);
        server.jdbc().sql("UPDATE api_token SET expires_at_ms = ? WHERE id = ?")
                .params(System.currentTimeMillis() - 1, write.get("id").asText()).update();
        assertThat(writer.get("/api/sites").status()).as("expired").isEqualTo(401);
        assertThat(admin.get("/api/audit?actor=admin").json().findValuesAsText("action"))
                .contains("token.create", "token.revoke");
        assertThat(admin.post("/api/tokens/0000000000000000/revoke", "").status()).isEqualTo(404);
    }

    @Test
    void aBadTokenRequestIsAFieldError() {
        assertField(admin.post("/api/tokens", Map.of("name", "x", "scope", "OWNER", "siteIds", List.of("site-a"))), "scope");
        assertField(admin.post("/api/tokens", Map.of("name", "x", "scope", "READ")), "siteIds");
        assertField(admin.post("/api/tokens", Map.of("name", "x", "scope", "ADMIN", "siteIds", List.of("site-a"))), "siteIds");
        assertField(admin.post("/api/tokens", Map.of("name", "x", "scope", "READ", "siteIds", List.of("nowhere"))), "siteIds");
        assertField(admin.post("/api/tokens", Map.of("name", "x", "scope", "READ", "siteIds", List.of("site-a"),
                "days", 0)), "days");
        assertField(admin.post("/api/tokens", Map.of("name", "", "scope", "READ", "siteIds", List.of("site-a"))), "name");
    }

    @Test
    void aStateChangingRequestFromAnotherOriginIsRefusedAndAudited() {
        int before = cardVersion(mine);
        for (ServerApi forged : List.of(admin.withHeader("Origin", "http://evil.example"),
                admin.withHeader("Origin", "null"),
                admin.withHeader("Sec-Fetch-Site", "cross-site"),
                admin.withHeader("Sec-Fetch-Site", "same-site").withHeader("Origin", "http://127.0.0.1:1"))) {
            ServerApi.Response refused = forged.post("/api/members/" + mine + "/card/reissue", "");
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(forged.get("/api/members/" + mine).status()).as("reading is not changing").isEqualTo(200);
        }
        assertThat(cardVersion(mine)).isEqualTo(before);
        ServerApi own = admin.withHeader("Origin", server.baseUrl()).withHeader("Sec-Fetch-Site", "same-origin");
        assertThat(own.post("/api/members/" + mine + "/card/reissue", "").status()).isEqualTo(200);
        assertThat(cardVersion(mine)).isEqualTo(before + 1);
        assertThat(admin.get("/api/audit").json().findValuesAsText("action")).contains("access.cross-site.refused");
    }

    @Test
    void theDashboardsSessionCookieSignsNothingInOnTheApi() throws Exception {
        DashboardSession browser = new DashboardSession(server.baseUrl());
        browser.login("admin", TestServer.ADMIN_PASSWORD);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        int before = cardVersion(mine);
        var response = browser.postForm("/api/members/" + mine + "/card/reissue", Map.of(), true);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(browser.get("/api/sites").statusCode()).isEqualTo(401);
        assertThat(cardVersion(mine)).isEqualTo(before);
    }

    @Test
    void anAdminMakesATokenOnItsPageSeesTheSecretOnceAndRevokesIt() throws Exception {
        DashboardSession page = new DashboardSession(server.baseUrl());
        page.login("admin", TestServer.ADMIN_PASSWORD);
        var empty = page.get("/admin/tokens");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("새 토큰 만들기").contains("가 경로당");
        var missingSite = page.postForm("/admin/tokens", Map.of("name", "보고", "scope", "READ", "days", "30"), true);
        assertThat(missingSite.body()).contains("경로당을 하나 이상 골라야 합니다");
        var made = page.postForm("/admin/tokens", Map.of("name", "월간 보고", "scope", "READ", "siteIds", "site-a",
                "days", "30"), true);
        assertThat(made.statusCode()).isEqualTo(200);
        java.util.regex.Matcher secret = java.util.regex.Pattern.compile("class=\"secret\">(ssc_[A-Za-z0-9_-]+)<")
                .matcher(made.body());
        assertThat(secret.find()).as(made.body()).isTrue();
        ServerApi script = admin.withToken(secret.group(1));
        assertThat(script.get("/api/sites/site-a/members").status()).isEqualTo(200);
        assertThat(page.get("/admin/tokens").body()).as("shown once").doesNotContain(secret.group(1))
                .contains("월간 보고").contains("읽기 전용");

        String id = null;
        for (JsonNode t : admin.get("/api/tokens").json()) {
            if (t.get("name").asText().equals("월간 보고")) {
                id = t.get("id").asText();
            }
        }
        assertThat(page.postForm("/admin/tokens/" + id + "/revoke", Map.of(), true).statusCode()).isEqualTo(302);
        assertThat(script.get("/api/sites").status()).isEqualTo(401);

        assertThat(admin.post("/api/staff", Map.of("username", "lee", "password", "haetsal-2026!", "role", "STAFF",
                "siteIds", List.of("site-a"))).status()).isEqualTo(201);
        DashboardSession staff = new DashboardSession(server.baseUrl());
        staff.login("lee", "haetsal-2026!");
        assertThat(staff.get("/admin/tokens").statusCode()).isEqualTo(403);
    }

    private JsonNode token(String name, String scope, List<String> siteIds) {
        ServerApi.Response created = admin.post("/api/tokens", Map.of("name", name, "scope", scope, "siteIds", siteIds,
                "days", 30));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private int cardVersion(String memberId) {
        return admin.get("/api/members/" + memberId).json().get("cardVersion").asInt();
    }

    private static void assertField(ServerApi.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsText("field")).as(response.body()).contains(field);
    }
}
