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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
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
        // The country's years around this one are the test's own: listed by country, the report is alone there.
        as("auditor").queryParam("country", where.country()).get("/api/v1/reports").then().statusCode(200)
                .body("items.findAll { it.year >= " + where.year() + " && it.year <= " + (where.year() + 2) + " }.id",
                        contains(report.toString()));
    }

    @Test
    void aDuplicatedEventChangesNothing() {
        CountryYear where = TestEvents.uniqueCountryYear();
        UUID report = publishedReport(where);
        UUID id = UUID.randomUUID();
        publishAndAwait(recommendation(id, 1, report, where, 1, "as published", null,
                RecommendationState.ACTIVE, minutesAgo(5)));
        publishAndAwait(recommendation(id, 2, report, where, 1, "revised", null,
                RecommendationState.ACTIVE, minutesAgo(4)));
        String before = as("diplomat").get("/api/v1/recommendations/" + id).then().statusCode(200)
                .body("text", equalTo("revised")).extract().asString();
        List<String> rowsBefore = recommendationRows(id);

        // The same version again, even carrying another text, is one already applied.
        RecordMetadata duplicate = publish(recommendation(id, 2, report, where, 1, "a different text", null,
                RecommendationState.WITHDRAWN, minutesAgo(3)));
        TestEvents.awaitHandled(duplicate);

        assertThat(withoutKnownAt(as("diplomat").get("/api/v1/recommendations/" + id).then().statusCode(200).extract()
                .asString())).isEqualTo(withoutKnownAt(before));
        assertThat(recommendationRows(id)).isEqualTo(rowsBefore).hasSize(2);
    }

    @Test
    void anOlderVersionArrivingLateChangesNothing() {
        CountryYear where = TestEvents.uniqueCountryYear();
        UUID report = publishedReport(where);
        UUID id = UUID.randomUUID();
        publishAndAwait(recommendation(id, 3, report, where, 1, "third", null,
                RecommendationState.WITHDRAWN, minutesAgo(5)));
        String before = as("diplomat").get("/api/v1/recommendations/" + id).then().statusCode(200)
                .body("text", equalTo("third")).body("state", equalTo("WITHDRAWN")).extract().asString();
        List<String> rowsBefore = recommendationRows(id);

        RecordMetadata late = publish(recommendation(id, 1, report, where, 1, "first", null,
                RecommendationState.ACTIVE, minutesAgo(9)));
        TestEvents.awaitHandled(late);

        assertThat(withoutKnownAt(as("diplomat").get("/api/v1/recommendations/" + id).then().statusCode(200).extract()
                .asString())).isEqualTo(withoutKnownAt(before));
        assertThat(recommendationRows(id)).isEqualTo(rowsBefore).hasSize(1);
    }

    @Test
    void listsHoldExactlyWhatTheirFiltersSelect() {
        CountryYear where = TestEvents.uniqueCountryYear();
        CountryYear next = where.nextYear();
        CountryYear elsewhere = TestEvents.uniqueCountryYear();
        UUID report = publishedReport(where);
        UUID nextReport = publishedReport(next);
        UUID elsewhereReport = publishedReport(new CountryYear(elsewhere.country(), where.year()));
        UUID recommendation = UUID.randomUUID();
        UUID nextRecommendation = UUID.randomUUID();
        UUID elsewhereRecommendation = UUID.randomUUID();
        publishAndAwait(recommendation(recommendation, 1, report, where, 1, "this year", null,
                RecommendationState.ACTIVE, minutesAgo(10)));
        publishAndAwait(recommendation(nextRecommendation, 1, nextReport, next, 1, "the next year", null,
                RecommendationState.ACTIVE, minutesAgo(10)));
        publishAndAwait(recommendation(elsewhereRecommendation, 1, elsewhereReport,
                new CountryYear(elsewhere.country(), where.year()), 1, "another country", null,
                RecommendationState.ACTIVE, minutesAgo(10)));

        assertThat(ids("/api/v1/reports", Map.of("country", where.country(), "year", where.year()),
                item -> item.get("country").equals(where.country()) && item.get("year").equals(where.year())))
                .containsExactly(report.toString());
        assertThat(ids("/api/v1/reports", Map.of("country", where.country()),
                item -> item.get("country").equals(where.country())))
                .contains(report.toString(), nextReport.toString()).doesNotContain(elsewhereReport.toString());
        assertThat(ids("/api/v1/reports", Map.of("year", where.year()), item -> item.get("year").equals(where.year())))
                .contains(report.toString(), elsewhereReport.toString()).doesNotContain(nextReport.toString());
        assertThat(ids("/api/v1/recommendations", Map.of("country", where.country(), "year", where.year()),
                item -> item.get("country").equals(where.country()) && item.get("year").equals(where.year())))
                .containsExactly(recommendation.toString());
        assertThat(ids("/api/v1/recommendations", Map.of("country", where.country()),
                item -> item.get("country").equals(where.country())))
                .contains(recommendation.toString(), nextRecommendation.toString())
                .doesNotContain(elsewhereRecommendation.toString());
        assertThat(ids("/api/v1/recommendations", Map.of("year", where.year()),
                item -> item.get("year").equals(where.year())))
                .contains(recommendation.toString(), elsewhereRecommendation.toString())
                .doesNotContain(nextRecommendation.toString());
        assertThat(ids("/api/v1/recommendations", Map.of("reportId", nextReport),
                item -> ((Map<?, ?>) item.get("report")).get("id").equals(nextReport.toString())))
                .containsExactly(nextRecommendation.toString());
    }

    @Test
    void evidenceOnARecommendationTheGatewayNeverHeardOfIsHeldBackUntilTheRecommendationArrives() {
        CountryYear where = TestEvents.uniqueCountryYear();
        UUID unheardOf = UUID.randomUUID();
        UUID evidence = UUID.randomUUID();
        publishAndAwait(TestEvents.evidence(evidence, 1, unheardOf, Assessment.FULFILLS, LocalDate.of(2023, 3, 1),
                "ngo-a", Visibility.PUBLIC, EvidenceState.SUBMITTED, minutesAgo(5)));

        // Not in the reviewers' queue, not anywhere: the evidence-service has no such evidence to review.
        as("reviewer", "board").get("/api/v1/evidence/" + evidence).then().statusCode(404)
                .contentType("application/problem+json");
        as("reviewer", "board").queryParam("state", "SUBMITTED").queryParam("recommendationId", unheardOf.toString())
                .get("/api/v1/evidence").then().statusCode(200).body("totalItems", equalTo(0));
        assertThat(queue()).doesNotContain(evidence.toString());

        // Early, not false: once the recommendation and its report arrive, the evidence shows.
        UUID report = publishedReport(where);
        publishAndAwait(recommendation(unheardOf, 1, report, where, 1, "Prosecute.", null, RecommendationState.ACTIVE,
                minutesAgo(10)));
        as("reviewer", "board").get("/api/v1/evidence/" + evidence).then().statusCode(200)
                .body("state", equalTo("SUBMITTED"));
        assertThat(queue()).contains(evidence.toString());
        as("diplomat").get("/api/v1/recommendations/" + unheardOf).then().statusCode(200).body("pendingCount", equalTo(1));
    }

    @Test
    void evidenceNamingOneUnknownRecommendationAmongKnownOnesIsHeldBackEverywhere() {
        CountryYear where = TestEvents.uniqueCountryYear();
        UUID report = publishedReport(where);
        UUID known = UUID.randomUUID();
        publishAndAwait(recommendation(known, 1, report, where, 1, "Prosecute.", null, RecommendationState.ACTIVE,
                minutesAgo(10)));
        UUID evidence = UUID.randomUUID();
        var onTwo = TestEvents.evidence(evidence, 2, known, Assessment.FULFILLS, LocalDate.of(2023, 3, 1), "ngo-a",
                Visibility.PUBLIC, EvidenceState.VERIFIED, minutesAgo(5));
        var data = onTwo.data();
        var links = List.of(data.recommendations().getFirst(),
                new org.rectrack.events.evidence.EvidenceChanged.Link(UUID.randomUUID(), Assessment.FULFILLS));
        publishAndAwait(new org.rectrack.events.EventEnvelope<>(onTwo.eventId(), onTwo.type(), onTwo.schemaVersion(),
                onTwo.occurredAt(), evidence, 2, new org.rectrack.events.evidence.EvidenceChanged(data.id(),
                        data.organisation(), links, data.actionFrom(), data.actionTo(), data.summary(), data.language(),
                        data.source(), data.metrics(), data.visibility(), data.state(), data.history(), data.change(),
                        data.changedAt())));

        as("auditor").get("/api/v1/evidence/" + evidence).then().statusCode(404);
        as("auditor").get("/api/v1/recommendations/" + known).then().statusCode(200)
                .body("status", equalTo("NO_EVIDENCE"))
                .body("evidence", org.hamcrest.Matchers.empty());
    }

    @Test
    void aRecommendationOfAReportTheGatewayNeverHeardOfIsHeldBackUntilTheReportArrives() {
        CountryYear where = TestEvents.uniqueCountryYear();
        UUID report = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        publishAndAwait(recommendation(id, 1, report, where, 1, "Prosecute.", null, RecommendationState.ACTIVE,
                minutesAgo(10)));

        as("diplomat").get("/api/v1/recommendations/" + id).then().statusCode(404).contentType("application/problem+json");
        as("diplomat").queryParam("country", where.country()).queryParam("year", where.year())
                .get("/api/v1/recommendations").then().statusCode(200).body("totalItems", equalTo(0));

        publishAndAwait(TestEvents.report(report, 1, where, Tier.TIER_2, minutesAgo(10)));
        as("diplomat").get("/api/v1/recommendations/" + id).then().statusCode(200)
                .body("report.id", equalTo(report.toString()));
    }

    @Test
    void anEventOnATopicItsOwnerDoesNotWriteGoesToTheDeadLetterTopic() {
        CountryYear where = TestEvents.uniqueCountryYear();
        UUID report = publishedReport(where);
        UUID recommendation = UUID.randomUUID();
        publishAndAwait(recommendation(recommendation, 1, report, where, 1, "Prosecute.", null,
                RecommendationState.ACTIVE, minutesAgo(10)));
        UUID evidence = UUID.randomUUID();
        UUID forgedReport = UUID.randomUUID();
        // Evidence on the recommendations topic, a report on the evidence topic: well formed, on the wrong topic.
        RecordMetadata forgedEvidence = TestEvents.send(Topics.RECOMMENDATIONS, evidence.toString(),
                TestEvents.publishable(TestEvents.evidence(evidence, 1, recommendation, Assessment.FULFILLS,
                        LocalDate.of(2023, 3, 1), "ngo-a", Visibility.PUBLIC, EvidenceState.VERIFIED, minutesAgo(5))));
        RecordMetadata forgedReportRecord = TestEvents.send(Topics.EVIDENCE, forgedReport.toString(),
                TestEvents.publishable(TestEvents.report(forgedReport, 1, where.nextYear(), Tier.TIER_1, minutesAgo(5))));
        TestEvents.awaitHandled(forgedEvidence);
        TestEvents.awaitHandled(forgedReportRecord);

        as("auditor").get("/api/v1/evidence/" + evidence).then().statusCode(404);
        as("auditor").get("/api/v1/reports/" + forgedReport).then().statusCode(404);
        as("auditor").get("/api/v1/recommendations/" + recommendation).then().statusCode(200)
                .body("status", equalTo("NO_EVIDENCE"));
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        assertThat(reason(TopicReader.read(bootstrap, Topics.RECOMMENDATIONS + ".gateway.dlq", Set.of(evidence.toString()),
                1, Duration.ofSeconds(30)), evidence.toString()))
                .contains("came on " + Topics.RECOMMENDATIONS + " but belongs on " + Topics.EVIDENCE);
        assertThat(reason(TopicReader.read(bootstrap, Topics.EVIDENCE + ".gateway.dlq", Set.of(forgedReport.toString()),
                1, Duration.ofSeconds(30)), forgedReport.toString()))
                .contains("came on " + Topics.EVIDENCE + " but belongs on " + Topics.RECOMMENDATIONS);
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

        CountryYear where = TestEvents.uniqueCountryYear();
        UUID recommendation = UUID.randomUUID();
        publishAndAwait(recommendation(recommendation, 1, publishedReport(where), where, 1, "Prosecute.", null,
                RecommendationState.ACTIVE, minutesAgo(10)));
        UUID later = UUID.randomUUID();
        publishAndAwait(TestEvents.evidence(later, 1, recommendation, Assessment.ADVANCES, LocalDate.of(2023, 3, 1),
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
    void theConsumerLagAndTheWatermarkAreInTheReadinessCheckAndTheLagInTheMetrics() {
        RecordMetadata sent = publish(TestEvents.report(UUID.randomUUID(), 1, TestEvents.uniqueCountryYear(), Tier.TIER_1,
                minutesAgo(1)));
        TestEvents.awaitHandled(sent);
        await().atMost(Duration.ofSeconds(30)).until(() -> lag.measure()
                .map(values -> values.equals(Map.of(Topics.RECOMMENDATIONS, 0L, Topics.EVIDENCE, 0L))).orElse(false));

        io.restassured.RestAssured.get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'read-model' }.data.'lag rectrack.recommendations.v1'", equalTo(0));
        // And how far knownAt has reached: past the record just handled, once measured.
        await().atMost(Duration.ofSeconds(30)).until(() -> Instant.parse(io.restassured.RestAssured
                .get("/q/health/ready").then().statusCode(200).extract()
                .<String> path("checks.find { it.name == 'read-model' }.data.'known-at watermark'"))
                .isAfter(Instant.ofEpochMilli(sent.timestamp())));
        // The value too: the gauge reads this application's measurement, not one of an earlier start in this JVM.
        io.restassured.RestAssured.get("/q/metrics").then().statusCode(200)
                .body(containsString("rectrack_gateway_consumer_lag{topic=\"rectrack.recommendations.v1\"} 0.0"));
    }

    /** A report of the country-year, published long ago and applied. */
    private static UUID publishedReport(CountryYear where) {
        UUID report = UUID.randomUUID();
        publishAndAwait(TestEvents.report(report, 1, where, Tier.TIER_2, minutesAgo(30)));
        return report;
    }

    /** Every stored version of the recommendation, whole (each row as JSON), in version order. */
    @SuppressWarnings("unchecked")
    private static List<String> recommendationRows(UUID recommendationId) {
        return QuarkusTransaction.requiringNew().call(() -> TestEvents.entityManager().createNativeQuery(
                "select to_jsonb(r)::text from recommendation_version r where r.recommendation_id = :id order by r.version")
                .setParameter("id", recommendationId).getResultList());
    }

    /** The ids of the evidence in the reviewers' queue (every page of it). */
    private static List<String> queue() {
        return ids("/api/v1/evidence", Map.of("state", "SUBMITTED"), item -> item.get("state").equals("SUBMITTED"));
    }

    /**
     * The ids of every item of every page of a list, asserting that each item meets the filter's condition: a
     * filter is checked on all it answers, not on one item found among them.
     */
    private static List<String> ids(String path, Map<String, Object> filter, Predicate<Map<String, Object>> selected) {
        List<String> ids = new ArrayList<>();
        int totalPages = 1;
        for (int page = 0; page < totalPages; page++) {
            JsonPath answer = as("auditor", "audit").queryParams(filter).queryParam("page", page).queryParam("size", 100)
                    .get(path).then().statusCode(200).extract().jsonPath();
            totalPages = answer.getInt("totalPages");
            List<Map<String, Object>> items = answer.getList("items");
            assertThat(items).as("%s with %s, page %d", path, filter, page).allMatch(selected);
            items.forEach(item -> ids.add((String) item.get("id")));
        }
        return ids;
    }

    /** The answer but the instant it is as known at: what a later question (after a sentinel was recorded) shares with it. */
    private static String withoutKnownAt(String answer) {
        return answer.replaceFirst("\"knownAt\":\"[^\"]*\"", "");
    }

    private static String reason(List<ConsumerRecord<String, String>> records, String key) {
        ConsumerRecord<String, String> record = records.stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
        return new String(record.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
    }
}
