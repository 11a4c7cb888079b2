package kr.smartsenior.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import kr.smartsenior.server.testsupport.ServerApi;
import kr.smartsenior.server.testsupport.TestServer;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may see what, through the API, on SQLite and PostgreSQL: staff accounts, the one site check
 * on every endpoint with a senior's or a site's data, the audit search, and the lock-out.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AccessIT {

    private static final String KIM_PASSWORD = "gangseo-2026!";

    static Stream<Named<Supplier<TestServer>>> servers() {
        return Stream.of(Named.of("sqlite", TestServer::embedded),
                Named.of("postgresql", TestServer::mosquittoPostgres));
    }

    @ParameterizedTest
    @MethodSource("servers")
    void staffSeeOnlyTheirOwnSitesAndAdminsCanSearchTheAuditLog(Supplier<TestServer> start) {
        try (TestServer server = start.get()) {
            ServerApi admin = server.api();
            admin.createSite("site-a", "가 경로당");
            admin.createSite("site-b", "나 경로당");
            String mine = admin.createMember("site-a", "김순자", 1944, "F");
            String theirs = admin.createMember("site-b", "박영수", 1940, "M");

            // account validation
            assertField(admin.post("/api/staff", staff("kim", "short1", "STAFF", List.of("site-a"))), "password");
            assertField(admin.post("/api/staff", staff("kim", "kim-password-1", "STAFF", List.of("site-a"))), "password");
            assertField(admin.post("/api/staff", staff("kim", "abcdefghijkl", "STAFF", List.of("site-a"))), "password");
            assertField(admin.post("/api/staff", staff("kim", KIM_PASSWORD, "STAFF", List.of())), "siteIds");
            assertField(admin.post("/api/staff", staff("kim", KIM_PASSWORD, "STAFF", List.of("nowhere"))), "siteIds");
            assertField(admin.post("/api/staff", staff("kim", KIM_PASSWORD, "OWNER", List.of("site-a"))), "role");
            assertField(admin.post("/api/staff", staff("Kim<script>", KIM_PASSWORD, "STAFF", List.of("site-a"))), "username");
            assertField(admin.post("/api/staff", staff("root2", KIM_PASSWORD, "ADMIN", List.of("site-a"))), "siteIds");

            ServerApi.Response created = admin.post("/api/staff", staff("kim", KIM_PASSWORD, "STAFF", List.of("site-a")));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.body()).doesNotContain(KIM_PASSWORD).doesNotContain("$2a$");
            assertThat(created.json().get("siteIds").toString()).isEqualTo("[\"site-a\"]");
            assertThat(admin.post("/api/staff", staff("kim", KIM_PASSWORD, "STAFF", List.of("site-a"))).status())
                    .isEqualTo(409);
            String hash = server.jdbc().sql("SELECT password_hash FROM staff_account WHERE username = 'kim'")
                    .query(String.class).single();
            assertThat(hash).startsWith("$2").doesNotContain(KIM_PASSWORD);

            ServerApi kim = admin.as("kim", KIM_PASSWORD);
            // her own site: everything works
            assertThat(kim.get("/api/members/" + mine).status()).isEqualTo(200);
            assertThat(kim.get("/api/members/" + mine + "/evaluation").status()).isEqualTo(200);
            assertThat(kim.get("/api/members/" + mine + "/measurements").status()).isEqualTo(200);
            assertThat(kim.get("/api/members/" + mine + "/screening").status()).isEqualTo(200);
            assertThat(kim.get("/api/sites/site-a/members").status()).isEqualTo(200);
            assertThat(kim.get("/api/sites").json().findValuesAsText("id")).containsExactly("site-a");

            // another site's senior or list: 403 as a problem document, on every endpoint
            List<ServerApi.Response> refused = new ArrayList<>();
            for (String path : List.of("", "/evaluation", "/measurements", "/screening", "/prescription",
                    "/prescription.pdf", "/card.pdf")) {
                refused.add(kim.get("/api/members/" + theirs + path));
            }
            refused.add(kim.get("/api/sites/site-b/members"));
            refused.add(kim.get("/api/sites/site-b/cards.pdf"));
            refused.add(kim.post("/api/members/" + theirs + "/card/reissue", "{}"));
            refused.add(kim.post("/api/members/" + theirs + "/screening", Map.of("answers", Map.of())));
            refused.add(kim.post("/api/members/" + theirs + "/screening/clearance",
                    Map.of("clinician", "내과 김의사", "agreedOn", "2026-11-20")));
            refused.add(kim.post("/api/members", Map.of("siteId", "site-b", "displayName", "새 회원", "birthYear", 1950, "sex", "F")));
            refused.add(kim.put("/api/members/" + mine, Map.of("siteId", "site-b", "displayName", "김순자", "birthYear", 1944, "sex", "F")));
            refused.add(kim.put("/api/members/" + theirs, Map.of("siteId", "site-b", "displayName", "박영수", "birthYear", 1940, "sex", "M")));
            refused.add(kim.get("/api/audit?memberId=" + mine));
            refused.add(kim.get("/api/staff"));
            refused.add(kim.post("/api/staff", staff("lee", KIM_PASSWORD, "ADMIN", null)));
            for (ServerApi.Response response : refused) {
                assertThat(response.status()).as(response.body()).isEqualTo(403);
                assertThat(response.json().get("status").asInt()).isEqualTo(403);
            }
            assertThat(admin.get("/api/members/" + theirs).json().get("siteId").asText()).isEqualTo("site-b");
            assertThat(admin.get("/api/members/" + theirs).json().get("displayName").asText()).isEqualTo("박영수");

            // the audit log: kim's reads of her own senior, none of the refused ones
            ServerApi.Response log = admin.get("/api/audit?memberId=" + mine);
            assertThat(log.status()).as(log.body()).isEqualTo(200);
            List<String> kimsActions = new ArrayList<>();
            for (JsonNode entry : log.json()) {
                assertThat(entry.get("memberId").asText()).isEqualTo(mine);
                if (entry.get("actor").asText().equals("kim")) {
                    kimsActions.add(entry.get("action").asText());
                    assertThat(entry.get("remoteAddr").asText()).isEqualTo("127.0.0.1");
                    assertThat(entry.get("at").asText()).isNotBlank();
                }
            }
            assertThat(kimsActions).contains("member.read", "member.evaluation.read", "member.measurements.read",
                    "member.screening.read");
            JsonNode aboutTheirs = admin.get("/api/audit?memberId=" + theirs + "&actor=kim").json();
            assertThat(aboutTheirs).isEmpty();
            assertThat(admin.get("/api/audit?actor=kim&limit=2").json()).hasSize(2);
            assertField(admin.get("/api/audit?from=yesterday"), "from");
            assertField(admin.get("/api/audit?limit=0"), "limit");
            assertThat(admin.get("/api/audit?actor=admin").json().findValuesAsText("action")).contains("audit.read",
                    "staff.create");

            JsonNode accounts = admin.get("/api/staff").json();
            assertThat(accounts.findValuesAsText("username")).contains("admin", "kim");
            assertThat(accounts.toString()).doesNotContain("$2a$").doesNotContain("password");
        }
    }

    @ParameterizedTest
    @MethodSource("servers")
    void fiveWrongPasswordsInARowLockTheAccount(Supplier<TestServer> start) {
        try (TestServer server = start.get()) {
            ServerApi admin = server.api();
            admin.createSite("site-a", "가 경로당");
            assertThat(admin.post("/api/staff", staff("lee", KIM_PASSWORD, "STAFF", List.of("site-a"))).status())
                    .isEqualTo(201);
            ServerApi lee = admin.as("lee", KIM_PASSWORD);
            ServerApi wrong = admin.as("lee", "not-the-password-1");

            for (int i = 0; i < 4; i++) {
                assertThat(wrong.get("/api/sites").status()).isEqualTo(401);
            }
            assertThat(lee.get("/api/sites").status()).isEqualTo(200); // a success resets the count
            for (int i = 0; i < 4; i++) {
                assertThat(wrong.get("/api/sites").status()).isEqualTo(401);
            }
            assertThat(lee.get("/api/sites").status()).isEqualTo(200);

            for (int i = 0; i < 5; i++) {
                assertThat(wrong.get("/api/sites").status()).isEqualTo(401);
            }
            assertThat(lee.get("/api/sites").status()).as("locked: even the right password").isEqualTo(401);
            assertThat(admin.get("/api/sites").status()).as("other accounts are not affected").isEqualTo(200);
            assertThat(admin.get("/api/staff").json().toString()).contains("\"username\":\"lee\"");
            long lockedUntil = server.jdbc().sql("SELECT locked_until_ms FROM staff_account WHERE username = 'lee'")
                    .query(Long.class).single();
            assertThat(lockedUntil - System.currentTimeMillis()).isBetween(14 * 60_000L, 15 * 60_000L + 1000);

            server.jdbc().sql("UPDATE staff_account SET locked_until_ms = ? WHERE username = 'lee'")
                    .param(System.currentTimeMillis() - 1).update(); // as if 15 minutes had passed
            assertThat(lee.get("/api/sites").status()).isEqualTo(200);
        }
    }

    private static Map<String, Object> staff(String username, String password, String role, List<String> siteIds) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("username", username);
        body.put("password", password);
        body.put("role", role);
        if (siteIds != null) {
            body.put("siteIds", siteIds);
        }
        return body;
    }

    private static void assertField(ServerApi.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsText("field")).as(response.body()).contains(field);
    }
}
