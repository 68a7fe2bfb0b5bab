package org.rectrack.gateway.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectrack.gateway.TestEvents.minutesAgo;
import static org.rectrack.gateway.TestEvents.publishAndAwait;
import static org.rectrack.gateway.TestEvents.recommendation;
import static org.rectrack.gateway.TestEvents.report;
import static org.rectrack.gateway.ui.PageCallers.browser;
import static org.rectrack.gateway.ui.PageCallers.html;

import java.time.LocalDate;
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
import org.rectrack.events.evidence.Origin;
import org.rectrack.events.evidence.Visibility;
import org.rectrack.events.recommendations.RecommendationState;
import org.rectrack.events.recommendations.Tier;
import org.rectrack.gateway.TestEvents;
import org.rectrack.gateway.TestEvents.CountryYear;

/** "My organisation": its own evidence by state, with reasons, and the year's recommendations it logged nothing on. */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class MyOrganisationPageTest {

    @Test
    void listsOnlyTheOrganisationsOwnEvidenceByStateAndWhatItLoggedNothingOn() {
        CountryYear where = TestEvents.uniqueCountryYear();
        UUID reportId = UUID.randomUUID();
        UUID logged = UUID.randomUUID();
        UUID untouched = UUID.randomUUID();
        publishAndAwait(report(reportId, 1, where, Tier.TIER_2, minutesAgo(60)));
        publishAndAwait(recommendation(logged, 1, reportId, where, 1, "Prosecute traffickers", null,
                RecommendationState.ACTIVE, minutesAgo(59)));
        publishAndAwait(recommendation(untouched, 1, reportId, where, 2, "Train labour inspectors", null,
                RecommendationState.ACTIVE, minutesAgo(59)));
        String mine = "ngo-mine-" + UUID.randomUUID();
        String theirs = "ngo-theirs-" + UUID.randomUUID();
        LocalDate day = LocalDate.of(where.year(), 3, 1);
        UUID verified = UUID.randomUUID();
        UUID rejected = UUID.randomUUID();
        UUID theirRestricted = UUID.randomUUID();
        UUID adminDraftUnderMyName = UUID.randomUUID();
        publishAndAwait(TestEvents.evidence(verified, 2, logged, Assessment.ADVANCES, day, mine, Visibility.PUBLIC,
                EvidenceState.VERIFIED, minutesAgo(30)));
        publishAndAwait(TestEvents.evidence(rejected, 2, logged, Assessment.ADVANCES, day, mine, Visibility.RESTRICTED,
                EvidenceState.REJECTED, minutesAgo(29)));
        publishAndAwait(TestEvents.evidence(theirRestricted, 1, untouched, Assessment.ADVANCES, day, theirs,
                Visibility.RESTRICTED, EvidenceState.SUBMITTED, minutesAgo(28)));
        publishAndAwait(TestEvents.evidence(adminDraftUnderMyName, 1, untouched, Assessment.ADVANCES, day, mine,
                Origin.ADMIN, Visibility.RESTRICTED, EvidenceState.SUBMITTED, minutesAgo(27)));

        Response response = browser("ngo", mine).get("/my-organisation?year=" + where.year());
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = html(response);
        assertThat(page.selectFirst("#state-VERIFIED").parent().select("a[href=/evidence/" + verified + "]")).hasSize(1);
        var rejectedSection = page.selectFirst("#state-REJECTED").parent();
        assertThat(rejectedSection.select("a[href=/evidence/" + rejected + "]")).hasSize(1);
        assertThat(rejectedSection.text()).contains("Reason: checked");
        assertThat(page.select("a[href=/evidence/" + theirRestricted + "]")).isEmpty();
        assertThat(page.select("a[href=/evidence/" + adminDraftUnderMyName + "]")).as("an admin's draft is no one's own")
                .isEmpty();
        assertThat(page.selectFirst("#state-SUBMITTED").text()).contains("(0)");
        var untouchedSection = page.selectFirst("#untouched").parent();
        assertThat(untouchedSection.select("a[href=/recommendations/" + untouched + "]")).hasSize(1);
        assertThat(untouchedSection.select("a[href=/recommendations/" + logged + "]")).isEmpty();
    }

    @Test
    void aRecordedSubmissionIsConfirmedAndItsDraftCleared() {
        UUID recorded = UUID.randomUUID();
        Document page = html(browser("ngo", "ngo-" + UUID.randomUUID()).get("/my-organisation?recorded=" + recorded));
        assertThat(page.selectFirst("[data-draft-clear=evidence-new]").text()).contains("Recorded");
        assertThat(page.select("a[href=/evidence/" + recorded + "]")).hasSize(1);
    }

    @Test
    void anotherRoleGetsA403Page() {
        for (String role : new String[] { "diplomat", "reviewer", "auditor", "admin" }) {
            Response response = browser(role).get("/my-organisation");
            assertThat(response.statusCode()).as(role).isEqualTo(403);
            assertThat(html(response).select("#by-state")).isEmpty();
        }
    }
}
