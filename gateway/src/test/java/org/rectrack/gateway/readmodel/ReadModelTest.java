package org.rectrack.gateway.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.rectrack.gateway.TestCallers.as;
import static org.rectrack.gateway.TestEvents.minutesAgo;
import static org.rectrack.gateway.TestEvents.publish;
import static org.rectrack.gateway.TestEvents.publishAndAwait;
import static org.rectrack.gateway.TestEvents.recommendation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.deploy.infra.testing.TopicReader;
import org.rectrack.events.Topics;
import org.rectrack.events.evidence.Assessment;
import org.rectrack.events.evidence.EvidenceState;
import org.rectrack.events.evidence.Visibility;
import org.rectrack.events.recommendations.RecommendationState;
import org.rectrack.events.recommendations.Tier;
import org.rectrack.gateway.TestEvents;
import org.rectrack.gateway.TestEvents.CountryYear;

/** The read model, fed by events a plain producer puts on the real topics. */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class ReadModelTest {

    @Inject
    ConsumerLag lag;

    @Test
    void aReportAndItsRecommendationsShowInRankOrder() {
        CountryYear where = TestEvents.uniqueCountryYear();
        UUID report = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        publishAndAwait(TestEvents.report(report, 1, where, Tier.TIER_2_WATCH_LIST, minutesAgo(10)));
        publishAndAwait(recommendation(second, 1, report, where, 2, "Increase victim identification.", null,
                RecommendationState.ACTIVE, minutesAgo(10)));
        publishAndAwait(recommendation(first, 1, report, where, 1, "ສືບສວນ ແລະ ດຳເນີນຄະດີ ຜູ້ຄ້າມະນຸດ.", null,
                RecommendationState.ACTIVE, minutesAgo(10)));

        as("diplomat").queryParam("country", where.country()).queryParam("year", where.year())
                .get("/api/v1/recommendations").then().statusCode(200)
                .body("items.id", contains(first.toString(), second.toString()))
                .body("items[0].text", equalTo("ສືບສວນ ແລະ ດຳເນີນຄະດີ ຜູ້ຄ້າມະນຸດ."))
                .body("items[0].status", equalTo("NO_EVIDENCE"))
                .body("items[0].rule", equalTo("NO_VERIFIED_EVIDENCE"))
                .body("items[0].report.tier", equalTo("TIER_2_WATCH_LIST"))
                .body("totalItems", equalTo(2));
        as("ngo").get("/api/v1/reports/" + report).then().statusCode(200)
                .body("country", equalTo(where.country()))
                .body("recommendations.rank", contains(1, 2));
        // Listed by country only: other tests' years of the same country may be there too.
        as("auditor").queryParam("country", where.country()).get("/api/v1/reports").then().statusCode(200)
                .body("items.findAll { it.year == " + where.year() + " }.id", contains(report.toString()));
    }

    @Test
    void aDuplicatedEventChangesNothing() {
        CountryYear where = TestEvents.uniqueCountryYear();
        UUID id = UUID.randomUUID();
        publishAndAwait(recommendation(id, 1, UUID.randomUUID(), where, 1, "as published", null,
                RecommendationState.ACTIVE, minutesAgo(5)));
        publishAndAwait(recommendation(id, 2, UUID.randomUUID(), where, 1, "revised", null,
                RecommendationState.ACTIVE, minutesAgo(4)));

        // The same version again, even carrying another text, is one already applied.
        RecordMetadata duplicate = publish(recommendation(id, 2, UUID.randomUUID(), where, 1, "a different text", null,
                RecommendationState.WITHDRAWN, minutesAgo(3)));
        TestEvents.awaitHandled(duplicate);

        as("diplomat").get("/api/v1/recommendations/" + id).then().statusCode(200)
                .body("text", equalTo("revised"))
                .body("state", equalTo("ACTIVE"));
        assertThat(versionsOf(id)).isEqualTo(2);
    }

    @Test
    void anOlderVersionArrivingLateChangesNothing() {
        CountryYear where = TestEvents.uniqueCountryYear();
        UUID id = UUID.randomUUID();
        publishAndAwait(recommendation(id, 3, UUID.randomUUID(), where, 1, "third", null,
                RecommendationState.WITHDRAWN, minutesAgo(5)));

        RecordMetadata late = publish(recommendation(id, 1, UUID.randomUUID(), where, 1, "first", null,
                RecommendationState.ACTIVE, minutesAgo(9)));
        TestEvents.awaitHandled(late);

        as("diplomat").get("/api/v1/recommendations/" + id).then().statusCode(200)
                .body("text", equalTo("third"))
                .body("state", equalTo("WITHDRAWN"));
        assertThat(versionsOf(id)).isEqualTo(1);
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicWithTheReasonAndLaterEventsStillApply() {
        String notJson = UUID.randomUUID().toString();
        String unknownType = UUID.randomUUID().toString();
        String wrongAggregate = UUID.randomUUID().toString();
        TestEvents.send(Topics.EVIDENCE, notJson, "{\"type\": \"rectrack.evidence.changed\", \"schemaVersion\": ");
        TestEvents.send(Topics.RECOMMENDATIONS, unknownType,
                "{\"type\": \"rectrack.report.merged\", \"schemaVersion\": 1, \"data\": {}}");
        var mismatched = TestEvents.evidence(UUID.randomUUID(), 1, UUID.randomUUID(), Assessment.ADVANCES,
                LocalDate.of(2023, 3, 1), "ngo-a", Visibility.PUBLIC, EvidenceState.SUBMITTED, minutesAgo(1));
        RecordMetadata poison = TestEvents.send(Topics.EVIDENCE, wrongAggregate, TestEvents.publishable(
                new org.rectrack.events.EventEnvelope<>(mismatched.eventId(), mismatched.type(), mismatched.schemaVersion(),
                        mismatched.occurredAt(), UUID.fromString(wrongAggregate), 1, mismatched.data())));

        UUID later = UUID.randomUUID();
        publishAndAwait(TestEvents.evidence(later, 1, UUID.randomUUID(), Assessment.ADVANCES, LocalDate.of(2023, 3, 1),
                "ngo-a", Visibility.PUBLIC, EvidenceState.SUBMITTED, minutesAgo(1)));
        TestEvents.awaitHandled(poison);
        as("diplomat").get("/api/v1/evidence/" + later).then().statusCode(200);

        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        List<ConsumerRecord<String, String>> evidenceDead = TopicReader.read(bootstrap, Topics.EVIDENCE + ".gateway.dlq",
                Set.of(notJson, wrongAggregate), 2, Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> recommendationsDead = TopicReader.read(bootstrap,
                Topics.RECOMMENDATIONS + ".gateway.dlq", Set.of(unknownType), 1, Duration.ofSeconds(30));
        assertThat(reason(evidenceDead, notJson)).contains("not JSON");
        assertThat(reason(evidenceDead, wrongAggregate)).contains("differs from data.id");
        assertThat(reason(recommendationsDead, unknownType)).contains("unknown event type 'rectrack.report.merged'");
    }

    @Test
    void theConsumerLagIsInTheReadinessCheckAndTheMetrics() {
        RecordMetadata sent = publish(TestEvents.report(UUID.randomUUID(), 1, TestEvents.uniqueCountryYear(), Tier.TIER_1,
                minutesAgo(1)));
        TestEvents.awaitHandled(sent);
        await().atMost(Duration.ofSeconds(30)).until(() -> lag.measure()
                .map(values -> values.equals(Map.of(Topics.RECOMMENDATIONS, 0L, Topics.EVIDENCE, 0L))).orElse(false));

        io.restassured.RestAssured.get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'read-model' }.data.'lag rectrack.recommendations.v1'", equalTo(0));
        // The value too: the gauge reads this application's measurement, not one of an earlier start in this JVM.
        io.restassured.RestAssured.get("/q/metrics").then().statusCode(200)
                .body(containsString("rectrack_gateway_consumer_lag{topic=\"rectrack.recommendations.v1\"} 0.0"));
    }

    private static long versionsOf(UUID recommendationId) {
        return QuarkusTransaction.requiringNew().call(() -> RecommendationVersion.count("recommendationId", recommendationId));
    }

    private static String reason(List<ConsumerRecord<String, String>> records, String key) {
        ConsumerRecord<String, String> record = records.stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
        return new String(record.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
    }
}
