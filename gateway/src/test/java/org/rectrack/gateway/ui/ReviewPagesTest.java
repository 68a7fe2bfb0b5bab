package org.rectrack.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectrack.gateway.TestEvents.minutesAgo;
import static org.rectrack.gateway.TestEvents.publishAndAwait;
import static org.rectrack.gateway.TestEvents.recommendation;
import static org.rectrack.gateway.TestEvents.report;
import static org.rectrack.gateway.ui.PageCallers.browser;
import static org.rectrack.gateway.ui.PageCallers.html;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.events.evidence.Assessment;
import org.rectrack.events.evidence.EvidenceState;
import org.rectrack.events.evidence.Visibility;
import org.rectrack.events.recommendations.RecommendationState;
import org.rectrack.events.recommendations.Tier;
import org.rectrack.gateway.TestEvents;
import org.rectrack.gateway.TestEvents.CountryYear;

/**
 * The review queue and a review item, read from the read model (events published here, no evidence-service): the
 * oldest submission first with its age, filters in the URL, keyboard next/previous, the claim beside its source, and
 * each recommendation's status now and if verified. Deciding is in LogEvidenceEndToEndTest.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class ReviewPagesTest {

    /** A country-year with one recommendation and two submissions on it, the first submitted 3 days ago. */
    private record Queue(CountryYear where, UUID recommendation, UUID older, UUID newer, String olderOrganisation) {
    }

    private static Queue queue() {
        CountryYear where = TestEvents.uniqueCountryYear();
        UUID reportId = UUID.randomUUID();
        UUID recommendationId = UUID.randomUUID();
        publishAndAwait(report(reportId, 1, where, Tier.TIER_2, minutesAgo(10_000)));
        publishAndAwait(recommendation(recommendationId, 1, reportId, where, 1, "Prosecute traffickers", null,
                RecommendationState.ACTIVE, minutesAgo(9_000)));
        UUID older = UUID.randomUUID();
        UUID newer = UUID.randomUUID();
        String olderOrganisation = "ngo-old-" + UUID.randomUUID();
        LocalDate day = LocalDate.of(where.year(), 3, 1);
        publishAndAwait(TestEvents.evidence(older, 1, recommendationId, Assessment.ADVANCES, day, olderOrganisation,
                Visibility.RESTRICTED, EvidenceState.SUBMITTED, minutesAgo(3 * 24 * 60 + 5)));
        publishAndAwait(TestEvents.evidence(newer, 1, recommendationId, Assessment.FULFILLS, day, "ngo-new-" + UUID.randomUUID(),
                Visibility.PUBLIC, EvidenceState.SUBMITTED, minutesAgo(30)));
        return new Queue(where, recommendationId, older, newer, olderOrganisation);
    }

    @Test
    void theQueueListsSubmittedEvidenceOldestFirstWithItsAgeWithinItsFilters() {
        Queue queue = queue();
        String filtered = "/review?country=" + queue.where().country() + "&year=" + queue.where().year();

        Document page = html(browser("reviewer").get(filtered));
        var rows = page.select("table tbody tr");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).selectFirst("a").attr("href")).startsWith("/review/" + queue.older() + "?country=");
        assertThat(rows.get(0).text()).contains("3 days", queue.olderOrganisation());
        assertThat(rows.get(1).selectFirst("a").attr("href")).startsWith("/review/" + queue.newer());
        assertThat(rows.get(1).text()).contains("0 days");
        assertThat(page.selectFirst("input[name=country]").val()).isEqualTo(queue.where().country());

        Document byOrganisation = html(browser("reviewer").get(filtered + "&organisation=" + queue.olderOrganisation()));
        assertThat(byOrganisation.select("table tbody tr")).hasSize(1);
        assertThat(html(browser("reviewer").get(filtered + "&language=en")).select("table tbody tr")).isEmpty();
    }

    @Test
    void anItemShowsTheClaimBesideItsSourceAndEachStatusNowAndIfVerified() {
        Queue queue = queue();
        String filters = "?country=" + queue.where().country() + "&year=" + queue.where().year();

        Document first = html(browser("reviewer").get("/review/" + queue.older() + filters));
        assertThat(first.selectFirst("#claim").parent().text()).contains("ກະຊວງປ້ອງກັນຄວາມສະຫງົບ", "Officials trained");
        assertThat(first.selectFirst("#source").parent().text()).contains("Vientiane Times");
        var outcome = first.selectFirst("tr.outcome");
        assertThat(outcome.selectFirst("td.now").text()).contains("No evidence");
        assertThat(outcome.selectFirst("td.if-verified").text()).contains("In progress");
        assertThat(first.selectFirst("a[rel=next]").attr("href")).isEqualTo("/review/" + queue.newer() + filters);
        assertThat(first.selectFirst("a[rel=next]").attr("accesskey")).isEqualTo("n");
        assertThat(first.select("a[rel=prev]")).isEmpty();
        assertThat(first.select("form[action=/review/" + queue.older() + "] button[value=verify]")).hasSize(1);
        assertThat(first.select("form button[value=reject]")).hasSize(1);
        first.select("input:not([type=hidden]), select, textarea").forEach(control -> assertThat(
                first.select("label[for=" + control.id() + "]")).as("label of " + control).hasSize(1));

        Document second = html(browser("reviewer").get("/review/" + queue.newer() + filters));
        assertThat(second.selectFirst("tr.outcome td.if-verified").text()).contains("Implemented");
        assertThat(second.selectFirst("a[rel=prev]").attr("href")).isEqualTo("/review/" + queue.older() + filters);
    }

    @Test
    void aRejectionWhileTheEvidenceServiceIsDownKeepsTheReasonTyped() {
        Queue queue = queue();
        Forms.Opened opened = Forms.open("reviewer", "board", "/review/" + queue.newer());
        Map<String, String> values = opened.values("form:has(button[value=reject])");
        values.put("reason", "The article does not name the ministry");
        values.put("action", "reject");
        Response answer = Forms.post("reviewer", "board", "/review/" + queue.newer(), opened.csrfCookie(), values);
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(html(answer).selectFirst("textarea[name=reason]").wholeText())
                .isEqualTo("The article does not name the ministry");
    }

    @Test
    void anotherRoleGetsA403PageWithoutTheQueue() {
        Queue queue = queue();
        for (String role : new String[] { "ngo", "diplomat", "auditor", "admin" }) {
            Response response = browser(role, queue.olderOrganisation()).get("/review");
            assertThat(response.statusCode()).as(role).isEqualTo(403);
            assertThat(html(response).select("table")).isEmpty();
            Response item = browser(role, queue.olderOrganisation()).get("/review/" + queue.older());
            assertThat(item.statusCode()).isEqualTo(403);
            assertThat(item.asString()).doesNotContain("ກະຊວງ");
        }
    }
}
