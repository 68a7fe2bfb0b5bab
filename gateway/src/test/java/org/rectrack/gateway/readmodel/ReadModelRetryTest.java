package org.rectrack.gateway.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.rectrack.gateway.TestEvents.minutesAgo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
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
import org.rectrack.events.EventType;
import org.rectrack.events.Topics;
import org.rectrack.events.evidence.Assessment;
import org.rectrack.events.evidence.EvidenceChanged;
import org.rectrack.events.evidence.EvidenceState;
import org.rectrack.events.evidence.Visibility;
import org.rectrack.gateway.TestEvents;

/**
 * The read model's consumer tells a failure of its own (the database away for a moment) from an event it cannot
 * apply: the first is tried again until it succeeds, the second goes to the dead-letter topic at once.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class ReadModelRetryTest {

    private static final String DEAD_LETTERS = Topics.EVIDENCE + ".gateway.dlq";
    /** Each record is tried again on its own (a batch that fails is applied one by one). */
    private static final String METHOD = ReadModelConsumer.class.getName() + ".applyAlone";

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void anEventThatFindsTheDatabaseAwayIsAppliedAfterRetriesAndNotDeadLettered() {
        // The consumer is running and has its partitions before the database goes away.
        TestEvents.publishAndAwait(evidence(UUID.randomUUID()));
        UUID id = UUID.randomUUID();
        double retriesBefore = retries();

        try (DatabaseOutage outage = DatabaseOutage.begin()) {
            TestEvents.publish(evidence(id));
            await().atMost(Duration.ofSeconds(30)).until(() -> retries() >= retriesBefore + 2);
        }

        TestEvents.awaitVersion(EventType.EVIDENCE_CHANGED.name(), id, 1);
        System.out.printf("evidence %s applied after %.0f retries%n", id, retries() - retriesBefore);
        assertThat(TopicReader.readToEnd(kafka, DEAD_LETTERS, Set.of(id.toString()), Duration.ofSeconds(30))).isEmpty();
    }

    @Test
    void eventsThatCannotBeAppliedGoToTheDeadLetterTopicWithoutRetries() {
        String notJson = UUID.randomUUID().toString();
        String otherAggregate = UUID.randomUUID().toString();
        String unknownState = UUID.randomUUID().toString();
        // Readable, but PostgreSQL refuses text with a NUL character: a data error, not a passing one.
        String unstorable = UUID.randomUUID().toString();
        EventEnvelope<EvidenceChanged> stranger = evidence(UUID.randomUUID());
        double retriesBefore = retries();

        TestEvents.send(Topics.EVIDENCE, notJson, "{\"type\": ");
        TestEvents.send(Topics.EVIDENCE, otherAggregate, TestEvents.publishable(new EventEnvelope<>(stranger.eventId(),
                stranger.type(), stranger.schemaVersion(), stranger.occurredAt(), UUID.fromString(otherAggregate), 1,
                stranger.data())));
        TestEvents.send(Topics.EVIDENCE, unstorable, TestEvents.publishable(evidence(UUID.fromString(unstorable)))
                .replace("\"organisation\":\"ngo-retry\"", "\"organisation\":\"ngo-\\u0000\""));
        RecordMetadata last = TestEvents.send(Topics.EVIDENCE, unknownState,
                TestEvents.publishable(evidence(UUID.fromString(unknownState))).replace("\"SUBMITTED\"", "\"MERGED\""));
        TestEvents.awaitHandled(last);

        List<ConsumerRecord<String, String>> dead = TopicReader.read(kafka, DEAD_LETTERS,
                Set.of(notJson, otherAggregate, unknownState, unstorable), 4, Duration.ofSeconds(30));
        assertThat(dead).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder(notJson, otherAggregate, unknownState, unstorable);
        assertThat(retries()).isEqualTo(retriesBefore);
        assertThat(TestEvents.appliedVersion(EventType.EVIDENCE_CHANGED.name(), stranger.aggregateId())).isZero();
        assertThat(TestEvents.appliedVersion(EventType.EVIDENCE_CHANGED.name(), UUID.fromString(otherAggregate))).isZero();
        assertThat(TestEvents.appliedVersion(EventType.EVIDENCE_CHANGED.name(), UUID.fromString(unstorable))).isZero();
    }

    @Test
    void aRecordThatCannotBeAppliedInTheMiddleOfABatchGoesAloneToTheDeadLetterTopicAndTheRecordsAroundItApply() {
        List<UUID> valid = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        String unknownState = UUID.randomUUID().toString();
        List<Map.Entry<String, String>> records = new ArrayList<>();
        valid.subList(0, 2).forEach(id -> records.add(Map.entry(id.toString(), TestEvents.publishable(evidence(id)))));
        records.add(Map.entry(unknownState,
                TestEvents.publishable(evidence(UUID.fromString(unknownState))).replace("\"SUBMITTED\"", "\"MERGED\"")));
        valid.subList(2, 4).forEach(id -> records.add(Map.entry(id.toString(), TestEvents.publishable(evidence(id)))));
        double retriesBefore = retries();

        // Sent together to one partition: the consumer polls them as one batch, whose transaction the bad one fails.
        List<RecordMetadata> sent = TestEvents.sendTogether(Topics.EVIDENCE, 0, records);
        TestEvents.awaitHandled(sent.getLast());

        valid.forEach(id -> assertThat(TestEvents.appliedVersion(EventType.EVIDENCE_CHANGED.name(), id))
                .as("evidence %s beside the bad record", id).isEqualTo(1));
        assertThat(TestEvents.appliedVersion(EventType.EVIDENCE_CHANGED.name(), UUID.fromString(unknownState))).isZero();
        Set<String> keys = new HashSet<>();
        records.forEach(record -> keys.add(record.getKey()));
        TopicReader.read(kafka, DEAD_LETTERS, Set.of(unknownState), 1, Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> dead = TopicReader.readToEnd(kafka, DEAD_LETTERS, keys, Duration.ofSeconds(30));
        assertThat(dead).extracting(ConsumerRecord::key).containsExactly(unknownState);
        assertThat(new String(dead.getFirst().headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("MERGED");
        assertThat(retries()).isEqualTo(retriesBefore);
    }

    private static EventEnvelope<EvidenceChanged> evidence(UUID id) {
        return TestEvents.evidence(id, 1, UUID.randomUUID(), Assessment.ADVANCES, LocalDate.of(2023, 3, 1), "ngo-retry",
                Visibility.PUBLIC, EvidenceState.SUBMITTED, minutesAgo(1));
    }

    /** How often the consumer has tried an evidence event again, as SmallRye Fault Tolerance counts it. */
    private double retries() {
        Counter counter = metrics.find("ft.retry.retries.total").tag("method", METHOD).counter();
        return counter == null ? 0 : counter.count();
    }
}
