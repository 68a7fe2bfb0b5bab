package org.rectrack.gateway.security;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.rectrack.gateway.TestCallers.as;
import static org.rectrack.gateway.TestEvents.evidence;
import static org.rectrack.gateway.TestEvents.minutesAgo;
import static org.rectrack.gateway.TestEvents.publishAndAwait;

import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.events.EventEnvelope;
import org.rectrack.events.evidence.Assessment;
import org.rectrack.events.evidence.EvidenceChanged;
import org.rectrack.events.evidence.EvidenceState;
import org.rectrack.events.evidence.Origin;
import org.rectrack.events.evidence.Visibility;
import org.rectrack.events.recommendations.RecommendationState;
import org.rectrack.events.recommendations.Tier;
import org.rectrack.gateway.TestEvents;
import org.rectrack.gateway.TestEvents.CountryYear;

/**
 * The read model's visibility rule: restricted evidence is its organisation's own only when an NGO submitted it. An
 * admin's evidence (an import's drafts) is no organisation's, whatever name it is shown under; an NGO whose token
 * names that organisation sees it no more than any other outsider does.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class AdminEvidenceVisibilityTest {

    private static final LocalDate MARCH = LocalDate.of(2023, 3, 1);

    @Test
    void anNgoNamedLikeTheImporterDoesNotSeeAnAdminsRestrictedEvidence() {
        UUID recommendation = recommendation();
        UUID restricted = UUID.randomUUID();
        publishAndAwait(evidence(restricted, 2, recommendation, Assessment.FULFILLS, MARCH, "report-import",
                Origin.ADMIN, Visibility.RESTRICTED, EvidenceState.VERIFIED, minutesAgo(5)));

        seesNothingOf(as("ngo", "report-import"), recommendation, restricted);
        as("reviewer", "board").get("/api/v1/evidence/" + restricted).then().statusCode(200)
                .body("origin", equalTo("ADMIN"));
    }

    @Test
    void anNgoOfTheOrganisationAnAdminsTokenNamedDoesNotSeeItsRestrictedEvidence() {
        String organisation = "ngo-" + UUID.randomUUID();
        UUID recommendation = recommendation();
        UUID restricted = UUID.randomUUID();
        publishAndAwait(evidence(restricted, 2, recommendation, Assessment.FULFILLS, MARCH, organisation,
                Origin.ADMIN, Visibility.RESTRICTED, EvidenceState.VERIFIED, minutesAgo(5)));

        seesNothingOf(as("ngo", organisation), recommendation, restricted);
    }

    @Test
    void anNgoSeesItsOrganisationsOwnRestrictedEvidence() {
        String organisation = "ngo-" + UUID.randomUUID();
        UUID recommendation = recommendation();
        UUID restricted = UUID.randomUUID();
        publishAndAwait(evidence(restricted, 2, recommendation, Assessment.FULFILLS, MARCH, organisation,
                Origin.ORGANISATION, Visibility.RESTRICTED, EvidenceState.VERIFIED, minutesAgo(5)));

        as("ngo", organisation).get("/api/v1/evidence/" + restricted).then().statusCode(200).body("origin", equalTo("ORGANISATION"));
        as("ngo", organisation).queryParam("recommendationId", recommendation.toString()).get("/api/v1/evidence")
                .then().statusCode(200).body("items.id", contains(restricted.toString()));
        as("ngo", organisation).get("/api/v1/recommendations/" + recommendation).then().statusCode(200)
                .body("status", equalTo("IMPLEMENTED"))
                .body("evidenceIds", contains(restricted.toString()));
    }

    @Test
    void anEventWithoutAnOriginIsAnOrganisationsOwn() {
        // Events written before the field existed: EvidenceChanged's shorter constructor leaves no origin to say.
        String organisation = "ngo-" + UUID.randomUUID();
        UUID recommendation = recommendation();
        UUID restricted = UUID.randomUUID();
        EventEnvelope<EvidenceChanged> event = evidence(restricted, 1, recommendation, Assessment.ADVANCES, MARCH, organisation,
                Origin.ORGANISATION, Visibility.RESTRICTED, EvidenceState.SUBMITTED, minutesAgo(5));
        EvidenceChanged data = event.data();
        publishAndAwait(new EventEnvelope<>(event.eventId(), event.type(), event.schemaVersion(),
                event.occurredAt(), event.aggregateId(), event.aggregateVersion(),
                new EvidenceChanged(data.id(), data.organisation(), data.recommendations(),
                        data.actionFrom(), data.actionTo(), data.summary(), data.language(), data.source(),
                        data.metrics(), data.visibility(), data.state(), data.history(), data.change(),
                        data.changedAt(), null)));

        as("ngo", organisation).get("/api/v1/evidence/" + restricted).then().statusCode(200)
                .body("origin", equalTo("ORGANISATION"));
    }

    /** Neither the evidence, nor its place in a list, nor its weight in the recommendation's status. */
    private static void seesNothingOf(RequestSpecification caller, UUID recommendation, UUID evidence) {
        caller.get("/api/v1/evidence/" + evidence).then().statusCode(404);
        caller.queryParam("recommendationId", recommendation.toString()).get("/api/v1/evidence").then()
                .statusCode(200).body("totalItems", equalTo(0));
        caller.get("/api/v1/recommendations/" + recommendation).then().statusCode(200)
                .body("status", equalTo("NO_EVIDENCE"))
                .body("evidence", empty());
    }

    private static UUID recommendation() {
        CountryYear where = TestEvents.uniqueCountryYear();
        UUID report = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        publishAndAwait(TestEvents.report(report, 1, where, Tier.TIER_2, minutesAgo(50)));
        publishAndAwait(TestEvents.recommendation(id, 1, report, where, 1, "Vigorously investigate and prosecute.", null,
                RecommendationState.ACTIVE, minutesAgo(50)));
        return id;
    }
}
