package org.rectrack.evidence.drafts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.rectrack.evidence.TestEvidence.reviewer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.events.EventEnvelope;
import org.rectrack.events.EventType;
import org.rectrack.events.evidence.Assessment;
import org.rectrack.events.evidence.EvidenceChanged;
import org.rectrack.events.evidence.MetricKind;
import org.rectrack.events.recommendations.EvidenceProposed;
import org.rectrack.events.recommendations.RecommendationState;
import org.rectrack.evidence.TestRecommendations;
import org.rectrack.evidence.TopicRecords;

/**
 * Draft evidence proposed on the recommendations topic, as the recommendations-service sends it (keyed by the
 * recommendation it bears on), by a plain producer on the real topic.
 */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class DraftEvidenceConsumerTest {

    private static final String DEAD_LETTERS = "rectrack.recommendations.v1.evidence-service.dlq";

    @Test
    void aDraftSentRightAfterItsRecommendationBecomesSubmittedEvidenceOfAnAdmin() {
        UUID recommendation = UUID.randomUUID();
        EnvelopeAndDraft draft = draft(recommendation);

        // No wait between the two: the partition's order is all the draft needs.
        TestRecommendations.send(recommendation, 1, RecommendationState.ACTIVE);
        send(draft.envelope());

        JsonPath evidence = awaitEvidenceOn(recommendation, 1).getFirst();
        assertThat(evidence.getString("state")).isEqualTo("SUBMITTED");
        assertThat(evidence.getString("origin")).isEqualTo("ADMIN");
        assertThat(evidence.getString("organisation")).isEqualTo("report-import");
        assertThat(evidence.getString("visibility")).isEqualTo("PUBLIC");
        assertThat(evidence.getString("summary")).isEqualTo(draft.data().summary());
        assertThat(evidence.getString("source.documentReference")).isEqualTo("rectrack report " + draft.data().reportId());
        assertThat(evidence.getString("source.quote")).isEqualTo(draft.data().summary());
        assertThat(evidence.getString("actionPeriod.from")).isEqualTo("2022-01-01");
        assertThat(evidence.getString("actionPeriod.to")).isEqualTo("2022-12-31");
        assertThat(evidence.getList("recommendations.assessment")).containsExactly("ADVANCES");
        assertThat(evidence.getList("metrics.kind")).containsExactly("CASES_INVESTIGATED");
        assertThat(evidence.getList("history.actor")).containsExactly("admin-" + draft.data().id());
    }

    @Test
    void aDraftDeliveredTwiceOrProposedAgainIsRecordedOnce() {
        UUID recommendation = TestRecommendations.active();
        EnvelopeAndDraft draft = draft(recommendation);
        send(draft.envelope());
        // Proposed again: a new event of the same draft (a producer that sent it twice).
        RecordMetadata again = send(new EventEnvelope<>(UUID.randomUUID(), draft.envelope().type(), 1,
                Instant.now(), draft.data().id(), 1, draft.data()));
        send(draft.envelope());
        TestRecommendations.awaitHandled(again);

        assertThat(awaitEvidenceOn(recommendation, 1)).hasSize(1);
        TestRecommendations.awaitHandled(send(draft.envelope()));
        reviewer().queryParam("recommendationId", recommendation.toString()).get("/api/v1/evidence").then()
                .statusCode(200).body("totalItems", equalTo(1));
    }

    @Test
    void aDraftNamingAnUnknownRecommendationGoesToTheDeadLetterTopicWithTheReason() {
        UUID unknown = UUID.randomUUID();
        EnvelopeAndDraft draft = draft(unknown);
        RecordMetadata sent = send(draft.envelope());
        TestRecommendations.awaitHandled(sent);

        List<ConsumerRecord<String, String>> dead = TopicRecords.read(DEAD_LETTERS, Set.of(unknown.toString()), 1,
                Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.getFirst().headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("names recommendation " + unknown, "never announced");
        reviewer().queryParam("recommendationId", unknown.toString()).get("/api/v1/evidence").then()
                .statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void aDraftForAWithdrawnRecommendationGoesToTheDeadLetterTopicSayingSo() {
        UUID recommendation = TestRecommendations.active();
        TestRecommendations.send(recommendation, 2, RecommendationState.WITHDRAWN);
        TestRecommendations.awaitVersion(recommendation, 2);
        EnvelopeAndDraft draft = draft(recommendation);
        TestRecommendations.awaitHandled(send(draft.envelope()));

        List<ConsumerRecord<String, String>> dead = TopicRecords.read(DEAD_LETTERS, Set.of(recommendation.toString()),
                1, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.getFirst().headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("withdrawn");
        reviewer().queryParam("recommendationId", recommendation.toString()).get("/api/v1/evidence").then()
                .statusCode(200).body("totalItems", equalTo(0));
    }

    private record EnvelopeAndDraft(EventEnvelope<EvidenceProposed> envelope, EvidenceProposed data) {
    }

    private static EnvelopeAndDraft draft(UUID recommendation) {
        UUID id = UUID.randomUUID();
        UUID report = UUID.randomUUID();
        String quote = "Authorities reported investigating 52 cases (" + id + ").";
        EvidenceProposed data = new EvidenceProposed(id, recommendation, Assessment.ADVANCES, report, null,
                LocalDate.parse("2022-01-01"), LocalDate.parse("2022-12-31"), quote, "en",
                new EvidenceChanged.Source("2023 Trafficking in Persons Report: Laos", "U.S. Department of State", null,
                        "rectrack report " + report, LocalDate.parse("2023-06-15"), quote),
                List.of(new EvidenceChanged.Metric(MetricKind.CASES_INVESTIGATED, new BigDecimal("52"), "CASES", null,
                        null, 2022)),
                "admin-" + id, Instant.now());
        return new EnvelopeAndDraft(new EventEnvelope<>(UUID.randomUUID(), EventType.EVIDENCE_PROPOSED.name(),
                EventType.EVIDENCE_PROPOSED.schemaVersion(), Instant.now(), id, 1, data), data);
    }

    /** As the recommendations-service's outbox sends it: keyed by the recommendation, not by the draft. */
    private static RecordMetadata send(EventEnvelope<EvidenceProposed> envelope) {
        return TestRecommendations.send(envelope.data().recommendationId().toString(),
                TestRecommendations.encode(envelope));
    }

    private static List<JsonPath> awaitEvidenceOn(UUID recommendation, int count) {
        List<String> ids = await().atMost(Duration.ofSeconds(30)).until(() -> reviewer()
                .queryParam("recommendationId", recommendation.toString()).get("/api/v1/evidence").jsonPath()
                .getList("items.id", String.class), found -> found.size() >= count);
        return ids.stream().map(id -> reviewer().get("/api/v1/evidence/" + id).then().statusCode(200).extract()
                .jsonPath()).toList();
    }
}
