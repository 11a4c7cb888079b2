package kr.smartsenior.server.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import kr.smartsenior.server.testsupport.DashboardSession;
import kr.smartsenior.server.testsupport.ServerApi;
import kr.smartsenior.server.testsupport.TestDatabase;
import kr.smartsenior.server.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
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
 * bundle comes once, staff cannot assign, a mistyped code is a clear 404, open codes are capped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class EnrollmentIT {

    private static final Pattern CODE = Pattern.compile("ENROLLMENT CODE:\\s+([A-Z0-9]{3}-[A-Z0-9]{3})");
    private static final String STAFF_PASSWORD = "gangseo-hanul-2026!";

    private TestServer server;
    private ServerApi admin;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() {
        server = TestServer.embedded();
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
        for (String tool : List.of("bash", "python3", "shred")) {
            Assumptions.assumeTrue(onPath(tool), tool + " is not installed");
        }
        Path root = Files.createTempDirectory("ssc-enroll-root-");
        Process firstBoot = null;
        try {
            Path script = root.resolve("smartsenior-firstboot.sh");
            try (InputStream in = EnrollmentIT.class.getResourceAsStream("/firmware/provisioning/smartsenior-firstboot.sh")) {
                assertThat(in).as("the first-boot script from firmware-config").isNotNull();
                Files.write(script, in.readAllBytes());
            }
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
            Files.createDirectories(root.resolve("boot/firmware"));
            Files.writeString(root.resolve("boot/firmware/smartsenior-server.txt"), server.baseUrl() + "\n");
            Path screen = root.resolve("screen.txt");
            ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
                    .redirectOutput(root.resolve("firstboot.log").toFile());
            builder.environment().putAll(Map.of("SSC_ROOT", root.toString(), "SYSTEMCTL", "true", "SSC_SCREEN", screen.toString(),
                    "SSC_ENROLL_POLL_S", "0.3", "SSC_ENROLL_MAX_WAIT_S", "90",
                    "SSC_ENROLL_ALLOW_HTTP", "1"));   // test-only: the test server speaks plain HTTP
            firstBoot = builder.start();

            String code = await("a code on the kiosk's screen").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> Files.exists(screen) ? CODE.matcher(Files.readString(screen)) : null, m -> m != null && m.find())
                    .group(1);
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

            assertThat(firstBoot.waitFor(60, TimeUnit.SECONDS)).as(log(root)).isTrue();
            assertThat(firstBoot.exitValue()).as(log(root)).isZero();
            Properties env = new Properties();
            env.load(new StringReader(Files.readString(root.resolve("etc/smartsenior/kiosk.env"))));
            assertThat(env).containsEntry("SSC_SITE_ID", "enr-01").containsEntry("SSC_DEVICE_ID", "saessak-k1")
                    .containsEntry("SSC_MQTT_USER", "saessak-k1").containsEntry("SSC_MQTT_URL", server.mqttUri());
            assertThat(env.getProperty("SSC_MQTT_PASSWORD")).hasSize(24);
            assertThat(root.resolve("var/lib/smartsenior/enrolled-bundle.json")).as("the password does not stay on disk")
                    .doesNotExist();
            assertThat(root.resolve("etc/smartsenior/provisioned")).exists();
            assertThat(Files.readString(screen)).contains("ENROLLED as saessak-k1");
            assertThat(admin.get("/api/sites/enr-01/devices").body()).contains("saessak-k1").doesNotContain("$7$");
        } finally {
            if (firstBoot != null && firstBoot.isAlive()) {
                firstBoot.destroyForcibly();
            }
            TestDatabase.deleteTree(root);
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
        assertThat(bundle.path("deviceId").asText()).startsWith("kiosk-");
        assertThat(bundle.at("/mqtt/password").asText()).hasSize(24);
        assertThat(poll(code, token).statusCode()).as("the bundle comes once").isEqualTo(410);
        assertThat(server.jdbc().sql("SELECT COUNT(*) FROM enrollment WHERE token_hash = ?").param(token).query(Long.class)
                .single()).as("the token itself is not stored").isZero();
    }

    @Test
    @Order(3)
    void openCodesAreCapped() {
        int made = 0;
        ServerApi anyone = admin.anonymous();
        while (made <= Enrollments.MAX_OPEN) {
            ServerApi.Response response = anyone.post("/api/enrollments", "");
            if (response.status() != 201) {
                assertThat(response.status()).isEqualTo(503);
                assertThat(response.body()).contains("too many kiosks are waiting");
                break;
            }
            made++;
        }
        assertThat(made).isLessThanOrEqualTo(Enrollments.MAX_OPEN);
    }

    private HttpResponse<String> poll(String code, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/enrollments/" + code + "/bundle"))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("X-Enrollment-Token", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static boolean onPath(String tool) {
        return List.of(System.getenv().getOrDefault("PATH", "").split(":")).stream()
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, tool)));
    }

    private static String log(Path root) {
        try {
            return Files.readString(root.resolve("firstboot.log"));
        } catch (java.io.IOException e) {
            return "(no log)";
        }
    }
}
