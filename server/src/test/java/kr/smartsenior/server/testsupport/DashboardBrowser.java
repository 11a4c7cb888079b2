package kr.smartsenior.server.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the dashboard's browser tests share: a {@link HeadlessChromium} pointed at one server, signing in
 * and out through the form, reading a page, and screenshots at tablet sizes into {@code -Dssc.screenshots}
 * (or {@code target/screenshots}), whole pages included. Skips (or fails with {@code SSC_REQUIRE_SERVICES=1})
 * like {@link HeadlessChromium#startOrSkip}.
 */
public final class DashboardBrowser implements AutoCloseable {

    private final HeadlessChromium chromium;
    private final String baseUrl;
    private final WebDriverWait wait;
    private final Path screenshots;

    private DashboardBrowser(HeadlessChromium chromium, String baseUrl) {
        this.chromium = chromium;
        this.baseUrl = baseUrl;
        this.wait = new WebDriverWait(chromium.driver(), Duration.ofSeconds(15));
        String dir = System.getProperty("ssc.screenshots");
        this.screenshots = dir == null || dir.isBlank() ? Path.of("target", "screenshots") : Path.of(dir);
    }

    public static DashboardBrowser open(String baseUrl) {
        return new DashboardBrowser(HeadlessChromium.startOrSkip(), baseUrl);
    }

    public ChromeDriver driver() {
        return chromium.driver();
    }

    public WebDriverWait waiting() {
        return wait;
    }

    /** Opens a path of the server and returns the page's source. */
    public String page(String path) {
        driver().get(baseUrl + path);
        return driver().getPageSource();
    }

    /** The visible text of the page's {@code main}. */
    public String mainText() {
        return driver().findElement(By.tagName("main")).getText();
    }

    public WebElement find(String css) {
        return driver().findElement(By.cssSelector(css));
    }

    /** Replaces what a box holds. */
    public void type(String name, String text) {
        WebElement box = driver().findElement(By.name(name));
        box.clear();
        box.sendKeys(text);
    }

    public void signIn(String user, String password) {
        driver().get(baseUrl + "/login");
        driver().findElement(By.name("username")).sendKeys(user);
        driver().findElement(By.name("password")).sendKeys(password);
        driver().findElement(By.cssSelector("main button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /** Clicks and waits until the browser has left the current page. */
    public void clickAndWait(WebElement element) {
        WebElement html = driver().findElement(By.tagName("html"));
        element.click();
        wait.until(gone(html));
    }

    /**
     * The element's page has been replaced. Like {@link ExpectedConditions#stalenessOf}, but Chromium may
     * answer a question about an element of a page being replaced with "Node with given id does not belong
     * to the document" (a plain {@link WebDriverException}) instead of a stale element: that means gone too.
     */
    public static ExpectedCondition<Boolean> gone(WebElement element) {
        return driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        };
    }

    /**
     * Saves {@code <name>-1024.png} (1024×768) and {@code <name>-1280.png} (the whole page at 1280 wide, as
     * tall as it is, up to 4000 px) in the screenshot folder.
     */
    public void shots(String name) throws IOException {
        Files.createDirectories(screenshots);
        driver().manage().window().setSize(new Dimension(1024, 768));
        Files.write(screenshots.resolve(name + "-1024.png"), driver().getScreenshotAs(OutputType.BYTES));
        driver().manage().window().setSize(new Dimension(1280, 800));
        long height = ((Number) ((JavascriptExecutor) driver()).executeScript(
                "return document.documentElement.scrollHeight")).longValue();
        driver().manage().window().setSize(new Dimension(1280, (int) Math.min(4000, Math.max(800, height))));
        Files.write(screenshots.resolve(name + "-1280.png"), driver().getScreenshotAs(OutputType.BYTES));
        driver().manage().window().setSize(new Dimension(HeadlessChromium.WIDTH, HeadlessChromium.HEIGHT));
    }

    @Override
    public void close() {
        chromium.close();
    }
}
