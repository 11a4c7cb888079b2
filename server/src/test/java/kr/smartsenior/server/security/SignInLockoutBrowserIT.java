package kr.smartsenior.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import kr.smartsenior.server.testsupport.DashboardSession;
import kr.smartsenior.server.testsupport.HeadlessChromium;
import kr.smartsenior.server.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The two-address lock-out through the dashboard's sign-in form: an attacker on 127.0.0.2
 * guesses the admin's password until that address must wait (and then even the right password
 * waits there), while the admin in a real headless Chromium on 127.0.0.1 signs in at once and works.
 * The API's side of the same rule is {@code AccessIT}. A screenshot of the admin's home and of the
 * form's waiting message goes to {@code -Dssc.screenshots} or {@code target/screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SignInLockoutBrowserIT {

    private TestServer server;
    private HeadlessChromium chromium;
    private ChromeDriver browser;

    @BeforeAll
    void start() {
        chromium = HeadlessChromium.startOrSkip();
        browser = chromium.driver();
        server = TestServer.embedded();
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
    void theAttackersAddressWaitsWhileTheAdminSignsInFromHers() throws Exception {
        DashboardSession attacker = new DashboardSession(server.baseUrl(), "127.0.0.2");
        String waitedAt = null;
        java.util.List<Integer> waits = new java.util.ArrayList<>();
        for (int attempt = 1; attempt <= 30 && waitedAt == null; attempt++) {
            String location = location(attacker.login("admin", "guess-number-" + attempt));
            assertThat(location).as("attempt %d", attempt).containsAnyOf("/login?error", "/login?wait=");
            if (location.contains("?wait=")) {
                int seconds = Integer.parseInt(location.substring(location.indexOf("?wait=") + 6));
                waits.add(seconds);
                if (seconds >= 30) {
                    waitedAt = location; // long enough that the next steps happen well within it
                } else {
                    expireWaits(); // as if the wait had passed: the next wrong guess waits longer
                }
            }
        }
        assertThat(waitedAt).as("the attacker's address must wait longer and longer").isNotNull();
        assertThat(waits).isSortedAccordingTo(Integer::compare).doesNotHaveDuplicates();
        // from the waiting address even the right password waits
        assertThat(location(attacker.login("admin", TestServer.ADMIN_PASSWORD))).contains("/login?wait=");
        assertThat(attacker.get("/").statusCode()).isEqualTo(302);

        // the admin, on 127.0.0.1, signs in through the form at once and reaches the admin pages
        browser.get(server.baseUrl() + "/login");
        browser.findElement(By.name("username")).sendKeys("admin");
        browser.findElement(By.name("password")).sendKeys(TestServer.ADMIN_PASSWORD);
        browser.findElement(By.cssSelector("main button[type=submit]")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("알림함").doesNotContain("기다려");
        shot("signin-admin-home");
        browser.get(server.baseUrl() + "/admin/staff");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("admin");

        // the account itself is not locked: the waits are the attacker's address's alone
        assertThat(server.jdbc().sql("SELECT COUNT(*) FROM sign_in_throttle WHERE address = '127.0.0.2'"
                + " AND next_allowed_ms > ?").param(System.currentTimeMillis()).query(Integer.class).single())
                .isPositive();
        assertThat(server.jdbc().sql("SELECT COUNT(*) FROM sign_in_throttle WHERE address = '127.0.0.1'"
                + " AND next_allowed_ms > 0").query(Integer.class).single()).isZero();

        // what someone at the waiting address reads on the form (rendered from the redirect it was given)
        browser.manage().deleteAllCookies();
        browser.get(server.baseUrl() + waitedAt.substring(waitedAt.indexOf("/login")));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("비밀번호가 여러 번 틀려")
                .contains("초 뒤에 다시 로그인할 수 있습니다");
        shot("signin-wait");
    }

    private void expireWaits() {
        server.jdbc().sql("UPDATE sign_in_throttle SET next_allowed_ms = 0 WHERE address = '127.0.0.2'").update();
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private void shot(String name) throws IOException {
        String dir = System.getProperty("ssc.screenshots");
        Path screenshots = dir == null || dir.isBlank() ? Path.of("target", "screenshots") : Path.of(dir);
        Files.createDirectories(screenshots);
        Files.write(screenshots.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
