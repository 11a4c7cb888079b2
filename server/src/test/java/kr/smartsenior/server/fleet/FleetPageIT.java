package kr.smartsenior.server.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kr.smartsenior.protocol.Channel;
import kr.smartsenior.protocol.DeviceStatus;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.Topics;
import kr.smartsenior.server.testsupport.DashboardSession;
import kr.smartsenior.server.testsupport.MqttTestClient;
import kr.smartsenior.server.testsupport.ServerApi;
import kr.smartsenior.server.testsupport.TestDatabase;
import kr.smartsenior.server.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The fleet page over HTTP as a browser uses it: kiosks of three sites in two waves report real
 * statuses over MQTT; the admin sees every site (and a device of an unknown site) with what is
 * wrong and since when, and the alerts on top; a staff member sees only their own site; hostile
 * text from a kiosk is shown as text; the page is in the navigation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FleetPageIT {

    private static final String PASSWORD = "dalbit-bora-2026!";
    private static final String HOSTILE_VERSION = "<b>1.0</b>";

    private final ProtocolCodec codec = new ProtocolCodec();
    private Path dataDir;
    private TestServer server;
    private MqttTestClient kiosks;

    @BeforeAll
    void start() throws Exception {
        dataDir = Files.createTempDirectory("ssc-fleet-page-");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("SSC_DATA_DIR", dataDir.toString());
        settings.put("SSC_MQTT_URL", "");
        settings.put("SSC_MQTT_PORT", "0");
        settings.put("SSC_DB_URL", "");
        settings.put("SSC_FLEET_OFFLINE_GRACE", "1s");
        settings.put("SSC_FLEET_BACKLOG_GROWTH", "5");
        server = TestServer.start(settings, List.of(() -> TestDatabase.deleteTree(dataDir)));
        ServerApi admin = server.api();
        assertThat(admin.post("/api/sites", Map.of("id", "sun-01", "name", "해님 경로당", "wave", 1)).status()).isEqualTo(201);
        assertThat(admin.post("/api/sites", Map.of("id", "moon-01", "name", "달님 경로당", "wave", 2)).status()).isEqualTo(201);
        assertThat(admin.post("/api/sites", Map.of("id", "star-01", "name", "별님 경로당")).status()).isEqualTo(201);
        for (String[] device : new String[][] {{"sun-01", "sun-k1"}, {"sun-01", "sun-k2"}, {"moon-01", "moon-k1"}}) {
            ServerApi.Response made = admin.post("/api/sites/" + device[0] + "/devices", Map.of("deviceId", device[1]));
            assertThat(made.status()).as(made.body()).isEqualTo(201);
        }
        assertThat(admin.post("/api/staff", Map.of("username", "moon", "password", PASSWORD, "role", "STAFF",
                "siteIds", List.of("moon-01"))).status()).isEqualTo(201);

        kiosks = new MqttTestClient(server.mqttUri(), "sun-01", "sun-k1");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        report("sun-01", "sun-k1", new DeviceStatus(DeviceStatus.ONLINE, "1.4.0", 0, Map.of("distance", "ok", "mat", "ok"), now,
                now, 12L * 1024 * 1024 * 1024, 51.5, null, null));
        report("sun-01", "sun-k2", new DeviceStatus(DeviceStatus.OFFLINE, "1.4.0", 3, Map.of(), now));
        for (long outbox : new long[] {0, 3, 9}) {
            report("moon-01", "moon-k1", new DeviceStatus(DeviceStatus.ONLINE, HOSTILE_VERSION, outbox,
                    Map.of("distance", "not responding", "mat", "ok"), now));
        }
        report("ghost-01", "ghost-k1", new DeviceStatus(DeviceStatus.ONLINE, "0.9.0", 0, Map.of(), now));
    }

    @AfterAll
    void stop() {
        if (kiosks != null) {
            kiosks.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theAdminSeesEverySiteByWaveWithWhatIsWrongAndSinceWhen() throws Exception {
        DashboardSession admin = new DashboardSession(server.baseUrl());
        admin.login("admin", TestServer.ADMIN_PASSWORD);
        assertThat(admin.get("/").body()).as("linked from the navigation").contains("href=\"/fleet\"", "href=\"/admin/district\"");

        String page = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> admin.get("/fleet").body(), body -> body.contains("moon-k1") && body.contains("ghost-k1")
                        && body.contains("꺼져 있습니다 (운영 시간 중)") && body.contains("미전송 기록이 계속 늘어남"));
        assertThat(page).contains("1차 보급 (1곳)", "2차 보급 (1곳)", "차수 미정 (1곳)", "해님 경로당", "달님 경로당", "별님 경로당",
                "등록된 기기가 없습니다", "등록되지 않은 경로당의 기기");
        assertThat(page.indexOf("1차 보급")).isLessThan(page.indexOf("2차 보급"));
        assertThat(row(page, "sun-k1")).contains("켜짐", "1.4.0", "0건", "distance: ok", "12.0 GB", "51.5 °C", "정상");
        assertThat(row(page, "sun-k2")).contains("꺼짐", "device-alert", "연결 끊김", "꺼져 있습니다 (운영 시간 중)", "부터");
        assertThat(row(page, "moon-k1")).contains("9건", "미전송 기록이 계속 늘어남", "0건에서 9건으로", "센서 자가진단 실패",
                "distance: not responding");
        String alerts = page.substring(page.indexOf("지금 살펴볼 알림"), page.indexOf("1차 보급"));
        assertThat(alerts).contains("해님 경로당 · sun-k2", "달님 경로당 · moon-k1").doesNotContain("sun-k1");
        assertThat(page).doesNotContain(HOSTILE_VERSION).contains("&lt;b&gt;1.0&lt;/b&gt;");
    }

    @Test
    void staffSeeOnlyTheirOwnSitesKiosks() throws Exception {
        DashboardSession staff = new DashboardSession(server.baseUrl());
        staff.login("moon", PASSWORD);
        assertThat(staff.get("/").body()).contains("href=\"/fleet\"").doesNotContain("href=\"/admin/district\"");
        String page = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> staff.get("/fleet").body(), body -> body.contains("미전송 기록이 계속 늘어남"));
        assertThat(page).contains("달님 경로당", "moon-k1", "센서 자가진단 실패", "담당 경로당의 키오스크")
                .doesNotContain("해님 경로당", "sun-k1", "sun-k2", "별님 경로당", "ghost-k1", "ghost-01");
        assertThat(server.api().as("moon", PASSWORD).get("/api/fleet").status()).as("the API stays admin-only").isEqualTo(403);
    }

    @Test
    void signedOutVisitorsAreSentToTheSignInPage() throws Exception {
        HttpResponse<String> response = new DashboardSession(server.baseUrl()).get("/fleet");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    private void report(String siteId, String deviceId, DeviceStatus status) {
        kiosks.publish(Topics.of(siteId, deviceId, Channel.STATUS), codec.encode(status), true);
    }

    /** The table row of one device. */
    private static String row(String page, String deviceId) {
        int at = page.indexOf("data-device=\"" + deviceId + "\"");
        assertThat(at).as("a row for " + deviceId).isPositive();
        int start = page.lastIndexOf("<tr", at);
        return page.substring(start, page.indexOf("</tr>", at));
    }
}
