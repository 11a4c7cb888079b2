package kr.smartsenior.server.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.RestrictionCode;
import kr.smartsenior.server.fitness.Band;
import kr.smartsenior.server.fitness.ComponentStatus;
import kr.smartsenior.server.fitness.FallRiskLevel;
import kr.smartsenior.server.fitness.TrendDirection;
import kr.smartsenior.server.prescription.Prescriber;
import kr.smartsenior.server.testsupport.HeadlessChromium;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The screening form in a real headless Chromium against the real server: a staff member screens
 * a senior whose prescription is still the not-screened one, is told field by field what is wrong
 * (unanswered questions, impossible blood pressure), saves, sees the prescription made again at once
 * (restricted: a "yes" needs a clinician), records the clinician's clearance and sees the cleared
 * prescription. Hostile text stays text; no enum code reaches the page; the charts draw a range for
 * every graded test and the fall-risk lines.
 *
 * <p>With {@code -Dssc.screenshots=DIR} it saves the form and the senior page as
 * {@code dashboard-screening-*.png} at tablet (1024x768) and desktop (1440x900) width.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ScreeningFormBrowserIT {

    private static final String PASSWORD = "haetsal-2026!";
    private static final String HOSTILE_NOTE = "<script>alert('note')</script> 무릎 수술";
    private static final String HOSTILE_CLINICIAN = "<img src=x onerror=alert(1)>햇살내과 김민수 원장";
    private static final Pattern CODE_WORD = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");

    private TestServer server;
    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private String senior;
    private String longHistory;
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
        admin.createSite("haetsal", "햇살 경로당");
        admin.createSite("dalbit", "달빛 경로당");
        senior = admin.createMember("haetsal", "김순자", 1944, "F");
        longHistory = admin.createMember("haetsal", "<b>박</b>영수 어르신 이름이 아주 긴 경우", 1936, "M");
        theirs = admin.createMember("dalbit", "서정희", 1942, "F");
        Random random = new Random(15);
        history(senior, "haetsal", 18, random, false);
        history(longHistory, "haetsal", 36, random, true);
        assertThat(admin.post("/api/staff", Map.of("username", "kim", "password", PASSWORD, "role", "STAFF",
                "siteIds", List.of("haetsal"))).status()).isEqualTo(201);
        // the prescription as it stands before anyone screened her: the restricted not-screened form
        server.bean(Prescriber.class).refresh(senior);
        assertThat(restrictions(senior)).contains(RestrictionCode.LOW_INTENSITY_ONLY.name());
        // a senior screened many times, with every kind of answer and the longest texts
        for (int i = 0; i < 9; i++) {
            Map<String, Boolean> answers = new LinkedHashMap<>();
            for (ScreeningQuestion q : ScreeningQuestion.values()) {
                answers.put(q.name(), (q.ordinal() + i) % 3 == 0);
            }
            assertThat(admin.post("/api/members/" + longHistory + "/screening", Map.of("answers", answers,
                    "systolic", 150 + i * 5, "diastolic", 85 + i * 3, "note",
                    "<i>메모</i> " + "가".repeat(190))).status()).isEqualTo(201);
        }
        assertThat(admin.post("/api/members/" + longHistory + "/screening/clearance", Map.of("clinician",
                "서울특별시 강서구 보건소 방문건강관리팀 ".repeat(4).strip(), "agreedOn", today().toString())).status())
                .isEqualTo(201);
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
    void theSeniorPageSaysInWordsThatSheIsNotScreenedAndWhatIsMissing() throws IOException {
        browser.get(server.baseUrl() + "/login");
        browser.findElement(By.name("username")).sendKeys("kim");
        browser.findElement(By.name("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        browser.get(server.baseUrl() + "/members/" + senior);
        String status = browser.findElement(By.cssSelector(".screening-status")).getText();
        assertThat(status).contains("건강 질문 전", "알 수 없음", "건강 질문을 받아 주세요");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("안전 확인 전이라 가벼운 운동만 해요");
        assertNoCodeWords();
        shotBoth("member-before");
    }

    @Test
    @Order(2)
    void theChartsDrawARangeForEveryGradedTestTheFallRiskLinesAndSayLowerIsBetter() {
        browser.get(server.baseUrl() + "/members/" + longHistory);
        wait.until(d -> d.findElements(By.cssSelector("#charts canvas")).size() >= 6);
        Map<String, List<String>> legends = new LinkedHashMap<>();
        for (MeasurementCode code : List.of(MeasurementCode.CHAIR_STAND_30S, MeasurementCode.STEP_IN_PLACE_2MIN,
                MeasurementCode.SIT_AND_REACH, MeasurementCode.TIMED_UP_AND_GO, MeasurementCode.GRIP_STRENGTH,
                MeasurementCode.ONE_LEG_STANCE, MeasurementCode.FIGURE_8_WALK)) {
            List<?> labels = (List<?>) browser.executeScript("""
                    const chart = Chart.getChart(document.querySelector('#charts canvas[aria-label="' + arguments[0] + '"]'));
                    return chart.data.datasets.map(d => d.label + '|' + d.data.filter(v => v !== null).length);""",
                    code.koreanName());
            legends.put(code.name(), labels.stream().map(String::valueOf).toList());
        }
        // a shaded range wherever the server grades the test (the whole history: every point has one)
        for (String graded : List.of("CHAIR_STAND_30S", "STEP_IN_PLACE_2MIN", "SIT_AND_REACH")) {
            assertThat(legends.get(graded)).as(graded).anyMatch(l -> l.startsWith("보통 범위|37"));
        }
        assertThat(legends.get("TIMED_UP_AND_GO")).anyMatch(l -> l.startsWith("보통 범위 (아래쪽이 좋음)|37"))
                .anyMatch(l -> l.equals("낙상 위험 주의: 12초 이상|37"))
                .anyMatch(l -> l.startsWith("낙상 위험 높음: 13.5초 이상"));
        assertThat(legends.get("GRIP_STRENGTH")).anyMatch(l -> l.startsWith("근력 저하 기준 이상|37"));
        assertThat(legends.get("ONE_LEG_STANCE")).anyMatch(l -> l.startsWith("낙상 위험 높음: 5초 미만"))
                .noneMatch(l -> l.startsWith("보통 범위"));
        // the chair stand's STEADI line follows his age: 8 under 85-89 for men, then 7 from 90
        assertThat(legends.get("CHAIR_STAND_30S")).anyMatch(l -> l.startsWith("낙상 위험 주의: "));
        assertThat(legends.get("FIGURE_8_WALK")).noneMatch(l -> l.startsWith("보통 범위"));
        List<String> lowerBetter = browser.findElements(By.cssSelector(".chart-box")).stream()
                .filter(b -> !b.findElements(By.cssSelector(".lower-better")).isEmpty())
                .map(b -> b.getAttribute("data-code")).toList();
        assertThat(lowerBetter).containsExactlyInAnyOrder("TIMED_UP_AND_GO", "FIGURE_8_WALK");
        assertThat(browser.findElement(By.cssSelector(".chart-box[data-code=TIMED_UP_AND_GO] .risk-sources")).getText())
                .isEqualTo("점선: 낙상 위험 높음: 13.5초 이상 (Shumway-Cook et al. 2000) / 낙상 위험 주의: 12초 이상 (CDC STEADI 2017)");
        assertNoCodeWords();
    }

    @Test
    @Order(3)
    void aFormWithUnansweredQuestionsAndAnImpossibleBloodPressureSaysWhatIsWrongFieldByField() throws IOException {
        browser.get(server.baseUrl() + "/members/" + senior);
        browser.findElement(By.linkText("건강 질문 입력")).click();
        wait.until(ExpectedConditions.urlContains("/members/" + senior + "/screening"));
        shotBoth("form");
        answer(ScreeningQuestion.HEART, true);
        answer(ScreeningQuestion.CHEST_PAIN, false);
        type("systolic", "80");
        type("diastolic", "120");
        type("note", HOSTILE_NOTE);
        submit();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".question.invalid")));
        // nine questions unanswered, each says so; the two answered keep their answer
        assertThat(browser.findElements(By.cssSelector(".question.invalid"))).hasSize(9);
        assertThat(browser.findElements(By.cssSelector(".question.invalid .error")))
                .allMatch(e -> e.getText().equals("'예' 또는 '아니요'를 골라 주세요."));
        assertThat(browser.findElement(By.cssSelector("input[name=q_HEART][value=yes]")).isSelected()).isTrue();
        assertThat(errorAfter("systolic")).contains("수축기(위) 혈압은 이완기(아래) 혈압보다 높아야 합니다");
        assertThat(browser.findElement(By.name("note")).getAttribute("value")).isEqualTo(HOSTILE_NOTE);
        shotBoth("form-errors");

        type("systolic", "400");
        type("diastolic", "85");
        submit();
        wait.until(d -> errorAfter("systolic").contains("60~300 mmHg 사이여야 합니다"));
        assertThat(server.api().get("/api/members/" + senior + "/screening").json().at("/status/state").asText())
                .isEqualTo("NOT_SCREENED");
    }

    @Test
    @Order(4)
    void savingTheScreeningMakesTheRestrictedPrescriptionAtOnceAndThePageSaysSo() {
        for (ScreeningQuestion q : ScreeningQuestion.values()) {
            answer(q, q == ScreeningQuestion.HEART);
        }
        type("systolic", "148");
        type("diastolic", "88");
        submit();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".screening-news")));
        String news = browser.findElement(By.cssSelector(".screening-news")).getText();
        assertThat(news).contains("건강 질문을 저장했습니다.", "운동 처방을 바로 새로 만들었습니다: 버전 2.")
                .contains("건강 질문에 '예'가 있어 가벼운 운동만 해요");
        assertThat(browser.findElement(By.cssSelector(".screening-status")).getText())
                .contains("'예'가 있어 의료진 확인 필요", "148/88 mmHg, 160/100 mmHg 미만", "심장병·고혈압");
        assertThat(browser.getPageSource()).doesNotContain("<script>alert('note')</script>");
        assertThat(browser.findElement(By.cssSelector(".screening-status")).getText()).contains(HOSTILE_NOTE);
        assertThat(restrictions(senior)).contains(RestrictionCode.LOW_INTENSITY_ONLY.name());
        assertThat(server.api().get("/api/members/" + senior + "/prescription").json().get("version").asInt())
                .isEqualTo(2);
        assertNoCodeWords();
    }

    @Test
    @Order(5)
    void recordingTheClinicianClearsThePrescriptionAtOnce() throws IOException {
        browser.findElement(By.linkText("의료진 확인 기록")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("clinician")));
        type("clinician", HOSTILE_CLINICIAN);
        WebElement day = browser.findElement(By.name("agreedOn"));
        browser.executeScript("arguments[0].value = arguments[1]", day, today().plusDays(2).toString());
        day.submit();
        wait.until(d -> errorAfter("agreedOn").contains("이후일 수 없습니다"));
        assertThat(browser.getPageSource()).doesNotContain(HOSTILE_CLINICIAN);
        shotBoth("clearance-error");

        browser.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.name("agreedOn")),
                today().toString());
        browser.findElement(By.name("agreedOn")).submit();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".screening-news")));
        String news = browser.findElement(By.cssSelector(".screening-news")).getText();
        assertThat(news).contains("의료진 확인을 기록했습니다.", "운동 처방을 바로 새로 만들었습니다: 버전 3.")
                .doesNotContain("가벼운 운동만");
        String status = browser.findElement(By.cssSelector(".screening-status")).getText();
        assertThat(status).contains("'예'가 있으나 의료진 확인 완료", HOSTILE_CLINICIAN, today().toString(), "직원 kim");
        assertThat(browser.getPageSource()).doesNotContain(HOSTILE_CLINICIAN);
        assertThat(restrictions(senior)).doesNotContain(RestrictionCode.LOW_INTENSITY_ONLY.name());
        List<String> actions = server.api().get("/api/audit?memberId=" + senior + "&actor=kim").json()
                .findValuesAsText("action");
        assertThat(actions).contains("member.screening.read", "member.screening.write",
                "member.screening.clearance.write", "member.page.view");
        assertNoCodeWords();
        shotBoth("member-after");
    }

    @Test
    @Order(6)
    void aSeniorWithALongHistoryAndTheWorstDataReadsInWordsAtTabletWidth() throws IOException {
        browser.get(server.baseUrl() + "/members/" + longHistory);
        wait.until(d -> !d.findElements(By.cssSelector("#charts canvas")).isEmpty());
        assertThat(browser.findElements(By.cssSelector(".screening-history tr.entry"))).hasSize(5);
        // only the latest screening is in force: an earlier one without clearance asks for nothing
        assertThat(browser.findElement(By.cssSelector(".screening-history")).getText())
                .doesNotContain("의료진 확인 필요").contains("확인 기록 없음");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("지난 건강 질문 모두 보기 (9건)")
                .contains("낙상 위험: 높음");
        assertThat(browser.getPageSource()).doesNotContain("<i>메모</i>").doesNotContain("<b>박</b>");
        assertNoCodeWords();
        shotBoth("member-worst");
        browser.executeScript("document.getElementById('charts').scrollIntoView()");
        shotBoth("member-worst-charts");
        browser.findElement(By.partialLinkText("지난 건강 질문 모두 보기")).click();
        wait.until(ExpectedConditions.urlContains("/screening"));
        assertThat(browser.findElements(By.cssSelector(".screening-history tr.entry"))).hasSize(9);
        assertNoCodeWords();
        browser.executeScript("document.querySelector('.screening-history').scrollIntoView()");
        shotBoth("history");
    }

    @Test
    @Order(7)
    void anotherSitesSeniorsFormIsRefusedAndNothingIsStored() {
        browser.get(server.baseUrl() + "/members/" + theirs + "/screening");
        // answered as an unknown senior would be (404, decision 0029); the attempt is audited as a refusal only
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("찾을 수 없습니다");
        assertThat(browser.getPageSource()).doesNotContain("서정희");
        assertThat(server.api().get("/api/audit?memberId=" + theirs + "&actor=kim").json().findValuesAsText("action"))
                .isNotEmpty().allMatch("access.refused"::equals);
    }

    private void answer(ScreeningQuestion question, boolean yes) {
        WebElement radio = browser.findElement(By.cssSelector("input[name=q_" + question.name() + "][value="
                + (yes ? "yes" : "no") + "]"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", radio);
        radio.click();
    }

    private void type(String name, String text) {
        WebElement field = browser.findElement(By.name(name));
        field.clear();
        field.sendKeys(text);
    }

    private void submit() {
        WebElement button = browser.findElement(By.xpath("//button[normalize-space()='건강 질문 저장']"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
        wait.until(kr.smartsenior.server.testsupport.DashboardBrowser.gone(button));
    }

    /** The error shown under the field with this name, or "". */
    private String errorAfter(String name) {
        return browser.findElements(By.cssSelector("p.error")).stream().map(WebElement::getText)
                .filter(t -> !t.isBlank()).filter(t -> switch (name) {
                    case "systolic" -> t.startsWith("수축기");
                    case "diastolic" -> t.startsWith("이완기");
                    case "agreedOn" -> t.startsWith("동의한 날");
                    default -> t.contains(name);
                }).findFirst().orElse("");
    }

    /** No enum constant of what the page shows, nor any other CODE_LIKE word, is in the page's text. */
    private void assertNoCodeWords() {
        String text = browser.findElement(By.tagName("body")).getText();
        List<String> constants = new ArrayList<>();
        Stream.of(ScreeningStatus.State.values(), ScreeningStatus.BloodPressure.values(), ScreeningQuestion.values(),
                FallRiskLevel.values(), ComponentStatus.values(), TrendDirection.values(), Band.values(),
                MeasurementCode.values(), RestrictionCode.values())
                .flatMap(Stream::of).map(Enum::name).forEach(constants::add);
        constants.addAll(List.of("TUG_13_5", "TUG_12_STEADI", "ONE_LEG_UNDER_5", "CHAIR_STAND_BELOW_AVERAGE"));
        for (String constant : constants) {
            assertThat(Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(constant) + "(?![A-Za-z0-9_])")
                    .matcher(text).find()).as("enum constant %s in the page text", constant).isFalse();
        }
        assertThat(CODE_WORD.matcher(text).results().map(m -> m.group()).toList())
                .as("code-like words in the page text").isEmpty();
    }

    private List<String> restrictions(String memberId) {
        return server.api().get("/api/members/" + memberId + "/prescription").json().path("restrictions")
                .findValuesAsText("code");
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Seoul"));
    }

    /** The page as the window shows it and as a whole (scrolled through), at tablet and desktop width. */
    private void shotBoth(String name) throws IOException {
        if (screenshots == null) {
            return;
        }
        Files.createDirectories(screenshots);
        Dimension before = browser.manage().window().getSize();
        for (int[] size : new int[][] {{1024, 768}, {1440, 900}}) {
            browser.manage().window().setSize(new Dimension(size[0], size[1]));
            Files.write(screenshots.resolve("dashboard-screening-" + name + "-" + size[0] + ".png"),
                    browser.getScreenshotAs(OutputType.BYTES));
            Map<String, Object> metrics = browser.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            Map<?, ?> content = (Map<?, ?>) metrics.get("cssContentSize");
            Map<String, Object> whole = browser.executeCdpCommand("Page.captureScreenshot", Map.of(
                    "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0,
                            "width", ((Number) content.get("width")).doubleValue(),
                            "height", Math.min(6000, ((Number) content.get("height")).doubleValue()), "scale", 1)));
            Files.write(screenshots.resolve("dashboard-screening-" + name + "-" + size[0] + "-full.png"),
                    java.util.Base64.getDecoder().decode((String) whole.get("data")));
        }
        browser.manage().window().setSize(before);
    }

    /** Every test about monthly for {@code months} months; frail: slow TUG, short one-leg stance. */
    private void history(String memberId, String siteId, int months, Random random, boolean frail) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(9)).withHour(10);
        Map<MeasurementCode, double[]> tests = Map.of(MeasurementCode.CHAIR_STAND_30S, new double[] {frail ? 8 : 13, 0.05, 1.5},
                MeasurementCode.STEP_IN_PLACE_2MIN, new double[] {88, 0.2, 6},
                MeasurementCode.TIMED_UP_AND_GO, new double[] {frail ? 14.5 : 8.5, frail ? 0.02 : -0.03, 0.8},
                MeasurementCode.GRIP_STRENGTH, new double[] {frail ? 26 : 20, 0.02, 1.5},
                MeasurementCode.ONE_LEG_STANCE, new double[] {frail ? 3 : 14, frail ? 0 : 0.05, frail ? 0.5 : 2},
                MeasurementCode.SIT_AND_REACH, new double[] {2, 0.05, 2},
                MeasurementCode.FIGURE_8_WALK, new double[] {frail ? 38 : 28, -0.05, 2});
        for (int m = months; m >= 0; m--) {
            OffsetDateTime at = now.minusDays(30L * m + 3);
            for (Map.Entry<MeasurementCode, double[]> test : tests.entrySet()) {
                double[] t = test.getValue();
                double value = Math.round((t[0] + t[1] * (months - m) + random.nextGaussian() * t[2]) * 10) / 10.0;
                insert(memberId, siteId, test.getKey(), Math.max(test.getKey().min().doubleValue(), value), at);
            }
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
