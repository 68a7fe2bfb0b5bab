package org.rectrack.gateway.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.rectrack.deploy.infra.Folders;

/**
 * The pages a browser scenario visits, each kept for review and checked for accessibility: at each visit a full-page
 * screenshot goes to {@code target/screenshots/<scenario>/<nn>-<page>.png} (the scenario is the test method's name,
 * {@code nn} the visit's number in it), axe-core runs in the page ({@link Accessibility}) and the page is checked not to
 * be wider than the window. A test fails, after its last step, listing every serious or critical violation of every
 * page it visited, so one run shows them all.
 *
 * <p>Register it on the test class: {@code @RegisterExtension static final PageVisits pages = new PageVisits();}.
 */
public final class PageVisits implements BeforeEachCallback, AfterEachCallback {

    /** A phone's width in CSS pixels, at which UI.md asks the board and the evidence form to work. */
    public static final int PHONE_WIDTH = 360;
    private static final int PHONE_HEIGHT = 780;

    private Path folder;
    private int visits;
    private final List<String> violations = new ArrayList<>();

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        folder = Path.of("target", "screenshots", context.getRequiredTestMethod().getName());
        if (Files.exists(folder)) {
            Folders.deleteTree(folder);
        }
        Files.createDirectories(folder);
        visits = 0;
        violations.clear();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!violations.isEmpty()) {
            throw new AssertionError("axe-core found serious or critical WCAG 2.2 AA violations:\n"
                    + String.join("\n", violations));
        }
    }

    /**
     * Keeps the page the browser shows, at the browser's width (1280 CSS pixels): a full-page screenshot named
     * {@code page}, and its accessibility violations.
     */
    public void visit(ChromeDriver browser, String page) {
        settle(browser);
        keep(browser, page);
    }

    /**
     * Keeps the page as a phone {@value #PHONE_WIDTH} CSS pixels wide shows it (a mobile viewport, so the page's
     * {@code meta viewport} and media queries apply), then gives the browser back its own width.
     */
    public void visitOnAPhone(ChromeDriver browser, String page) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", PHONE_WIDTH,
                "height", PHONE_HEIGHT, "deviceScaleFactor", 1, "mobile", true));
        try {
            settle(browser);
            keep(browser, page + "-" + PHONE_WIDTH + "px");
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private void keep(ChromeDriver browser, String page) {
        String name = "%02d-%s".formatted(++visits, page);
        screenshot(browser, folder.resolve(name + ".png"));
        Object overflow = browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        if (((Number) overflow).intValue() > 0) {
            violations.add(name + " (" + browser.getCurrentUrl() + "): the page is " + overflow + " px wider than the"
                    + " window (WCAG 1.4.10, reflow: no scrolling sideways; a table scrolls inside its .table-wrap)");
        }
        List<Accessibility.Violation> found = Accessibility.seriousViolations(browser);
        if (!found.isEmpty()) {
            violations.add(name + " (" + browser.getCurrentUrl() + "):\n  "
                    + found.stream().map(Accessibility.Violation::toString).collect(Collectors.joining("\n  ")));
        }
    }

    /** Waits until the page has loaded and its fonts are ready (Lao is set in a web font), so the picture is final. */
    private static void settle(ChromeDriver browser) {
        browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const ready = () => document.fonts.ready.then(() => done(true));
                if (document.readyState === 'complete') { ready(); } else { addEventListener('load', ready); }""");
    }

    /**
     * The whole page, not only the window: DevTools' screenshot beyond the viewport, as tall as the content and as wide
     * as the window (the content's width leaves out the scroll bar, which the page no longer has when shot whole).
     */
    @SuppressWarnings("unchecked")
    private static void screenshot(ChromeDriver browser, Path file) {
        Map<String, Object> metrics = browser.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        double window = ((Number) browser.executeScript("return window.innerWidth;")).doubleValue();
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0,
                        "width", Math.max(window, ((Number) content.get("width")).doubleValue()),
                        "height", ((Number) content.get("height")).doubleValue(), "scale", 1)));
        try {
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
