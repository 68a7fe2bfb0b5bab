package org.rectrack.evidence.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.rectrack.evidence.TestEvidence.as;
import static org.rectrack.evidence.TestEvidence.newOrganisation;
import static org.rectrack.evidence.TestEvidence.request;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.Concurrently;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.deploy.infra.testing.TopicReader;
import org.rectrack.evidence.TestRecommendations;
import org.rectrack.events.Topics;
import org.rectrack.events.outbox.OutboxRelay;

/**
 * The same Idempotency-Key sent by many clients at the very same moment (a client library that retries on a
 * timeout while the first request is still running): one record, and every answer is the first one's.
 */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class ConcurrentIdempotencyKeyTest {

    private static final int CLIENTS = 16;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Inject
    OutboxRelay relay;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void sixteenParallelRequestsWithOneKeyAndOneBodyCreateOneRecordAndAllAnswerIt() {
        UUID recommendation = TestRecommendations.active();
        String organisation = newOrganisation();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = request(recommendation);

        List<Response> answers = Concurrently.run(CLIENTS, client -> post(organisation, key, body), TIMEOUT);

        assertThat(answers).extracting(Response::statusCode).containsOnly(201);
        assertThat(answers).extracting(answer -> answer.header("Location")).containsOnly(answers.getFirst().header("Location"));
        assertThat(answers).extracting(Response::asString).containsOnly(answers.getFirst().asString());
        assertThat(answers).filteredOn(answer -> answer.header("Idempotent-Replayed") == null).hasSize(1);
        assertThat(recorded(organisation, recommendation)).isEqualTo(1);
        assertThat(eventsOf(answers.getFirst().path("id"))).hasSize(1);
    }

    @Test
    void parallelRequestsWithOneKeyAndTwoBodiesCreateOneRecordAndRefuseTheOtherBody() {
        UUID recommendation = TestRecommendations.active();
        String organisation = newOrganisation();
        String key = UUID.randomUUID().toString();
        Map<String, Object> first = request(recommendation);
        Map<String, Object> second = request(recommendation);
        second.put("summary", "Another action altogether: " + UUID.randomUUID());

        List<Response> answers = Concurrently.run(CLIENTS, client -> post(organisation, key, client % 2 == 0 ? first : second), TIMEOUT);

        assertThat(answers).extracting(Response::statusCode).containsOnly(201, 422);
        List<Response> created = answers.stream().filter(answer -> answer.statusCode() == 201).toList();
        List<Response> refused = answers.stream().filter(answer -> answer.statusCode() == 422).toList();
        String summary = created.getFirst().path("summary");
        assertThat(created).extracting(answer -> answer.<String> path("id")).containsOnly(created.getFirst().<String> path("id"));
        assertThat(created).extracting(answer -> answer.<String> path("summary")).containsOnly(summary);
        // Every client that sent the winning body got the record; every other client was refused.
        assertThat(created).hasSize(CLIENTS / 2);
        assertThat(refused).hasSize(CLIENTS / 2).allSatisfy(answer -> {
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.<String> path("type")).isEqualTo("urn:rectrack:problem:idempotency-key-reused");
            assertThat(answer.<List<String>> path("errors.field")).containsExactly("Idempotency-Key");
        });
        assertThat(recorded(organisation, recommendation)).isEqualTo(1);
        assertThat(eventsOf(created.getFirst().path("id"))).hasSize(1);
    }

    /** The events published for the evidence, counted once the outbox has sent everything. */
    private List<ConsumerRecord<String, String>> eventsOf(String evidenceId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> relay.pending() == 0);
        return TopicReader.readToEnd(kafka, Topics.EVIDENCE, Set.of(evidenceId), Duration.ofSeconds(60));
    }

    private static Response post(String organisation, String key, Map<String, Object> body) {
        return as("ngo", organisation).header("Idempotency-Key", key).body(body).post("/api/v1/evidence");
    }

    private static int recorded(String organisation, UUID recommendation) {
        return as("ngo", organisation).get("/api/v1/evidence?recommendationId=" + recommendation + "&organisation="
                + organisation).then().statusCode(200).extract().path("totalItems");
    }
}
