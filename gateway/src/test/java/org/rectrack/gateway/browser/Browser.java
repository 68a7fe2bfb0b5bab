package org.rectrack.gateway.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the tests: Debian's chromium, headless, driven by its chromium-driver through Selenium; one per
 * JVM, started on first use. Each test begins with {@link #fresh()} (no cookies: signed out everywhere), and every page
 * the browser shows is saved as a screenshot under {@code target/screenshots/}, numbered in the order visited.
 */
final class Browser {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PAGE_LOAD = Duration.ofSeconds(30);
    private static final AtomicInteger SHOTS = new AtomicInteger();
    private static WebDriver driver;

    private Browser() {
    }

    /** The browser with no cookies at all, so no session with the gateway or Keycloak. */
    static synchronized WebDriver fresh() {
        if (driver == null) {
            driver = start();
            Runtime.getRuntime().addShutdownHook(new Thread(driver::quit, "browser-quit"));
        }
        driver.manage().deleteAllCookies();
        return driver;
    }

    /** Waits until the element is there, and answers it. */
    static org.openqa.selenium.WebElement find(WebDriver browser, By by) {
        return new WebDriverWait(browser, PAGE_LOAD).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    /** Saves what the browser shows as {@code target/screenshots/NNN-name.png}. */
    static void screenshot(WebDriver browser, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            byte[] png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve("%03d-%s.png".formatted(SHOTS.incrementAndGet(), name)), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WebDriver start() {
        ChromeOptions options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                // Root in CI has no sandbox; the rest keeps chromium off the network this machine does not have.
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(PAGE_LOAD);
        return chrome;
    }
}
