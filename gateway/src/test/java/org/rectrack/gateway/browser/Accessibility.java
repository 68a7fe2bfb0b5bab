package org.rectrack.gateway.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Runs axe-core (Deque's WCAG checker, vendored from the npm registry under {@code src/test/resources/axe-core}, a test
 * tool only) in the page a browser shows, against the rules of WCAG 2.0, 2.1 and 2.2 at levels A and AA, the level
 * issue 9 and UI.md ask of every page.
 */
public final class Accessibility {

    /** axe's tags for WCAG 2.0, 2.1 and 2.2, levels A and AA (2.2 adds only AA rules). */
    static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    /** The impacts that fail a page: axe's two highest of four (minor, moderate, serious, critical). */
    static final Set<String> FAILING = Set.of("serious", "critical");

    private static final String AXE = read("axe-core/axe.min.js");

    private Accessibility() {
    }

    /** One rule a page breaks: axe's rule id, its impact, what the rule asks and the CSS selectors of the elements. */
    public record Violation(String rule, String impact, String help, List<String> targets) {

        @Override
        public String toString() {
            return rule + " (" + impact + "): " + help + " " + targets;
        }
    }

    /**
     * The serious and critical WCAG A/AA violations axe finds in the page the browser shows now, the whole document.
     * Loads axe into the page first when the page does not have it (each new page does not).
     *
     * @return the violations, in axe's order; empty when the page passes
     */
    @SuppressWarnings("unchecked")
    public static List<Violation> seriousViolations(ChromeDriver browser) {
        if (!Boolean.TRUE.equals(browser.executeScript("return typeof window.axe === 'object';"))) {
            browser.executeScript(AXE);
        }
        Object answer = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                  .then(results => done(results.violations.map(v => ({
                      rule: v.id, impact: v.impact, help: v.help,
                      targets: v.nodes.map(n => n.target.join(' '))}))))
                  .catch(error => done({error: String(error)}));""", WCAG_AA);
        if (answer instanceof Map<?, ?> error) {
            throw new IllegalStateException("axe-core failed in " + browser.getCurrentUrl() + ": " + error.get("error"));
        }
        return ((List<Map<String, Object>>) answer).stream()
                .filter(v -> FAILING.contains((String) v.get("impact")))
                .map(v -> new Violation((String) v.get("rule"), (String) v.get("impact"), (String) v.get("help"),
                        (List<String>) v.get("targets")))
                .toList();
    }

    private static String read(String resource) {
        try (InputStream in = Accessibility.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
