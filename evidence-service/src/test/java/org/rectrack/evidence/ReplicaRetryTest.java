package org.rectrack.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.DatabaseOutage;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.deploy.infra.testing.TopicReader;
import org.rectrack.events.EventEnvelope;
import org.rectrack.events.recommendations.RecommendationChanged;
import org.rectrack.events.recommendations.RecommendationState;

/**
 * The replica tells a failure of its own (the database away for a moment) from an event it cannot apply: the first
 * is tried again until it succeeds, the second goes to the dead-letter topic at once.
 */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class ReplicaRetryTest {

    private static final String DEAD_LETTERS = "rectrack.recommendations.v1.evidence-service.dlq";
    private static final String METHOD = "org.rectrack.evidence.replica.RecommendationReplica.applyAlone";

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void anEventThatFindsTheDatabaseAwayIsAppliedAfterRetriesAndNotDeadLettered() {
        // The replica is running and has its partitions before the database goes away.
        TestRecommendations.active();
        UUID id = UUID.randomUUID();
        double retriesBefore = retries();

        try (DatabaseOutage outage = DatabaseOutage.begin()) {
            TestRecommendations.send(id, 1, RecommendationState.ACTIVE);
            await().atMost(Duration.ofSeconds(30)).until(() -> retries() >= retriesBefore + 2);
        }

        TestRecommendations.awaitVersion(id, 1);
        System.out.printf("recommendation %s applied after %.0f retries%n", id, retries() - retriesBefore);
        assertThat(TopicReader.readToEnd(kafka, DEAD_LETTERS, Set.of(id.toString()), Duration.ofSeconds(30))).isEmpty();
    }

    @Test
    void eventsThatCannotBeAppliedGoToTheDeadLetterTopicWithoutRetries() {
        UUID stranger = UUID.randomUUID();
        String notJson = UUID.randomUUID().toString();
        String otherAggregate = UUID.randomUUID().toString();
        String unknownState = UUID.randomUUID().toString();
        // Readable, but PostgreSQL refuses text with a NUL character: a data error, not a passing one.
        String unstorable = UUID.randomUUID().toString();
        double retriesBefore = retries();

        TestRecommendations.send(notJson, "{\"type\": ");
        EventEnvelope<RecommendationChanged> strangers = TestRecommendations.event(stranger, 1, RecommendationState.ACTIVE);
        TestRecommendations.send(otherAggregate, TestRecommendations.encode(new EventEnvelope<>(strangers.eventId(),
                strangers.type(), strangers.schemaVersion(), strangers.occurredAt(), UUID.fromString(otherAggregate), 1,
                strangers.data())));
        TestRecommendations.send(unstorable, TestRecommendations.encode(
                TestRecommendations.event(UUID.fromString(unstorable), 1, RecommendationState.ACTIVE))
                .replace("\"code\":\"LAO-2023-", "\"code\":\"LAO-\\u0000-"));
        RecordMetadata last = TestRecommendations.send(unknownState, TestRecommendations.encode(
                TestRecommendations.event(UUID.fromString(unknownState), 1, RecommendationState.ACTIVE))
                .replace("\"ACTIVE\"", "\"MERGED\""));
        TestRecommendations.awaitHandled(last);

        List<ConsumerRecord<String, String>> dead = TopicReader.read(kafka, DEAD_LETTERS,
                Set.of(notJson, otherAggregate, unknownState, unstorable), 4, Duration.ofSeconds(30));
        assertThat(dead).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder(notJson, otherAggregate, unknownState, unstorable);
        assertThat(retries()).isEqualTo(retriesBefore);
        assertThat(TestRecommendations.known(stranger)).isEmpty();
        assertThat(TestRecommendations.known(UUID.fromString(otherAggregate))).isEmpty();
        assertThat(TestRecommendations.known(UUID.fromString(unstorable))).isEmpty();
    }

    /** How often the replica has tried an event again, as SmallRye Fault Tolerance counts it. */
    private double retries() {
        Counter counter = metrics.find("ft.retry.retries.total").tag("method", METHOD).counter();
        return counter == null ? 0 : counter.count();
    }
}
