package kr.smartsenior.server.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kr.smartsenior.server.testsupport.DashboardSession;
import kr.smartsenior.server.testsupport.ServerApi;
import kr.smartsenior.server.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The screening form over HTTP as a browser posts it (the real server, SQLite): the CSRF token is
 * required, another site's senior is refused with nothing stored or audited, every refusal names its
 * field in Korean and keeps hostile text as text, and after a save the senior page says whether the
 * prescription changed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ScreeningPagesIT {

    private static final String PASSWORD = "gangseo-2026!";

    private TestServer server;
    private String mine;
    private String theirs;
    private DashboardSession browser;

    @BeforeAll
    void start() throws Exception {
        server = TestServer.embedded();
        ServerApi admin = server.api();
        admin.createSite("site-a", "가 경로당");
        admin.createSite("site-b", "나 경로당");
        mine = admin.createMember("site-a", "이말순", 1944, "F");
        theirs = admin.createMember("site-b", "박영수", 1940, "M");
        assertThat(admin.post("/api/staff", Map.of("username", "kim", "password", PASSWORD, "role", "STAFF",
                "siteIds", List.of("site-a"))).status()).isEqualTo(201);
        browser = new DashboardSession(server.baseUrl());
        browser.login("kim", PASSWORD);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aFormWithoutItsTokenOrForAnotherSitesSeniorStoresNothing() throws Exception {
        assertThat(browser.get("/members/" + mine + "/screening").statusCode()).isEqualTo(200);
        assertThat(browser.postForm("/members/" + mine + "/screening", answers("no", "120", "80", ""), false)
                .statusCode()).isEqualTo(403);
        // another site's senior is answered as an unknown one (404, decision 0029)
        assertThat(browser.get("/members/" + theirs + "/screening").statusCode()).isEqualTo(404);
        HttpResponse<String> elsewhere = browser.postForm("/members/" + theirs + "/screening",
                answers("no", "120", "80", ""), true);
        assertThat(elsewhere.statusCode()).isEqualTo(404);
        assertThat(elsewhere.body()).doesNotContain("박영수");
        assertThat(browser.postForm("/members/" + theirs + "/screening/clearance",
                Map.of("clinician", "김 원장", "agreedOn", "2026-01-01"), true).statusCode()).isEqualTo(404);
        assertThat(server.api().get("/api/members/" + theirs + "/screening").json().at("/status/state").asText())
                .isEqualTo("NOT_SCREENED");
        // refusals only: nothing of hers was read or written
        assertThat(server.api().get("/api/audit?memberId=" + theirs + "&actor=kim").json().findValuesAsText("action"))
                .isNotEmpty().allMatch("access.refused"::equals);
        assertThat(server.api().get("/api/audit?memberId=" + mine + "&actor=kim").json().findValuesAsText("action"))
                .contains("member.screening.read");
    }

    @Test
    void eachBadFieldIsNamedInKoreanAndHostileTextStaysText() throws Exception {
        String member = server.api().createMember("site-a", "최순례", 1939, "F");
        Map<String, String> form = answers("no", "12a", "", "<script>alert('x')</script>");
        form.remove("q_UNSTEADY");
        HttpResponse<String> refused = browser.postForm("/members/" + member + "/screening", form, true);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("입력한 내용을 확인해 주세요 (2곳).")
                .contains("수축기(위) 혈압은 숫자(mmHg)로만 적어 주세요")
                .contains("&#39;예&#39; 또는 &#39;아니요&#39;를 골라 주세요.")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .doesNotContain("<script>alert('x')</script>");
        assertThat(browser.postForm("/members/" + member + "/screening", answers("no", "130", "", ""), true).body())
                .contains("이완기(아래) 혈압도 적어 주세요");
        assertThat(browser.postForm("/members/" + member + "/screening", answers("no", "130", "25", ""), true).body())
                .contains("이완기(아래) 혈압은 30~200 mmHg 사이여야 합니다 (적은 값 25)");
        assertThat(browser.postForm("/members/" + member + "/screening", answers("no", "130", "80", "가\n나"), true)
                .body()).contains("메모에 줄바꿈이나 보이지 않는 문자는 넣을 수 없습니다.");
        assertThat(server.api().get("/api/members/" + member + "/screening").json().at("/status/state").asText())
                .isEqualTo("NOT_SCREENED");
        assertThat(browser.postForm("/members/" + member + "/screening/clearance",
                Map.of("clinician", "김 원장", "agreedOn", "2026-01-01"), true).body())
                .contains("지금은 의료진 확인이 필요한 건강 질문이 없습니다 (건강 질문 전).");
    }

    @Test
    void afterASaveTheSeniorPageSaysWhetherThePrescriptionChanged() throws Exception {
        String member = server.api().createMember("site-a", "정옥자", 1942, "F");
        HttpResponse<String> saved = browser.postForm("/members/" + member + "/screening",
                answers("no", "128", "82", "무릎 수술 2025년"), true);
        assertThat(saved.statusCode()).isEqualTo(302);
        String location = saved.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/members/" + member + "?screening=saved#screening");
        String page = browser.get("/members/" + member + "?screening=saved").body();
        assertThat(page).contains("건강 질문을 저장했습니다.").contains("운동 처방을 바로 새로 만들었습니다: 버전 1.")
                .contains("문제 없음 (모두 &#39;아니요&#39;)").contains("128/82 mmHg").contains("무릎 수술 2025년");
        // the same answers again: the plan's substance is the same, so no new version
        browser.postForm("/members/" + member + "/screening", answers("no", "126", "80", ""), true);
        assertThat(browser.get("/members/" + member + "?screening=saved").body())
                .contains("운동 처방은 바뀌지 않았습니다 (버전 1 그대로).");
        assertThat(server.api().get("/api/audit?memberId=" + member + "&actor=kim").json().findValuesAsText("action"))
                .contains("member.screening.write", "member.page.view");
    }

    /** Every question answered {@code answer}, with this blood pressure and note. */
    private static Map<String, String> answers(String answer, String systolic, String diastolic, String note) {
        Map<String, String> form = new LinkedHashMap<>();
        for (ScreeningQuestion q : ScreeningQuestion.values()) {
            form.put(ScreeningPages.QUESTION_FIELD + q.name(), answer);
        }
        form.put("systolic", systolic);
        form.put("diastolic", diastolic);
        form.put("note", note);
        return form;
    }
}
