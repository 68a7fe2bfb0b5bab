package org.rectrack.gateway.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;

/** The accessibility check the browser scenarios run on every page finds what it must, and only that. */
@ExtendWith(Browser.class)
class AccessibilityTest {

    @Test
    void anImageWithoutTextAndGreyOnWhiteTextAreReportedWithTheirRuleAndElement() {
        ChromeDriver browser = Browser.driver();
        browser.get(page("""
                <main><h1>Board</h1><img id="chart" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
                <p id="faint" style="color:#bbb;background:#fff">Awaiting review</p></main>"""));

        assertThat(Accessibility.seriousViolations(browser))
                .anySatisfy(v -> {
                    assertThat(v.rule()).isEqualTo("image-alt");
                    assertThat(v.impact()).isEqualTo("critical");
                    assertThat(v.targets()).containsExactly("#chart");
                })
                .anySatisfy(v -> {
                    assertThat(v.rule()).isEqualTo("color-contrast");
                    assertThat(v.targets()).containsExactly("#faint");
                });
    }

    @Test
    void aPageWithTextAlternativesAndEnoughContrastPasses() {
        ChromeDriver browser = Browser.driver();
        browser.get(page("""
                <main><h1>Board</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Status chart">
                <p style="color:#333;background:#fff">Awaiting review</p></main>"""));

        assertThat(Accessibility.seriousViolations(browser)).isEmpty();
    }

    private static String page(String body) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><title>Test page</title></head><body>" + body + "</body></html>";
        return "data:text/html;charset=utf-8," + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
