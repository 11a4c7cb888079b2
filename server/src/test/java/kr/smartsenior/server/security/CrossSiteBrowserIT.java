package kr.smartsenior.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The issue's attack in a real headless Chromium: a staff member signed in to the dashboard (and
 * having once opened the API with her password in the address) visits a page of another origin that
 * makes the browser POST to the API's card reissue and to the dashboard's. Both fail, the card stays
 * valid, and the refusals are audited. The attacker's page is served by a small HTTP server on
 * another port of the same host (so the session cookie, SameSite=Strict, is even sent along).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CrossSiteBrowserIT {

    private static final String PASSWORD = "haetsal-2026!";

    private TestServer server;
    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;
    private HttpServer attacker;
    private String mine;

    @BeforeAll
    void start() throws IOException {
        chromium = HeadlessChromium.startOrSkip();
        browser = chromium.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        server = TestServer.embedded();
        ServerApi admin = server.api();
        admin.createSite("haetsal", "햇살 경로당");
        mine = admin.createMember("haetsal", "김순자", 1944, "F");
        assertThat(admin.post("/api/staff", Map.of("username", "kim", "password", PASSWORD, "role", "STAFF",
                "siteIds", List.of("haetsal"))).status()).isEqualTo(201);
        attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        page("/api.html", "/api/members/" + mine + "/card/reissue");
        page("/dashboard.html", "/members/" + mine + "/card/reissue");
        attacker.start();
    }

    @AfterAll
    void stop() {
        if (attacker != null) {
            attacker.stop(0);
        }
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void theApiNeverAsksTheBrowserForAPasswordSoItHasNoneToSendAlong() {
        String base = server.baseUrl();
        browser.get(base.replace("http://", "http://kim:" + PASSWORD.replace("!", "%21") + "@") + "/api/sites");
        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(page).contains("\"status\":401").doesNotContain("햇살");
    }

    @Test
    @Order(2)
    void aPageOfAnotherOriginCannotReissueACardThroughTheApiOrTheDashboard() {
        browser.get(server.baseUrl() + "/login");
        browser.findElement(By.name("username")).sendKeys("kim");
        browser.findElement(By.name("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

        for (String page : List.of("/api.html", "/dashboard.html")) {
            browser.get("http://127.0.0.1:" + attacker.getAddress().getPort() + page);
            wait.until(ExpectedConditions.urlContains(server.baseUrl())); // the form was sent
            wait.until(d -> "complete".equals(browser.executeScript("return document.readyState")));
            assertThat(browser.getPageSource()).as(page).contains("403").doesNotContain("cardVersion");
        }
        assertThat(server.api().get("/api/members/" + mine).json().get("cardVersion").asInt())
                .as("the card is still valid").isEqualTo(1);
        List<String> refusals = server.api().get("/api/audit").json().findValuesAsText("action");
        assertThat(refusals.stream().filter("access.cross-site.refused"::equals).count()).isEqualTo(2);
        assertThat(server.api().get("/api/audit?actor=kim").json().findValuesAsText("action"))
                .contains("access.cross-site.refused");

        // from the dashboard's own page, the same action works
        browser.get(server.baseUrl() + "/members/" + mine);
        browser.findElement(By.cssSelector("form[action$='/card/reissue'] button")).click();
        wait.until(ExpectedConditions.urlContains("reissued"));
        assertThat(server.api().get("/api/members/" + mine).json().get("cardVersion").asInt()).isEqualTo(2);
    }

    /** A page that sends a form to the server as soon as it loads. */
    private void page(String path, String target) {
        String html = """
                <!DOCTYPE html><html><body><h1>무료 건강 상품 안내</h1>
                <form id="f" method="post" action="%s%s"><input type="hidden" name="x" value="1"></form>
                <script>document.getElementById('f').submit();</script></body></html>""".formatted(server.baseUrl(), target);
        attacker.createContext(path, exchange -> {
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }
}
