package org.rectrack.gateway.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.rectrack.gateway.TestCallers.as;
import static org.rectrack.gateway.TestEvents.evidence;
import static org.rectrack.gateway.TestEvents.minutesAgo;
import static org.rectrack.gateway.TestEvents.publishAndAwait;
import static org.rectrack.gateway.TestEvents.recommendation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.events.evidence.Assessment;
import org.rectrack.events.evidence.EvidenceState;
import org.rectrack.events.evidence.Visibility;
import org.rectrack.events.recommendations.RecommendationState;
import org.rectrack.events.recommendations.Tier;
import org.rectrack.gateway.TestEvents;
import org.rectrack.gateway.TestEvents.CountryYear;
import org.rectrack.gateway.readmodel.TimeFrame;
import org.rectrack.gateway.readmodel.TimeFrames;

/** Status as the API and the compliance report see it: explained, in a time frame (asOf, knownAt), for one viewer. */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class StatusTest {

    private static final LocalDate MARCH = LocalDate.of(2023, 3, 1);

    @Inject
    StatusService statuses;

    @Inject
    TimeFrames frames;

    @Test
    void verifiedAdvancesMakesTheStatusInProgressAndNamesTheEvidence() {
        UUID recommendation = recommendation(TestEvents.uniqueCountryYear());
        UUID verified = UUID.randomUUID();
        UUID pending = UUID.randomUUID();
        publishAndAwait(evidence(verified, 2, recommendation, Assessment.ADVANCES, MARCH, "ngo-a", Visibility.PUBLIC,
                EvidenceState.VERIFIED, minutesAgo(5)));
        publishAndAwait(evidence(pending, 1, recommendation, Assessment.FULFILLS, MARCH, "ngo-a", Visibility.PUBLIC,
                EvidenceState.SUBMITTED, minutesAgo(5)));

        as("diplomat").get("/api/v1/recommendations/" + recommendation).then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"))
                .body("rule", equalTo("SOME_ADVANCES"))
                .body("evidenceIds", contains(verified.toString()))
                .body("pendingCount", equalTo(1))
                .body("evidence.find { it.id == '" + verified + "' }.basis", equalTo(true))
                .body("evidence.find { it.id == '" + verified + "' }.source.title", equalTo("Vientiane Times"))
                .body("evidence.find { it.id == '" + verified + "' }.verifiedAt", notNullValue())
                .body("evidence.find { it.id == '" + pending + "' }.state", equalTo("SUBMITTED"))
                .body("evidence.find { it.id == '" + pending + "' }.verifiedAt", nullValue());
    }

    @Test
    void knownAtAnswersIgnoreWhatWasRecordedLater() {
        UUID recommendation = recommendation(TestEvents.uniqueCountryYear());
        UUID id = UUID.randomUUID();
        Instant submitted = publishAndAwait(evidence(id, 1, recommendation, Assessment.FULFILLS, MARCH, "ngo-a",
                Visibility.PUBLIC, EvidenceState.SUBMITTED, minutesAgo(30)));
        Instant verified = publishAndAwait(evidence(id, 2, recommendation, Assessment.FULFILLS, MARCH, "ngo-a",
                Visibility.PUBLIC, EvidenceState.VERIFIED, minutesAgo(20)));
        Instant retracted = publishAndAwait(evidence(id, 3, recommendation, Assessment.FULFILLS, MARCH, "ngo-a",
                Visibility.PUBLIC, EvidenceState.RETRACTED, minutesAgo(10)));

        assertThat(statusKnownAt(recommendation, submitted)).isEqualTo(Status.NO_EVIDENCE);
        assertThat(statusKnownAt(recommendation, verified.minusMillis(1))).isEqualTo(Status.NO_EVIDENCE);
        assertThat(statusKnownAt(recommendation, verified)).isEqualTo(Status.IMPLEMENTED);
        assertThat(statusKnownAt(recommendation, retracted.minusMillis(1))).isEqualTo(Status.IMPLEMENTED);
        assertThat(statusKnownAt(recommendation, latest().knownAt())).isEqualTo(Status.NO_EVIDENCE);
        as("auditor").queryParam("knownAt", verified.toString())
                .get("/api/v1/recommendations/" + recommendation).then().statusCode(200)
                .body("status", equalTo("IMPLEMENTED"))
                .body("outstandingSince", nullValue())
                .body("knownAt", equalTo(verified.toString()));
    }

    @Test
    void asOfCountsEvidenceByTheDayOfTheActionWhenEverItWasRecorded() {
        CountryYear where = TestEvents.uniqueCountryYear();
        UUID recommendation = recommendation(where);
        // Recorded today, about an action two months after the report's publication (15 June of its year, as
        // TestEvents publishes reports): a day in the world long before it was logged. The report's year is drawn,
        // so the action's day follows it; a fixed day would come before the publication of the later years' reports.
        LocalDate action = LocalDate.of(where.year(), 8, 15);
        publishAndAwait(evidence(UUID.randomUUID(), 2, recommendation, Assessment.ADVANCES, action, "ngo-a",
                Visibility.PUBLIC, EvidenceState.VERIFIED, Instant.now()));

        assertThat(statuses.of(recommendation, new TimeFrame(action.minusDays(1), latest().knownAt()),
                Viewer.everything()).orElseThrow().status()).isEqualTo(Status.NO_EVIDENCE);
        assertThat(statuses.of(recommendation, new TimeFrame(action, latest().knownAt()),
                Viewer.everything()).orElseThrow().status()).isEqualTo(Status.IN_PROGRESS);
        String dayBefore = action.minusDays(1).toString();
        String yearEnd = LocalDate.of(where.year(), 12, 31).toString();
        as("diplomat").queryParam("asOf", dayBefore).get("/api/v1/recommendations/" + recommendation).then()
                .statusCode(200).body("status", equalTo("NO_EVIDENCE")).body("asOf", equalTo(dayBefore));
        as("diplomat").queryParam("asOf", yearEnd).get("/api/v1/recommendations/" + recommendation).then()
                .statusCode(200).body("status", equalTo("IN_PROGRESS")).body("asOf", equalTo(yearEnd));
    }

    @Test
    void aReportCountsFromItsPublicationDay() {
        CountryYear where = TestEvents.uniqueCountryYear();
        UUID recommendation = recommendation(where);
        LocalDate published = LocalDate.of(where.year(), 6, 15); // as TestEvents publishes reports

        assertThat(statuses.of(recommendation, new TimeFrame(published.minusDays(1), latest().knownAt()),
                Viewer.everything())).isEmpty();
        assertThat(statuses.of(recommendation, new TimeFrame(published, latest().knownAt()), Viewer.everything()))
                .isPresent();
        as("diplomat").queryParam("asOf", published.minusDays(1).toString())
                .get("/api/v1/recommendations/" + recommendation).then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aRecommendationNotRecordedYetAtTheInstantIsNotFoundAsKnownThen() {
        Instant before = latest().knownAt();
        UUID recommendation = recommendation(TestEvents.uniqueCountryYear());

        assertThat(statuses.of(recommendation, new TimeFrame(TimeFrame.today(), before), Viewer.everything())).isEmpty();
        as("diplomat").queryParam("knownAt", before.toString()).get("/api/v1/recommendations/" + recommendation).then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void restrictedEvidenceCountsOnlyForThoseWhoMaySeeIt() {
        UUID recommendation = recommendation(TestEvents.uniqueCountryYear());
        UUID restricted = UUID.randomUUID();
        UUID restrictedPending = UUID.randomUUID();
        publishAndAwait(evidence(restricted, 2, recommendation, Assessment.FULFILLS, MARCH, "ngo-owner",
                Visibility.RESTRICTED, EvidenceState.VERIFIED, minutesAgo(5)));
        publishAndAwait(evidence(restrictedPending, 1, recommendation, Assessment.ADVANCES, MARCH, "ngo-owner",
                Visibility.RESTRICTED, EvidenceState.SUBMITTED, minutesAgo(5)));

        // A diplomat's token that names the owner as its organisation (an identity provider may add `org` to every
        // token) is still no NGO of it.
        for (var outsider : List.of(as("diplomat", "embassy"), as("ngo", "ngo-other"), as("admin", "ops"),
                as("diplomat", "ngo-owner"))) {
            outsider.get("/api/v1/recommendations/" + recommendation).then().statusCode(200)
                    .body("status", equalTo("NO_EVIDENCE"))
                    .body("evidenceIds", empty())
                    .body("pendingCount", equalTo(0))
                    .body("evidence", empty());
        }
        as("diplomat", "embassy").get("/api/v1/evidence/" + restricted).then().statusCode(404)
                .body("detail", equalTo("no evidence with id " + restricted));
        as("diplomat", "embassy").queryParam("recommendationId", recommendation.toString()).get("/api/v1/evidence")
                .then().statusCode(200).body("totalItems", equalTo(0));

        for (var insider : List.of(as("ngo", "ngo-owner"), as("reviewer", "board"), as("auditor", "audit"))) {
            insider.get("/api/v1/recommendations/" + recommendation).then().statusCode(200)
                    .body("status", equalTo("IMPLEMENTED"))
                    .body("evidenceIds", contains(restricted.toString()))
                    .body("pendingCount", equalTo(1));
        }
        as("ngo", "ngo-owner").queryParam("recommendationId", recommendation.toString()).get("/api/v1/evidence")
                .then().statusCode(200).body("totalItems", equalTo(2));
    }

    @Test
    void aRepeatedRecommendationCarriesItsLineageAndIsOutstandingSinceItsFirstYear() {
        CountryYear first = TestEvents.uniqueCountryYear();
        UUID y2021 = recommendation(first);
        CountryYear second = first.nextYear();
        UUID y2022 = UUID.randomUUID();
        publishAndAwait(TestEvents.recommendation(y2022, 1, report(second), second, 3, "Again: prosecute.", y2021,
                RecommendationState.ACTIVE, minutesAgo(10)));
        CountryYear third = second.nextYear();
        UUID y2023 = UUID.randomUUID();
        publishAndAwait(TestEvents.recommendation(y2023, 1, report(third), third, 1, "Still: prosecute.", y2022,
                RecommendationState.ACTIVE, minutesAgo(10)));

        RecommendationStatus status = statuses.of(y2023, latest(), Viewer.publicOnly()).orElseThrow();

        assertThat(status.lineage()).extracting(RecommendationStatus.LineageStep::id).containsExactly(y2022, y2021);
        assertThat(status.firstYear()).isEqualTo(first.year());
        assertThat(status.outstandingSince()).isEqualTo(first.year());
        assertThat(statuses.forCountry(third.country(), latest(), Viewer.publicOnly()))
                .filteredOn(recommendation -> recommendation.year() >= first.year() && recommendation.year() <= third.year())
                .extracting(RecommendationStatus::id).containsExactly(y2021, y2022, y2023);
    }

    @Test
    void theTierHistoryListsEveryYearsTier() {
        CountryYear year = TestEvents.uniqueCountryYear();
        publishAndAwait(TestEvents.report(UUID.randomUUID(), 1, year, Tier.TIER_3, minutesAgo(10)));
        CountryYear next = year.nextYear();
        publishAndAwait(TestEvents.report(UUID.randomUUID(), 1, next, Tier.TIER_2_WATCH_LIST, minutesAgo(10)));

        assertThat(statuses.tierHistory(year.country(), latest()))
                .filteredOn(entry -> entry.year() == year.year() || entry.year() == next.year())
                .extracting(TierEntry::tier).containsExactly(Tier.TIER_3, Tier.TIER_2_WATCH_LIST);
    }

    @Test
    void aVerificationOnTheTopicChangesTheStatusAndNamesTheEvidence() {
        UUID recommendation = recommendation(TestEvents.uniqueCountryYear());
        UUID id = UUID.randomUUID();
        publishAndAwait(evidence(id, 1, recommendation, Assessment.ADVANCES, MARCH, "ngo-a", Visibility.PUBLIC,
                EvidenceState.SUBMITTED, minutesAgo(1)));
        assertThat(statusKnownAt(recommendation, latest().knownAt())).isEqualTo(Status.NO_EVIDENCE);

        // How fast is the benchmark's to measure; here, that the change arrives and is explained.
        TestEvents.publish(evidence(id, 2, recommendation, Assessment.ADVANCES, MARCH, "ngo-a", Visibility.PUBLIC,
                EvidenceState.VERIFIED, Instant.now()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> statusKnownAt(recommendation, latest().knownAt()) == Status.IN_PROGRESS);

        RecommendationStatus status = statuses.of(recommendation, latest(), Viewer.everything()).orElseThrow();
        assertThat(status.evidenceIds()).containsExactly(id);
        assertThat(status.pendingCount()).isZero();
    }

    private Status statusKnownAt(UUID recommendation, Instant knownAt) {
        return statuses.of(recommendation, new TimeFrame(TimeFrame.today(), knownAt), Viewer.everything()).orElseThrow()
                .status();
    }

    /** Today, as known now: once the read model has reached now, everything published before is in it. */
    private TimeFrame latest() {
        return frames.resolveToNow(null, null, TimeFrame.today());
    }

    /** A new recommendation published long ago, with its report. */
    private static UUID recommendation(CountryYear where) {
        UUID report = report(where);
        UUID id = UUID.randomUUID();
        publishAndAwait(TestEvents.recommendation(id, 1, report, where, 1, "Vigorously investigate and prosecute.", null,
                RecommendationState.ACTIVE, minutesAgo(50)));
        return id;
    }

    /** A new report published long ago. */
    private static UUID report(CountryYear where) {
        UUID report = UUID.randomUUID();
        publishAndAwait(TestEvents.report(report, 1, where, Tier.TIER_2, minutesAgo(50)));
        return report;
    }
}
