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
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;

/** The method page in both languages, and search in English and Lao, within what the viewer may see. */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class MethodAndSearchPagesTest {

    @Test
    void theMethodStatesTheRulesAndTheTwoTimesInBothLanguages() {
        Document english = html(browser("diplomat").get("/method"));
        assertThat(english.select("#rules + p + ol li")).hasSize(5);
        assertThat(english.select("h2").eachAttr("id")).contains("verified", "as-of", "known-at", "hash", "tiers",
                "assessments");
        Document lao = html(browser("diplomat").cookie("rectrack-lang", "lo").get("/method"));
        assertThat(lao.selectFirst("html").attr("lang")).isEqualTo("lo");
        assertThat(lao.select("#rules + p + ol li")).hasSize(5);
        assertThat(lao.select("h2").eachAttr("id")).containsExactlyElementsOf(english.select("h2").eachAttr("id"));
        assertThat(lao.selectFirst("h1").text()).isEqualTo("ສະຖານະຖືກກຳນົດແນວໃດ");
    }

    @Test
    void englishWordsFindRecommendationsWithTheirStatus() {
        UiData data = UiData.publish();
        // Scoped to the test's own year: every test's data has a penal-code recommendation, and another test may have
        // published on the same country in an earlier year (found as of this one's end, as it should be).
        Document page = html(browser("diplomat").queryParam("q", "penal CODE")
                .queryParam("country", data.where().country()).queryParam("year", data.where().year())
                .queryParam("asOf", data.endOfYear()).get("/search"));
        assertThat(page.select("#found-recommendations + ul a").eachAttr("href"))
                .containsExactly("/recommendations/" + data.untouched() + "?asOf=" + data.endOfYear());
        assertThat(page.selectFirst("#search-q").val()).isEqualTo("penal CODE");
        Document filtered = html(browser("diplomat").get("/search?q=penal&status=IMPLEMENTED&country="
                + data.where().country() + "&year=" + data.where().year() + "&asOf=" + data.endOfYear()));
        assertThat(filtered.select("#found-recommendations + ul a")).isEmpty();
    }

    @Test
    void aLaoPhraseWithoutSpacesFindsTheEvidenceThatHoldsIt() {
        UiData data = UiData.publish();
        // "ຝຶກອົບຮົມເຈົ້າໜ້າທີ່" (train officials) is written inside the claim with no space around it.
        Response response = browser("diplomat").queryParam("q", "ຝຶກອົບຮົມເຈົ້າໜ້າທີ່")
                .queryParam("country", data.where().country()).queryParam("year", data.where().year())
                .queryParam("asOf", data.endOfYear()).get("/search");
        Document page = html(response);
        var found = page.select("#found-evidence + ul a");
        assertThat(found.eachAttr("href")).containsExactly("/evidence/" + data.publicEvidence() + "?asOf="
                + data.endOfYear());
        assertThat(found.first().attr("lang")).isEqualTo("lo");
    }

    @Test
    void searchFindsAndCountsNoEvidenceTheViewerMayNotSee() {
        UiData data = UiData.publish();
        for (String role : List.of("diplomat", "admin")) {
            Document page = html(browser(role).queryParam("q", "ຝຶກອົບຮົມ").queryParam("country", data.where().country())
                    .queryParam("year", data.where().year()).queryParam("asOf", data.endOfYear()).get("/search"));
            assertThat(page.select("#found-evidence + ul a").eachAttr("href")).as(role)
                    .noneMatch(href -> href.contains(data.restrictedEvidence().toString()));
            assertThat(page.selectFirst("#found-evidence").text()).as(role).endsWith("(1)");
        }
        Document reviewer = html(browser("reviewer").queryParam("q", "ຝຶກອົບຮົມ").queryParam("country", data.where().country())
                .queryParam("year", data.where().year()).queryParam("asOf", data.endOfYear()).get("/search"));
        assertThat(reviewer.selectFirst("#found-evidence").text()).endsWith("(2)");
    }

    @Test
    void aBadFilterIsA400PageNamingIt() {
        Response response = browser("diplomat").get("/search?q=x&pillar=PEACE");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(html(response).selectFirst("ul.problem-errors").text()).contains("pillar");
    }
}
