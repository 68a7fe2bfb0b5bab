package org.rectrack.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.rectrack.evidence.TestEvidence.newOrganisation;
import static org.rectrack.evidence.TestEvidence.request;
import static org.rectrack.evidence.TestEvidence.submit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.evidence.replica.KnownRecommendation;
import org.rectrack.events.recommendations.RecommendationState;

/** The replica of recommendations, fed by events a plain producer puts on the real topic. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class ReplicaConsumerTest {

    private static final String DEAD_LETTERS = "rectrack.recommendations.v1.evidence-service.dlq";

    @Test
    void aRecommendationPublishedOnTheTopicBecomesUsableForEvidence() {
        UUID id = UUID.randomUUID();
        submit(newOrganisation(), request(id)).statusCode(422);

        TestRecommendations.send(id, 1, RecommendationState.ACTIVE);
        TestRecommendations.awaitVersion(id, 1);

        submit(newOrganisation(), request(id)).statusCode(201);
        KnownRecommendation known = TestRecommendations.known(id).orElseThrow();
        assertThat(known.country).isEqualTo("LAO");
        assertThat(known.year).isEqualTo(2023);
        assertThat(known.code).startsWith("LAO-2023-");
    }

    @Test
    void aWithdrawnRecommendationIsRefused() {
        UUID id = TestRecommendations.active();
        TestRecommendations.send(id, 2, RecommendationState.WITHDRAWN);
        TestRecommendations.awaitVersion(id, 2);

        submit(newOrganisation(), request(id)).statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:rectrack:problem:unprocessable"))
                .body("errors.field", contains("recommendations[0].recommendationId"))
                .body("detail", containsString("withdrawn"));
    }

    @Test
    void aDuplicatedEventChangesNothing() {
        UUID id = TestRecommendations.active();
        TestRecommendations.send(id, 2, RecommendationState.WITHDRAWN);
        TestRecommendations.awaitVersion(id, 2);

        // The same version again, even carrying another state, is one already applied.
        RecordMetadata duplicate = TestRecommendations.send(id, 2, RecommendationState.ACTIVE);
        TestRecommendations.awaitHandled(duplicate);

        KnownRecommendation known = TestRecommendations.known(id).orElseThrow();
        assertThat(known.state).isEqualTo(RecommendationState.WITHDRAWN);
        assertThat(known.version).isEqualTo(2);
    }

    @Test
    void anOlderEventArrivingLateChangesNothing() {
        UUID id = UUID.randomUUID();
        TestRecommendations.send(id, 3, RecommendationState.WITHDRAWN);
        TestRecommendations.awaitVersion(id, 3);

        RecordMetadata late = TestRecommendations.send(id, 1, RecommendationState.ACTIVE);
        TestRecommendations.awaitHandled(late);

        assertThat(TestRecommendations.known(id).orElseThrow().state).isEqualTo(RecommendationState.WITHDRAWN);
        submit(newOrganisation(), request(id)).statusCode(422);
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicWithTheReasonAndLaterEventsStillApply() {
        String notJson = UUID.randomUUID().toString();
        String unknownType = UUID.randomUUID().toString();
        TestRecommendations.send(notJson, "{\"type\": \"rectrack.recommendation.changed\", \"schemaVersion\": ");
        RecordMetadata poison = TestRecommendations.send(unknownType,
                "{\"type\": \"rectrack.recommendation.merged\", \"schemaVersion\": 1, \"data\": {}}");

        UUID later = UUID.randomUUID();
        TestRecommendations.send(later, 1, RecommendationState.ACTIVE);
        TestRecommendations.awaitVersion(later, 1);
        TestRecommendations.awaitHandled(poison);
        submit(newOrganisation(), request(later)).statusCode(201);

        List<ConsumerRecord<String, String>> dead = TopicRecords.read(DEAD_LETTERS, Set.of(notJson, unknownType), 2,
                Duration.ofSeconds(30));
        assertThat(dead).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(notJson, unknownType);
        assertThat(reason(dead, notJson)).contains("not JSON");
        assertThat(reason(dead, unknownType)).contains("unknown event type 'rectrack.recommendation.merged'");
    }

    private static String reason(List<ConsumerRecord<String, String>> records, String key) {
        ConsumerRecord<String, String> record = records.stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
        return new String(record.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
    }
}
