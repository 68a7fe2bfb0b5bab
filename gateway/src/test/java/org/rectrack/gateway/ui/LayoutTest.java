package org.rectrack.gateway.ui;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.rectrack.gateway.TestEvents.minutesAgo;
import static org.rectrack.gateway.TestEvents.publishAndAwait;
import static org.rectrack.gateway.TestEvents.report;
import static org.rectrack.gateway.ui.PageCallers.browser;
import static org.rectrack.gateway.ui.PageCallers.html;

import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.events.recommendations.Tier;
import org.rectrack.gateway.TestEvents;
import org.rectrack.gateway.TestEvents.CountryYear;

/** The layout every page shares, read through the start page: landmarks, language, the asOf control, navigation by role. */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class LayoutTest {

    @Test
    void startPageListsAPublishedBoardWithItsTierAndStatesItsFrame() {
        CountryYear where = TestEvents.uniqueCountryYear();
        publishAndAwait(report(UUID.randomUUID(), 1, where, Tier.TIER_2_WATCH_LIST, minutesAgo(5)));

        Response response = browser("diplomat").get("/?asOf=" + where.year() + "-12-31");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/html");
        Document page = html(response);
        var board = page.selectFirst("a[href=/countries/" + where.country() + "/" + where.year() + "?asOf="
                + where.year() + "-12-31]");
        assertThat(board).as("a link to the board, keeping asOf").isNotNull();
        assertThat(board.parent().text()).contains("Tier 2 Watch List");
        assertThat(page.selectFirst("main .frame").text()).contains("As of " + where.year() + "-12-31");
        assertThat(page.selectFirst("input[name=asOf]").val()).isEqualTo(where.year() + "-12-31");
    }

    @Test
    void everyPageHasLandmarksASkipLinkAndLabelledControls() {
        Document page = html(browser("diplomat").get("/"));
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(page.selectFirst("a.skip-link").attr("href")).isEqualTo("#main");
        assertThat(page.select("header")).hasSize(1);
        assertThat(page.select("main#main")).hasSize(1);
        assertThat(page.select("footer")).hasSize(1);
        assertThat(page.select("nav[aria-label]")).hasSizeGreaterThanOrEqualTo(2);
        page.select("input:not([type=hidden]), select, textarea").forEach(control -> assertThat(
                page.select("label[for=" + control.id() + "]")).as("label of " + control).hasSize(1));
        assertThat(page.selectFirst("meta[name=viewport]").attr("content")).contains("width=device-width");
    }

    @Test
    void theAssetsComeFromTheJar() {
        Document page = html(browser("diplomat").get("/"));
        String css = page.selectFirst("link[rel=stylesheet]").attr("href");
        String htmx = page.selectFirst("script[src]").attr("src");
        assertThat(css).startsWith("/assets/");
        assertThat(htmx).startsWith("/webjars/htmx.org/");
        given().get(css).then().statusCode(200).contentType("text/css");
        given().get(htmx).then().statusCode(200);
        given().get(htmx.substring(0, htmx.indexOf("/dist/")) + "/LICENSE").then().statusCode(200);
        given().get("/assets/fonts/NotoSansLao-Regular.ttf").then().statusCode(200).contentType("font/ttf");
        given().get("/assets/fonts/OFL.txt").then().statusCode(200);
    }

    @Test
    void navigationShowsEachRoleItsOwnPages() {
        Document ngo = html(browser("ngo").get("/"));
        Document diplomat = html(browser("diplomat").get("/"));
        Document admin = html(browser("admin").get("/"));
        assertThat(ngo.select("nav.main-nav a[href=/my-organisation]")).hasSize(1);
        assertThat(diplomat.select("nav.main-nav a[href=/my-organisation]")).isEmpty();
        assertThat(diplomat.select("nav.main-nav a[href=/changes]")).hasSize(1);
        assertThat(admin.select("nav.main-nav a[href=/import]")).hasSize(1);
        assertThat(ngo.select("nav.main-nav a[href=/import]")).isEmpty();
        assertThat(diplomat.selectFirst("nav.main-nav a[aria-current=page]").attr("href")).isEqualTo("/");
        assertThat(diplomat.selectFirst(".who").text()).contains("diplomat");
        assertThat(diplomat.select(".who a[href=/sign-out]")).hasSize(1);
    }

    @Test
    void theBrowsersLanguageChoosesTheLabelsAndTheSwitchOverridesIt() {
        Document lao = html(browser("diplomat").header("Accept-Language", "lo-LA, en;q=0.5").get("/"));
        assertThat(lao.selectFirst("html").attr("lang")).isEqualTo("lo");
        assertThat(lao.selectFirst("a.skip-link").text()).isEqualTo("ຂ້າມໄປຫາເນື້ອໃນ");

        Document switched = html(browser("diplomat").header("Accept-Language", "lo")
                .cookie("rectrack-lang", "en").get("/"));
        assertThat(switched.selectFirst("html").attr("lang")).isEqualTo("en");

        Document unreadable = html(browser("diplomat").header("Accept-Language", "*;q=x;;").get("/"));
        assertThat(unreadable.selectFirst("html").attr("lang")).isEqualTo("en");
    }

    @Test
    void theLanguageSwitchIsALinkThatKeepsTheChoiceAndReturnsToThePage() {
        Document page = html(browser("diplomat").get("/?asOf=2023-12-31"));
        String link = page.selectFirst("nav.language-switch a[lang=lo]").attr("href");
        assertThat(link).startsWith("/language?lang=lo&back=");

        Response switched = given().urlEncodingEnabled(false).redirects().follow(false).get(link);
        assertThat(switched.statusCode()).isEqualTo(303);
        assertThat(switched.header("Location")).endsWith("/?asOf=2023-12-31");
        assertThat(switched.detailedCookie("rectrack-lang").getValue()).isEqualTo("lo");
        assertThat(switched.detailedCookie("rectrack-lang").getSameSite()).isEqualTo("Lax");
    }

    @Test
    void theLanguageSwitchSendsNoOneToAnotherSite() {
        for (String back : new String[] { "//evil.example/", "https://evil.example/", "/\\evil.example", "evil" }) {
            Response switched = given().redirects().follow(false).queryParam("lang", "lo").queryParam("back", back)
                    .get("/language");
            assertThat(switched.statusCode()).isEqualTo(303);
            assertThat(switched.header("Location")).as(back).matches("https?://[^/]+/|/");
        }
        given().queryParam("lang", "xx").get("/language").then().statusCode(400).contentType("text/html");
    }

    @Test
    void aSignedOutReaderGetsA401PageWithoutData() {
        Response response = given().accept("text/html").get("/");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("text/html");
        Document page = html(response);
        assertThat(page.selectFirst("h1").text()).isEqualTo("Not signed in");
        assertThat(page.select("ul.boards")).isEmpty();
        assertThat(page.select("nav.main-nav")).isEmpty();
    }

    @Test
    void anUnreadableAsOfIsA400PageNamingIt() {
        Response response = browser("diplomat").get("/?asOf=yesterday");
        assertThat(response.statusCode()).isEqualTo(400);
        Document page = html(response);
        assertThat(page.selectFirst("ul.problem-errors").text()).contains("asOf");
    }
}
