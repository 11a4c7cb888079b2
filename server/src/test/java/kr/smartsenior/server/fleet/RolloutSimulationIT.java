package kr.smartsenior.server.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.smartsenior.edge.bench.RolloutSimulation;
import kr.smartsenior.server.provisioning.PrivateMosquitto;
import kr.smartsenior.server.testsupport.ServerApi;
import kr.smartsenior.server.testsupport.TestDatabase;
import kr.smartsenior.server.testsupport.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The rollout simulation against a real Mosquitto with generated accounts: 21 sites in three waves,
 * all healthy on the fleet page, then the three broken kiosks named with what is wrong and since when.
 * Also the fleet API's guard rails.
 */
@Timeout(300)
class RolloutSimulationIT {

    private static final Logger log = LoggerFactory.getLogger(RolloutSimulationIT.class);
    private static final String SERVER_USER = "ssc-server";
    private static final String SERVER_PASSWORD = "server-" + UUID.randomUUID();

    @Test
    void twentyOneSitesInThreeWavesThenThreeBrokenKiosksAreNamed() throws Exception {
        Path dir = Files.createTempDirectory("ssc-rollout-");
        RolloutSimulation.Releases releases = RolloutSimulation.prepareReleases(dir.resolve("releases"));
        Map<String, String> settings = new LinkedHashMap<>();
        try (PrivateMosquitto broker = PrivateMosquitto.start(dir, SERVER_USER, SERVER_PASSWORD)) {
            settings.putAll(settings(dir, broker));
            settings.put("SSC_UPDATE_PUBLIC_KEY", releases.publicKey().toString());
            rollOutAndUpdate(dir, broker, settings, releases);
        } finally {
            TestDatabase.deleteTree(dir);
        }
    }

    private void rollOutAndUpdate(Path dir, PrivateMosquitto broker, Map<String, String> settings,
            RolloutSimulation.Releases releases) throws Exception {
        try (TestServer server = TestServer.start(settings, List.of())) {
            ServerApi api = server.api();
            guardRails(server, api);

            long t0 = System.nanoTime();
            RolloutSimulation.Result result;
            RolloutSimulation.CampaignResult campaigns;
            try (RolloutSimulation simulation = new RolloutSimulation(server.baseUrl(), "admin", TestServer.ADMIN_PASSWORD,
                    "sim", dir.resolve("kiosks")).withUpdates(releases)) {
                result = simulation.run();
                long t1 = System.nanoTime();
                campaigns = simulation.runCampaign();
                log.info("MEASURED: the two update campaigns (canary rollback, then 21 kiosks in three waves) took {} ms",
                        (System.nanoTime() - t1) / 1_000_000);
            }
            log.info("campaigns:\n{}\n{}", RolloutSimulation.campaignSummary(campaigns.broken()),
                    RolloutSimulation.campaignSummary(campaigns.good()));
            updatesAsCampaigns(server, campaigns);
            screenshots(server, campaigns);
            log.info("MEASURED: rollout simulation of 21 kiosks, healthy then broken, took {} ms",
                    (System.nanoTime() - t0) / 1_000_000);
            log.info("fleet after the breaks:\n{}", RolloutSimulation.summary(result.broken()));

            JsonNode healthy = result.healthy();
            List<Integer> perWave = new ArrayList<>();
            healthy.path("waves").forEach(wave -> {
                int sites = 0;
                for (JsonNode site : wave.path("sites")) {
                    sites += site.path("siteId").asText().startsWith("sim-") ? 1 : 0;
                }
                perWave.add(sites);
            });
            assertThat(perWave).containsExactly(9, 6, 6);
            assertThat(healthy.at("/summary/sites").asInt()).as("and the guard-rail site").isEqualTo(22);
            assertThat(healthy.at("/summary/online").asInt()).isEqualTo(21);
            assertThat(healthy.at("/summary/alerts").asInt()).isZero();
            JsonNode first = RolloutSimulation.device(healthy, result.backlogDevice());
            assertThat(first.at("/status/lastSyncAt").isMissingNode()).as("acks arrived").isFalse();
            assertThat(first.at("/status/diskFreeBytes").asLong()).isPositive();

            JsonNode broken = result.broken();
            assertThat(broken.at("/summary/withAlerts").asInt()).isEqualTo(3);
            assertThat(broken.at("/summary/online").asInt()).isEqualTo(20);
            JsonNode stopped = RolloutSimulation.device(broken, result.stoppedDevice());
            assertThat(stopped.path("state").asText()).isEqualTo("offline");
            assertThat(stopped.at("/problems/0/since").asText()).isNotBlank();
            assertThat(RolloutSimulation.device(broken, result.sensorDevice()).at("/problems/0/detail").asText())
                    .isEqualTo("distance: not responding");
            JsonNode backlog = RolloutSimulation.device(broken, result.backlogDevice());
            assertThat(backlog.path("state").asText()).isEqualTo("online");
            assertThat(backlog.at("/status/outbox").asLong()).isGreaterThanOrEqualTo(5);
            assertThat(backlog.at("/status/configVersion").asLong()).as("it confirmed the pausing configuration")
                    .isEqualTo(backlog.path("desiredConfigVersion").asLong());
        }
    }

