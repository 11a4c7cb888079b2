package kr.smartsenior.server.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kr.smartsenior.server.testsupport.DashboardSession;
import kr.smartsenior.server.testsupport.FirstBootKiosk;
import kr.smartsenior.server.testsupport.ServerApi;
import kr.smartsenior.server.testsupport.TestDatabase;
import kr.smartsenior.server.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Enrollment by code, end to end: the real first-boot script of firmware-config, run in a scratch
 * root against the server, shows a code on its "screen"; the admin enters it on the dashboard page;
 * the script fetches the bundle once and installs it. Also the API's rules: the token is needed, the
 * bundle comes once (again, for the same device, shortly after: the answer may be lost), staff cannot
 * assign, a mistyped code is a clear 404, one address cannot fill the table, a full table drops the oldest,
 * polls at once make one device.
 *
 * <p>The same scenarios run on each database the server supports ({@link EnrollmentSqliteIT},
 * {@link EnrollmentPostgresIT}): the delivery's transaction and the queries that drop the oldest codes
 * must behave alike on both. Each run has a database of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 150, unit = TimeUnit.SECONDS)
abstract class EnrollmentScenarios {

    private static final String STAFF_PASSWORD = "gangseo-hanul-2026!";
    private static final String CA_PEM = "-----BEGIN CERTIFICATE-----\nMIIBdistrictCA\n-----END CERTIFICATE-----\n";

    private TestServer server;
    private ServerApi admin;
    private final HttpClient http = HttpClient.newHttpClient();

    private Path dataDir;
    private Path caFile;

    /**
     * The server's {@code SSC_DB_URL} for this run: empty for SQLite in the data folder, or a fresh
     * database of the run's own. What must be removed after the server stops goes in {@code cleanups}.
     * May skip the class (a JUnit assumption) when the database is missing.
     */
    abstract String databaseUrl(List<Runnable> cleanups);

