package org.rectrack.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectrack.gateway.ui.PageCallers.browser;
import static org.rectrack.gateway.ui.PageCallers.html;

import java.util.List;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;

/** The recommendation page and the evidence page, as each role reads them. */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class RecommendationAndEvidencePagesTest {

    @Test
    void aRecommendationSaysWhyItHasItsStatusWithTheVerifiedEvidenceLinked() {
        UiData data = UiData.publish();
        for (String role : List.of("admin", "ngo", "reviewer", "diplomat", "auditor")) {
            Response response = browser(role).get("/recommendations/" + data.advanced() + "?asOf=" + data.endOfYear());
            assertThat(response.statusCode()).as(role).isEqualTo(200);
            Document page = html(response);
            assertThat(page.selectFirst("h1 + p .status").text()).isEqualTo("◐ In progress");
            assertThat(page.selectFirst("p.rule").text()).isEqualTo("Some verified evidence says the government advanced it.");
            Element basis = page.selectFirst("ul.basis a");
            assertThat(basis.attr("href")).startsWith("/evidence/" + data.publicEvidence());
            assertThat(basis.selectFirst("[lang=lo]").text()).contains("ຝຶກອົບຮົມ");
            assertThat(page.select("#lineage-heading + p").text()).isEqualTo("Outstanding since " + data.where().year() + ".");
        }
    }

    @Test
    void theMetricsOfVerifiedEvidenceArePlottedWithTheirTable() {
        UiData data = UiData.publish();
        Document page = html(browser("diplomat").get("/recommendations/" + data.advanced() + "?asOf=" + data.endOfYear()));
        Element table = page.selectFirst("table caption:contains(Officials trained)").parent();
        assertThat(table.select("tbody tr th").eachText()).containsExactly(String.valueOf(data.where().year()));
        assertThat(table.select("tbody tr td").eachText()).containsExactly("300");
        Element chart = page.selectFirst("svg.chart[role=img]");
        assertThat(chart.select("rect.bar")).hasSize(1);
        assertThat(chart.selectFirst("desc").text()).isNotBlank();
        // The recommendations-service is not running here: the page says the revisions cannot be shown, and still answers.
        assertThat(page.selectFirst("#revisions-heading + p").text()).contains("cannot be shown right now");
    }

    @Test
    void restrictedEvidenceIsNotListedOnARecommendationToThoseWhoMayNotSeeIt() {
        UiData data = UiData.publish();
        String path = "/recommendations/" + data.restricted() + "?asOf=" + data.endOfYear();
        Document diplomat = html(browser("diplomat").get(path));
        assertThat(diplomat.select("a[href^=/evidence/" + data.restrictedEvidence() + "]")).isEmpty();
        assertThat(diplomat.selectFirst("#evidence-heading + p").text()).isEqualTo("No evidence you may see bears on it.");
        assertThat(diplomat.text()).doesNotContain(UiData.OTHER_ORGANISATION);

        Document auditor = html(browser("auditor").get(path));
        assertThat(auditor.select("a[href^=/evidence/" + data.restrictedEvidence() + "]")).isNotEmpty();
    }

    @Test
    void evidenceShowsItsClaimInItsLanguageItsSourceAndWhatItBearsOn() {
        UiData data = UiData.publish();
        Document page = html(browser("diplomat").get("/evidence/" + data.publicEvidence() + "?asOf=" + data.endOfYear()));
        Element claim = page.selectFirst("blockquote.claim");
        assertThat(claim.attr("lang")).isEqualTo("lo");
        assertThat(claim.text()).contains("ຝຶກອົບຮົມ");
        assertThat(page.selectFirst("#source-heading + dl a").attr("href")).isEqualTo("https://www.vientianetimes.org.la/");
        assertThat(page.selectFirst("#source-heading ~ blockquote.quote").attr("lang")).isEqualTo("lo");
        assertThat(page.selectFirst("#metrics-heading + .table-wrap td.number").text()).isEqualTo("300");
        Element bears = page.selectFirst("#bears-heading + ul li");
        assertThat(bears.selectFirst("a").attr("href")).startsWith("/recommendations/" + data.advanced());
        assertThat(bears.text()).contains("Advances it").contains("In progress");
        assertThat(page.select("#history-heading + ol li")).hasSize(2);
    }

    @Test
    void restrictedEvidenceIsA404PageToThoseWhoMayNotSeeItAsInTheApi() {
        UiData data = UiData.publish();
        String path = "/evidence/" + data.restrictedEvidence() + "?asOf=" + data.endOfYear();
        for (String role : List.of("diplomat", "admin", "ngo")) {
            Response response = browser(role).get(path);
            assertThat(response.statusCode()).as(role).isEqualTo(404);
            Document page = html(response);
            assertThat(page.selectFirst("h1").text()).isEqualTo("Not found");
            assertThat(page.text()).doesNotContain("ຝຶກອົບຮົມ").doesNotContain(UiData.OTHER_ORGANISATION);
        }
        assertThat(browser("reviewer").get(path).statusCode()).isEqualTo(200);
        assertThat(browser("ngo", UiData.OTHER_ORGANISATION).get(path).statusCode()).isEqualTo(200);
        assertThat(browser("diplomat").get("/evidence/not-a-uuid").statusCode()).isEqualTo(400);
    }
}
