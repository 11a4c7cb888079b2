package kr.smartsenior.server.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kr.smartsenior.edge.Kiosk;
import kr.smartsenior.edge.KioskSettings;
import kr.smartsenior.protocol.DeviceConfig;
import kr.smartsenior.protocol.DeviceSettings;
import kr.smartsenior.server.testsupport.DashboardBrowser;
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
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 17's rollout without a terminal, in a real headless Chromium against the server on Mosquitto and
 * PostgreSQL: the admin creates a site on the sites page; a new kiosk (the real first-boot script) shows
 * its enrollment code; the admin enters it on the site's kiosk page, which shows it large until the kiosk
 * has fetched its bundle; the kiosk (a real edge {@link Kiosk} with the account the script installed)
 * comes online; the admin previews and pushes a configuration, and the kiosk applies what the preview
 * said, received over the broker. Then the worst case (21 sites, long Korean names, many kiosks), revoking
 * and moving a kiosk. Screenshots ({@code admin-*.png}) go to {@code -Dssc.screenshots} or
 * {@code target/screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class RolloutPagesBrowserIT {

    private static final Duration SYNC = Duration.ofSeconds(30);
    /** Ids of this run: the machine's Mosquitto keeps retained configurations and statuses of earlier runs. */
    private static final String RUN = java.util.UUID.randomUUID().toString().substring(0, 6);
    private static final String SITE = "haetsal-" + RUN;
    private static final String KIOSK = "haetsal-k" + RUN;

    private TestServer server;
    private DashboardBrowser browser;

    @BeforeAll
    void start() {
        server = TestServer.mosquittoPostgres();
        browser = DashboardBrowser.open(server.baseUrl());
        browser.signIn("admin", TestServer.ADMIN_PASSWORD);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void anAdminCreatesASiteEntersANewKiosksCodeAndPushesAConfigurationTheKioskApplies() throws Exception {
        // a site, through the form; a wrong id first gets a Korean message and keeps what was typed
        browser.page("/admin/sites");
        assertThat(browser.driver().findElements(By.cssSelector("nav a[href='/admin/sites']"))).as("in the admin menu").hasSize(1);
        browser.type("name", "화곡3동 햇살 경로당");
        browser.type("id", "Haetsal 01");
        browser.type("address", "서울특별시 강서구 화곡로 123");
        new Select(browser.find("select[name=wave]")).selectByValue("1");
        browser.clickAndWait(browser.find("#new-site button[type=submit]"));
        assertThat(browser.mainText()).contains("경로당 번호는 영문 소문자, 숫자, 하이픈");
        assertThat(browser.find("input[name=name]").getAttribute("value")).isEqualTo("화곡3동 햇살 경로당");
        browser.type("id", SITE);
        browser.clickAndWait(browser.find("#new-site button[type=submit]"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/admin/sites/" + SITE + "/devices?created");
        assertThat(browser.mainText()).contains("경로당을 추가했습니다", "아직 등록된 키오스크가 없습니다");
        assertThat(server.api().get("/api/sites").body()).contains("\"" + SITE + "\"", "\"wave\":1");

        try (FirstBootKiosk firstBoot = FirstBootKiosk.boot(server.baseUrl())) {
            String code = firstBoot.awaitCode(SYNC);
            // the reserved device id is refused in Korean; the code stays typed
            browser.type("code", code.toLowerCase());
            browser.type("deviceId", "all");
            browser.clickAndWait(browser.find("#enroll button[type=submit]"));
            assertThat(browser.mainText()).contains("‘all’은 경로당의 모든 키오스크를 가리키는 예약어");
            assertThat(browser.find("input[name=code]").getAttribute("value")).isEqualTo(code.toLowerCase());
            browser.type("deviceId", KIOSK);
            browser.clickAndWait(browser.find("#enroll button[type=submit]"));
            assertThat(browser.find(".big-code").getText()).isEqualTo(code);
            browser.shots("admin-devices-code");

            // the kiosk, polling as it does, gets its bundle: the code was accepted
            assertThat(firstBoot.awaitInstalled(Duration.ofSeconds(60))).as(firstBoot.log()).isTrue();
            Properties env = firstBoot.kioskEnv();
            assertThat(env).containsEntry("SSC_SITE_ID", SITE).containsEntry("SSC_DEVICE_ID", KIOSK);
            browser.page("/admin/sites/" + SITE + "/devices?code=" + code);
            assertThat(browser.find(".enroll-code").getText()).contains(code, "키오스크가 설정을 받아 갔습니다");
            assertThat(browser.find("tr[data-device=" + KIOSK + "]").getText()).contains("코드 " + code);

            Path dataDir = Files.createTempDirectory("ssc-admin-kiosk-");
            KioskSettings settings = KioskSettings.of(env.getProperty("SSC_SITE_ID"), env.getProperty("SSC_DEVICE_ID"),
                            env.getProperty("SSC_MQTT_URL"), dataDir)
                    .withCredentials(env.getProperty("SSC_MQTT_USER"), env.getProperty("SSC_MQTT_PASSWORD"))
                    .withBackoff(Duration.ofMillis(200), Duration.ofSeconds(2));
            try (Kiosk kiosk = Kiosk.start(settings)) {
                await("the kiosk online on its page").atMost(SYNC).pollInterval(Duration.ofMillis(500)).until(() -> {
                    browser.page("/admin/sites/" + SITE + "/devices");
                    return browser.find("tr[data-device=" + KIOSK + "] td.state").getText().startsWith("켜짐");
                });

                // configuration: an out-of-range value is refused per box, in Korean, before any preview
                browser.page("/admin/sites/" + SITE + "/config");
                new Select(browser.find("select[name='site.uploadsPaused']")).selectByValue("true");
                browser.type("site.volume", "150");
                browser.type("device." + KIOSK + ".textScale", "1.3");
                browser.clickAndWait(browser.find("button[value=preview]"));
                assertThat(browser.mainText()).contains("소리 크기는 0~100 사이 정수로 적어 주세요");
                assertThat(browser.driver().findElements(By.cssSelector("#preview"))).isEmpty();
                assertThat(browser.driver().findElements(By.cssSelector("button[value=push]"))).as("no push before a preview")
                        .isEmpty();
                browser.shots("admin-config-error");
                browser.type("site.volume", "80");
                browser.clickAndWait(browser.find("button[value=preview]"));
                String preview = browser.find("#preview tr[data-device=" + KIOSK + "]").getText();
                assertThat(preview).contains("멈춤", "80", "1.3", "이 기기", "경로당");
                // decision 0042: what the kiosk makes of it is said, not hidden
                assertThat(preview).contains("1.3 (키오스크는 1.15)");
                assertThat(browser.mainText()).contains("30보다 작게 하지 않습니다", "1.15배까지 키웁니다",
                        "한국어만 고를 수 있습니다").doesNotContain("해당 기능이 들어오면");
                assertThat(kiosk.config()).as("nothing is sent by a preview").isEmpty();
                browser.find("#preview tr[data-device=" + KIOSK + "] details summary").click();
                assertThat(browser.find("#preview tr[data-device=" + KIOSK + "] pre").getText())
                        .contains("\"uploadsPaused\" : true", "\"volume\" : 80", "\"textScale\" : 1.3");
                browser.shots("admin-config-preview");
                browser.clickAndWait(browser.find("button[value=push]"));
                assertThat(browser.mainText()).contains("을 보냈습니다", "키오스크 1대 중");

                // the kiosk got it over the broker and applied it: exactly what the preview showed
                DeviceConfig applied = await("the configuration on the kiosk").atMost(SYNC).until(kiosk::config,
                        config -> config.isPresent()).orElseThrow();
                assertThat(applied.settings()).containsEntry(DeviceSettings.UPLOADS_PAUSED.key(), true)
                        .containsEntry(DeviceSettings.VOLUME.key(), 80)
                        .doesNotContainKey(DeviceSettings.LANGUAGE.key());
                assertThat(((Number) applied.settings().get(DeviceSettings.TEXT_SCALE.key())).doubleValue()).isEqualTo(1.3);
                assertThat(kiosk.remoteConfig().uploadsPaused()).isTrue();
                await("the kiosk reports the version it runs").atMost(SYNC).pollInterval(Duration.ofMillis(500)).until(() -> {
                    browser.page("/admin/sites/" + SITE + "/devices");
                    return browser.find("tr[data-device=" + KIOSK + "]").getText().contains("v" + applied.version());
                });
                browser.shots("admin-devices");
                assertThat(server.jdbc().sql("SELECT COUNT(*) FROM audit_log WHERE action IN ('site.create', 'device.enroll',"
                        + " 'device.config.change') AND site_id = '" + SITE + "'").query(Long.class).single()).isEqualTo(3);
            } finally {
                TestDatabase.deleteTree(dataDir);
            }
        }
    }

    @Test
    @Order(2)
    void theWorstCaseReadsAndAKioskIsRevokedOrMovedWithAConfirmation() throws Exception {
        ServerApi admin = server.api();
        String longName = "서울특별시 강서구 화곡본동 제일 큰 어르신 행복 나눔 스마트 경로당 (별관 2층, 주민센터 옆)";
        for (int i = 1; i <= 20; i++) {
            String id = String.format("gangseo-%02d", i);
            assertThat(admin.post("/api/sites", Map.of("id", id, "name", i == 7 ? longName : "강서 " + i + "호 경로당",
                    "address", "서울특별시 강서구 공항대로 " + (100 + i) + "길 " + i + ", 강서구립 노인복지관 부속 건물 1층",
                    "wave", i <= 8 ? 1 : i <= 14 ? 2 : 3)).status()).isEqualTo(201);
        }
        for (int k = 1; k <= 12; k++) {
            assertThat(admin.post("/api/sites/gangseo-07/devices", Map.of("deviceId", "gangseo-07-kiosk-" + k)).status())
                    .isEqualTo(201);
        }
        browser.page("/admin/sites");
        assertThat(browser.driver().findElements(By.cssSelector("tr[data-site]"))).hasSize(21);
        assertThat(browser.mainText()).contains("1차 9곳", longName);
        browser.shots("admin-sites");
        browser.page("/admin/sites/gangseo-07/devices");
        assertThat(browser.driver().findElements(By.cssSelector("tr[data-device]"))).hasSize(12);
        browser.shots("admin-devices-many");
        browser.page("/admin/sites/gangseo-07/config");
        browser.shots("admin-config-many");

        // revoking needs the box ticked (the browser will not send the form without it)
        browser.page("/admin/sites/gangseo-07/devices");
        browser.find("tr[data-device=gangseo-07-kiosk-1] details summary").click();
        browser.find("tr[data-device=gangseo-07-kiosk-1] form[action$='/revoke'] button").click();
        assertThat(browser.driver().getCurrentUrl()).endsWith("/admin/sites/gangseo-07/devices");
        assertThat(admin.get("/api/sites/gangseo-07/devices").json().get(0).get("revokedAt").isNull()).isTrue();
        browser.find("tr[data-device=gangseo-07-kiosk-1] form[action$='/revoke'] input[name=confirm]").click();
        browser.clickAndWait(browser.find("tr[data-device=gangseo-07-kiosk-1] form[action$='/revoke'] button"));
        assertThat(browser.mainText()).contains("기기 gangseo-07-kiosk-1를 해지했습니다");
        assertThat(browser.find("tr[data-device=gangseo-07-kiosk-1]").getText()).contains("해지됨");

        // moving: revoked here, and the admin goes on at the new site's page to enter the kiosk's new code
        List<org.openqa.selenium.WebElement> summaries = browser.driver()
                .findElements(By.cssSelector("tr[data-device=gangseo-07-kiosk-2] details summary"));
        summaries.get(1).click();
        new Select(browser.find("tr[data-device=gangseo-07-kiosk-2] select[name=targetSiteId]")).selectByValue(SITE);
        browser.find("tr[data-device=gangseo-07-kiosk-2] form[action$='/move'] input[name=confirm]").click();
        browser.shots("admin-devices-move");
        browser.clickAndWait(browser.find("tr[data-device=gangseo-07-kiosk-2] form[action$='/move'] button"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/admin/sites/" + SITE + "/devices");
        assertThat(browser.mainText()).contains("기기 gangseo-07-kiosk-2를", "에서 해지했습니다", "새 등록 코드");
        assertThat(server.jdbc().sql("SELECT revoked_at FROM device WHERE id = 'gangseo-07-kiosk-2'").query(String.class).single())
                .isNotNull();
        assertThat(server.jdbc().sql("SELECT COUNT(*) FROM audit_log WHERE action = 'device.move'").query(Long.class).single())
                .isEqualTo(2);
        // staff cannot reach any of it; an unknown site is the 404 page
        assertThat(admin.post("/api/staff", Map.of("username", "kim", "password", "gangseo-staff-2026!", "role", "STAFF",
                "siteIds", List.of("gangseo-07"))).status()).isEqualTo(201);
        DashboardSession staff = new DashboardSession(server.baseUrl());
        staff.login("kim", "gangseo-staff-2026!");
        for (String path : List.of("/admin/sites", "/admin/sites/gangseo-07/devices", "/admin/sites/gangseo-07/config")) {
            assertThat(staff.get(path).statusCode()).as(path).isEqualTo(403);
        }
        staff.get("/");
        assertThat(staff.postForm("/admin/devices/gangseo-07-kiosk-3/revoke", Map.of("confirm", "on"), true).statusCode())
                .isEqualTo(403);
        assertThat(server.jdbc().sql("SELECT COUNT(*) FROM device WHERE id = 'gangseo-07-kiosk-3' AND revoked_at IS NULL")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(browser.page("/admin/sites/nowhere/devices")).contains("찾을 수 없습니다");

        // the site edit page has the wave and links back
        browser.page("/admin/sites/gangseo-07");
        assertThat(new Select(browser.find("select[name=wave]")).getFirstSelectedOption().getText()).startsWith("1차");
        new Select(browser.find("select[name=wave]")).selectByValue("2");
        browser.clickAndWait(browser.find("form[action='/admin/sites/gangseo-07'] button[type=submit]"));
        assertThat(browser.mainText()).contains("저장했습니다");
        assertThat(admin.get("/api/sites").json().findValues("wave").stream().filter(w -> w.asInt() == 2).count()).isEqualTo(7);
        browser.shots("admin-site-edit");
        browser.page("/admin/staff");
        browser.shots("admin-staff");
    }
}
