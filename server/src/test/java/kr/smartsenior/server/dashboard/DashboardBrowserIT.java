package kr.smartsenior.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import kr.smartsenior.protocol.Channel;
import kr.smartsenior.protocol.DeviceStatus;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.protocol.Topics;
import kr.smartsenior.server.testsupport.HeadlessChromium;
import kr.smartsenior.server.testsupport.MqttTestClient;
import kr.smartsenior.server.testsupport.RequiredServices;
import kr.smartsenior.server.testsupport.ServerApi;
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
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium (one browser for the class): a staff member signs in,
 * finds a senior, sees the charts drawn, prints a card (a PDF), finds another site's senior unknown (404, audited),
 * imports a list; the admin opens the district view and the fleet page; the audit log has the entries.
 *
 * <p>With {@code -Dssc.screenshots=DIR} it saves the main pages as {@code dashboard-*.png} (tablet
 * size, {@value HeadlessChromium#WIDTH}x{@value HeadlessChromium#HEIGHT}); see
 * {@code scripts/dashboard-screenshots.sh}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DashboardBrowserIT {

    private static final String PASSWORD = "haetsal-2026!";
    private static final String[] NAMES = {"김순자", "이말순", "박영수", "최복례", "정판석", "강옥자", "조금순", "윤덕배"};

    private TestServer server;
    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private String mine;
    private String theirs;
    private Path screenshots;

    @BeforeAll
    void start() {
        chromium = HeadlessChromium.startOrSkip();
        browser = chromium.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        String dir = System.getProperty("ssc.screenshots");
        screenshots = dir == null || dir.isBlank() ? null : Path.of(dir);
        server = TestServer.embedded();
        ServerApi admin = server.api();
        admin.post("/api/sites", Map.of("id", "haetsal", "name", "햇살 경로당", "address", "서울 강서구 화곡로 123",
                "wave", 1));
        admin.post("/api/sites", Map.of("id", "dalbit", "name", "달빛 경로당", "wave", 2));
        Random random = new Random(8);
        for (int i = 0; i < NAMES.length; i++) {
            String id = admin.createMember("haetsal", NAMES[i], 1938 + i * 2, i % 3 == 2 ? "M" : "F");
            if (i == 0) {
                mine = id;
            }
            history(id, "haetsal", i == 6 ? 3 : 24, i == 3 ? 60 : 0, random, i == 4);
        }
        admin.createMember("haetsal", "<script>alert('x')</script>홍", 1945, "F");
        theirs = admin.createMember("dalbit", "서정희", 1942, "F");
        history(theirs, "dalbit", 12, 0, random, false);
        assertThat(admin.post("/api/staff", Map.of("username", "kim", "password", PASSWORD, "role", "STAFF",
                "siteIds", List.of("haetsal"))).status()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void staffSignInFindASeniorAndSeeTheChartsDrawn() throws IOException {
        browser.get(server.baseUrl() + "/");
        wait.until(ExpectedConditions.urlContains("/login"));
        shot("login");
        signIn("kim", PASSWORD);
        browser.findElement(By.linkText("경로당 목록")).click(); // the staff home is the alert inbox
        browser.findElement(By.linkText("햇살 경로당")).click();
        wait.until(ExpectedConditions.urlContains("/sites/haetsal"));
        assertThat(browser.getPageSource()).doesNotContain("<script>alert('x')</script>");
        assertThat(browser.findElements(By.cssSelector("table.overview tbody tr"))).hasSize(NAMES.length + 1);
        shot("site");

        WebElement search = browser.findElement(By.name("q"));
        search.sendKeys("김순자");
        search.submit();
        wait.until(ExpectedConditions.urlContains("q="));
        assertThat(browser.findElements(By.cssSelector("table.overview tbody tr"))).hasSize(1);
        browser.findElement(By.linkText("김순자")).click();
        wait.until(ExpectedConditions.urlContains("/members/" + mine));

        wait.until(d -> !d.findElements(By.cssSelector("#charts canvas")).isEmpty());
        Object drawn = browser.executeScript("""
                const canvas = document.querySelector('#charts canvas[aria-label="' + arguments[0] + '"]');
                const chart = Chart.getChart(canvas);
                const values = chart.data.datasets[chart.data.datasets.length - 1].data;
                const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                let painted = 0;
                for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) painted++; }
                return [values.length, chart.data.datasets.length, painted];""", MeasurementCode.CHAIR_STAND_30S.koreanName());
        List<?> figures = (List<?>) drawn;
        assertThat(((Number) figures.get(0)).intValue()).as("results in the first chart").isGreaterThan(10);
        assertThat(((Number) figures.get(1)).intValue()).as("normal band (2) + STEADI fall-risk line + results").isEqualTo(4);
        assertThat(((Number) figures.get(2)).intValue()).as("painted pixels").isGreaterThan(1000);
        shot("member");
        browser.executeScript("document.getElementById('charts').scrollIntoView()");
        shot("member-charts");
    }

    @Test
    @Order(2)
    void printACardAndTheAuditLogSaysWhoLookedAtWhat() throws IOException {
        String href = browser.findElement(By.linkText("카드 인쇄")).getAttribute("href");
        List<?> pdf = (List<?>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(async r => {
                  const bytes = new Uint8Array(await r.arrayBuffer());
                  done([r.status, r.headers.get('Content-Type'), String.fromCharCode(...bytes.slice(0, 5)), bytes.length]);
                }).catch(e => done([0, String(e), '', 0]));""", href);
        if (((Number) pdf.get(0)).intValue() == 503 && !RequiredServices.servicesRequired()) {
            Assumptions.abort("no Korean font for cards on this machine");
        }
        assertThat(((Number) pdf.get(0)).intValue()).isEqualTo(200);
        assertThat(pdf.get(1)).isEqualTo("application/pdf");
        assertThat(pdf.get(2)).isEqualTo("%PDF-");
        List<String> actions = server.api().get("/api/audit?memberId=" + mine + "&actor=kim").json()
                .findValuesAsText("action");
        assertThat(actions).contains("member.page.view", "member.card.print");
        assertThat(server.api().get("/api/audit?siteId=haetsal&actor=kim").json().findValuesAsText("action"))
                .contains("site.overview.view");
    }

    @Test
    @Order(3)
    void anotherSitesSeniorReadsAsAnUnknownOneAndTheRefusalIsAudited() throws IOException {
        browser.get(server.baseUrl() + "/members/" + theirs);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("찾을 수 없습니다");
        assertThat(browser.getPageSource()).doesNotContain("서정희");
        Object status = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => done(r.status));""", server.baseUrl() + "/sites/dalbit");
        assertThat(((Number) status).intValue()).isEqualTo(404);
        shot("not-found");
        assertThat(server.api().get("/api/audit?memberId=" + theirs + "&actor=kim").json().findValuesAsText("action"))
                .containsExactly("access.refused");
    }

    @Test
    @Order(4)
    void importAListPreviewedFirstThenOnlyTheValidRowsWhenTicked() throws IOException {
        Path file = Files.createTempFile("roster-", ".csv");
        try {
            Files.writeString(file, "\uFEFF이름,출생연도,성별,키,동의일,동의자\r\n한정숙,1943,여,151,2026-11-02,본인\r\n"
                    + "오만복,1939,남,,,\r\n배,19x4,여,,,\r\n", StandardCharsets.UTF_8);
            browser.get(server.baseUrl() + "/sites/haetsal/import");
            browser.findElement(By.name("file")).sendKeys(file.toString());
            browser.findElement(By.cssSelector("button[type=submit]:not(.secondary)")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".import-report")));
            assertThat(browser.findElements(By.cssSelector("tr.bad-row"))).hasSize(1);
            assertThat(browser.findElement(By.cssSelector("tr.bad-row")).getText()).contains("출생 연도를 숫자 4자리로");
            shot("import");
            browser.findElement(By.name("partial")).click();
            browser.findElement(By.xpath("//button[contains(., '올바른 2명만 등록하기')]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "2명을 등록했습니다"));
            assertThat(server.api().get("/api/sites/haetsal/members").json().findValuesAsText("displayName"))
                    .contains("한정숙", "오만복").doesNotContain("배");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    @Order(5)
    void theAdminSeesTheDistrictView() throws IOException {
        browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        signIn("admin", TestServer.ADMIN_PASSWORD);
        browser.findElement(By.partialLinkText("구 전체 현황")).click();
        wait.until(ExpectedConditions.urlContains("/admin/district"));
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("햇살 경로당", "달빛 경로당", "1차 (1곳)", "2차 (1곳)");
        // the quarterly report: the last complete quarter is chosen; the form's files come with the session
        assertThat(page).contains("분기 보고서", "PDF로 받기", "엑셀로 받기");
        String year = new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("year")))
                .getFirstSelectedOption().getAttribute("value");
        String quarter = new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("quarter")))
                .getFirstSelectedOption().getAttribute("value");
        for (String file : List.of("report.pdf", "report.xlsx")) {
            Object answer = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "fetch('/admin/district/" + file + "?year=" + year + "&quarter=" + quarter + "')"
                    + ".then(r => done(r.status + ' ' + r.headers.get('content-type')))");
            assertThat(String.valueOf(answer)).as(file).matches(file.endsWith("pdf") ? "(200 application/pdf|503 .*)"
                    : "200 application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        }
        shot("district");
    }

    @Test
    @Order(6)
    void theAdminFindsTheFleetPageInTheNavigationAndSeesTheBrokenKiosk() throws IOException {
        ServerApi admin = server.api();
        for (String[] device : new String[][] {{"haetsal", "haetsal-k1"}, {"haetsal", "haetsal-k2"}, {"dalbit", "dalbit-k1"}}) {
            assertThat(admin.post("/api/sites/" + device[0] + "/devices", Map.of("deviceId", device[1])).status()).isEqualTo(201);
        }
        ProtocolCodec codec = new ProtocolCodec();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (MqttTestClient kiosks = new MqttTestClient(server.mqttUri(), "haetsal", "haetsal-k1")) {
            kiosks.publish(Topics.of("haetsal", "haetsal-k1", Channel.STATUS), codec.encode(new DeviceStatus(DeviceStatus.ONLINE,
                    "1.4.0", 0, Map.of("distance", "ok", "mat", "ok"), now, now, 12L << 30, 52.0, null, null)), true);
            kiosks.publish(Topics.of("haetsal", "haetsal-k2", Channel.STATUS), codec.encode(new DeviceStatus(DeviceStatus.ONLINE,
                    "1.4.0", 2, Map.of("distance", "not responding", "mat", "ok"), now, now, 9L << 30, 61.0, null, null)), true);
            kiosks.publish(Topics.of("dalbit", "dalbit-k1", Channel.STATUS), codec.encode(new DeviceStatus(DeviceStatus.ONLINE,
                    "1.4.0", 0, Map.of("distance", "ok", "mat", "ok"), now, now, 14L << 30, 48.5, null, null)), true);
        }
        browser.findElement(By.linkText("기기 현황")).click();
        wait.until(ExpectedConditions.urlContains("/fleet"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(500)).until(d -> {
            d.navigate().refresh();
            return d.findElement(By.tagName("main")).getText().contains("센서 자가진단 실패");
        });
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("1차 보급 (1곳)", "2차 보급 (1곳)", "haetsal-k1", "dalbit-k1", "distance: not responding");
        assertThat(browser.findElements(By.cssSelector(".fleet-alerts li"))).hasSize(1);
        shot("fleet");
        browser.findElement(By.linkText("새 키오스크 등록")).click();
        wait.until(ExpectedConditions.urlContains("/admin/enroll"));
        browser.findElement(By.name("code")).sendKeys("ZZZ-999");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("siteId"))).selectByVisibleText("햇살 경로당");
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.error"), "기다리는 키오스크가 없습니다"));
        shot("enroll");
    }

    private void signIn(String user, String password) {
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private void shot(String name) throws IOException {
        if (screenshots != null) {
            Files.createDirectories(screenshots);
            Files.write(screenshots.resolve("dashboard-" + name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        }
    }

    /**
     * A senior's history: every test about monthly for {@code months} months (a slow trend), exercise
     * twice a week for the last 8 weeks unless {@code absentDays} says they stopped coming.
     */
    private void history(String memberId, String siteId, int months, int absentDays, Random random, boolean frail) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(9)).minusDays(absentDays).withHour(10);
        Map<MeasurementCode, double[]> tests = Map.of(MeasurementCode.CHAIR_STAND_30S, new double[] {13, 0.05, 1.5},
                MeasurementCode.STEP_IN_PLACE_2MIN, new double[] {88, 0.2, 6},
                MeasurementCode.TIMED_UP_AND_GO, new double[] {frail ? 14 : 7.5, -0.03, 0.5},
                MeasurementCode.GRIP_STRENGTH, new double[] {22, 0.02, 1.5},
                MeasurementCode.ONE_LEG_STANCE, new double[] {frail ? 3 : 14, 0.05, 2},
                MeasurementCode.SIT_AND_REACH, new double[] {2, 0.05, 2});
        for (int m = months; m >= 0; m--) {
            OffsetDateTime at = now.minusDays(30L * m + 3);
            for (Map.Entry<MeasurementCode, double[]> test : tests.entrySet()) {
                double[] t = test.getValue();
                double value = Math.round((t[0] + t[1] * (months - m) + random.nextGaussian() * t[2]) * 10) / 10.0;
                insert(memberId, siteId, test.getKey(), Math.max(test.getKey().min().doubleValue(), value), at);
            }
        }
        for (int d = 0; d < 56 && absentDays == 0; d += 3) {
            insert(memberId, siteId, MeasurementCode.BALANCE, 600, now.minusDays(d));
        }
    }

    private void insert(String memberId, String siteId, MeasurementCode code, double value, OffsetDateTime at) {
        server.jdbc().sql("""
                INSERT INTO measurement (id, member_id, site_id, device_id, batch_id, kind, code, value, unit, taken_at,
                    taken_at_ms, detail, received_at_ms) VALUES (?, ?, ?, 'kiosk-1', 'seed', ?, ?, ?, ?, ?, ?, '{}', ?)""")
                .params(UUID.randomUUID().toString(), memberId, siteId, code.kind().wireName(), code.name(),
                        java.math.BigDecimal.valueOf(value), code.unit().wireName(),
                        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at), at.toInstant().toEpochMilli(),
                        at.toInstant().toEpochMilli())
                .update();
    }
}
