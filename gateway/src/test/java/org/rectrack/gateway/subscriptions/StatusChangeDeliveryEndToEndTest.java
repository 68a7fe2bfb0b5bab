package org.rectrack.gateway.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.rectrack.gateway.TestCallers.as;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.gateway.TestEvents;
import org.rectrack.gateway.TestEvents.CountryYear;
import org.rectrack.gateway.endtoend.RunningServices;
import org.rectrack.gateway.subscriptions.Receiver.Delivery;

/**
 * With the real services behind the gateway: a reviewer verifies evidence through the API, and the subscriber's
 * receiver hears of the status change within 2 seconds of the verify's answer (evidence-service, its outbox, the
 * topic, the gateway's read model, a message, the delivery worker).
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
@WithTestResource(RunningServices.class)
class StatusChangeDeliveryEndToEndTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);

    @Test
    void aStatusChangeAfterVerificationReachesTheSubscriberWithinTwoSeconds() throws Exception {
        try (Receiver receiver = new Receiver()) {
            CountryYear where = TestEvents.uniqueCountryYear();
            UUID recommendation = publishReport(where);
            WebhookDeliveryTest.subscribe("diplomat", "embassy", receiver, Map.of("recommendationId",
                    recommendation.toString(), "events", List.of("status.changed")));

            String key = UUID.randomUUID().toString();
            Response submitted = await().atMost(EVENTUALLY).until(() -> as("ngo", "ngo-hooks")
                    .header("Idempotency-Key", key).body(evidenceOn(recommendation)).post("/api/v1/evidence"),
                    response -> response.statusCode() != 422);
            submitted.then().statusCode(201);
            String evidence = submitted.path("id");
            // The submission has reached the read model (pending), so the verification is the next change it applies.
            await().atMost(EVENTUALLY).until(() -> as("diplomat", "embassy").get("/api/v1/recommendations/"
                    + recommendation).then().extract().jsonPath().getInt("pendingCount") == 1);

            as("reviewer", "board").post("/api/v1/evidence/" + evidence + "/verify").then().statusCode(200);
            long verified = System.nanoTime();
            await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(10))
                    .until(() -> !receiver.deliveries().isEmpty());
            System.out.printf("Webhook latency end to end (verify answered → status.changed received): %d ms (goal: 2000)%n",
                    (System.nanoTime() - verified) / 1_000_000);

            Delivery delivery = receiver.deliveries().getFirst();
            assertThat(delivery.signatureValid()).isTrue();
            assertThat(delivery.type()).isEqualTo("status.changed");
            assertThat(delivery.data().path("status").asText()).isEqualTo("IN_PROGRESS");
            assertThat(delivery.data().path("evidenceIds").get(0).asText()).isEqualTo(evidence);
        }
    }

    private static UUID publishReport(CountryYear where) {
        Map<String, Object> report = Map.of("country", where.country(), "year", where.year(), "tier", "TIER_2",
                "publisher", "U.S. Department of State",
                "title", where.year() + " Trafficking in Persons Report: " + where.country(),
                "recommendations", List.of(Map.of("rank", 1, "text", "Vigorously investigate and prosecute traffickers.",
                        "pillars", List.of("PROSECUTION"), "targetGroups", List.of())));
        Response published = as("admin").body(report).post("/api/v1/reports");
        published.then().statusCode(201);
        UUID recommendation = UUID.fromString(published.path("recommendations[0].id"));
        await().atMost(EVENTUALLY).until(() -> as("diplomat", "embassy").get("/api/v1/recommendations/" + recommendation)
                .statusCode() == 200);
        return recommendation;
    }

    private static Map<String, Object> evidenceOn(UUID recommendation) {
        return Map.of("recommendations", List.of(Map.of("recommendationId", recommendation.toString(),
                        "assessment", "ADVANCES")),
                "actionDate", "2023-03-01", "summary", "Trained 300 police officers.", "language", "en",
                "source", Map.of("title", "Vientiane Times", "url", "https://www.vientianetimes.org.la/"),
                "visibility", "PUBLIC");
    }
}
