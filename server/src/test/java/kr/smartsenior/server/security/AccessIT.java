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
 * on every endpoint with a senior's or a site's data (another site's ids read as unknown ones, and the
 * refusal is audited), the audit search, and growing sign-in delays per address instead of a lock-out.
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

            // another site's senior or list reads exactly as an unknown one: 404, the same problem document
            String unknown = "ZZZZZZZZZZ";
            for (String path : List.of("", "/evaluation", "/measurements", "/screening", "/prescription",
                    "/prescription.pdf", "/card.pdf")) {
                assertSameAsUnknown(kim.get("/api/members/" + theirs + path), kim.get("/api/members/" + unknown + path),
                        theirs, unknown);
            }
            assertSameAsUnknown(kim.get("/api/sites/site-b/members"), kim.get("/api/sites/site-z/members"), "site-b", "site-z");
            assertSameAsUnknown(kim.get("/api/sites/site-b/cards.pdf"), kim.get("/api/sites/site-z/cards.pdf"), "site-b", "site-z");
            assertSameAsUnknown(kim.get("/api/sites/site-b/results.csv"), kim.get("/api/sites/site-z/results.csv"), "site-b", "site-z");
            assertSameAsUnknown(kim.post("/api/members/" + theirs + "/card/reissue", "{}"),
                    kim.post("/api/members/" + unknown + "/card/reissue", "{}"), theirs, unknown);
            assertSameAsUnknown(kim.post("/api/members/" + theirs + "/screening", Map.of("answers", Map.of())),
                    kim.post("/api/members/" + unknown + "/screening", Map.of("answers", Map.of())), theirs, unknown);
            Map<String, String> clearance = Map.of("clinician", "내과 김의사", "agreedOn", "2026-11-20");
            assertSameAsUnknown(kim.post("/api/members/" + theirs + "/screening/clearance", clearance),
                    kim.post("/api/members/" + unknown + "/screening/clearance", clearance), theirs, unknown);
            assertSameAsUnknown(kim.put("/api/members/" + theirs, Map.of("siteId", "site-b", "displayName", "박영수", "birthYear", 1940, "sex", "M")),
                    kim.put("/api/members/" + unknown, Map.of("siteId", "site-b", "displayName", "박영수", "birthYear", 1940, "sex", "M")),
                    theirs, unknown);
            // a site in a body: refused as an unknown site is, a field error
            assertField(kim.post("/api/members", Map.of("siteId", "site-b", "displayName", "새 회원", "birthYear", 1950, "sex", "F")), "siteId");
            assertField(kim.put("/api/members/" + mine, Map.of("siteId", "site-b", "displayName", "김순자", "birthYear", 1944, "sex", "F")), "siteId");
            // what her role may not use: 403 for every id alike
            for (ServerApi.Response response : List.of(kim.get("/api/audit?memberId=" + mine), kim.get("/api/staff"),
                    kim.post("/api/staff", staff("lee", KIM_PASSWORD, "ADMIN", null)), kim.get("/api/tokens"))) {
                assertThat(response.status()).as(response.body()).isEqualTo(403);
                assertThat(response.json().get("status").asInt()).isEqualTo(403);
            }
            assertThat(admin.get("/api/members/" + theirs).json().get("siteId").asText()).isEqualTo("site-b");
            assertThat(admin.get("/api/members/" + theirs).json().get("displayName").asText()).isEqualTo("박영수");

            // the audit log: kim's reads of her own senior; the refused ones as refusals
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
            List<String> aboutTheirs = admin.get("/api/audit?memberId=" + theirs + "&actor=kim").json()
                    .findValuesAsText("action");
            assertThat(aboutTheirs).hasSize(11).containsOnly("access.refused");
            assertThat(admin.get("/api/audit?siteId=site-b&actor=kim").json().findValuesAsText("action"))
                    .hasSize(11 + 5).containsOnly("access.refused");
            assertThat(admin.get("/api/audit?actor=kim").json().findValuesAsText("action")).contains("access.refused");
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

    /**
     * An attacker on 127.0.0.2 guessing the admin's password gets growing delays; the admin on
     * 127.0.0.1 signs in with the right password all along. An admin clears a staff member's delays.
     */
    @ParameterizedTest
    @MethodSource("servers")
    void wrongPasswordsSlowDownTheirAddressNotTheAccount(Supplier<TestServer> start) {
        try (TestServer server = start.get()) {
            ServerApi admin = server.api();
            ServerApi attacker = admin.from("127.0.0.2").as("admin", "guess-number-1");
            admin.createSite("site-a", "가 경로당");
            assertThat(admin.post("/api/staff", staff("lee", KIM_PASSWORD, "STAFF", List.of("site-a"))).status())
                    .isEqualTo(201);

            for (int i = 0; i < 5; i++) { // the free failures
                assertThat(attacker.get("/api/sites").status()).isEqualTo(401);
                assertThat(admin.get("/api/sites").status()).as("the admin elsewhere").isEqualTo(200);
            }
            List<Long> waits = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                assertThat(attacker.get("/api/sites").status()).isEqualTo(401);
                ServerApi.Response held = attacker.get("/api/sites");
                assertThat(held.status()).as(held.body()).isEqualTo(429);
                waits.add(Long.parseLong(held.header("Retry-After")));
                assertThat(admin.from("127.0.0.2").get("/api/sites").status())
                        .as("the right password from the waiting address waits too").isEqualTo(429);
                assertThat(admin.get("/api/sites").status()).as("the right password from another address")
                        .isEqualTo(200);
                expireWaits(server, "127.0.0.2"); // as if the wait had passed
            }
            assertThat(waits).as("growing delays").isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();
            assertThat(waits.getFirst()).isGreaterThanOrEqualTo(2);
            assertThat(admin.get("/api/staff").json().toString()).contains("\"username\":\"admin\"");

            // a staff member who mistyped too often at the office: the admin clears her delays
            ServerApi leeAtOffice = admin.from("127.0.0.2").as("lee", KIM_PASSWORD);
            ServerApi leeMistyping = admin.from("127.0.0.2").as("lee", "not-the-password-1");
            for (int i = 0; i < 8; i++) {
                assertThat(leeMistyping.get("/api/sites").status()).isEqualTo(401);
                expireWaits(server, "127.0.0.2");
            }
            assertThat(leeMistyping.get("/api/sites").status()).isEqualTo(401); // now waits 16 s
            assertThat(leeAtOffice.get("/api/sites").status()).isEqualTo(429);
            ServerApi.Response unlocked = admin.post("/api/staff/lee/unlock", "");
            assertThat(unlocked.status()).as(unlocked.body()).isEqualTo(200);
            assertThat(leeAtOffice.get("/api/sites").status()).isEqualTo(200);
            assertThat(admin.post("/api/staff/nobody/unlock", "").status()).isEqualTo(404);
            assertThat(admin.as("lee", KIM_PASSWORD).post("/api/staff/lee/unlock", "").status()).isEqualTo(403);
            assertThat(admin.get("/api/audit?actor=admin").json().findValuesAsText("action")).contains("staff.unlock");
        }
    }

    private static void expireWaits(TestServer server, String address) {
        server.jdbc().sql("UPDATE sign_in_throttle SET next_allowed_ms = 0 WHERE address = ?").param(address).update();
    }

    /** Same status and problem as for the unknown id, but for the id itself. */
    private static void assertSameAsUnknown(ServerApi.Response refused, ServerApi.Response unknown, String id,
            String unknownId) {
        assertThat(refused.status()).as(refused.body()).isEqualTo(404);
        assertThat(refused.body().replace(id, "ID")).isEqualTo(unknown.body().replace(unknownId, "ID"));
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
