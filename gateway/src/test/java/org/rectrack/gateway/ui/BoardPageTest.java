package org.rectrack.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectrack.gateway.ui.PageCallers.browser;
import static org.rectrack.gateway.ui.PageCallers.html;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;

/** The country-year board, as each role reads it. */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class BoardPageTest {

    @Test
    void everyRoleSeesTheRankedListWithStatusWordRuleAndEvidenceCount() {
        UiData data = UiData.publish();
        for (String role : List.of("admin", "ngo", "reviewer", "diplomat", "auditor")) {
            Response response = browser(role).get(data.board());
            assertThat(response.statusCode()).as(role).isEqualTo(200);
            Document page = html(response);
            Element first = row(page, data.advanced().toString());
            assertThat(first.selectFirst("td[data-label=Status]").text()).as(role).isEqualTo("◐ In progress");
            assertThat(first.selectFirst("td[data-label=Why this status]").text())
                    .isEqualTo("Some verified evidence says the government advanced it.");
            assertThat(first.selectFirst("td[data-label=Evidence]").text()).isEqualTo("1");
            assertThat(first.selectFirst("td[data-label=Outstanding]").text())
                    .isEqualTo("since " + data.where().year() + " (0 years)");
            assertThat(page.select("table.ranked tbody tr")).hasSize(3);
        }
    }

    @Test
    void restrictedEvidenceIsNeitherShownNorCountedToThoseWhoMayNotSeeIt() {
        UiData data = UiData.publish();
        Document diplomat = html(browser("diplomat").get(data.board()));
        Element hidden = row(diplomat, data.restricted().toString());
        assertThat(hidden.selectFirst("td[data-label=Status]").text()).isEqualTo("– No evidence");
        assertThat(hidden.selectFirst("td[data-label=Evidence]").text()).isEqualTo("0");
        assertThat(count(diplomat, "IMPLEMENTED")).isEqualTo("0");
        assertThat(count(diplomat, "NO_EVIDENCE")).isEqualTo("2");

        Document reviewer = html(browser("reviewer").get(data.board()));
        assertThat(row(reviewer, data.restricted().toString()).selectFirst("td[data-label=Status]").text())
                .isEqualTo("✔ Implemented");
        assertThat(count(reviewer, "IMPLEMENTED")).isEqualTo("1");

        Document owner = html(browser("ngo", UiData.OTHER_ORGANISATION).get(data.board()));
        assertThat(row(owner, data.restricted().toString()).selectFirst("td[data-label=Evidence]").text()).isEqualTo("1");
    }

    @Test
    void eachCountLinksToTheListFilteredByItsStatusAndTheFilterKeepsTheUrl() {
        UiData data = UiData.publish();
        Document page = html(browser("diplomat").get(data.board()));
        String link = page.selectFirst("ul.distribution a[href*=status=NO_EVIDENCE]").attr("href");
        assertThat(link).contains("asOf=" + data.endOfYear());

        Document filtered = html(browser("diplomat").urlEncodingEnabled(false).get(link));
        assertThat(filtered.select("table.ranked tbody tr")).hasSize(2);
        assertThat(filtered.selectFirst("#filter-status option[selected]").val()).isEqualTo("NO_EVIDENCE");
        assertThat(filtered.selectFirst("form.filters input[name=asOf]").val()).isEqualTo(data.endOfYear());

        Document byPillar = html(browser("diplomat").get(data.board() + "&pillar=PREVENTION"));
        assertThat(byPillar.select("table.ranked tbody tr")).isEmpty();
        assertThat(byPillar.selectFirst("section p:contains(No recommendation matches)")).isNotNull();
        Document byGroup = html(browser("diplomat").get(data.board() + "&targetGroup=children&pillar=PROSECUTION"));
        assertThat(byGroup.select("table.ranked tbody tr")).hasSize(3);
    }

    @Test
    void theChartHasATitleADescriptionAndItsTable() {
        UiData data = UiData.publish();
        Document page = html(browser("diplomat").get(data.board()));
        Element svg = page.selectFirst("svg.chart");
        assertThat(svg.attr("role")).isEqualTo("img");
        assertThat(svg.selectFirst("title").text()).contains(data.where().country());
        assertThat(svg.selectFirst("desc").text()).isNotBlank();
        Element year = page.select("table caption:contains(Status distribution) + thead + tbody tr").stream()
                .filter(tr -> tr.selectFirst("th").text().equals(String.valueOf(data.where().year()))).findFirst()
                .orElseThrow();
        assertThat(year.select("td").eachText()).containsExactly("0", "1", "0", "0", "2", "3");
        // The chart has every year of the country, and other tests may publish other years of it: this year's bar
        // has a segment for each status it holds (in progress 1, no evidence 2).
        assertThat(svg.select("rect.seg").stream().map(segment -> segment.selectFirst("title").text())
                .filter(title -> title.startsWith(data.where().year() + ":")).toList()).hasSize(2);
    }

    @Test
    void htmxGetsOnlyTheResultsItSwaps() {
        UiData data = UiData.publish();
        Response response = browser("diplomat").header("HX-Request", "true").get(data.board() + "&status=IN_PROGRESS");
        assertThat(response.statusCode()).isEqualTo(200);
        String body = response.asString();
        assertThat(body).doesNotContain("<html").doesNotContain("<header");
        Document fragment = html(response);
        assertThat(fragment.select("table.ranked tbody tr")).hasSize(1);
    }

    @Test
    void theCsvIsExactlyThisList() throws IOException {
        UiData data = UiData.publish();
        Document page = html(browser("diplomat").get(data.board() + "&status=NO_EVIDENCE"));
        String link = page.selectFirst("a[download]").attr("href");
        // What a browser following a download link sends.
        Response csv = browser("diplomat").urlEncodingEnabled(false)
                .accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").get(link);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.asString().substring(1))).getRecords();
        assertThat(records).extracting(r -> r.get("rank")).containsExactly("2", "3");
        assertThat(records).extracting(r -> r.get("status")).containsOnly("NO_EVIDENCE");
        assertThat(records).extracting(r -> r.get("as of")).containsOnly(data.endOfYear());
    }

    @Test
    void anAcceptThatAdmitsNoCsvIsA406Page() {
        UiData data = UiData.publish();
        Response response = browser("diplomat").accept("application/json")
                .get("/countries/" + data.where().country() + "/" + data.where().year() + "/recommendations.csv");
        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(response.contentType()).startsWith("text/html");
    }

    @Test
    void laoLabelsAreMarkedLao() {
        UiData data = UiData.publish();
        Document page = html(browser("diplomat").cookie("rectrack-lang", "lo").get(data.board()));
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("lo");
        assertThat(row(page, data.advanced().toString()).selectFirst("td .status").text()).isEqualTo("◐ ກຳລັງດຳເນີນການ");
    }

    @Test
    void aYearWithoutAReportIsA404Page() {
        UiData data = UiData.publish();
        Response response = browser("diplomat").get("/countries/" + data.where().country() + "/"
                + (data.where().year() + 2) + "?asOf=" + data.endOfYear());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(html(response).selectFirst("h1").text()).isEqualTo("Not found");
        assertThat(browser("diplomat").get("/countries/LAO/abc").statusCode()).isEqualTo(400);
        assertThat(browser("diplomat").get(data.board() + "&status=DONE").statusCode()).isEqualTo(400);
    }

    private static Element row(Document page, String recommendationId) {
        return page.selectFirst("a[href^=/recommendations/" + recommendationId + "]").closest("tr");
    }

    private static String count(Document page, String status) {
        return page.selectFirst("ul.distribution a[href*=status=" + status + "] .count").text();
    }
}
