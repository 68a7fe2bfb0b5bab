package org.rectrack.recommendations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.Concurrently;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.deploy.infra.testing.Seeds;
import org.rectrack.deploy.infra.testing.TestTokens;
import org.rectrack.deploy.infra.testing.TopicReader;
import org.rectrack.events.EventCodec;
import org.rectrack.events.EventEnvelope;
import org.rectrack.events.Topics;
import org.rectrack.events.outbox.OutboxRelay;
import org.rectrack.events.recommendations.RecommendationChanged;
import org.rectrack.recommendations.Recommendation;
import org.rectrack.recommendations.Report;

/**
 * Admins acting on one report at the same moment: the same import or publication sent eight times at once,
 * eight revisions of one recommendation at once. One report, no 500, revisions numbered without gaps, and the
 * topic holds exactly the versions the database holds, each once.
 */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class ConcurrentWritesTest {

    private static final int CLIENTS = 8;
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @Inject
    EventCodec codec;

    @Inject
    OutboxRelay relay;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void eightImportsOfOneTextAtOnceStoreOneReportAndAnswerItToAll() {
        String publisher = "Concurrent import " + UUID.randomUUID();
        String text = Seeds.read(Seeds.REPORT_2023);

        List<Response> answers = Concurrently.run(CLIENTS, client -> admin().contentType("text/plain; charset=UTF-8")
                .queryParam("publisher", publisher).body(text).post("/api/v1/reports/import"), TIMEOUT);

        assertThat(answers).extracting(Response::statusCode).containsOnly(201, 200);
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 201).hasSize(1)
                .allSatisfy(answer -> assertThat(answer.<Boolean> path("created")).isTrue());
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 200)
                .allSatisfy(answer -> assertThat(answer.<Boolean> path("created")).isFalse());
        String reportId = answers.getFirst().path("report.id");
        assertThat(answers).extracting(answer -> answer.<String> path("report.id")).containsOnly(reportId);
        assertThat(answers).extracting(answer -> answer.<List<String>> path("report.recommendations.id"))
                .containsOnly(answers.getFirst().<List<String>> path("report.recommendations.id"));
        assertThat(reportsBy(publisher)).isEqualTo(1);
        assertTopicMatchesDatabase(UUID.fromString(reportId));
    }

    @Test
    void eightPublicationsOfOneReportAtOnceStoreOneAndRefuseTheRestWithAConflict() {
        Map<String, Object> report = TestReports.report(2023, "Prosecute traffickers.", "Screen for indicators.");

        List<Response> answers = Concurrently.run(CLIENTS, client -> admin().contentType(ContentType.JSON)
                .body(report).post("/api/v1/reports"), TIMEOUT);

        assertThat(answers).extracting(Response::statusCode).containsOnly(201, 409);
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 201).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 409).hasSize(CLIENTS - 1).allSatisfy(answer -> {
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.<String> path("type")).isEqualTo("urn:rectrack:problem:conflict");
            assertThat(answer.<String> path("detail")).contains("already published");
        });
        assertThat(reportsBy((String) report.get("publisher"))).isEqualTo(1);
        String reportId = answers.stream().filter(answer -> answer.statusCode() == 201).findFirst().orElseThrow()
                .path("id");
        assertTopicMatchesDatabase(UUID.fromString(reportId));
    }

    @Test
    void eightRevisionsOfOneRecommendationAtOnceAreNumberedWithoutGapsOrDuplicates() {
        JsonPath published = TestReports.publish(TestReports.report(2023, "Prosecute traffickers."))
                .statusCode(201).extract().jsonPath();
        String id = published.getString("recommendations[0].id");

        List<Response> answers = Concurrently.run(CLIENTS, client -> admin().contentType(ContentType.JSON)
                .body(Map.of("text", "Prosecute traffickers, wording " + client + ".", "reason", "client " + client))
                .post("/api/v1/recommendations/" + id + "/revisions"), TIMEOUT);

        assertThat(answers).extracting(Response::statusCode).containsOnly(201);
        assertThat(answers).extracting(answer -> answer.<Integer> path("revision"))
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(2, CLIENTS + 1).boxed().toList());
        List<Map<String, Object>> revisions = admin().get("/api/v1/recommendations/" + id + "/revisions")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(revisions).extracting(revision -> revision.get("revision"))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, CLIENTS + 1).boxed().toList());
        // Each client's text is on record under the revision number it was answered.
        for (Response answer : answers) {
            assertThat(revisions.get(answer.<Integer> path("revision") - 1).get("text")).isEqualTo(answer.path("text"));
        }
        assertTopicMatchesDatabase(UUID.fromString(published.getString("id")));
    }

    @Test
    void eightWithdrawalsOfOneRecommendationAtOnceWithdrawItOnceAndRefuseTheRest() {
        JsonPath published = TestReports.publish(TestReports.report(2023, "Prosecute traffickers."))
                .statusCode(201).extract().jsonPath();
        String id = published.getString("recommendations[0].id");

        List<Response> answers = Concurrently.run(CLIENTS, client -> admin().contentType(ContentType.JSON)
                .body(Map.of("reason", "duplicate entry, client " + client))
                .post("/api/v1/recommendations/" + id + "/withdraw"), TIMEOUT);

        assertThat(answers).extracting(Response::statusCode).containsOnly(200, 409);
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 200).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 409)
                .allSatisfy(answer -> assertThat(answer.contentType()).startsWith("application/problem+json"));
        assertTopicMatchesDatabase(UUID.fromString(published.getString("id")));
    }

    /**
     * Once the outbox is empty, the topic holds for the report and each of its recommendations exactly the
     * versions 1 to the stored version, each once, in order, and the last one carries the stored text.
     */
    private void assertTopicMatchesDatabase(UUID reportId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> relay.pending() == 0);
        Map<UUID, Long> stored = QuarkusTransaction.requiringNew().call(() -> {
            Map<UUID, Long> versions = Recommendation.<Recommendation> list("report.id", reportId).stream()
                    .collect(Collectors.toMap(Recommendation::id, Recommendation::version));
            versions.put(reportId, Report.<Report> findById(reportId).version());
            return versions;
        });
        Map<UUID, String> texts = QuarkusTransaction.requiringNew().call(() -> Recommendation.<Recommendation> list(
                "report.id", reportId).stream().collect(Collectors.toMap(Recommendation::id, Recommendation::text)));
        Set<String> keys = new HashSet<>();
        stored.keySet().forEach(id -> keys.add(id.toString()));

        List<EventEnvelope<?>> events = TopicReader.readToEnd(kafka, Topics.RECOMMENDATIONS, keys, Duration.ofSeconds(60))
                .stream().map(ConsumerRecord::value).<EventEnvelope<?>> map(codec::decode).toList();

        Map<UUID, List<Long>> published = events.stream().collect(Collectors.groupingBy(EventEnvelope::aggregateId,
                Collectors.mapping(EventEnvelope::aggregateVersion, Collectors.toList())));
        System.out.printf("report %s: %d aggregates, %d versions stored, %d events on the topic%n", reportId,
                stored.size(), stored.values().stream().mapToLong(Long::longValue).sum(), events.size());
        assertThat(published.keySet()).containsExactlyInAnyOrderElementsOf(stored.keySet());
        stored.forEach((aggregate, version) -> assertThat(published.get(aggregate))
                .as("versions of %s on the topic", aggregate)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, version).boxed().toList()));
        texts.forEach((recommendation, text) -> assertThat(events.stream()
                .filter(event -> event.aggregateId().equals(recommendation))
                .map(event -> ((RecommendationChanged) event.data()).text())
                .reduce((earlier, later) -> later)).contains(text));
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.forRole("admin"));
    }

    private static long reportsBy(String publisher) {
        return QuarkusTransaction.requiringNew().call(() -> Report.count("publisher", publisher));
    }
}
