package org.rectrack.gateway.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rectrack.deploy.infra.testing.KeycloakTestResource;
import org.rectrack.deploy.infra.testing.TestTokens;
import org.rectrack.gateway.TestEvents;
import org.rectrack.gateway.TestEvents.CountryYear;
import org.rectrack.gateway.endtoend.RunningServices;

/**
 * Each role's work, done in a real browser (chromium through Selenium) signed in through Keycloak's own sign-in page,
 * against the gateway, the real recommendations- and evidence-service, Kafka, PostgreSQL and Keycloak: an NGO logs
 * evidence in Lao, a reviewer verifies evidence from the queue, a diplomat sees a status change on the board, an
 * auditor issues and downloads a compliance report, an admin imports a report's text. Each scenario makes its own
 * data (a country-year no other test uses); what a scenario needs before its first step (a published report,
 * submitted evidence) it makes through the JSON API with a token of the realm's issuer. Every page a scenario visits
 * is kept as a screenshot and checked with axe-core ({@link PageVisits}).
 *
 * <p>Same test resources as {@link SignInBrowserTest}, so both run in one Quarkus application with one Keycloak.
 */
@QuarkusTest
@WithTestResource(value = KeycloakTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway_browser"))
@WithTestResource(value = RunningServices.class, initArgs = @ResourceArg(name = "issuer", value = "keycloak"))
@ExtendWith(Browser.class)
class RoleScenariosBrowserTest {

    /** How long the read model and the evidence-service's replica may take to learn of a write: a bound, not a pace. */
    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    private static final Duration PAGE = Duration.ofSeconds(30);

    @RegisterExtension
    static final PageVisits pages = new PageVisits();

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void anNgoLogsEvidenceInLaoWithAMetricAndFindsItUnderMyOrganisation() {
        CountryYear where = TestEvents.uniqueCountryYear();
        UUID recommendation = publishReport(where, "Train police officers to identify trafficking victims.");
        String summary = "ຝຶກອົບຮົມ ຕຳຫຼວດ 300 ຄົນ ກ່ຽວກັບການກວດພົບຜູ້ເຄາະຮ້າຍ " + UUID.randomUUID();
        ChromeDriver browser = Browser.driver();

        browser.get(page("/evidence/new?country=" + where.country() + "&year=" + where.year()));
        signIn(browser, "ngo-lao");
        Browser.find(browser, By.cssSelector("nav.language-switch a[lang=lo]")).click();
        awaitLanguage(browser, "lo");
        assertThat(browser.getCurrentUrl()).startsWith(page("/evidence/new?"))
                .contains("country=" + where.country(), "year=" + where.year());
        pages.visit(browser, "log-evidence");
        pages.visitOnAPhone(browser, "log-evidence");

        WebElement row = Browser.find(browser, By.xpath("//form[@action='/evidence/new']//tr[.//input[@value='"
                + recommendation + "']]"));
        new Select(row.findElement(By.tagName("select"))).selectByValue("ADVANCES");
        // A date control's typed form depends on the browser's locale; its value is the ISO day either way.
        browser.executeScript("arguments[0].value = '" + where.year() + "-03-01';", browser.findElement(By.name("actionDate")));
        browser.findElement(By.name("summary")).sendKeys(summary);
        new Select(browser.findElement(By.name("language"))).selectByValue("lo");
        browser.findElement(By.name("source.title")).sendKeys("Vientiane Times");
        browser.findElement(By.name("source.url")).sendKeys("https://www.vientianetimes.org.la/" + UUID.randomUUID());
        new Select(browser.findElement(By.name("metrics[0].kind"))).selectByValue("OFFICIALS_TRAINED");
        browser.findElement(By.name("metrics[0].value")).sendKeys("300");
        browser.findElement(By.name("metrics[0].unit")).sendKeys("PERSONS");
        browser.findElement(By.cssSelector("input[name=visibility][value=PUBLIC]")).click();
        pages.visit(browser, "log-evidence-filled");
        // The evidence-service learns of the new recommendation from its topic; until then the form comes back with
        // its problem and everything typed kept, and is sent again as it stands.
        await().atMost(EVENTUALLY).until(() -> {
            submit(browser, By.cssSelector("button[name=action][value=submit]"));
            return browser.getCurrentUrl().startsWith(page("/my-organisation"));
        });

        assertThat(Browser.find(browser, By.tagName("html")).getAttribute("lang")).isEqualTo("lo");
        WebElement submitted = browser.findElement(By.xpath("//section[h3[@id='state-SUBMITTED']]"));
        WebElement mine = submitted.findElement(By.xpath(".//li[.//span[@lang='lo'][contains(., '" + summary + "')]]"));
        pages.visit(browser, "my-organisation");
        mine.findElement(By.tagName("a")).click();
        Browser.awaitAddress(browser, page("/evidence/"));
        assertThat(Browser.find(browser, By.cssSelector("main [lang=lo]")).getText()).contains(summary);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("300");
        pages.visit(browser, "evidence");

        browser.get(page("/countries/" + where.country() + "/" + where.year()));
        assertThat(boardRow(browser, recommendation).getText()).as("pending, in Lao").contains("ລໍຖ້າກວດສອບ 1");
        pages.visit(browser, "board");
        pages.visitOnAPhone(browser, "board");

        // The same work pages in English, after the switch: the evidence keeps its own language.
        Browser.find(browser, By.cssSelector("nav.language-switch a[lang=en]")).click();
        awaitLanguage(browser, "en");
        submit(browser, By.cssSelector("nav.main-nav a[href='/my-organisation']"));
        assertThat(Browser.find(browser, By.xpath("//section[h3[@id='state-SUBMITTED']]")).getText())
                .contains("Awaiting review", summary);
        assertThat(browser.findElement(By.xpath("//span[@lang='lo'][contains(., '" + summary + "')]"))).isNotNull();
        pages.visit(browser, "my-organisation-en");
        submit(browser, By.cssSelector("nav.main-nav a[href='/evidence/new']"));
        pages.visit(browser, "log-evidence-en");
    }

    @Test
    void aReviewerVerifiesEvidenceFromTheQueue() {
        CountryYear where = TestEvents.uniqueCountryYear();
        UUID recommendation = publishReport(where, "Increase investigations of forced labour in agriculture.");
        String summary = "Trained 120 labour inspectors " + UUID.randomUUID();
        String evidence = submitEvidence(recommendation, where, summary);
        ChromeDriver browser = Browser.driver();

        browser.get(page("/review?country=" + where.country()));
        signIn(browser, "reviewer");
        pages.visit(browser, "review-queue");
        submit(browser, By.linkText(summary));
        Browser.awaitAddress(browser, page("/review/" + evidence));
        assertThat(Browser.find(browser, By.cssSelector("tr.outcome td.now")).getText()).contains("No evidence");
        assertThat(browser.findElement(By.cssSelector("tr.outcome td.if-verified")).getText()).contains("In progress");
        pages.visit(browser, "review-item");
        submit(browser, By.cssSelector("button[name=action][value=verify]"));

        Browser.awaitAddress(browser, page("/review"));
        assertThat(Browser.find(browser, By.cssSelector("main p.notice")).getText()).contains("Decided");
        assertThat(browser.findElements(By.linkText(summary))).as("no longer waiting in the queue").isEmpty();
        pages.visit(browser, "review-queue-after");
        assertThat(api("reviewer", "").get("/api/v1/evidence/" + evidence).then().statusCode(200)
                .extract().<String>path("state")).isEqualTo("VERIFIED");
        browser.findElement(By.cssSelector("main p.notice a")).click();
        Browser.awaitAddress(browser, page("/evidence/" + evidence));
        assertThat(Browser.find(browser, By.tagName("main")).getText()).contains("Verified");
        pages.visit(browser, "evidence");
    }

    @Test
    void aDiplomatSeesTheStatusChangeOnTheBoardWithItsRule() {
        CountryYear where = TestEvents.uniqueCountryYear();
        String text = "Screen returning migrants for trafficking indicators " + UUID.randomUUID().toString().substring(0, 8) + ".";
        UUID recommendation = publishReport(where, text);
        String evidence = submitEvidence(recommendation, where, "Screened 4000 returning migrants " + UUID.randomUUID());
        ChromeDriver browser = Browser.driver();
        String board = page("/countries/" + where.country() + "/" + where.year());

        browser.get(board);
        signIn(browser, "diplomat");
        assertThat(boardRow(browser, recommendation).getText()).contains("No evidence", "No verified evidence bears on it.");
        pages.visit(browser, "board-before");

        Instant beforeVerification = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        api("reviewer", "").post("/api/v1/evidence/" + evidence + "/verify").then().statusCode(200);
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(boardRow(browser, recommendation).getText())
                    .contains("In progress", "Some verified evidence says the government advanced it.");
        });
        pages.visit(browser, "board-after");

        submit(browser, By.cssSelector("a[href^='/recommendations/" + recommendation + "']"));
        assertThat(Browser.find(browser, By.tagName("main")).getText())
                .contains(text, "In progress", "Some verified evidence says the government advanced it.");
        assertThat(browser.findElements(By.cssSelector("main a[href^='/evidence/" + evidence + "']"))).isNotEmpty();
        pages.visit(browser, "recommendation");

        submit(browser, By.cssSelector("nav.main-nav a[href='/search']"));
        WebElement words = Browser.find(browser, By.name("q"));
        words.sendKeys(text.substring(text.lastIndexOf(' ') + 1, text.length() - 1));
        words.submit();
        Browser.awaitAddress(browser, page("/search?"));
        assertThat(Browser.find(browser, By.xpath("//main//*[.//a[starts-with(@href, '/recommendations/"
                + recommendation + "')]][contains(., '" + text + "')]"))).isNotNull();
        pages.visit(browser, "search");

        submit(browser, By.cssSelector("nav.main-nav a[href='/method']"));
        assertThat(Browser.find(browser, By.tagName("main")).getText()).contains("knownAt");
        pages.visit(browser, "method");

        browser.get(page("/changes?country=" + where.country() + "&from=" + beforeVerification));
        WebElement change = Browser.find(browser, By.xpath("//main//li[.//a[starts-with(@href, '/recommendations/"
                + recommendation + "')]]"));
        assertThat(change.getText()).contains("No evidence", "In progress");
        pages.visit(browser, "what-changed");
    }

    @Test
    void anAuditorPreviewsIssuesAndDownloadsTheComplianceReportWhoseHashThePageShows() throws Exception {
        CountryYear where = TestEvents.uniqueCountryYear();
        UUID recommendation = publishReport(where, "Fund shelters for adult male victims.");
        String evidence = submitEvidence(recommendation, where, "Opened a shelter for men in Savannakhet " + UUID.randomUUID());
        api("reviewer", "").post("/api/v1/evidence/" + evidence + "/verify").then().statusCode(200);
        ChromeDriver browser = Browser.driver();

        browser.get(page("/compliance-reports?country=" + where.country() + "&year=" + where.year()));
        signIn(browser, "auditor");
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(Browser.find(browser, By.tagName("main")).getText())
                    .contains("Fund shelters for adult male victims.", "In progress");
        });
        pages.visit(browser, "compliance-report");

        new Select(browser.findElement(By.name("format"))).selectByValue("PDF");
        submit(browser, By.cssSelector("form[action='/compliance-reports/issue'] button[type=submit]"));
        String issued = Browser.find(browser, By.cssSelector("#issued code.sha256")).getText();
        pages.visit(browser, "compliance-report-issued");

        byte[] pdf = download(browser, browser.findElement(By.cssSelector("a[href*='/pdf?']")).getAttribute("href"));
        byte[] csv = download(browser, browser.findElement(By.cssSelector("a[href*='/csv?']")).getAttribute("href"));
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(new String(csv, java.nio.charset.StandardCharsets.UTF_8)).contains("Fund shelters for adult male victims.");
        assertThat(sha256(pdf)).isEqualTo(browser.findElement(By.cssSelector("code.sha256-pdf")).getText())
                .isEqualTo(issued);
        assertThat(sha256(csv)).isEqualTo(browser.findElement(By.cssSelector("code.sha256-csv")).getText());

        submit(browser, By.cssSelector("nav.main-nav a[href='/verify']"));
        pages.visit(browser, "verify");
        Browser.find(browser, By.name("sha256")).sendKeys(issued);
        submit(browser, By.cssSelector("form[action='/verify'] button[type=submit]"));
        assertThat(Browser.find(browser, By.cssSelector("main section[role=status]")).getText())
                .contains(where.country() + " " + where.year(), issued);
        pages.visit(browser, "verify-answered");
    }

    @Test
    void anAdminImportsATextWithADryRunAndConfirmsItThenFindsItUnderReports() {
        CountryYear where = TestEvents.uniqueCountryYear();
        String word = UUID.randomUUID().toString().substring(0, 8);
        List<String> recommendations = List.of("Increase investigations of forced labour cases " + word + ".",
                "Adopt standard procedures to identify victims among migrants " + word + ".",
                "Train judges on the anti-trafficking law " + word + ".");
        String narrative = "The government does not fully meet the minimum standards for the elimination of trafficking.\n\n"
                + "PRIORITIZED RECOMMENDATIONS:\n"
                + recommendations.stream().map(r -> "• " + r + "\n").collect(Collectors.joining())
                + "\nPROSECUTION\n\nThe government maintained law enforcement efforts.\n";
        ChromeDriver browser = Browser.driver();

        browser.get(page("/import"));
        signIn(browser, "admin");
        pages.visit(browser, "import");
        Browser.find(browser, By.name("text")).sendKeys(narrative);
        browser.findElement(By.name("country")).sendKeys(where.country());
        browser.findElement(By.name("year")).sendKeys(Integer.toString(where.year()));
        new Select(browser.findElement(By.name("tier"))).selectByValue("TIER_2_WATCH_LIST");
        browser.findElement(By.name("publisher")).sendKeys("U.S. Department of State");
        submit(browser, By.cssSelector("button[name=action][value=dry-run]"));

        assertThat(Browser.find(browser, By.id("preview")).getText())
                .contains(where.country() + " " + where.year(), "Tier 2 Watch List");
        assertThat(browser.findElements(By.cssSelector("tr.parsed")).stream().map(WebElement::getText).toList())
                .satisfiesExactly(first -> assertThat(first).contains("1", recommendations.get(0), "Prosecution"),
                        second -> assertThat(second).contains("2", recommendations.get(1), "Protection"),
                        third -> assertThat(third).contains("3", recommendations.get(2)));
        assertThat(browser.findElements(By.id("imported"))).isEmpty();
        pages.visit(browser, "import-dry-run");
        submit(browser, By.id("confirm"));

        assertThat(Browser.find(browser, By.id("imported")).getText()).contains("Imported");
        pages.visit(browser, "import-confirmed");
        submit(browser, By.cssSelector("nav.main-nav a[href='/reports']"));
        Browser.find(browser, By.id("c-country")).sendKeys(where.country());
        browser.findElement(By.id("c-year")).sendKeys(Integer.toString(where.year()));
        submit(browser, By.cssSelector("form[action='/reports'] button[type=submit]"));
        await().atMost(EVENTUALLY).untilAsserted(() -> {
            assertThat(Browser.find(browser, By.tagName("main")).getText()).contains(recommendations);
            browser.navigate().refresh();
        });
        pages.visit(browser, "reports");

        submit(browser, By.cssSelector("nav.main-nav a[href='/lineage']"));
        Browser.find(browser, By.tagName("main"));
        pages.visit(browser, "lineage");
        submit(browser, By.cssSelector("nav.main-nav a[href='/system']"));
        assertThat(Browser.find(browser, By.id("lag")).getText()).isNotBlank();
        pages.visit(browser, "system");
    }

    private String page(String path) {
        return gateway.toString().replaceFirst("/$", "") + path;
    }

    /**
     * Fills in Keycloak's own sign-in form with the demo user's password (the realm's: demo-USER), and waits until the
     * browser is back on the gateway's page.
     */
    private void signIn(ChromeDriver browser, String user) {
        Browser.find(browser, By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo-" + user);
        browser.findElement(By.id("kc-login")).click();
        Browser.awaitAddress(browser, page("/"));
        Browser.find(browser, By.tagName("main"));
    }

    /** Clicks what submits a form or follows a link, and waits until the next page has replaced this one. */
    private static void submit(ChromeDriver browser, By what) {
        WebElement element = Browser.find(browser, what);
        WebElement before = browser.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(browser, PAGE).until(driver -> replaced(before));
        Browser.find(browser, By.tagName("main"));
    }

    /**
     * Whether the element's document has been replaced. Chrome says so in one of two ways while the next page loads:
     * a stale element, or (ChromeDriver 156) "Node with given id does not belong to the document".
     */
    private static boolean replaced(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    private static void awaitLanguage(ChromeDriver browser, String language) {
        new WebDriverWait(browser, PAGE).until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", language));
    }

    /** The board's row of the recommendation. */
    private static WebElement boardRow(ChromeDriver browser, UUID recommendation) {
        return Browser.find(browser, By.xpath("//table[contains(@class, 'ranked')]//tr[.//a[starts-with(@href, '/recommendations/"
                + recommendation + "')]]"));
    }

    /** The JSON API as the role, with a token of the realm's issuer (signed with the development key it shares). */
    private static RequestSpecification api(String role, String organisation) {
        return given().auth().oauth2(TestTokens.builder(role, organisation).issuer(KeycloakTestResource.issuer()).sign())
                .contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** Publishes a report of the country-year with one recommendation, through the API; answers its id. */
    private static UUID publishReport(CountryYear where, String text) {
        Map<String, Object> report = Map.of("country", where.country(), "year", where.year(), "tier", "TIER_2",
                "publisher", "U.S. Department of State",
                "title", where.year() + " Trafficking in Persons Report: " + where.country(),
                "recommendations", List.of(Map.of("rank", 1, "text", text, "pillars", List.of("PROTECTION"),
                        "targetGroups", List.of())));
        return UUID.fromString(api("admin", "").body(report).post("/api/v1/reports").then().statusCode(201).extract()
                .path("recommendations[0].id"));
    }

    /**
     * Submits evidence that advances the recommendation, as an NGO of its own, through the API (once the
     * evidence-service knows the recommendation: until then it answers 422); answers the evidence's id.
     */
    private static String submitEvidence(UUID recommendation, CountryYear where, String summary) {
        Map<String, Object> body = Map.of(
                "recommendations", List.of(Map.of("recommendationId", recommendation.toString(), "assessment", "ADVANCES")),
                "actionDate", where.year() + "-03-01", "summary", summary, "language", "en",
                "source", Map.of("title", "Vientiane Times", "url", "https://www.vientianetimes.org.la/" + UUID.randomUUID()),
                "visibility", "PUBLIC");
        String organisation = "ngo-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Response submitted = await().atMost(EVENTUALLY).until(() -> api("ngo", organisation)
                .header("Idempotency-Key", key).body(body).post("/api/v1/evidence"), answer -> answer.statusCode() != 422);
        return submitted.then().statusCode(201).extract().path("id");
    }

    /** The file at the page's link, fetched with the browser's session cookies (as the browser's download would be). */
    private static byte[] download(ChromeDriver browser, String address) throws IOException, InterruptedException {
        String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<byte[]> answer = client.send(HttpRequest.newBuilder(URI.create(address)).header("Cookie", cookies)
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(answer.statusCode()).as("GET " + address).isEqualTo(200);
            return answer.body();
        }
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
