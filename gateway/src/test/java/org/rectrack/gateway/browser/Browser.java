package org.rectrack.gateway.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the tests: Debian's chromium, headless, driven by its chromium-driver through Selenium; one per
 * JVM, started on first use and shared by every browser test class (a start costs about a second, a test class's
 * Quarkus far more). As a JUnit extension ({@code @ExtendWith(Browser.class)}) it gives each test a browser signed out
 * everywhere (every cookie of every site cleared: the gateway's session and the identity provider's), and keeps, for a
 * test that failed, what the browser showed: a screenshot, the page's HTML and the addresses it went through, under
 * {@code target/screenshots/}. Tests save a screenshot of every page they visit with {@link #screenshot}.
 */
public final class Browser implements BeforeEachCallback, TestWatcher {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PAGE_LOAD = Duration.ofSeconds(30);
    private static final AtomicInteger SHOTS = new AtomicInteger();
    private static ChromeDriver driver;

    /** The JVM's one browser; call from a test that runs with this extension. */
    public static synchronized ChromeDriver driver() {
        if (driver == null) {
            driver = start();
            ChromeDriver started = driver;
            Runtime.getRuntime().addShutdownHook(new Thread(started::quit, "browser-quit"));
        }
        return driver;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ChromeDriver browser = driver();
        browser.get("about:blank");
        // Selenium's deleteAllCookies clears only the current page's site; the DevTools command clears them all.
        browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        browser.manage().logs().get(LogType.PERFORMANCE); // drops what earlier tests left
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (driver == null) {
            return;
        }
        String name = context.getRequiredTestMethod().getName() + "-FAILED";
        try {
            screenshot(driver, name);
            Files.writeString(SCREENSHOTS.resolve("%03d-%s.html".formatted(SHOTS.get(), name)),
                    "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource());
            Files.write(SCREENSHOTS.resolve("%03d-%s.network.txt".formatted(SHOTS.get(), name)), navigations());
        } catch (RuntimeException | IOException e) {
            cause.addSuppressed(e);
        }
    }

    /** Waits until the element is there, and answers it. */
    public static WebElement find(ChromeDriver browser, By by) {
        return new WebDriverWait(browser, PAGE_LOAD).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    /** Waits until the browser's address starts with {@code prefix}, and answers the address. */
    public static String awaitAddress(ChromeDriver browser, String prefix) {
        new WebDriverWait(browser, PAGE_LOAD).until(ExpectedConditions.urlMatches("^\\Q" + prefix + "\\E.*"));
        return browser.getCurrentUrl();
    }

    /** Saves what the browser shows as {@code target/screenshots/NNN-name.png}, NNN in the order taken. */
    public static void screenshot(ChromeDriver browser, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            byte[] png = browser.getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve("%03d-%s.png".formatted(SHOTS.incrementAndGet(), name)), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The responses of the documents the browser loaded since the test began: status and address, one a line. */
    private static List<String> navigations() {
        return driver.manage().logs().get(LogType.PERFORMANCE).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("\"Network.responseReceived\"") && message.contains("\"Document\"")
                        || message.contains("\"Network.requestWillBeSent\"") && message.contains("redirectResponse"))
                .map(message -> message.length() > 2000 ? message.substring(0, 2000) : message)
                .collect(Collectors.toList());
    }

    private static ChromeDriver start() {
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        ChromeOptions options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                // Root in CI has no sandbox; the rest keeps chromium off the network this machine does not have.
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--window-size=1280,900");
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(PAGE_LOAD);
        return chrome;
    }
}
