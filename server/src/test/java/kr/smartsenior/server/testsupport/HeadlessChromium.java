package kr.smartsenior.server.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium in headless mode, driven through its own {@code chromedriver} (packages
 * {@code chromium} and {@code chromium-driver}, installed by {@code scripts/services.sh}). Nothing is
 * downloaded: both paths are given to Selenium, so Selenium Manager never runs. A fresh, empty
 * profile per browser, deleted on close; no background networking, sync or updates.
 */
public final class HeadlessChromium implements AutoCloseable {

    /** A tablet in landscape (Galaxy Tab A8 class). */
    public static final int WIDTH = 1280;
    public static final int HEIGHT = 800;

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts the browser, or skips the test (fails with {@code SSC_REQUIRE_SERVICES=1}) when it is missing. */
    public static HeadlessChromium startOrSkip() {
        Path chromium = onPath("chromium");
        Path chromedriver = onPath("chromedriver");
        if (chromium == null || chromedriver == null) {
            String what = "chromium and chromedriver (apt-get install chromium chromium-driver) not found";
            if (RequiredServices.servicesRequired()) {
                fail(what + " but SSC_REQUIRE_SERVICES=1");
            }
            Assumptions.abort(what + ": browser test skipped");
        }
        try {
            Path profile = Files.createTempDirectory("ssc-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--lang=ko-KR", "--force-device-scale-factor=1",
                    "--window-size=" + WIDTH + "," + HEIGHT, "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "ko-KR,ko"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
            return new HeadlessChromium(driver, profile);
        } catch (IOException e) {
            throw new IllegalStateException("cannot make a browser profile", e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // a temp directory left behind is harmless
            }
        }
    }

    private static Path onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