    /**
     * With {@code -Dssc.screenshots=DIR}: the campaign pages in headless Chromium at tablet and desktop width,
     * 21 kiosks on the good release and the canary's rollback, to look at.
     */
    private static void screenshots(TestServer server, RolloutSimulation.CampaignResult campaigns) throws Exception {
        String dir = System.getProperty("ssc.screenshots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        Path out = Files.createDirectories(Path.of(dir));
        try (kr.smartsenior.server.testsupport.HeadlessChromium chromium =
                kr.smartsenior.server.testsupport.HeadlessChromium.startOrSkip()) {
            org.openqa.selenium.chrome.ChromeDriver browser = chromium.driver();
            browser.get(server.baseUrl() + "/login");
            browser.findElement(org.openqa.selenium.By.name("username")).sendKeys("admin");
            browser.findElement(org.openqa.selenium.By.name("password")).sendKeys(TestServer.ADMIN_PASSWORD);
            browser.findElement(org.openqa.selenium.By.cssSelector("main button[type=submit]")).click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(15))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.not(
                            org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/login")));
            Map<String, String> pages = Map.of("updates", "/admin/updates",
                    "campaign-good", "/admin/updates/campaigns/" + campaigns.good().path("id").asText(),
                    "campaign-rolled-back", "/admin/updates/campaigns/" + campaigns.broken().path("id").asText());
            for (Map.Entry<String, String> page : pages.entrySet()) {
                browser.get(server.baseUrl() + page.getValue());
                for (int width : new int[] {1024, 1440}) {
                    browser.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
                    Map<String, Object> metrics = browser.executeCdpCommand("Page.getLayoutMetrics", Map.of());
                    Map<?, ?> content = (Map<?, ?>) metrics.get("cssContentSize");
                    Map<String, Object> whole = browser.executeCdpCommand("Page.captureScreenshot", Map.of(
                            "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0,
                                    "width", ((Number) content.get("width")).doubleValue(),
                                    "height", Math.min(6000, ((Number) content.get("height")).doubleValue()), "scale", 1)));
                    Files.write(out.resolve("dashboard-" + page.getKey() + "-" + width + ".png"),
                            java.util.Base64.getDecoder().decode((String) whole.get("data")));
                }
            }
        }
    }

    /**
     * Issue 17: the broken release rolled back on the canary alone (the real ssc-update.sh under a scratch root),
     * the campaign halted and was stopped with nobody else told; the good one reached all 21, canary first.
     */
    private static void updatesAsCampaigns(TestServer server, RolloutSimulation.CampaignResult campaigns) {
        assertThat(campaigns.refusedUpload()).contains("서명이 맞지 않습니다");

        JsonNode broken = campaigns.broken();
        assertThat(broken.path("state").asText()).isEqualTo("STOPPED");
        assertThat(broken.path("stateReason").asText()).as("the halt's reason outlives the stop")
                .contains("시범 기기 " + campaigns.canary(), "되돌려졌습니다", "중지했습니다");
        JsonNode canary = RolloutSimulation.kiosk(broken, campaigns.canary());
        assertThat(canary.path("stage").asInt()).isZero();
        assertThat(canary.path("step").asText()).isEqualTo("ROLLED_BACK");
        assertThat(canary.path("problem").asText()).isEqualTo("DID_NOT_STAY_UP");
        assertThat(canary.path("detail").asText()).contains("rolled back to " + RolloutSimulation.BASE_VERSION);
        assertThat(canary.path("runningVersion").asText()).isEqualTo(RolloutSimulation.BASE_VERSION);
        assertThat(broken.at("/counts/CANCELLED").asInt()).as("nobody else was told").isEqualTo(20);

        JsonNode good = campaigns.good();
        assertThat(good.path("state").asText()).isEqualTo("DONE");
        assertThat(good.path("devices").asInt()).isEqualTo(21);
        assertThat(good.at("/counts/HEALTHY").asInt()).isEqualTo(21);
        List<Integer> stages = new ArrayList<>();
        good.path("kiosks").forEach(k -> {
            assertThat(k.path("runningVersion").asText()).isEqualTo(RolloutSimulation.GOOD_VERSION);
            stages.add(k.path("stage").asInt());
        });
        assertThat(stages.stream().filter(s -> s == 0).count()).isEqualTo(1);
        assertThat(stages.stream().filter(s -> s == 1).count()).as("wave 1 without the canary").isEqualTo(8);
        assertThat(stages.stream().filter(s -> s == 2).count()).isEqualTo(6);
        assertThat(stages.stream().filter(s -> s == 3).count()).isEqualTo(6);
        // the kiosks fetched their bundles with their own credentials: every download is in the audit log
        assertThat(server.jdbc().sql("SELECT COUNT(DISTINCT actor) FROM audit_log WHERE action = 'update.bundle.download'")
                .query(Long.class).single()).isEqualTo(21);
    }

