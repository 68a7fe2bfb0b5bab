package org.rectrack.recommendations.publishing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.deploy.infra.testing.TestTokens;
import org.rectrack.recommendations.TestReports;
import org.rectrack.deploy.infra.testing.TopicReader;
import org.rectrack.events.EventCodec;
import org.rectrack.events.EventEnvelope;
import org.rectrack.events.Topics;
import org.rectrack.events.recommendations.RecommendationChanged;
import org.rectrack.events.recommendations.ReportChanged;

/** Reads the real rectrack.recommendations.v1 topic, as a consumer would. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class RecommendationEventsTest {

    @Inject
    EventCodec codec;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void publishingAReportSendsTheFullStateOfTheReportAndOfEachRecommendation() {
        Map<String, Object> report = TestReports.report(2023, "Vigorously investigate and prosecute traffickers.",
                "ສືບສວນ ຜູ້ຄ້າມະນຸດ");
        var published = TestReports.publish(report).statusCode(201).extract().jsonPath();
        String reportId = published.getString("id");
        List<String> ids = published.getList("recommendations.id");

        List<ConsumerRecord<String, String>> records = TopicReader.read(kafka, Topics.RECOMMENDATIONS,
                Set.of(reportId, ids.get(0), ids.get(1)), 3, Duration.ofSeconds(30));

        assertThat(records).hasSize(3);
        ConsumerRecord<String, String> reportRecord = only(records, reportId);
        EventEnvelope<?> reportEvent = codec.decode(reportRecord.value());
        assertThat(reportEvent.type()).isEqualTo("rectrack.report.changed");
        assertThat(reportEvent.schemaVersion()).isEqualTo(1);
        assertThat(reportEvent.aggregateVersion()).isEqualTo(1);
        assertThat(reportEvent.aggregateId()).hasToString(reportId);
        assertThat(new String(reportRecord.headers().lastHeader("event-type").value(), StandardCharsets.UTF_8))
                .isEqualTo("rectrack.report.changed");
        ReportChanged reportState = (ReportChanged) reportEvent.data();
        assertThat(reportState.publisher()).isEqualTo(report.get("publisher"));
        assertThat(reportState.tier().name()).isEqualTo("TIER_2");
        assertThat(reportState.recommendationCount()).isEqualTo(2);

        EventEnvelope<?> second = codec.decode(only(records, ids.get(1)).value());
        assertThat(second.type()).isEqualTo("rectrack.recommendation.changed");
        RecommendationChanged state = (RecommendationChanged) second.data();
        assertThat(state.code()).isEqualTo("LAO-2023-02");
        assertThat(state.text()).isEqualTo("ສືບສວນ ຜູ້ຄ້າມະນຸດ");
        assertThat(state.reportId()).hasToString(reportId);
        assertThat(state.rank()).isEqualTo(2);
        assertThat(state.state().name()).isEqualTo("ACTIVE");
        assertThat(state.change()).isEqualTo("CREATED");
    }

    @Test
    void everyChangeOfARecommendationIsAnEventWithTheNextAggregateVersion() {
        String id = TestReports.publishRecommendations(2023, "Publicize hotlines.").getFirst();
        admin().body(Map.of("text", "Publicize and staff hotlines.", "reason", "wording"))
                .post("/api/v1/recommendations/" + id + "/revisions").then().statusCode(201);
        admin().body(Map.of("reason", "merged into another"))
                .post("/api/v1/recommendations/" + id + "/withdraw").then().statusCode(200);

        List<EventEnvelope<?>> events = TopicReader.read(kafka, Topics.RECOMMENDATIONS, Set.of(id), 3,
                Duration.ofSeconds(30)).stream()
                .<EventEnvelope<?>> map(record -> codec.decode(record.value()))
                .toList();
        List<RecommendationChanged> states = events.stream()
                .map(event -> (RecommendationChanged) event.data())
                .toList();

        assertThat(events).extracting(EventEnvelope::aggregateVersion).containsExactly(1L, 2L, 3L);
        assertThat(states).extracting(RecommendationChanged::change).containsExactly("CREATED", "REVISED", "WITHDRAWN");
        assertThat(states).extracting(RecommendationChanged::revision).containsExactly(1, 2, 2);
        assertThat(states.getLast().text()).isEqualTo("Publicize and staff hotlines.");
    }

    @Test
    void aCorrectedReportAndAnUnlinkedRecommendationAreEventsWithTheFullNewState() {
        Map<String, Object> report = TestReports.report(2023, "Publicize and staff all hotlines.");
        var published = TestReports.publish(report).statusCode(201).extract().jsonPath();
        String reportId = published.getString("id");
        String later = published.getString("recommendations[0].id");
        String earlier = TestReports.publishRecommendations(2022, "Publicize hotlines.").getFirst();
        admin().body(Map.of("tier", "TIER_3", "publisher", report.get("publisher"), "title", "Laos, corrected"))
                .put("/api/v1/reports/" + reportId + "/metadata").then().statusCode(200);
        admin().body(Map.of("continuesFromId", earlier))
                .put("/api/v1/recommendations/" + later + "/continues-from").then().statusCode(200);
        admin().delete("/api/v1/recommendations/" + later + "/continues-from").then().statusCode(200);

        List<EventEnvelope<?>> events = TopicReader.read(kafka, Topics.RECOMMENDATIONS, Set.of(reportId, later), 5,
                Duration.ofSeconds(30)).stream()
                .<EventEnvelope<?>> map(record -> codec.decode(record.value()))
                .toList();

        List<EventEnvelope<?>> reportEvents = events.stream().filter(e -> e.aggregateId().toString().equals(reportId)).toList();
        assertThat(reportEvents).extracting(EventEnvelope::aggregateVersion).containsExactly(1L, 2L);
        ReportChanged corrected = (ReportChanged) reportEvents.getLast().data();
        assertThat(corrected.tier().name()).isEqualTo("TIER_3");
        assertThat(corrected.title()).isEqualTo("Laos, corrected");
        assertThat(corrected.sourceUrl()).isNull();
        assertThat(corrected.country()).isEqualTo("LAO");
        assertThat(corrected.recommendationCount()).isEqualTo(1);
        List<RecommendationChanged> states = events.stream().filter(e -> e.aggregateId().toString().equals(later))
                .map(event -> (RecommendationChanged) event.data()).toList();
        assertThat(states).extracting(RecommendationChanged::change).containsExactly("CREATED", "LINKED", "LINKED");
        assertThat(states).extracting(state -> state.continuesFromId() == null ? null : state.continuesFromId().toString())
                .containsExactly(null, earlier, null);
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.forRole("admin")).contentType(ContentType.JSON);
    }

    private static ConsumerRecord<String, String> only(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(record -> record.key().equals(key)).findFirst().orElseThrow();
    }
}
