package org.rectrack.gateway.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.rectrack.gateway.TestCallers.as;
import static org.rectrack.gateway.TestEvents.minutesAgo;
import static org.rectrack.gateway.TestEvents.publishAndAwait;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.events.Topics;
import org.rectrack.events.evidence.Assessment;
import org.rectrack.events.evidence.EvidenceState;
import org.rectrack.events.evidence.Visibility;
import org.rectrack.events.recommendations.RecommendationState;
import org.rectrack.events.recommendations.Tier;
import org.rectrack.gateway.TestEvents;
import org.rectrack.gateway.TestEvents.CountryYear;
import org.rectrack.gateway.subscriptions.Receiver.Delivery;

/**
 * Deliveries as a subscriber receives them, from events on the topics through the read model: signed as Standard
 * Webhooks says, in order, retried after failures with the same webhook-id, never for what the subscriber may not see,
 * and never again after a rebuild of the read model.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class WebhookDeliveryTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    private static final LocalDate ACTION = LocalDate.of(2023, 3, 1);

    @Test
    void aStatusChangeArrivesSignedAndInOrderAfterTwoFailuresWithTheSameWebhookId() throws Exception {
        try (Receiver receiver = new Receiver(500, 500)) {
            UUID recommendation = recommendationOf(TestEvents.uniqueCountryYear());
            String subscription = subscribe("diplomat", "embassy", receiver,
                    Map.of("recommendationId", recommendation.toString(), "events",
                            List.of("status.changed", "evidence.verified")));

            UUID evidence = UUID.randomUUID();
            publishAndAwait(TestEvents.evidence(evidence, 1, recommendation, Assessment.ADVANCES, ACTION, "ngo-a",
                    Visibility.PUBLIC, EvidenceState.SUBMITTED, Instant.now()));
            publishAndAwait(TestEvents.evidence(evidence, 2, recommendation, Assessment.ADVANCES, ACTION, "ngo-a",
                    Visibility.PUBLIC, EvidenceState.VERIFIED, Instant.now()));

            await().atMost(EVENTUALLY).until(() -> receiver.deliveries().size() >= 4);
            List<Delivery> arrived = receiver.deliveries();
            assertThat(arrived).allSatisfy(delivery -> assertThat(delivery.signatureValid())
                    .as("signature of %s", delivery.body()).isTrue());
            // The first message three times (500, 500, 200), then the next one: nothing overtakes a message retried.
            assertThat(arrived).extracting(Delivery::id).containsExactly(arrived.get(0).id(), arrived.get(0).id(),
                    arrived.get(0).id(), arrived.get(3).id());
            assertThat(arrived.get(3).id()).isNotEqualTo(arrived.get(0).id());
            assertThat(arrived.get(0).type()).isEqualTo("status.changed");
            assertThat(arrived.get(0).data().path("recommendationId").asText()).isEqualTo(recommendation.toString());
            assertThat(arrived.get(0).data().path("previousStatus").asText()).isEqualTo("NO_EVIDENCE");
            assertThat(arrived.get(0).data().path("status").asText()).isEqualTo("IN_PROGRESS");
            assertThat(arrived.get(3).type()).isEqualTo("evidence.verified");
            assertThat(arrived.get(3).data().path("evidenceId").asText()).isEqualTo(evidence.toString());
            assertThat(arrived.get(0).json().path("timestamp").isTextual()).isTrue();

            JsonPath log = await().atMost(EVENTUALLY).until(() -> as("diplomat", "embassy")
                    .get("/api/v1/subscriptions/" + subscription + "/deliveries").then().statusCode(200).extract()
                    .jsonPath(), page -> page.getList("items").size() == 4);
            assertThat(log.getList("items.outcome", String.class))
                    .containsExactly("DELIVERED", "DELIVERED", "RETRYING", "RETRYING");
            assertThat(log.getList("items.statusCode", Integer.class)).containsExactly(200, 200, 500, 500);
            assertThat(log.getList("items.attempt", Integer.class)).containsExactly(1, 3, 2, 1);
            assertThat(log.getList("items.messageId", String.class)).containsExactly(arrived.get(3).id(),
                    arrived.get(0).id(), arrived.get(0).id(), arrived.get(0).id());
            assertThat(log.getList("items.latencyMs", Long.class)).allSatisfy(ms -> assertThat(ms).isNotNegative());
            assertThat(log.getString("items[2].nextAttemptAt")).isNotNull();
        }
    }

    @Test
    void eventsAppliedInOneBatchAreEachAnnouncedAgainstTheReadModelAsItWasJustBeforeThem() throws Exception {
        try (Receiver receiver = new Receiver()) {
            UUID recommendation = recommendationOf(TestEvents.uniqueCountryYear());
            subscribe("diplomat", "embassy", receiver, Map.of("recommendationId", recommendation.toString(), "events",
                    List.of("status.changed", "evidence.submitted", "evidence.verified")));

            // Submitted, verified, then a setback verified: sent together to one partition, so applied in one poll.
            UUID evidence = UUID.randomUUID();
            UUID setback = UUID.randomUUID();
            List<RecordMetadata> sent = TestEvents.sendTogether(Topics.EVIDENCE, 0, List.of(
                    Map.entry(evidence.toString(), TestEvents.publishable(TestEvents.evidence(evidence, 1, recommendation,
                            Assessment.ADVANCES, ACTION, "ngo-a", Visibility.PUBLIC, EvidenceState.SUBMITTED,
                            Instant.now()))),
                    Map.entry(evidence.toString(), TestEvents.publishable(TestEvents.evidence(evidence, 2, recommendation,
                            Assessment.ADVANCES, ACTION, "ngo-a", Visibility.PUBLIC, EvidenceState.VERIFIED,
                            Instant.now()))),
                    Map.entry(setback.toString(), TestEvents.publishable(TestEvents.evidence(setback, 2, recommendation,
                            Assessment.SETBACK, ACTION.plusDays(1), "ngo-a", Visibility.PUBLIC,
                            EvidenceState.VERIFIED, Instant.now())))));
            TestEvents.awaitHandled(sent.getLast());

            await().atMost(EVENTUALLY).until(() -> receiver.deliveries().size() >= 5);
            assertThat(receiver.deliveries()).extracting(Delivery::type).containsExactly("evidence.submitted",
                    "status.changed", "evidence.verified", "status.changed", "evidence.verified");
            assertThat(receiver.deliveries().get(1).data().path("previousStatus").asText()).isEqualTo("NO_EVIDENCE");
            assertThat(receiver.deliveries().get(1).data().path("status").asText()).isEqualTo("IN_PROGRESS");
            assertThat(receiver.deliveries().get(3).data().path("previousStatus").asText()).isEqualTo("IN_PROGRESS");
            assertThat(receiver.deliveries().get(3).data().path("status").asText()).isEqualTo("REGRESSED");
        }
    }

    @Test
    void restrictedEvidenceOfAnotherOrganisationReachesOnlyThoseWhoMaySeeIt() throws Exception {
        try (Receiver diplomat = new Receiver(); Receiver owner = new Receiver()) {
            CountryYear where = TestEvents.uniqueCountryYear();
            UUID recommendation = recommendationOf(where);
            Map<String, Object> scope = Map.of("recommendationId", recommendation.toString(), "events",
                    List.of("status.changed", "evidence.verified", "evidence.submitted"));
            subscribe("diplomat", "embassy", diplomat, scope);
            subscribe("ngo", "ngo-restricted", owner, scope);

            UUID restricted = UUID.randomUUID();
            publishAndAwait(TestEvents.evidence(restricted, 1, recommendation, Assessment.ADVANCES, ACTION,
                    "ngo-restricted", Visibility.RESTRICTED, EvidenceState.SUBMITTED, Instant.now()));
            publishAndAwait(TestEvents.evidence(restricted, 2, recommendation, Assessment.ADVANCES, ACTION,
                    "ngo-restricted", Visibility.RESTRICTED, EvidenceState.VERIFIED, Instant.now()));
            // Then a public change everyone may see: the diplomat's messages are delivered in order, so once this one
            // is there, anything written before it would have arrived first.
            UUID open = UUID.randomUUID();
            publishAndAwait(TestEvents.evidence(open, 2, recommendation, Assessment.FULFILLS, ACTION, "ngo-public",
                    Visibility.PUBLIC, EvidenceState.VERIFIED, Instant.now()));

            await().atMost(EVENTUALLY).until(() -> diplomat.deliveries().stream()
                    .anyMatch(delivery -> delivery.type().equals("evidence.verified")));
            assertThat(diplomat.deliveries()).extracting(Delivery::body)
                    .noneMatch(body -> body.contains(restricted.toString()));
            assertThat(diplomat.deliveries()).extracting(Delivery::type)
                    .containsExactly("status.changed", "evidence.verified");
            Delivery change = diplomat.deliveries().getFirst();
            assertThat(change.data().path("previousStatus").asText()).isEqualTo("NO_EVIDENCE");
            assertThat(change.data().path("status").asText()).isEqualTo("IMPLEMENTED");

            // Its own organisation sees all of it: submitted, the status moved by it, verified, then the public one.
            await().atMost(EVENTUALLY).until(() -> owner.deliveries().size() >= 5);
            assertThat(owner.deliveries()).extracting(Delivery::type).containsExactly("evidence.submitted",
                    "status.changed", "evidence.verified", "status.changed", "evidence.verified");
            assertThat(owner.deliveries().get(1).data().path("status").asText()).isEqualTo("IN_PROGRESS");

            // The country's feed: the restricted evidence for a reviewer, never for the diplomat.
            assertThat(feedEvidenceCount(where.country(), "reviewer", "board", restricted)).isPositive();
            assertThat(feedEvidenceCount(where.country(), "diplomat", "embassy", restricted)).isZero();
        }
    }

    @Test
    void aRebuildOfTheReadModelAnnouncesNothingAgain() throws Exception {
        try (Receiver receiver = new Receiver()) {
            UUID recommendation = recommendationOf(TestEvents.uniqueCountryYear());
            subscribe("diplomat", "embassy", receiver, Map.of("recommendationId", recommendation.toString(),
                    "events", List.of("status.changed")));
            publishAndAwait(TestEvents.evidence(UUID.randomUUID(), 2, recommendation, Assessment.ADVANCES, ACTION,
                    "ngo-a", Visibility.PUBLIC, EvidenceState.VERIFIED, Instant.now()));
            await().atMost(EVENTUALLY).until(() -> receiver.deliveries().size() == 1);

            String location = as("admin").post("/api/v1/admin/rebuilds").then().statusCode(202).extract()
                    .header("Location");
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                    .until(() -> as("admin").get(location).then().statusCode(200).extract().jsonPath().getString("state"),
                            state -> state.equals("FINISHED"));

            // A change after the rebuild arrives; the one before it does not arrive again.
            publishAndAwait(TestEvents.evidence(UUID.randomUUID(), 2, recommendation, Assessment.SETBACK,
                    ACTION.plusDays(1), "ngo-a", Visibility.PUBLIC, EvidenceState.VERIFIED, Instant.now()));
            await().atMost(EVENTUALLY).until(() -> receiver.deliveries().size() >= 2);
            assertThat(receiver.deliveries()).extracting(delivery -> delivery.data().path("status").asText())
                    .containsExactly("IN_PROGRESS", "REGRESSED");
        }
    }

    @Test
    void theFeedOfASubscriptionListsItsMessagesNewestFirstForItsOwnerOnly() throws Exception {
        try (Receiver receiver = new Receiver()) {
            CountryYear where = TestEvents.uniqueCountryYear();
            String subscription = subscribe("auditor", "", receiver, Map.of("country", where.country(),
                    "year", where.year(), "events", List.of("report.published", "status.changed")));
            UUID recommendation = recommendationOf(where);
            publishAndAwait(TestEvents.evidence(UUID.randomUUID(), 2, recommendation, Assessment.NO_PROGRESS, ACTION,
                    "ngo-a", Visibility.PUBLIC, EvidenceState.VERIFIED, Instant.now()));
            await().atMost(EVENTUALLY).until(() -> receiver.deliveries().size() == 2);

            String xml = as("auditor", "").accept("application/atom+xml")
                    .get("/api/v1/subscriptions/" + subscription + "/feed").then().statusCode(200)
                    .contentType("application/atom+xml").extract().asString();
            SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));
            assertThat(feed.getEntries()).extracting(SyndEntry::getUri).containsExactly(
                    "urn:uuid:" + receiver.deliveries().get(1).id(), "urn:uuid:" + receiver.deliveries().get(0).id());
            assertThat(feed.getEntries()).extracting(entry -> entry.getCategories().getFirst().getName())
                    .containsExactly("status.changed", "report.published");

            as("auditor", "").accept("application/atom+xml").get("/api/v1/subscriptions/" + subscription + "/feed")
                    .then().statusCode(200);
            as("diplomat", "embassy").accept("application/atom+xml")
                    .get("/api/v1/subscriptions/" + subscription + "/feed").then().statusCode(404)
                    .contentType("application/problem+json");
        }
    }

    /** The test profile pauses a subscription once it gave up one message (rectrack.webhooks.pause-after-failed-messages). */
    @Test
    void aSubscriptionThatKeepsFailingIsPausedWithTheReasonAndItsOwnerResumesIt() throws Exception {
        try (Receiver receiver = new Receiver(500, 500, 500, 500)) {
            UUID recommendation = recommendationOf(TestEvents.uniqueCountryYear());
            String subscription = subscribe("ngo", "ngo-pause", receiver, Map.of("recommendationId",
                    recommendation.toString(), "events", List.of("status.changed")));
            publishAndAwait(TestEvents.evidence(UUID.randomUUID(), 2, recommendation, Assessment.ADVANCES, ACTION,
                    "ngo-a", Visibility.PUBLIC, EvidenceState.VERIFIED, Instant.now()));

            JsonPath paused = await().atMost(EVENTUALLY).until(() -> as("ngo", "ngo-pause")
                    .get("/api/v1/subscriptions/" + subscription).then().statusCode(200).extract().jsonPath(),
                    state -> state.getString("state").equals("PAUSED"));
            assertThat(paused.getString("pausedReason")).contains("given up").contains("answered 500");
            assertThat(receiver.deliveries()).hasSize(4).extracting(Delivery::id).containsOnly(receiver.deliveries()
                    .getFirst().id());
            assertThat(as("ngo", "ngo-pause").get("/api/v1/subscriptions/" + subscription + "/deliveries").then()
                    .statusCode(200).extract().jsonPath().getString("items[0].outcome")).isEqualTo("GIVEN_UP");

            // While paused, a change is kept, not sent; resumed, it goes out (the receiver answers 200 by now).
            publishAndAwait(TestEvents.evidence(UUID.randomUUID(), 2, recommendation, Assessment.SETBACK,
                    ACTION.plusDays(1), "ngo-a", Visibility.PUBLIC, EvidenceState.VERIFIED, Instant.now()));
            as("ngo", "ngo-other").post("/api/v1/subscriptions/" + subscription + "/resume").then().statusCode(404);
            assertThat(receiver.deliveries()).hasSize(4);
            as("ngo", "ngo-pause").post("/api/v1/subscriptions/" + subscription + "/resume").then().statusCode(200)
                    .body("state", org.hamcrest.Matchers.equalTo("ACTIVE"));
            await().atMost(EVENTUALLY).until(() -> receiver.deliveries().size() == 5);
            assertThat(receiver.deliveries().get(4).data().path("status").asText()).isEqualTo("REGRESSED");
        }
    }

    /** Publishes a report and one recommendation on the country-year, both applied; returns the recommendation. */
    static UUID recommendationOf(CountryYear where) {
        UUID report = UUID.randomUUID();
        UUID recommendation = UUID.randomUUID();
        publishAndAwait(TestEvents.report(report, 1, where, Tier.TIER_2, minutesAgo(10)));
        publishAndAwait(TestEvents.recommendation(recommendation, 1, report, where, 1,
                "Vigorously investigate and prosecute traffickers.", null, RecommendationState.ACTIVE, minutesAgo(10)));
        return recommendation;
    }

    /** Subscribes the receiver as a caller of this role and organisation; returns the subscription's id. */
    static String subscribe(String role, String organisation, Receiver receiver, Map<String, Object> scope) {
        Map<String, Object> body = new HashMap<>(scope);
        body.put("callbackUrl", receiver.url());
        JsonPath created = as(role, organisation).body(body).post("/api/v1/subscriptions").then().statusCode(201)
                .extract().jsonPath();
        receiver.secret(created.getString("secret"));
        return created.getString("id");
    }

    private static List<SyndEntry> countryFeed(String country, String role, String organisation) throws Exception {
        String xml = as(role, organisation).accept("application/atom+xml").get("/api/v1/countries/" + country + "/feed")
                .then().statusCode(200).extract().asString();
        return new SyndFeedInput().build(new StringReader(xml)).getEntries();
    }

    private static long feedEvidenceCount(String country, String role, String organisation, UUID evidence)
            throws Exception {
        return countryFeed(country, role, organisation).stream()
                .filter(entry -> entry.getTitle().startsWith("Evidence"))
                .filter(entry -> entryIsOf(entry, evidence))
                .count();
    }

    /** Whether the entry is one of the evidence's versions (its id is the event's). */
    private static boolean entryIsOf(SyndEntry entry, UUID evidence) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) TestEvents.entityManager()
                .createNativeQuery("select count(*) from evidence_version where evidence_id = :id and 'urn:uuid:' || event_id = :entry")
                .setParameter("id", evidence).setParameter("entry", entry.getUri()).getSingleResult()).longValue() > 0);
    }
}