    private static Map<String, String> settings(Path dir, PrivateMosquitto broker) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("SSC_DATA_DIR", dir.resolve("data").toString());
        settings.put("SSC_DB_URL", "");
        settings.put("SSC_MQTT_URL", broker.url());
        settings.put("SSC_MQTT_USER", SERVER_USER);
        settings.put("SSC_MQTT_PASSWORD", SERVER_PASSWORD);
        settings.put("SSC_MQTT_SHARED_GROUP", "rollout-it");
        settings.put("SSC_BROKER_AUTH_DIR", dir.toString());
        settings.put("SSC_BROKER_PID_FILE", broker.pidFile().toString());
        settings.put("SSC_FLEET_OFFLINE_GRACE", "2s");
        settings.put("SSC_FLEET_BACKLOG_GROWTH", "5");
        settings.put("SSC_FLEET_SILENT_AFTER", "20s");
        return settings;
    }

    /** Admin only; bad input is a 400 that names the field; unknown ids are 404. */
    private static void guardRails(TestServer server, ServerApi api) {
        server.jdbc().sql("INSERT INTO staff_account (username, password_hash, role, created_at) VALUES (?, ?, 'STAFF', ?)")
                .params("social-worker", new BCryptPasswordEncoder().encode("staff-pw"), "2026-11-21T00:00:00Z").update();
        ServerApi staff = api.as("social-worker", "staff-pw");
        assertThat(staff.get("/api/fleet").status()).isEqualTo(403);
        assertThat(staff.post("/api/sites/any/devices", "").status()).isEqualTo(403);
        assertThat(staff.post("/api/devices/any/revoke", "").status()).isEqualTo(403);
        assertThat(staff.get("/api/sites").status()).isEqualTo(200);

        assertThat(api.post("/api/sites/nowhere/devices", "").status()).isEqualTo(404);
        assertThat(api.post("/api/devices/nothing/revoke", "").status()).isEqualTo(404);
        ServerApi.Response hours = api.post("/api/sites", Map.of("id", "bad-01", "name", "x", "openingHours",
                Map.of("mon", "9-18")));
        assertThat(hours.status()).isEqualTo(400);
        assertThat(hours.json().at("/errors/0/field").asText()).isEqualTo("openingHours");
        ServerApi.Response wave = api.post("/api/sites", Map.of("id", "bad-02", "name", "x", "wave", 0));
        assertThat(wave.status()).isEqualTo(400);

        api.post("/api/sites", Map.of("id", "rail-01", "name", "가드 경로당", "wave", 1));
        ServerApi.Response settings = api.put("/api/sites/rail-01/config", Map.of("settings", Map.of("volume", 500)));
        assertThat(settings.status()).isEqualTo(400);
        assertThat(settings.json().at("/errors/0/message").asText()).isEqualTo("volume: 500 outside 0..100");
        assertThat(api.put("/api/sites/rail-01/config", "[1,2]").status()).isEqualTo(400);
        ServerApi.Response ok = api.put("/api/sites/rail-01/config", Map.of("settings", Map.of("volume", 40)));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("publishedTo").asInt()).isZero();
        ServerApi.Response badId = api.post("/api/sites/rail-01/devices", Map.of("deviceId", "Bad Id"));
        assertThat(badId.status()).isEqualTo(400);
        ServerApi.Response device = api.post("/api/sites/rail-01/devices", Map.of("deviceId", "rail-k1"));
        assertThat(device.status()).isEqualTo(201);
        assertThat(device.json().at("/bundle/config/settings/volume").asInt()).as("the site's settings in the bundle")
                .isEqualTo(40);
        assertThat(api.post("/api/sites/rail-01/devices", Map.of("deviceId", "rail-k1")).status()).isEqualTo(409);
        JsonNode listed = api.get("/api/sites/rail-01/devices").json();
        assertThat(listed.toString()).contains("rail-k1").doesNotContain("password", "$7$");
        api.post("/api/devices/rail-k1/revoke", "");
    }
}
