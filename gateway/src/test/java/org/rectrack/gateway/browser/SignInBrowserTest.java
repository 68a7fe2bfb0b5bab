package org.rectrack.gateway.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import java.net.URL;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.rectrack.deploy.infra.testing.KeycloakTestResource;
import org.rectrack.gateway.endtoend.RunningServices;

/**
 * Signing in with a browser: chromium, through Keycloak's own sign-in page, against the gateway and the real
 * recommendations- and evidence-service on the tests' PostgreSQL and Kafka, all taking the realm's tokens. The demo users and their passwords are the realm's (deploy/local/keycloak).
 */
@QuarkusTest
@WithTestResource(value = KeycloakTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway_browser"))
@WithTestResource(value = RunningServices.class, initArgs = @ResourceArg(name = "issuer", value = "keycloak"))
@ExtendWith(Browser.class)
class SignInBrowserTest {

    @TestHTTPResource("/")
    URL gateway;

    @ParameterizedTest
    @CsvSource({
            "admin,    admin,    ''",
            "ngo-lao,  ngo,      lao-ngo",
            "ngo-demo, ngo,      demo-ngo",
            "reviewer, reviewer, ''",
            "diplomat, diplomat, ''",
            "auditor,  auditor,  ''"})
    void eachDemoUserSignsInThroughKeycloakAndSeesItsNameRoleAndOrganisation(String user, String role, String organisation) {
        ChromeDriver browser = Browser.driver();
        browser.get(page("/signed-in"));
        signIn(browser, user);

        Browser.find(browser, By.id("name"));
        assertThat(browser.getCurrentUrl()).isEqualTo(page("/signed-in"));
        assertThat(Browser.find(browser, By.id("name")).getText()).isEqualTo(user);
        assertThat(Browser.find(browser, By.id("roles")).getText()).isEqualTo(role);
        assertThat(Browser.find(browser, By.id("organisation")).getText()).isEqualTo(organisation);
        Browser.screenshot(browser, "signed-in-" + user);
        // The session lives in cookies the page's script cannot read, and no token shows in the address or the page.
        assertThat(browser.manage().getCookies()).filteredOn(cookie -> cookie.getName().startsWith("q_session"))
                .isNotEmpty().allSatisfy(cookie -> assertThat(cookie.isHttpOnly()).isTrue());
        assertThat(browser.getCurrentUrl()).doesNotContain("code=").doesNotContain("state=");
        assertThat(browser.getPageSource()).doesNotContain("eyJ");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/", "/signed-in" })
    void aSignedOutBrowserIsSentToKeycloaksSignInPage(String path) {
        ChromeDriver browser = Browser.driver();
        browser.get(page(path));

        Browser.find(browser, By.id("kc-login"));
        assertThat(browser.getCurrentUrl()).startsWith(KeycloakTestResource.issuer() + "/protocol/openid-connect/auth");
        Browser.screenshot(browser, "sign-in-page");
    }

    @Test
    void signingOutEndsTheKeycloakSessionTooSoTheNextPageAsksToSignInAgain() {
        ChromeDriver browser = Browser.driver();
        browser.get(page("/signed-in"));
        signIn(browser, "diplomat");
        Browser.find(browser, By.id("sign-out")).click();
        Browser.find(browser, By.id("kc-login"));
        Browser.screenshot(browser, "signed-out");

        browser.get(page("/signed-in"));
        // Keycloak's session is gone too: it asks for the password again rather than signing the browser straight back in.
        Browser.find(browser, By.id("kc-login"));
        assertThat(browser.getCurrentUrl()).startsWith(KeycloakTestResource.issuer());
        Browser.screenshot(browser, "asked-again");
    }

    @Test
    void signingInFromAPageReturnsToThatPageAtItsOwnAddress() {
        ChromeDriver browser = Browser.driver();
        browser.get(page("/?asOf=2023-12-31"));
        signIn(browser, "ngo-lao");

        Browser.find(browser, By.tagName("main"));
        assertThat(browser.getCurrentUrl()).isEqualTo(page("/?asOf=2023-12-31"));
        assertThat(browser.findElement(By.tagName("header")).getText()).contains("ngo-lao");
        Browser.screenshot(browser, "start-page-signed-in");
    }

    @Test
    void aPagesFormPostedWithoutItsTokenIsRefusedAndWithItIsAccepted() {
        ChromeDriver browser = Browser.driver();
        browser.get(page("/"));
        signIn(browser, "ngo-demo");
        Browser.find(browser, By.tagName("main"));
        Cookie token = browser.manage().getCookieNamed("csrf-token");
        assertThat(token).as("the page's form token cookie").isNotNull();
        assertThat(token.isHttpOnly()).isTrue();
        assertThat(token.getSameSite()).isEqualTo("Strict");

        String note = "note " + UUID.randomUUID();
        postForm(browser, page("/api/v1/pages/form-probe"), Map.of("note", note));
        Browser.screenshot(browser, "form-without-token");
        assertThat(Browser.find(browser, By.tagName("main")).getText()).contains("csrf-token");
        assertThat(browser.getPageSource()).doesNotContain(note);

        browser.get(page("/"));
        postForm(browser, page("/api/v1/pages/form-probe"), Map.of("note", note, "csrf-token", token.getValue()));
        assertThat(Browser.find(browser, By.id("accepted")).getText()).isEqualTo(note);
        Browser.screenshot(browser, "form-with-token");
    }

    @Test
    void aPagesFormPostedByTheWrongRoleIsA403PageShowingNoData() {
        ChromeDriver browser = Browser.driver();
        browser.get(page("/"));
        signIn(browser, "diplomat");
        Browser.find(browser, By.tagName("main"));
        String note = "note " + UUID.randomUUID();

        postForm(browser, page("/api/v1/pages/form-probe"),
                Map.of("note", note, "csrf-token", browser.manage().getCookieNamed("csrf-token").getValue()));
        Browser.screenshot(browser, "form-wrong-role");
        assertThat(Browser.find(browser, By.tagName("main")).getText()).contains("your role does not allow");
        assertThat(browser.findElements(By.id("accepted"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(note);
    }

    @Test
    void theJsonApiWithoutATokenIsA401ProblemNotARedirect() {
        given().redirects().follow(false).get("/api/v1/reports?country=LAO")
                .then().statusCode(401).contentType(startsWith("application/problem+json"));
    }

    private String page(String path) {
        return gateway.toString().replaceFirst("/$", "") + path;
    }

    /**
     * Fills in Keycloak's own sign-in form with the demo user's password (the realm's: demo-USER), and waits until the
     * browser is back on the gateway.
     */
    private void signIn(ChromeDriver browser, String user) {
        Browser.find(browser, By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo-" + user);
        Browser.screenshot(browser, "sign-in-" + user);
        browser.findElement(By.id("kc-login")).click();
        Browser.awaitAddress(browser, page("/"));
        Browser.find(browser, By.tagName("body"));
    }

    /** Posts a form as a page would, from the page the browser shows, with these fields. */
    private static void postForm(ChromeDriver browser, String action, Map<String, String> fields) {
        browser.executeScript("""
                const form = document.createElement('form');
                form.method = 'post';
                form.action = arguments[0];
                for (const [name, value] of Object.entries(arguments[1])) {
                  const input = document.createElement('input');
                  input.type = 'hidden'; input.name = name; input.value = value;
                  form.appendChild(input);
                }
                document.body.appendChild(form);
                form.submit();""", action, fields);
    }
}
