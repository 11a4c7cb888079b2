package kr.smartsenior.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.smartsenior.protocol.MeasurementBatch;
import kr.smartsenior.protocol.MeasurementCode;
import kr.smartsenior.protocol.MeasurementRecord;
import kr.smartsenior.protocol.ProtocolCodec;
import kr.smartsenior.server.testsupport.DashboardSession;
import kr.smartsenior.server.testsupport.MqttTestClient;
import kr.smartsenior.server.testsupport.ServerApi;
import kr.smartsenior.server.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The dashboard over HTTP as a browser uses it: sign-in form with CSRF, a session cookie, pages for
 * the staff member's own site, 403 for another site's senior, hostile names shown as text, and an
 * audit entry for every senior page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DashboardIT {

    private static final String PASSWORD = "gangseo-2026!";
    private static final String HOSTILE = "<script>alert('x')</script>김";

    private TestServer server;
    private String mine;
    private String theirs;

    @BeforeAll
    void start() {
        server = TestServer.embedded();
        ServerApi admin = server.api();
        admin.createSite("site-a", "가 경로당");
        admin.createSite("site-b", "나 경로당");
        mine = admin.createMember("site-a", HOSTILE, 1944, "F");
        theirs = admin.createMember("site-b", "박영수", 1940, "M");
        assertThat(admin.post("/api/staff", Map.of("username", "kim", "password", PASSWORD, "role", "STAFF",
                "siteIds", List.of("site-a"))).status()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void staffSignInSeeTheirSiteAndSeniorAndAreRefusedAnotherSite() throws Exception {
        DashboardSession browser = new DashboardSession(server.baseUrl());
        assertThat(browser.get("/").statusCode()).isEqualTo(302); // to the sign-in page
        assertThat(browser.get("/sites/site-a").headers().firstValue("Location").orElse("")).endsWith("/login");

        HttpResponse<String> wrong = browser.login("kim", "wrong-password-1");
        assertThat(wrong.headers().firstValue("Location").orElse("")).contains("/login?error");
        HttpResponse<String> signedIn = browser.login("kim", PASSWORD);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");

        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("알림함").doesNotContain("나 경로당"); // the staff home is the alert inbox
        HttpResponse<String> sites = browser.get("/sites");
        assertThat(sites.statusCode()).isEqualTo(200);
        assertThat(sites.body()).contains("가 경로당").doesNotContain("나 경로당");

        HttpResponse<String> site = browser.get("/sites/site-a?q=" + URLEncoder.encode("김", StandardCharsets.UTF_8));
        assertThat(site.statusCode()).isEqualTo(200);
        assertThat(site.body()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;김").doesNotContain(HOSTILE)
                .contains("/members/" + mine).contains("방문 기록 없음");

        HttpResponse<String> senior = browser.get("/members/" + mine);
        assertThat(senior.statusCode()).isEqualTo(200);
        assertThat(senior.body()).doesNotContain(HOSTILE).contains("&lt;script&gt;")
                .contains("/webjars/chart.js/4.4.1/dist/chart.umd.js").contains("카드 인쇄");
        assertThat(senior.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
        assertThat(browser.get("/webjars/chart.js/4.4.1/dist/chart.umd.js").statusCode()).isEqualTo(200);

        // another site's senior or site reads exactly as an unknown one: 404, the same page
        for (String path : List.of("/members/" + theirs, "/members/ZZZZZZZZZZ", "/sites/site-b", "/sites/nowhere",
                "/members/" + theirs + "/card.pdf", "/members/" + theirs + "/edit", "/members/ZZZZZZZZZZ/edit")) {
            HttpResponse<String> refused = browser.get(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(404);
            assertThat(refused.body()).as(path).contains("찾을 수 없습니다").doesNotContain("박영수");
        }

        // a form without its CSRF token is refused; with it, the card is reissued
        assertThat(browser.postForm("/members/" + mine + "/card/reissue", Map.of(), false).statusCode()).isEqualTo(403);
        HttpResponse<String> reissued = browser.postForm("/members/" + mine + "/card/reissue", Map.of(), true);
        assertThat(reissued.headers().firstValue("Location").orElse("")).contains("reissued");
        assertThat(server.api().get("/api/members/" + mine).json().get("cardVersion").asInt()).isEqualTo(2);

        List<String> actions = server.api().get("/api/audit?memberId=" + mine + "&actor=kim").json()
                .findValuesAsText("action");
        assertThat(actions).contains("member.page.view", "member.card.reissue");
        // the refusals are in the audit log, as refusals
        assertThat(server.api().get("/api/audit?memberId=" + theirs + "&actor=kim").json().findValuesAsText("action"))
                .hasSize(3).containsOnly("access.refused");
    }

    @Test
    void aStaffMemberWhoMistypesOftenWaitsAtTheSignInFormUntilAnAdminClearsIt() throws Exception {
        assertThat(server.api().post("/api/staff", Map.of("username", "park", "password", PASSWORD, "role", "STAFF",
                "siteIds", List.of("site-a"))).status()).isEqualTo(201);
        DashboardSession browser = new DashboardSession(server.baseUrl());
        for (int i = 0; i < 8; i++) { // 5 free, then waits of 2, 4 and 8 s (the first two as if passed)
            assertThat(browser.login("park", "wrong-password-1").headers().firstValue("Location").orElse(""))
                    .endsWith("/login?error");
            if (i < 7) {
                server.jdbc().sql("UPDATE sign_in_throttle SET next_allowed_ms = 0").update();
            }
        }
        String held = browser.login("park", PASSWORD).headers().firstValue("Location").orElse("");
        assertThat(held).as("the right password waits too, at this address").matches(".*/login\\?wait=\\d+");
        assertThat(browser.get(held.substring(held.indexOf("/login"))).body()).contains("초 뒤에 다시 로그인할 수 있습니다");
        assertThat(server.api().post("/api/staff/park/unlock", "").status()).isEqualTo(200);
        assertThat(browser.login("park", PASSWORD).headers().firstValue("Location").orElse(""))
                .doesNotContain("/login");
    }

    @Test
    void theRegistryFormValidatesAndStoresKoreanNames() throws Exception {
        DashboardSession browser = new DashboardSession(server.baseUrl());
        browser.login("kim", PASSWORD);
        assertThat(browser.get("/members/new?siteId=site-a").statusCode()).isEqualTo(200);
        HttpResponse<String> invalid = browser.postForm("/members/new",
                Map.of("siteId", "site-a", "displayName", "", "birthYear", "19x4", "sex", "F"), true);
        assertThat(invalid.statusCode()).isEqualTo(200);
        assertThat(invalid.body()).contains("입력한 내용을 확인해 주세요").contains("출생 연도를 숫자 4자리로");

        HttpResponse<String> created = browser.postForm("/members/new", Map.of("siteId", "site-a",
                "displayName", "이말순", "birthYear", "1941", "sex", "F", "consentDate", "2026-01-05",
                "consentBy", "본인"), true);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String id = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/members/([A-Z0-9]+).*", "$1");
        assertThat(server.api().get("/api/members/" + id).json().get("displayName").asText()).isEqualTo("이말순");

        HttpResponse<String> elsewhere = browser.postForm("/members/new",
                Map.of("siteId", "site-b", "displayName", "박", "birthYear", "1941", "sex", "F"), true);
        assertThat(elsewhere.statusCode()).as("refused like an unknown site: the form again").isEqualTo(200);
        assertThat(elsewhere.body()).contains("이 경로당에는 등록할 수 없습니다");
        assertThat(server.api().get("/api/sites/site-b/members").json().findValuesAsText("displayName"))
                .doesNotContain("박");
        String kimsOwn = created.headers().firstValue("Location").orElseThrow()
                .replaceAll(".*/members/([A-Z0-9]+).*", "$1");
        HttpResponse<String> form = browser.get("/members/" + kimsOwn + "/edit");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(server.api().get("/api/audit?memberId=" + kimsOwn + "&actor=kim").json().findValuesAsText("action"))
                .contains("member.create", "member.form.view");
        assertThat(server.api().get("/api/audit?siteId=site-b&actor=kim").json().findValuesAsText("action"))
                .contains("access.refused");
    }

    @Test
    void aSeniorWhoToldTheKioskTheyWereUnwellIsAnAlertUntilAWeekHasPassed() throws Exception {
        String recent = server.api().createMember("site-a", "최순례", 1939, "F");
        String earlier = server.api().createMember("site-a", "정옥자", 1942, "F");
        OffsetDateTime now = OffsetDateTime.now(java.time.ZoneId.of("Asia/Seoul"));
        List<MeasurementRecord> records = List.of(
                MeasurementRecord.of(recent, MeasurementCode.UNWELL_TODAY, BigDecimal.ONE, now.minusDays(2),
                        Map.of("question", "아프거나 어지러우세요?")),
                MeasurementRecord.of(recent, MeasurementCode.STEP_JUMP, new BigDecimal("600"), now.minusDays(1),
                        Map.of("level", 1)),
                MeasurementRecord.of(earlier, MeasurementCode.UNWELL_TODAY, BigDecimal.ONE, now.minusDays(9),
                        Map.of("question", "아프거나 어지러우세요?")));
        try (MqttTestClient kiosk = new MqttTestClient(server.mqttUri(), "site-a", "kiosk-1")) {
            kiosk.publishMeasurements(new ProtocolCodec().encode(new MeasurementBatch("unwell-1", "kiosk-1", now, records)));
            assertThat(kiosk.awaitAck("unwell-1", Duration.ofSeconds(30)).accepted()).hasSize(3);
        }

        DashboardSession browser = new DashboardSession(server.baseUrl());
        browser.login("kim", PASSWORD);
        String site = browser.get("/sites/site-a").body();
        String day = now.minusDays(2).getMonthValue() + "월 " + now.minusDays(2).getDayOfMonth() + "일";
        assertThat(rowOf(site, "최순례")).contains("몸 불편 응답 " + day);
        assertThat(rowOf(site, "정옥자")).doesNotContain("몸 불편 응답"); // nine days ago: past the week

        String page = browser.get("/members/" + recent).body();
        assertThat(page).contains("아프거나 어지럽다").contains(now.minusDays(2).toLocalDate().toString());
        assertThat(browser.get("/members/" + earlier).body()).contains(now.minusDays(9).toLocalDate().toString());
        // the answer is not an exercise session: one session in the weekly counts, not two
        Matcher weeks = Pattern.compile("data-weeks=\"([^\"]*)\"").matcher(page);
        assertThat(weeks.find()).isTrue();
        int sessions = Pattern.compile(":(\\d+)").matcher(weeks.group(1).replace("&quot;", "\""))
                .results().mapToInt(m -> Integer.parseInt(m.group(1))).sum();
        assertThat(sessions).isEqualTo(1);
    }

    /** The table row of the senior with this name on a site page. */
    private static String rowOf(String sitePage, String name) {
        int at = sitePage.indexOf(name);
        assertThat(at).as("%s on the site page", name).isNotNegative();
        int start = sitePage.lastIndexOf("<tr", at);
        return sitePage.substring(start, sitePage.indexOf("</tr>", at));
    }

}
