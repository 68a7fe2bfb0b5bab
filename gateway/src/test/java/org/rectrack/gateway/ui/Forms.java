package org.rectrack.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import io.restassured.response.Response;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A page's form as a browser holds it: the page, its CSRF cookie and what the form would post (its inputs as the
 * page filled them in), to change and post as a browser without JavaScript would.
 */
final class Forms {

    /** The anti-forgery cookie and form field (signin's PageFormTokens; not checked for these bearer-token callers, SignInBrowserTest checks it). */
    static final String CSRF = "csrf-token";

    private Forms() {
    }

    /** An opened form: the page and the CSRF cookie its answer set. */
    record Opened(Document page, String csrfCookie) {

        /** What the form {@code selector} posts as shown: its named inputs with their values, selects' selection. */
        Map<String, String> values(String selector) {
            Element form = page.selectFirst(selector);
            assertThat(form).as(selector).isNotNull();
            Map<String, String> values = new LinkedHashMap<>();
            for (Element input : form.select("input[name], textarea[name], select[name]")) {
                String type = input.attr("type");
                if (type.equals("submit") || (type.equals("radio") || type.equals("checkbox")) && !input.hasAttr("checked")) {
                    continue;
                }
                values.put(input.attr("name"), input.tagName().equals("select")
                        ? input.select("option[selected]").stream().findFirst().map(o -> o.attr("value")).orElse("")
                        : input.tagName().equals("textarea") ? input.wholeText() : input.attr("value"));
            }
            return values;
        }
    }

    /** Opens the page as the role of the organisation: its document and CSRF cookie. */
    static Opened open(String role, String organisation, String path) {
        Response response = PageCallers.browser(role, organisation).get(path);
        assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
        return new Opened(PageCallers.html(response), response.getCookie(CSRF));
    }

    /** Posts the values as the form would (url-encoded, UTF-8), with the CSRF cookie. */
    static Response post(String role, String organisation, String path, String csrfCookie, Map<String, String> values) {
        var request = PageCallers.browser(role, organisation)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8");
        if (csrfCookie != null) {
            request.cookie(CSRF, csrfCookie);
        }
        return request.formParams(values).post(path);
    }
}
