package org.rectrack.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectrack.gateway.ui.PageCallers.browser;
import static org.rectrack.gateway.ui.PageCallers.html;

import static org.rectrack.gateway.TestEvents.minutesAgo;
import static org.rectrack.gateway.TestEvents.publishAndAwait;
import static org.rectrack.gateway.TestEvents.recommendation;
import static org.rectrack.gateway.TestEvents.report;

import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.events.recommendations.RecommendationState;
import org.rectrack.events.recommendations.Tier;
import org.rectrack.gateway.TestEvents;
import org.rectrack.gateway.TestEvents.CountryYear;

/**
 * The admin's pages without the recommendations-service (the test configuration points at a closed port): the
 * system page's lag and dead letters per topic and its rebuild form, the import form and its 503 that keeps the text,
 * and a 403 page for every other role. A dry run and an import against the real service are end-to-end.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class AdminPagesTest {

    @Test
    void theSystemPageShowsTheLagAndDeadLettersOfEachTopicAndTheRebuildForm() {
        Document page = html(browser("admin").get("/system"));
        assertThat(page.select("tr.lag td code")).extracting(e -> e.text())
                .containsExactlyInAnyOrder("rectrack.recommendations.v1", "rectrack.evidence.v1");
        assertThat(page.select("tr.lag td.number")).allSatisfy(cell -> assertThat(cell.text()).matches("\\d+"));
        assertThat(page.select("tr.dead-letters td code")).extracting(e -> e.text())
                .containsExactlyInAnyOrder("rectrack.recommendations.v1.gateway.dlq", "rectrack.evidence.v1.gateway.dlq");
        assertThat(page.select("form[action=/system/rebuilds] input[name=csrf-token]")).hasSize(1);
    }

    @Test
    void anImportWhileTheRecommendationsServiceIsDownKeepsTheText() {
        Forms.Opened opened = Forms.open("admin", "", "/import");
        assertThat(opened.page().select("form[action=/import][enctype=multipart/form-data]")).hasSize(1);
        Response answer = browser("admin", "").cookie(Forms.CSRF, opened.csrfCookie())
                .multiPart("csrf-token", opened.page().selectFirst("input[name=csrf-token]").val())
                .multiPart("text", "Laos (Tier 2)\nPRIORITIZED RECOMMENDATIONS:\n• Prosecute traffickers.")
                .multiPart("action", "dry-run").post("/import");
        assertThat(answer.statusCode()).isEqualTo(503);
        Document page = html(answer);
        assertThat(page.selectFirst("textarea[name=text]").wholeText()).contains("Prosecute traffickers.");
        assertThat(page.selectFirst(".form-problem").text()).contains("recommendations-service");
    }

    @Test
    void theReportsPageListsAYearsRecommendationsToReviseOrWithdrawAndTheLineagePageToLinkByHand() {
        CountryYear where = TestEvents.uniqueCountryYear();
        UUID earlierReport = UUID.randomUUID();
        UUID earlier = UUID.randomUUID();
        UUID reportId = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        publishAndAwait(report(earlierReport, 1, where, Tier.TIER_2, minutesAgo(60)));
        publishAndAwait(recommendation(earlier, 1, earlierReport, where, 1, "Prosecute traffickers", null,
                RecommendationState.ACTIVE, minutesAgo(59)));
        publishAndAwait(report(reportId, 1, where.nextYear(), Tier.TIER_2, minutesAgo(58)));
        publishAndAwait(recommendation(later, 1, reportId, where.nextYear(), 1, "Prosecute more traffickers", earlier,
                RecommendationState.ACTIVE, minutesAgo(57)));

        Document reports = html(browser("admin").get("/reports?country=" + where.country() + "&year=" + where.year()));
        assertThat(reports.select("form[action=/reports/recommendations/" + earlier + "/revise] textarea[name=text]"))
                .hasSize(1);
        assertThat(reports.select("form[action=/reports/recommendations/" + earlier + "/withdraw]")).hasSize(1);
        assertThat(reports.select("form[action=/reports/publish] textarea[name=recommendations[2].text]")).hasSize(1);
        reports.select("input:not([type=hidden]), select, textarea").forEach(control -> assertThat(
                reports.select("label[for=" + control.id() + "]")).as("label of " + control).hasSize(1));

        Document lineage = html(browser("admin").get("/lineage?country=" + where.country() + "&year="
                + where.nextYear().year()));
        var item = lineage.selectFirst("#r-" + later);
        assertThat(item.text()).contains("Continues: " + where.country() + "-" + where.year() + "-01");
        assertThat(item.selectFirst("select[name=continuesFromId] option[selected]").val()).isEqualTo(earlier.toString());
        assertThat(item.select("button[value=unlink]")).hasSize(1);
    }

    @Test
    void anotherRoleGetsA403PageWithoutTheAdminsPages() {
        for (String role : new String[] { "ngo", "reviewer", "diplomat", "auditor" }) {
            for (String path : new String[] { "/system", "/import", "/reports", "/lineage" }) {
                Response response = browser(role).get(path);
                assertThat(response.statusCode()).as(role + " " + path).isEqualTo(403);
                assertThat(html(response).select("form[action=" + path + "], table")).isEmpty();
            }
        }
    }
}