    @BeforeAll
    void start() throws Exception {
        // like TestServer.embedded(), with a CA file for the bundles (a test takes it away to make provisioning fail)
        dataDir = Files.createTempDirectory("ssc-enroll-server-");
        Path toDelete = dataDir;
        List<Runnable> cleanups = new ArrayList<>();
        String databaseUrl;
        try {
            caFile = dataDir.resolve("district-ca.pem");
            Files.writeString(caFile, CA_PEM);
            databaseUrl = databaseUrl(cleanups);
        } catch (Exception | Error e) {   // a skip (assumption) too: nothing may stay behind
            cleanups.forEach(Runnable::run);
            TestDatabase.deleteTree(toDelete);
            throw e;
        }
        cleanups.add(() -> TestDatabase.deleteTree(toDelete));
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("SSC_DATA_DIR", dataDir.toString());
        settings.put("SSC_MQTT_URL", "");
        settings.put("SSC_MQTT_PORT", "0");
        settings.put("SSC_DB_URL", databaseUrl);
        settings.put("SSC_DEVICE_CA_CERT", caFile.toString());
        server = TestServer.start(settings, cleanups);
        admin = server.api();
        assertThat(admin.post("/api/sites", Map.of("id", "enr-01", "name", "새싹 경로당", "wave", 3)).status()).isEqualTo(201);
        assertThat(admin.post("/api/staff", Map.of("username", "park", "password", STAFF_PASSWORD, "role", "STAFF",
                "siteIds", List.of("enr-01"))).status()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void aNewKioskShowsACodeTheAdminEntersItAndTheKioskInstallsItsBundle() throws Exception {
        try (FirstBootKiosk firstBoot = FirstBootKiosk.boot(server.baseUrl())) {
            String code = firstBoot.awaitCode(Duration.ofSeconds(30));
            Path root = firstBoot.root();
            assertThat(Files.exists(root.resolve("etc/smartsenior/kiosk.env"))).as("nothing installed before the code is entered")
                    .isFalse();

            DashboardSession dashboard = new DashboardSession(server.baseUrl());
            dashboard.login("admin", TestServer.ADMIN_PASSWORD);
            assertThat(dashboard.get("/fleet").body()).as("linked from the fleet page").contains("href=\"/admin/enroll\"");
            assertThat(dashboard.get("/admin/enroll").statusCode()).isEqualTo(200);
            HttpResponse<String> wrong = dashboard.postForm("/admin/enroll", Map.of("code", "ZZZ-999", "siteId", "enr-01",
                    "deviceId", ""), true);
            assertThat(wrong.body()).contains("이 코드로 기다리는 키오스크가 없습니다");
            HttpResponse<String> entered = dashboard.postForm("/admin/enroll", Map.of("code", code.toLowerCase(),
                    "siteId", "enr-01", "deviceId", "saessak-k1"), true);
            assertThat(entered.statusCode()).isEqualTo(200);
            assertThat(entered.body()).contains("키오스크를 새싹 경로당에 등록했습니다", "saessak-k1");

            assertThat(firstBoot.awaitInstalled(Duration.ofSeconds(60))).as(firstBoot.log()).isTrue();
            Properties env = firstBoot.kioskEnv();
            assertThat(env).containsEntry("SSC_SITE_ID", "enr-01").containsEntry("SSC_DEVICE_ID", "saessak-k1")
                    .containsEntry("SSC_MQTT_USER", "saessak-k1").containsEntry("SSC_MQTT_URL", server.mqttUri());
            assertThat(env.getProperty("SSC_MQTT_PASSWORD")).hasSize(24);
            assertThat(root.resolve("var/lib/smartsenior/enrolled-bundle.json")).as("the password does not stay on disk")
                    .doesNotExist();
            assertThat(root.resolve("etc/smartsenior/provisioned")).exists();
            assertThat(firstBoot.screen()).contains("ENROLLED as saessak-k1");
            assertThat(admin.get("/api/sites/enr-01/devices").body()).contains("saessak-k1").doesNotContain("$7$");
        }
    }

    @Test
    @Order(2)
    void theBundleNeedsTheTokenComesOnceAndOnlyAdminsAssign() throws Exception {
        JsonNode started = admin.anonymous().post("/api/enrollments", "").json();
        String code = started.path("code").asText();
        String token = started.path("token").asText();
        assertThat(code).matches("[A-Z0-9]{3}-[A-Z0-9]{3}");
        assertThat(token).hasSize(64);

        assertThat(poll(code, "not-the-token").statusCode()).isEqualTo(404);
        assertThat(poll(code, null).statusCode()).isEqualTo(404);
        HttpResponse<String> waiting = poll(code, token);
        assertThat(waiting.statusCode()).isEqualTo(202);
        assertThat(waiting.body()).contains("\"state\":\"waiting\"").doesNotContain("password");

        ServerApi staff = admin.as("park", STAFF_PASSWORD);
        assertThat(staff.post("/api/enrollments/" + code + "/assign", Map.of("siteId", "enr-01")).status()).isEqualTo(403);
        assertThat(admin.anonymous().post("/api/enrollments/" + code + "/assign", Map.of("siteId", "enr-01")).status())
                .isEqualTo(401);
        assertThat(admin.post("/api/enrollments/ABC-23/assign", Map.of("siteId", "enr-01")).status()).isEqualTo(400);
        assertThat(admin.post("/api/enrollments/" + code + "/assign", Map.of("siteId", "nowhere")).status()).isEqualTo(400);
        assertThat(admin.post("/api/enrollments/" + code + "/assign", Map.of("siteId", "enr-01", "deviceId", "saessak-k1"))
                .status()).as("the device id is taken").isEqualTo(409);
        ServerApi.Response assigned = admin.post("/api/enrollments/" + code + "/assign", Map.of("siteId", "enr-01"));
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        assertThat(admin.post("/api/enrollments/" + code + "/assign", Map.of("siteId", "enr-01")).status())
                .as("assigned once").isEqualTo(404);

        HttpResponse<String> delivered = poll(code, token);
        assertThat(delivered.statusCode()).isEqualTo(200);
        JsonNode bundle = new com.fasterxml.jackson.databind.ObjectMapper().readTree(delivered.body()).path("bundle");
        assertThat(bundle.path("siteId").asText()).isEqualTo("enr-01");
        String device = bundle.path("deviceId").asText();
        assertThat(device).startsWith("kiosk-");
        assertThat(bundle.at("/mqtt/password").asText()).hasSize(24);
        assertThat(bundle.at("/mqtt/caCertificatePem").asText()).isEqualTo(CA_PEM);
        long devicesOfSite = devicesOf("enr-01");

        // the answer was lost (client timeout): the poll again gets new credentials for the same device
        HttpResponse<String> again = poll(code, token);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        JsonNode second = new com.fasterxml.jackson.databind.ObjectMapper().readTree(again.body()).path("bundle");
        assertThat(second.path("deviceId").asText()).as("the same device, not a second one").isEqualTo(device);
        assertThat(second.at("/mqtt/password").asText()).hasSize(24).isNotEqualTo(bundle.at("/mqtt/password").asText());
        assertThat(devicesOf("enr-01")).isEqualTo(devicesOfSite);
        assertThat(poll(code, "not-the-token").statusCode()).isEqualTo(404);

        // after the short window the enrollment is over
        server.jdbc().sql("UPDATE enrollment SET fetched_at_ms = fetched_at_ms - ? WHERE fetched_device = ?")
                .params(Enrollments.REDELIVERY_WINDOW.toMillis() + 1000, device).update();
        assertThat(poll(code, token).statusCode()).as("over after the window").isEqualTo(410);
        assertThat(devicesOf("enr-01")).isEqualTo(devicesOfSite);
        assertThat(server.jdbc().sql("SELECT COUNT(*) FROM enrollment WHERE token_hash = ?").param(token).query(Long.class)
                .single()).as("the token itself is not stored").isZero();
    }

    @Test
    @Order(3)
    void whenProvisioningFailsNothingStaysAndTheNextPollProvisionsTheSameDevice() throws Exception {
        JsonNode started = admin.anonymous().post("/api/enrollments", "").json();
        String code = started.path("code").asText();
        String token = started.path("token").asText();
        assertThat(admin.post("/api/enrollments/" + code + "/assign", Map.of("siteId", "enr-01", "deviceId", "saessak-k2"))
                .status()).isEqualTo(200);

        Files.delete(caFile);   // the bundle cannot be made after the device row is written
        try {
            HttpResponse<String> failed = poll(code, token);
            assertThat(failed.statusCode()).as(failed.body()).isGreaterThanOrEqualTo(500);
            assertThat(server.jdbc().sql("SELECT COUNT(*) FROM device WHERE id = 'saessak-k2'").query(Long.class).single())
                    .as("no half-provisioned device").isZero();
        } finally {
            Files.writeString(caFile, CA_PEM);
        }
        HttpResponse<String> delivered = poll(code, token);
        assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
        assertThat(delivered.body()).contains("\"deviceId\":\"saessak-k2\"");
    }

    @Test
    @Order(4)
    void oneAddressHoldsFewOpenCodesAndAFullTableDropsTheOldestInsteadOfRefusing() throws Exception {
        server.jdbc().sql("DELETE FROM enrollment").update();
        ServerApi anyone = admin.anonymous();
        JsonNode first = anyone.post("/api/enrollments", "").json();
        for (int i = 1; i < Enrollments.MAX_OPEN_PER_ADDRESS; i++) {
            assertThat(anyone.post("/api/enrollments", "").status()).isEqualTo(201);
        }
        ServerApi.Response refused = anyone.post("/api/enrollments", "");
        assertThat(refused.status()).as("one address cannot fill the table").isEqualTo(429);
        assertThat(refused.body()).contains("kiosks waiting");

        // many addresses fill the table (rows as other clients would leave them, newer than ours) ...
        long now = System.currentTimeMillis();
        for (int i = 0; i < Enrollments.MAX_OPEN; i++) {
            server.jdbc().sql("""
                    INSERT INTO enrollment (code, token_hash, created_at_ms, expires_at_ms, client_address) VALUES (?, ?, ?, ?, ?)""")
                    .params("FILL" + (char) ('A' + i / 26) + (char) ('A' + i % 26), "x".repeat(64), now + 1000 + i,
                            now + Enrollments.CODE_LIFETIME.toMillis(), "198.51.100." + i).update();
        }
        // ... and one more still gets a code: the oldest open ones (ours) are dropped, not the newcomer refused
        server.jdbc().sql("DELETE FROM enrollment WHERE client_address = '127.0.0.1' AND code <> ?")
                .param(first.path("code").asText().replace("-", "")).update();
        assertThat(anyone.post("/api/enrollments", "").status()).isEqualTo(201);
        assertThat(server.jdbc().sql("SELECT COUNT(*) FROM enrollment WHERE site_id IS NULL").query(Long.class).single())
                .isLessThanOrEqualTo(Enrollments.MAX_OPEN);
        assertThat(poll(first.path("code").asText(), first.path("token").asText()).statusCode())
                .as("the dropped kiosk's poll is a 404: it asks for a new code").isEqualTo(404);
    }

    @Test
    @Order(5)
    void pollsAtOnceProvisionOneDevice() throws Exception {
        JsonNode started = admin.anonymous().post("/api/enrollments", "").json();
        String code = started.path("code").asText();
        String token = started.path("token").asText();
        assertThat(admin.post("/api/enrollments/" + code + "/assign", Map.of("siteId", "enr-01", "deviceId", "saessak-k3"))
                .status()).isEqualTo(200);
        long devicesOfSite = devicesOf("enr-01");

        // a kiosk that timed out and retried: its polls meet in the claim; one provisions, the others renew
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            polls.add(http.sendAsync(pollRequest(code, token), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        }
        for (var poll : polls) {
            HttpResponse<String> answer = poll.get(60, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("\"deviceId\":\"saessak-k3\"");
        }
        assertThat(devicesOf("enr-01")).as("one device, however many polls").isEqualTo(devicesOfSite + 1);
    }

    private long devicesOf(String site) {
        return server.jdbc().sql("SELECT COUNT(*) FROM device WHERE site_id = ?").param(site).query(Long.class).single();
    }

    private HttpResponse<String> poll(String code, String token) throws Exception {
        return http.send(pollRequest(code, token), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest pollRequest(String code, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/enrollments/" + code + "/bundle"))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("X-Enrollment-Token", token);
        }
        return request.build();
    }
}
