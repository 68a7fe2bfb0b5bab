package org.rectrack.recommendations.drafts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.deploy.infra.testing.Seeds;
import org.rectrack.deploy.infra.testing.TestTokens;
import org.rectrack.deploy.infra.testing.TopicReader;
import org.rectrack.events.EventCodec;
import org.rectrack.events.EventEnvelope;
import org.rectrack.events.Topics;
import org.rectrack.events.outbox.OutboxRelay;
import org.rectrack.events.recommendations.EvidenceProposed;

/** An import's draft evidence, as events on the real recommendations topic and as unmatched findings. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class DraftEvidenceProposalTest {

    @Inject
    EventCodec codec;

    @Inject
    OutboxRelay relay;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void eachLinkedDraftIsAnEventOnThePartitionOfItsRecommendationAfterItsCreation() {
        String publisher = publisher();
        List<String> ids2022 = importText(publisher, Seeds.LAO_NEWS_AND_REPORT_2022).statusCode(201)
                .body("drafts.proposed", equalTo(0))
                .extract().jsonPath().getList("report.recommendations.id");
        JsonPath second = importText(publisher, Seeds.REPORT_2023).statusCode(201).extract().jsonPath();

        List<String> linked = second.getList("draftEvidence.findAll { it.recommendation != null }.recommendation.recommendationId");
        List<String> quotes = second.getList("draftEvidence.findAll { it.recommendation != null }.quote");
        List<String> draftIds = second.getList("drafts.draftIds");
        assertThat(linked).isNotEmpty().allSatisfy(id -> assertThat(ids2022).contains(id));
        assertThat(draftIds).hasSameSizeAs(linked).doesNotHaveDuplicates();
        assertThat(second.getInt("drafts.unmatched"))
                .isEqualTo(second.getList("draftEvidence").size() - linked.size());

        List<ConsumerRecord<String, String>> records = TopicReader.read(kafka, Topics.RECOMMENDATIONS,
                Set.copyOf(linked), Set.copyOf(linked).size() + draftIds.size(), Duration.ofSeconds(30));
        for (int i = 0; i < draftIds.size(); i++) {
            String recommendation = linked.get(i);
            List<EventEnvelope<?>> onItsKey = records.stream().filter(r -> r.key().equals(recommendation))
                    .<EventEnvelope<?>> map(r -> codec.decode(r.value())).toList();
            assertThat(onItsKey.getFirst().type()).isEqualTo("rectrack.recommendation.changed");
            String draftId = draftIds.get(i);
            EvidenceProposed draft = onItsKey.stream().filter(e -> e.aggregateId().toString().equals(draftId))
                    .map(e -> (EvidenceProposed) e.data()).findFirst().orElseThrow();
            assertThat(draft.recommendationId()).hasToString(recommendation);
            assertThat(draft.summary()).isEqualTo(quotes.get(i));
            assertThat(draft.source().documentReference()).isEqualTo("rectrack report " + second.getString("report.id"));
            assertThat(draft.proposedBy()).isNotBlank();
        }
    }

    @Test
    void findingsAboutAYearWhoseReportIsNotStoredAreKeptListedAndAttachable() {
        String publisher = publisher();
        JsonPath imported = importText(publisher, Seeds.LAO_NEWS_AND_REPORT_2022).statusCode(201).extract().jsonPath();
        List<String> kept = imported.getList("drafts.unmatchedFindingIds");
        assertThat(kept).hasSize(imported.getList("draftEvidence").size()).isNotEmpty();

        admin().queryParam("country", "LAO").queryParam("year", "2021").queryParam("size", 100)
                .get("/api/v1/unmatched-findings").then().statusCode(200)
                .body("items.country", everyItem(equalTo("LAO")))
                .body("items.year", everyItem(equalTo(2021)));
        String finding = kept.getFirst();
        admin().get("/api/v1/unmatched-findings/" + finding).then().statusCode(200)
                .body("reportId", equalTo(imported.getString("report.id")))
                .body("reportYear", equalTo(2022))
                .body("year", equalTo(2021))
                .body("quote", equalTo(imported.getString("draftEvidence[0].quote")))
                .body("attachedTo.size()", equalTo(0));

        String recommendation = imported.getString("report.recommendations[0].id");
        for (int i = 0; i < 2; i++) {
            admin().body(Map.of("recommendationIds", List.of(recommendation)))
                    .post("/api/v1/unmatched-findings/" + finding + "/attach").then().statusCode(200)
                    .body("attachedTo", contains(recommendation));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
        List<EvidenceProposed> proposed = TopicReader.readToEnd(kafka, Topics.RECOMMENDATIONS, Set.of(recommendation),
                Duration.ofSeconds(30)).stream()
                .<EventEnvelope<?>> map(record -> codec.decode(record.value()))
                .filter(event -> event.data() instanceof EvidenceProposed)
                .map(event -> (EvidenceProposed) event.data())
                .toList();
        assertThat(proposed).hasSize(1);
        assertThat(proposed.getFirst().findingId()).hasToString(finding);
        assertThat(proposed.getFirst().summary()).isEqualTo(imported.getString("draftEvidence[0].quote"));
    }

    @Test
    void attachingToWhatCannotTakeItIsRefusedNamingEachRecommendation() {
        String publisher = publisher();
        String finding = importText(publisher, Seeds.LAO_NEWS_AND_REPORT_2022).statusCode(201).extract().jsonPath()
                .getString("drafts.unmatchedFindingIds[0]");
        UUID unknown = UUID.randomUUID();

        admin().body(Map.of("recommendationIds", List.of(unknown.toString())))
                .post("/api/v1/unmatched-findings/" + finding + "/attach").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("recommendationIds[0]"));
        admin().body(Map.of("recommendationIds", List.of(unknown.toString())))
                .post("/api/v1/unmatched-findings/" + UUID.randomUUID() + "/attach").then().statusCode(404)
                .contentType("application/problem+json");
        admin().body(Map.of("recommendationIds", List.of()))
                .post("/api/v1/unmatched-findings/" + finding + "/attach").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.forRole("ngo")).get("/api/v1/unmatched-findings").then().statusCode(403);
    }

    @Test
    void reimportingTheSameTextProposesNothingAgain() {
        String publisher = publisher();
        importText(publisher, Seeds.LAO_NEWS_AND_REPORT_2022).statusCode(201);
        String recommendation = importText(publisher, Seeds.REPORT_2023).statusCode(201).extract().jsonPath()
                .getString("drafts.draftIds[0]");
        assertThat(recommendation).isNotNull();

        importText(publisher, Seeds.REPORT_2023).statusCode(200)
                .body("created", equalTo(false))
                .body("drafts", equalTo(null));
    }

    private static ValidatableResponse importText(String publisher, String seed) {
        return admin().contentType("text/plain; charset=UTF-8")
                .body(Seeds.read(seed).getBytes(StandardCharsets.UTF_8))
                .queryParam("publisher", publisher)
                .post("/api/v1/reports/import").then();
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.forRole("admin")).contentType("application/json");
    }

    private static String publisher() {
        return "U.S. Department of State (drafts " + UUID.randomUUID().toString().substring(0, 8) + ")";
    }
}
