package kr.smartsenior.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.server.testsupport.HeadlessChromium;
import kr.smartsenior.server.testsupport.ServerApi;
import kr.smartsenior.server.testsupport.TestServer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The lifecycle pages in a real headless Chromium: a social worker withdraws a senior's consent and
 * the name is then on no page (site, search, member, home, district, audit) and in no file the
 * server offers (results CSV and Excel, the site's card PDF, the audit CSV, the API), while the
 * results stay, anonymous; the same roster file imported twice adds nobody the second time; the
 * admin's account, site and audit pages work. Screenshots ({@code lifecycle-*-1024.png} and
 * {@code -1440.png}) go to {@code -Dssc.screenshots} or {@code target/screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LifecycleBrowserIT {

    private static final String PASSWORD = "haetsal-2026!";
    private static final String WITHDRAWN = "김순자";
    private static final String STAYS = "이말순";

    private TestServer server;
    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private String withdrawn;
    private String stays;
    private Path screenshots;

    @BeforeAll
    void start() {
        chromium = HeadlessChromium.startOrSkip();
        browser = chromium.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        String dir = System.getProperty("ssc.screenshots");
        screenshots = dir == null || dir.isBlank() ? Path.of("target", "screenshots") : Path.of(dir);
        server = TestServer.embedded();
        ServerApi admin = server.api();
        admin.post("/api/sites", Map.of("id", "haetsal", "name", "햇살 경로당", "address", "서울 강서구 화곡로 123"));
        admin.post("/api/sites", Map.of("id", "dalbit", "name", "달빛 경로당"));
        withdrawn = admin.createMember("haetsal", WITHDRAWN, 1947, "F");
        stays = admin.createMember("haetsal", STAYS, 1940, "F");
        admin.createMember("haetsal", "박영수", 1942, "M");
        results(withdrawn, 6);
        results(stays, 3);
        assertThat(admin.post("/api/staff", Map.of("username", "kim", "password", PASSWORD, "role", "STAFF",
                "siteIds", List.of("haetsal", "dalbit"))).status()).isEqualTo(201);
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
    void aWithdrawnSeniorsNameIsOnNoPageAndInNoExportWhileTheResultsStayAnonymous() throws Exception {
        browser.get(server.baseUrl() + "/login");
        signIn("kim", PASSWORD);
        long results = count("SELECT COUNT(*) FROM measurement");
        // before: the name is where the checks below look, so each check could fail
        assertThat(page("/sites/haetsal")).contains(WITHDRAWN, STAYS);
        assertThat(new String(server.api().download("/api/sites/haetsal/results.csv").body(), StandardCharsets.UTF_8))
                .contains(WITHDRAWN);

        browser.get(server.baseUrl() + "/members/" + withdrawn);
        browser.findElement(By.partialLinkText("동의 철회")).click();
        wait.until(ExpectedConditions.urlContains("/withdraw"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(WITHDRAWN, "되돌릴 수 없습니다");
        shots("withdraw");
        browser.findElement(By.name("confirm")).click();
        browser.findElement(By.xpath("//button[contains(., '동의 철회 처리')]")).click();
        wait.until(ExpectedConditions.urlContains("/sites/haetsal"));
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("동의 철회를 처리했습니다");

        // pages
        assertThat(page("/sites/haetsal")).doesNotContain(WITHDRAWN).contains(STAYS);
        assertThat(page("/sites/haetsal?q=" + WITHDRAWN)).contains("어르신 0명"); // the box shows what was typed
        assertThat(browser.findElement(By.cssSelector("table.overview")).getText()).doesNotContain(WITHDRAWN);
        assertThat(page("/sites/haetsal?q=" + withdrawn)).doesNotContain(WITHDRAWN).contains("어르신 0명");
        assertThat(page("/")).doesNotContain(WITHDRAWN);
        assertThat(page("/members/" + withdrawn)).doesNotContain(WITHDRAWN);
        assertThat(status("/members/" + withdrawn)).isEqualTo(404);
        assertThat(status("/members/" + withdrawn + "/card.pdf")).isEqualTo(404);
        assertThat(status("/members/" + withdrawn + "/report.pdf")).isEqualTo(404);

        // exports and the API
        ServerApi admin = server.api();
        String csv = new String(admin.download("/api/sites/haetsal/results.csv").body(), StandardCharsets.UTF_8);
        assertThat(csv).contains(STAYS).doesNotContain(WITHDRAWN).doesNotContain(withdrawn);
        assertThat(excelText(admin.download("/api/sites/haetsal/results.xlsx").body())).contains(STAYS)
                .doesNotContain(WITHDRAWN).doesNotContain(withdrawn);
        ServerApi.Download cards = admin.download("/api/sites/haetsal/cards.pdf");
        if (cards.status() == 200) { // 503 without the Korean font; the other checks still run
            assertThat(pdfText(cards.body())).contains(STAYS).doesNotContain(WITHDRAWN);
        }
        assertThat(admin.get("/api/sites/haetsal/members").body()).contains(STAYS).doesNotContain(WITHDRAWN);
        assertThat(admin.get("/api/members/" + withdrawn).status()).isEqualTo(404);
        assertThat(admin.get("/api/members/" + withdrawn + "/measurements").status()).isEqualTo(404);

        // nothing personal is left in the database; the results are kept under a new anonymous id
        assertThat(count("SELECT COUNT(*) FROM member WHERE display_name = '" + WITHDRAWN + "'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM member WHERE id = '" + withdrawn + "'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM measurement WHERE member_id = '" + withdrawn + "'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM measurement")).isEqualTo(results);
        Map<String, Object> anonymous = server.jdbc().sql(
                "SELECT id, display_name, birth_year, sex, height_cm, consent_date FROM member WHERE anonymised = 1")
                .query().singleRow();
        assertThat(anonymous.get("display_name")).isEqualTo("");
        assertThat(((Number) anonymous.get("birth_year")).intValue()).isEqualTo(1940);
        assertThat(anonymous.get("sex")).isEqualTo("F");
        assertThat(anonymous.get("height_cm")).isNull();
        assertThat(anonymous.get("consent_date")).isNull();
        assertThat(count("SELECT COUNT(*) FROM measurement WHERE member_id = '" + anonymous.get("id") + "'"))
                .isEqualTo(6);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE member_id = '" + anonymous.get("id") + "'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'member.withdraw' AND member_id = '"
                + withdrawn + "' AND actor = 'kim'")).isEqualTo(1);
        assertThat(server.bean(kr.smartsenior.server.member.MemberDirectory.class).cardHolders("haetsal"))
                .extracting(kr.smartsenior.server.member.MemberDirectory.CardHolder::memberId)
                .doesNotContain(withdrawn).contains(stays);

        // the admin's pages and the audit export
        signOut();
        signIn("admin", TestServer.ADMIN_PASSWORD);
        assertThat(page("/admin/audit")).doesNotContain(WITHDRAWN).contains("동의 철회");
        assertThat(page("/admin/audit?memberId=" + withdrawn)).doesNotContain(WITHDRAWN).contains(withdrawn);
        assertThat(page("/admin/district")).doesNotContain(WITHDRAWN);
        assertThat(page("/fleet")).doesNotContain(WITHDRAWN);
        ServerApi.Download quarter = admin.download("/api/district.xlsx?months=3");
        assertThat(quarter.status()).isEqualTo(200);
        assertThat(excelText(quarter.body())).contains("햇살 경로당", "구 전체").doesNotContain(WITHDRAWN);
        ServerApi.Download report = admin.download("/api/district/report.xlsx");
        assertThat(report.status()).isEqualTo(200);
        assertThat(excelText(report.body())).contains("햇살 경로당", "구 전체").doesNotContain(WITHDRAWN)
                .doesNotContain(withdrawn);
        ServerApi.Download reportPdf = admin.download("/api/district/report.pdf");
        if (reportPdf.status() == 200) { // 503 without the Korean font
            assertThat(pdfText(reportPdf.body())).contains("햇살").doesNotContain(WITHDRAWN);
        }
        String auditCsv = fetchText("/admin/audit.csv");
        assertThat(auditCsv).startsWith("\uFEFF").contains("동의 철회").doesNotContain(WITHDRAWN);
    }

    @Test
    @Order(2)
    void theSameRosterFileImportedTwiceAddsNobodyTheSecondTime() throws Exception {
        signOut();
        signIn("kim", PASSWORD);
        Path file = Files.createTempFile("roster-", ".csv");
        try {
            Files.writeString(file, "\uFEFF이름,출생연도,성별\r\n한정숙,1943,여\r\n" + STAYS + ",1940,여\r\n오만복,,남\r\n"
                    + "한정숙,1943,여\r\n", StandardCharsets.UTF_8);
            long before = count("SELECT COUNT(*) FROM member WHERE anonymised = 0");
            preview(file);
            assertThat(browser.findElements(By.cssSelector("tr.duplicate-row"))).hasSize(2);
            assertThat(browser.findElements(By.cssSelector("tr.duplicate-row")).get(0).getText())
                    .contains("이미 등록된 어르신과 이름·출생연도가 같습니다", stays);
            assertThat(browser.findElements(By.cssSelector("tr.duplicate-row")).get(1).getText())
                    .contains("2번째 줄과 이름·출생연도가 같습니다");
            assertThat(browser.findElement(By.cssSelector("tr.bad-row")).getText()).contains("출생연도를 적어 주세요")
                    .doesNotContain("1900");
            browser.executeScript("document.querySelector('.import-report').scrollIntoView()");
            shots("import-duplicates");
            browser.findElement(By.name("partial")).click();
            browser.findElement(By.xpath("//button[contains(., '올바른')]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "1명을 등록했습니다"));
            assertThat(count("SELECT COUNT(*) FROM member WHERE anonymised = 0")).isEqualTo(before + 1);

            preview(file);
            assertThat(browser.findElements(By.cssSelector("tr.duplicate-row"))).hasSize(3);
            browser.findElement(By.name("partial")).click();
            browser.findElement(By.xpath("//button[contains(., '올바른')]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "0명을 등록했습니다"));
            assertThat(count("SELECT COUNT(*) FROM member WHERE anonymised = 0")).isEqualTo(before + 1);
            assertThat(count("SELECT COUNT(*) FROM member WHERE display_name = '한정숙'")).isEqualTo(1);

            // a duplicate is stored when confirmed for its row
            preview(file);
            browser.findElement(By.cssSelector("input[name=confirm][value='3']")).click();
            browser.findElement(By.name("partial")).click();
            browser.findElement(By.xpath("//button[contains(., '올바른')]")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "1명을 등록했습니다"));
            assertThat(count("SELECT COUNT(*) FROM member WHERE display_name = '" + STAYS + "'")).isEqualTo(2);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    @Order(3)
    void theAdminsAccountSiteAndAuditPages() throws Exception {
        signOut();
        signIn("admin", TestServer.ADMIN_PASSWORD);
        browser.findElement(By.linkText("직원 계정")).click();
        wait.until(ExpectedConditions.urlContains("/admin/staff"));
        browser.findElement(By.name("username")).sendKeys("lee");
        browser.findElement(By.name("fullName")).sendKeys("이복지");
        browser.findElement(By.cssSelector("input[name=siteIds][value=dalbit]")).click();
        browser.findElement(By.name("password")).sendKeys("short");
        browser.findElement(By.xpath("//button[contains(., '계정 만들기')]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "10자 이상"));
        browser.findElement(By.name("password")).sendKeys("dalbit-start-7");
        assertThat(browser.findElement(By.cssSelector("input[name=siteIds][value=dalbit]")).isSelected()).isTrue();
        browser.findElement(By.xpath("//button[contains(., '계정 만들기')]")).click();
        wait.until(ExpectedConditions.urlContains("/admin/staff/lee"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("비밀번호 변경 필요");
        browser.get(server.baseUrl() + "/admin/staff");
        shots("staff");

        browser.get(server.baseUrl() + "/admin/sites/dalbit");
        browser.findElement(By.name("hours.mon")).sendKeys("9시부터");
        browser.findElement(By.xpath("//button[text()='저장']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "월요일: 09:00-18:00 형식으로"));
        browser.findElement(By.name("hours.mon")).clear();
        browser.findElement(By.name("hours.mon")).sendKeys("09:00-18:00");
        browser.findElement(By.xpath("//button[text()='저장']")).click();
        wait.until(ExpectedConditions.urlContains("saved"));
        assertThat(server.api().get("/api/sites").body()).contains("09:00-18:00");
        shots("site-edit");

        browser.get(server.baseUrl() + "/admin/audit?actor=kim");
        assertThat(browser.findElements(By.cssSelector("table.audit tbody tr"))).isNotEmpty();
        shots("audit");
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'audit.read' AND actor = 'admin'")).isPositive();

        // the new account must choose its own password before anything else
        signOut();
        signIn("lee", "dalbit-start-7");
        wait.until(ExpectedConditions.urlContains("/account/password"));
        browser.get(server.baseUrl() + "/sites/dalbit");
        assertThat(browser.getCurrentUrl()).contains("/account/password");
        browser.findElement(By.name("current")).sendKeys("dalbit-start-7");
        browser.findElement(By.name("password")).sendKeys("my-own-secret-9");
        browser.findElement(By.name("repeat")).sendKeys("my-own-secret-9");
        browser.findElement(By.xpath("//button[text()='바꾸기']")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/account/password")));
        browser.get(server.baseUrl() + "/sites/dalbit");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("달빛 경로당");
    }

    private void preview(Path file) {
        browser.get(server.baseUrl() + "/sites/haetsal/import");
        browser.findElement(By.name("file")).sendKeys(file.toString());
        browser.findElement(By.xpath("//button[text()='미리 보기']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".import-report")));
    }

    private void results(String memberId, int months) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(9)).withHour(10);
        for (int m = months; m > 0; m--) {
            OffsetDateTime at = now.minusDays(30L * m);
            server.jdbc().sql("""
                    INSERT INTO measurement (id, member_id, site_id, device_id, batch_id, kind, code, value, unit, taken_at,
                        taken_at_ms, detail, received_at_ms) VALUES (?, ?, 'haetsal', 'kiosk-1', 'seed', ?, ?, ?, ?, ?, ?, '{}', ?)""")
                    .params(UUID.randomUUID().toString(), memberId, MeasurementCode.CHAIR_STAND_30S.kind().wireName(),
                            MeasurementCode.CHAIR_STAND_30S.name(), java.math.BigDecimal.valueOf(12 + m),
                            MeasurementCode.CHAIR_STAND_30S.unit().wireName(),
                            DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at), at.toInstant().toEpochMilli(),
                            at.toInstant().toEpochMilli())
                    .update();
        }
    }

    private String page(String path) {
        browser.get(server.baseUrl() + path);
        return browser.getPageSource();
    }

    private int status(String path) {
        Object status = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => done(r.status));""", server.baseUrl() + path);
        return ((Number) status).intValue();
    }

    /** A file the signed-in browser downloads, as text (UTF-8). */
    private String fetchText(String path) {
        Object base64 = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(async r => {
                  const bytes = new Uint8Array(await r.arrayBuffer());
                  let s = ''; for (const b of bytes) s += String.fromCharCode(b);
                  done(btoa(s));
                });""", server.baseUrl() + path);
        return new String(Base64.getDecoder().decode((String) base64), StandardCharsets.UTF_8);
    }

    private long count(String sql) {
        return server.jdbc().sql(sql).query(Long.class).single();
    }

    private static String excelText(byte[] xlsx) throws IOException {
        List<String> cells = new ArrayList<>();
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        cells.add(cell.toString());
                    }
                }
            }
        }
        return String.join("\n", cells);
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private void signIn(String user, String password) {
        browser.get(server.baseUrl() + "/login");
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private void signOut() {
        browser.get(server.baseUrl() + "/");
        if (!browser.findElements(By.cssSelector("form[action$='/logout'] button")).isEmpty()) {
            browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();
            wait.until(ExpectedConditions.urlContains("/login"));
        }
    }

    /** The page at tablet (1024×768) and desktop (1440×900) width. */
    private void shots(String name) throws IOException {
        Files.createDirectories(screenshots);
        for (int[] size : new int[][] {{1024, 768}, {1440, 900}}) {
            browser.manage().window().setSize(new Dimension(size[0], size[1]));
            Files.write(screenshots.resolve("lifecycle-" + name + "-" + size[0] + ".png"),
                    browser.getScreenshotAs(OutputType.BYTES));
        }
        browser.manage().window().setSize(new Dimension(HeadlessChromium.WIDTH, HeadlessChromium.HEIGHT));
    }
}
