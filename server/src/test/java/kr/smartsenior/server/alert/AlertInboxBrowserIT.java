package kr.smartsenior.server.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import kr.smartsenior.protocol.MeasurementBatch;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.server.testsupport.HeadlessChromium;
import kr.smartsenior.server.testsupport.MqttTestClient;
import kr.smartsenior.server.testsupport.ServerApi;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The alert inbox end to end in a real headless Chromium, on the real server: a kiosk sends records
 * over MQTT (an old visit, an "unwell" answer, a drop in the chair stand), the alerts appear on the
 * staff home; a staff member filters them, acknowledges one with a note, sets a follow-up day and
 * resolves it, and it leaves the open list; a new "unwell" answer raises a new alert; an absence
 * alert shows the senior's and the guardian's phone (audited); staff of one site never see the
 * other's alerts. With {@code -Dssc.screenshots=DIR} it saves {@code dashboard-alerts-*.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class AlertInboxBrowserIT {

    private static final String PASSWORD = "haetsal-2026!";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private TestServer server;
    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private Path screenshots;
    private String absent;
    private String unwell;
    private String declining;
    private String theirs;
    private final ProtocolCodec codec = new ProtocolCodec();

    @BeforeAll
    void start() {
        chromium = HeadlessChromium.startOrSkip();
        browser = chromium.driver();
        wait = new WebDriverWait(browser, WAIT);
        String dir = System.getProperty("ssc.screenshots");
        screenshots = dir == null || dir.isBlank() ? null : Path.of(dir);
        server = TestServer.embedded();
        ServerApi admin = server.api();
        admin.post("/api/sites", Map.of("id", "haetsal", "name", "햇살 경로당", "wave", 1));
        admin.post("/api/sites", Map.of("id", "dalbit", "name", "달빛 경로당", "wave", 2));
        ServerApi.Response created = admin.post("/api/members", Map.of("siteId", "haetsal", "displayName", "김순자",
                "birthYear", 1941, "sex", "F", "contacts", Map.of("phone", "010 2345 6789", "guardianName", "박민수",
                        "guardianRelation", "아들", "guardianPhone", "01098765432")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().at("/contacts/phone").asText()).isEqualTo("010-2345-6789");
        absent = created.json().get("id").asText();
        unwell = admin.createMember("haetsal", "이말순", 1944, "F");
        declining = admin.createMember("haetsal", "박영수", 1940, "M");
        theirs = admin.createMember("dalbit", "서정희", 1942, "F");
        for (String[] staff : new String[][] {{"kim", "haetsal"}, {"lee", "dalbit"}}) {
            assertThat(admin.post("/api/staff", Map.of("username", staff[0], "password", PASSWORD, "role", "STAFF",
                    "siteIds", List.of(staff[1]))).status()).isEqualTo(201);
        }
        OffsetDateTime now = OffsetDateTime.now(SEOUL);
        publish("haetsal", record(absent, MeasurementCode.CHAIR_STAND_30S, "14", now.minusDays(30)),
                record(unwell, MeasurementCode.UNWELL_TODAY, "1", now.minusHours(1)),
                record(unwell, MeasurementCode.CHAIR_STAND_30S, "13", now.minusHours(1)),
                record(declining, MeasurementCode.CHAIR_STAND_30S, "15", now.minusDays(90)),
                record(declining, MeasurementCode.CHAIR_STAND_30S, "15", now.minusDays(60)),
                record(declining, MeasurementCode.CHAIR_STAND_30S, "16", now.minusDays(30)),
                record(declining, MeasurementCode.CHAIR_STAND_30S, "9", now.minusMinutes(30)));
        publish("dalbit", record(theirs, MeasurementCode.UNWELL_TODAY, "1", now.minusHours(2)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(openKinds()).contains(
                absent + ":ABSENCE", unwell + ":UNWELL", declining + ":DECLINE", theirs + ":UNWELL"));
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
    void afterSignInTheStaffHomeIsTheInboxOfTheirSiteWithWhomToCallForAnAbsence() throws IOException {
        browser.manage().window().setSize(new Dimension(1024, 768));
        browser.get(server.baseUrl() + "/");
        wait.until(ExpectedConditions.urlContains("/login"));
        signIn("kim");
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("알림함");
        String page = main();
        assertThat(page).contains("김순자", "이말순", "박영수", "결석", "몸 불편 응답", "최근 저하")
                .doesNotContain("서정희", "달빛");
        WebElement absence = item("김순자", "결석");
        assertThat(absence.getText()).contains("010-2345-6789", "박민수", "(아들)", "010-9876-5432", "30일째");
        assertThat(actions("kim", absent)).contains("member.contacts.read");
        assertThat(server.api().get("/api/audit?siteId=haetsal&actor=kim").json().findValuesAsText("action"))
                .contains("alert.inbox.view");
        shot("alerts");
    }

    @Test
    @Order(2)
    void filterAcknowledgeWithANoteSetAFollowUpAndResolveUntilItLeavesTheOpenList() throws IOException {
        new Select(browser.findElement(By.name("kind"))).selectByVisibleText("몸 불편 응답");
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("kind=UNWELL"));
        assertThat(browser.findElements(By.cssSelector(".alert-item"))).hasSize(1);
        WebElement item = item("이말순", "몸 불편 응답");
        assertThat(item.getText()).contains("새 알림");

        item.findElement(By.tagName("summary")).click();
        item.findElement(By.name("note")).sendKeys("전화 드림 <b>내일</b> 다시 확인");
        item.findElement(By.xpath(".//button[text()='확인함']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "확인함으로 표시했습니다"));
        item = item("이말순", "몸 불편 응답");
        assertThat(item.getText()).contains("확인함: kim", "메모: 전화 드림 <b>내일</b> 다시 확인");
        assertThat(browser.getPageSource()).doesNotContain("<b>내일</b>");

        String day = LocalDate.now(SEOUL).plusDays(3).toString();
        item.findElement(By.tagName("summary")).click();
        browser.executeScript("arguments[0].value = arguments[1]", item.findElement(By.name("followUpOn")), day);
        item.findElement(By.xpath(".//button[text()='후속 조치일 저장']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "후속 조치일을 저장했습니다"));
        item = item("이말순", "몸 불편 응답");
        assertThat(item.getText()).contains("후속 조치일 " + day, "메모: 전화 드림");
        shot("alerts-acknowledged");

        item.findElement(By.tagName("summary")).click();
        item.findElement(By.xpath(".//button[text()='해결됨']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "해결됨으로 표시했습니다"));
        assertThat(browser.findElements(By.cssSelector(".alert-item"))).isEmpty();
        assertThat(main()).contains("처리할 알림이 없습니다");

        new Select(browser.findElement(By.name("status"))).selectByVisibleText("해결됨");
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        wait.until(ExpectedConditions.urlContains("status=RESOLVED"));
        assertThat(item("이말순", "몸 불편 응답").getText()).contains("해결됨: kim");

        assertThat(server.jdbc().sql("""
                SELECT x.action FROM alert_action x JOIN alert a ON a.id = x.alert_id
                WHERE a.member_id = ? AND x.actor = 'kim' ORDER BY x.at_ms""").param(unwell).query(String.class).list())
                .containsExactly("ACKNOWLEDGE", "FOLLOW_UP", "RESOLVE");
        assertThat(actions("kim", unwell)).contains("alert.handle");
    }

    @Test
    @Order(3)
    void aResolvedAlertStaysResolvedUntilTheKioskSendsNewEvidence() {
        String resolved = server.jdbc().sql("SELECT id FROM alert WHERE member_id = ? AND kind = 'UNWELL'")
                .param(unwell).query(String.class).single();
        server.bean(AlertRefresher.class).refreshMember(unwell); // the same records: still resolved
        assertThat(server.jdbc().sql("SELECT status FROM alert WHERE id = ?").param(resolved).query(String.class)
                .single()).isEqualTo("RESOLVED");

        publish("haetsal", record(unwell, MeasurementCode.UNWELL_TODAY, "1", OffsetDateTime.now(SEOUL).minusMinutes(1)));

        await().atMost(WAIT).untilAsserted(() -> assertThat(server.jdbc().sql(
                "SELECT status FROM alert WHERE member_id = ? AND kind = 'UNWELL' AND active = 1").param(unwell)
                .query(String.class).list()).containsExactly("OPEN"));
        browser.get(server.baseUrl() + "/?kind=UNWELL");
        assertThat(item("이말순", "몸 불편 응답").getText()).contains("새 알림");
    }

    @Test
    @Order(4)
    void aFollowUpDayInThePastIsRefusedInKoreanAndNothingIsStored() {
        browser.get(server.baseUrl() + "/?kind=DECLINE");
        WebElement item = item("박영수", "최근 저하");
        item.findElement(By.tagName("summary")).click();
        browser.executeScript("arguments[0].removeAttribute('min'); arguments[0].value = arguments[1]",
                item.findElement(By.name("followUpOn")), LocalDate.now(SEOUL).minusDays(2).toString());
        item.findElement(By.xpath(".//button[text()='후속 조치일 저장']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".alert-item .error"),
                "후속 조치일은 오늘이나 그 뒤로 골라 주세요"));
        assertThat(server.jdbc().sql("""
                SELECT COUNT(*) FROM alert_action x JOIN alert a ON a.id = x.alert_id WHERE a.member_id = ?""")
                .param(declining).query(Integer.class).single()).isZero();
    }

    @Test
    @Order(5)
    void staffOfOneSiteNeverSeeNorHandleAnotherSitesAlerts() {
        String theirAlert = server.jdbc().sql("SELECT id FROM alert WHERE member_id = ? AND kind = 'UNWELL'")
                .param(theirs).query(String.class).single();
        browser.get(server.baseUrl() + "/?site=dalbit&status=OPEN");
        assertThat(main()).doesNotContain("서정희");
        Object status = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const token = document.querySelector('input[name=_csrf]').value;
                fetch(arguments[0], {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                    body: '_csrf=' + encodeURIComponent(token) + '&note=x', redirect: 'manual'})
                  .then(r => done(r.status));""", server.baseUrl() + "/alerts/" + theirAlert + "/resolve");
        assertThat(((Number) status).intValue()).isEqualTo(404); // another site's alert is as an unknown one
        assertThat(server.jdbc().sql("SELECT status FROM alert WHERE id = ?").param(theirAlert).query(String.class)
                .single()).isEqualTo("OPEN");

        browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        signIn("lee");
        assertThat(main()).contains("서정희").doesNotContain("김순자", "이말순", "박영수", "010-2345-6789");
        assertThat(actions("lee", absent)).isEmpty();
        browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    @Test
    @Order(6)
    void hundredsOfAlertsWithLongNamesArePagedOnATabletAndADesktop() throws IOException {
        OffsetDateTime old = OffsetDateTime.now(SEOUL).minusDays(40);
        for (int i = 0; i < 200; i++) {
            String name = i % 10 == 0 ? "황보" + "영".repeat(24) + i : "남궁" + "순".repeat(i % 7) + "자" + i;
            String id = "WC%08d".formatted(i); // straight into the table: 200 registrations would each rebuild the roster
            server.jdbc().sql("""
                    INSERT INTO member (id, site_id, display_name, birth_year, sex, card_version, created_at)
                    VALUES (?, 'haetsal', ?, ?, ?, 1, '2026-01-01T00:00:00Z')""")
                    .params(id, name, 1930 + i % 30, i % 2 == 0 ? "F" : "M").update();
            server.jdbc().sql("""
                    INSERT INTO measurement (id, member_id, site_id, device_id, batch_id, kind, code, value, unit,
                        taken_at, taken_at_ms, detail, received_at_ms)
                    VALUES (?, ?, 'haetsal', 'kiosk-1', 'seed', 'test', 'TIMED_UP_AND_GO', ?, 's', ?, ?, '{}', ?)""")
                    .params(UUID.randomUUID().toString(), id, new BigDecimal(i % 3 == 0 ? "14.5" : "8.1"),
                            DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(old.minusDays(i % 20)),
                            old.minusDays(i % 20).toInstant().toEpochMilli(), old.toInstant().toEpochMilli())
                    .update();
        }
        server.bean(AlertRefresher.class).sweep();
        signIn("kim");
        browser.manage().window().setSize(new Dimension(1024, 768));
        browser.get(server.baseUrl() + "/");
        assertThat(browser.findElements(By.cssSelector(".alert-item"))).hasSize(AlertInbox.PAGE_SIZE);
        assertThat(browser.findElement(By.cssSelector("nav.pages")).getText()).contains("1 /", "다음");
        Object overflow = browser.executeScript("return document.documentElement.scrollWidth > window.innerWidth");
        assertThat(overflow).as("no sideways scrolling on a tablet").isEqualTo(false);
        shot("alerts-many-tablet");
        browser.findElement(By.partialLinkText("다음")).click();
        wait.until(ExpectedConditions.urlContains("page=2"));
        assertThat(browser.findElements(By.cssSelector(".alert-item"))).hasSize(AlertInbox.PAGE_SIZE);
        browser.manage().window().setSize(new Dimension(1440, 900));
        browser.get(server.baseUrl() + "/?sort=NAME");
        shot("alerts-many-desktop");
        browser.manage().window().setSize(new Dimension(1024, 768));
    }

    private void signIn(String user) {
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private String main() {
        return browser.findElement(By.tagName("main")).getText();
    }

    /** The one alert item of this senior and kind on the page. */
    private WebElement item(String name, String kind) {
        List<WebElement> items = browser.findElements(By.cssSelector(".alert-item")).stream()
                .filter(e -> e.findElement(By.cssSelector(".who")).getText().equals(name)
                        && e.findElement(By.cssSelector(".kind-tag")).getText().equals(kind))
                .toList();
        assertThat(items).as(name + " " + kind).hasSize(1);
        return items.getFirst();
    }

    private List<String> openKinds() {
        return server.jdbc().sql("SELECT member_id, kind FROM alert WHERE active = 1 AND status = 'OPEN' AND member_id IS NOT NULL")
                .query((rs, n) -> rs.getString(1) + ":" + rs.getString(2)).list();
    }

    private List<String> actions(String actor, String memberId) {
        return server.api().get("/api/audit?memberId=" + memberId + "&actor=" + actor).json().findValuesAsText("action");
    }

    private static MeasurementRecord record(String memberId, MeasurementCode code, String value, OffsetDateTime at) {
        return MeasurementRecord.of(memberId, code, new BigDecimal(value), at, Map.of());
    }

    private void publish(String siteId, MeasurementRecord... records) {
        String batchId = "al-" + UUID.randomUUID().toString().substring(0, 8);
        try (MqttTestClient kiosk = new MqttTestClient(server.mqttUri(), siteId, "kiosk-1")) {
            kiosk.publishMeasurements(codec.encode(new MeasurementBatch(batchId, "kiosk-1",
                    OffsetDateTime.now(ZoneOffset.ofHours(9)), List.of(records))));
            assertThat(kiosk.awaitAck(batchId, WAIT).accepted()).hasSize(records.length);
        }
    }

    private void shot(String name) throws IOException {
        if (screenshots != null) {
            Files.createDirectories(screenshots);
            Files.write(screenshots.resolve("dashboard-" + name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        }
    }
}
