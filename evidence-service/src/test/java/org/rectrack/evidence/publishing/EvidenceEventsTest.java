package org.rectrack.evidence.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.rectrack.evidence.TestEvidence.as;
import static org.rectrack.evidence.TestEvidence.newOrganisation;
import static org.rectrack.evidence.TestEvidence.request;
import static org.rectrack.evidence.TestEvidence.reviewer;
import static org.rectrack.evidence.TestEvidence.submitted;
import static org.rectrack.evidence.TestEvidence.transition;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.deploy.infra.testing.KafkaBrokerControl;
import org.rectrack.evidence.TestEvidence;
import org.rectrack.evidence.TestRecommendations;
import org.rectrack.evidence.TopicRecords;
import org.rectrack.events.EventCodec;
import org.rectrack.events.EventEnvelope;
import org.rectrack.events.Topics;
import org.rectrack.events.evidence.EvidenceChanged;
import org.rectrack.events.evidence.EvidenceState;
import org.rectrack.events.evidence.Origin;
import org.rectrack.events.outbox.OutboxRelay;

/** Reads the real rectrack.evidence.v1 topic, as a consumer would. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class EvidenceEventsTest {

    private static final Duration DELIVERY = Duration.ofSeconds(60);

    @Inject
    EventCodec codec;

    @Inject
    OutboxRelay relay;

    @Test
    void everyChangeGoesOutWithTheFullStateAndHistoryAndLaoTextByteForByte() {
        UUID recommendation = TestRecommendations.active();
        String organisation = newOrganisation();
        Map<String, Object> request = request(recommendation);
        request.put("summary", TestEvidence.LAO_SUMMARY);
        request.put("language", "lo");
        String id = submitted(organisation, request);
        transition(reviewer(), id, "verify", Map.of("note", "ຢັ້ງຢືນແລ້ວ")).statusCode(200);

        List<ConsumerRecord<String, String>> records = TopicRecords.read(Topics.EVIDENCE, List.of(id), 2, DELIVERY);

        assertThat(records).hasSize(2);
        assertThat(new String(records.get(0).headers().lastHeader("event-type").value(), StandardCharsets.UTF_8))
                .isEqualTo("rectrack.evidence.changed");
        List<EventEnvelope<?>> events = records.stream().<EventEnvelope<?>> map(r -> codec.decode(r.value())).toList();
        assertThat(events).extracting(EventEnvelope::aggregateVersion).containsExactly(1L, 2L);
        assertThat(events).extracting(event -> event.aggregateId().toString()).containsOnly(id);

        EvidenceChanged verified = (EvidenceChanged) events.get(1).data();
        assertThat(verified.change()).isEqualTo("VERIFIED");
        assertThat(verified.state()).isEqualTo(EvidenceState.VERIFIED);
        assertThat(verified.organisation()).isEqualTo(organisation);
        assertThat(verified.origin()).isEqualTo(Origin.ORGANISATION);
        assertThat(verified.recommendations()).extracting(EvidenceChanged.Link::recommendationId).containsExactly(recommendation);
        assertThat(verified.actionFrom()).isEqualTo(verified.actionTo()).hasToString("2023-03-01");
        assertThat(verified.summary().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(TestEvidence.LAO_SUMMARY.getBytes(StandardCharsets.UTF_8));
        assertThat(verified.language()).isEqualTo("lo");
        assertThat(verified.source().title()).isEqualTo("Vientiane Times");
        assertThat(verified.metrics()).singleElement().satisfies(metric -> {
            assertThat(metric.kind().name()).isEqualTo("OFFICIALS_TRAINED");
            assertThat(metric.value()).isEqualByComparingTo("300");
            assertThat(metric.unit()).isEqualTo("PERSONS");
        });
        assertThat(verified.history()).extracting(EvidenceChanged.Transition::state)
                .containsExactly(EvidenceState.SUBMITTED, EvidenceState.VERIFIED);
        assertThat(verified.history().get(1).actor()).isEqualTo("reviewer@review-board");
        assertThat(verified.history().get(1).reason()).isEqualTo("ຢັ້ງຢືນແລ້ວ");
        assertThat(records.get(1).value().getBytes(StandardCharsets.UTF_8))
                .containsSequence(TestEvidence.LAO_SUMMARY.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void changesMadeWhileTheRelayIsStoppedAreAllDeliveredInOrderOnceItStarts() {
        UUID recommendation = TestRecommendations.active();
        List<String> ids;
        relay.stop();
        try {
            ids = makeChanges(recommendation);
            assertThat(relay.pending()).isGreaterThanOrEqualTo(ids.size() * 2L);
        } finally {
            relay.start();
        }
        assertEveryEventArrivesInOrder(ids);
    }

    @Test
    void changesMadeWhileTheBrokerIsDownAreAllDeliveredInOrderOnceItIsBack() {
        UUID recommendation = TestRecommendations.active();
        KafkaBrokerControl broker = KafkaBrokerControl.fromConfig();
        List<String> ids;
        broker.stop();
        try {
            ids = makeChanges(recommendation);
        } finally {
            broker.start();
        }
        assertEveryEventArrivesInOrder(ids);
        await().atMost(DELIVERY).until(() -> relay.pending() == 0);
    }

    /** Three pieces of evidence: one left submitted, one verified, one verified then retracted. */
    private static List<String> makeChanges(UUID recommendation) {
        String organisation = newOrganisation();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(submitted(organisation, request(recommendation)));
        }
        transition(reviewer(), ids.get(1), "verify", Map.of()).statusCode(200);
        transition(reviewer(), ids.get(2), "verify", Map.of()).statusCode(200);
        transition(as("ngo", organisation), ids.get(2), "retract", Map.of("reason", "figures corrected")).statusCode(200);
        return ids;
    }

    /**
     * Every version of every aggregate arrives, and one aggregate's versions never go backwards. The relay
     * delivers at least once, so a version may come twice after an outage; consumers ignore the repeat.
     */
    private void assertEveryEventArrivesInOrder(List<String> ids) {
        Map<String, Long> lastVersions = Map.of(ids.get(0), 1L, ids.get(1), 2L, ids.get(2), 3L);
        await().atMost(DELIVERY).untilAsserted(() -> {
            Map<String, List<Long>> versions = new LinkedHashMap<>();
            for (ConsumerRecord<String, String> record : TopicRecords.read(Topics.EVIDENCE, ids, 6, Duration.ofSeconds(5))) {
                versions.computeIfAbsent(record.key(), key -> new ArrayList<>())
                        .add(codec.decode(record.value()).aggregateVersion());
            }
            lastVersions.forEach((id, last) -> {
                List<Long> arrived = versions.getOrDefault(id, List.of());
                assertThat(arrived).as("versions of " + id).isSorted();
                assertThat(arrived.stream().distinct().toList()).as("versions of " + id)
                        .containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
            });
        });
    }
}
