package org.rectrack.gateway.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.rectrack.gateway.TestCallers.as;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.deploy.infra.testing.Seeds;
import org.rectrack.gateway.TestEvents.CountryYear;
import org.rectrack.gateway.TestEvents;

/**
 * The whole system through the gateway: the real recommendations-service and evidence-service run as child
 * processes from their jars, on the same PostgreSQL server and Kafka broker as the gateway.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
@WithTestResource(RunningServices.class)
class EndToEndTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);

    @TestHTTPResource("/api/v1/")
    String gatewayApi;

    @Test
    void evidenceSubmittedThenVerifiedMovesTheStatusAndRetractingItMovesItBack() {
        UUID recommendation = publishReport(TestEvents.uniqueCountryYear());
        await().atMost(EVENTUALLY).until(() -> status(recommendation).getString("status") != null);
        assertThat(status(recommendation).getString("status")).isEqualTo("NO_EVIDENCE");

        // The evidence-service learns of the recommendation from the topic: until then it refuses evidence with 422.
        String key = UUID.randomUUID().toString();
        Response submitted = await().atMost(EVENTUALLY).until(() -> as("ngo", "ngo-e2e")
                .header("Idempotency-Key", key).body(evidenceOn(recommendation)).post("/api/v1/evidence"),
                response -> response.statusCode() != 422);
        submitted.then().statusCode(201).header("Location", startsWith(gatewayApi + "evidence/"));
        String evidence = submitted.path("id");
        await().atMost(EVENTUALLY).until(() -> status(recommendation).getInt("pendingCount") == 1);
        assertThat(status(recommendation).getString("status")).isEqualTo("NO_EVIDENCE");

        as("reviewer", "board").body(Map.of("note", "Checked against the ministry's notice"))
                .post("/api/v1/evidence/" + evidence + "/verify").then().statusCode(200)
                .body("state", equalTo("VERIFIED"));
        long verified = System.nanoTime();
        await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(10))
                .until(() -> "IN_PROGRESS".equals(status(recommendation).getString("status")));
        System.out.printf("Status latency end to end (verify answered → status changed at the gateway): %d ms%n",
                (System.nanoTime() - verified) / 1_000_000);
        as("diplomat", "embassy").get("/api/v1/recommendations/" + recommendation).then().statusCode(200)
                .body("rule", equalTo("SOME_ADVANCES"))
                .body("evidenceIds", contains(evidence))
                .body("pendingCount", equalTo(0));
        Instant whileVerified = Instant.now();

        as("ngo", "ngo-e2e").body(Map.of("reason", "The figure was misreported"))
                .post("/api/v1/evidence/" + evidence + "/retract").then().statusCode(200)
                .body("state", equalTo("RETRACTED"));
        await().atMost(EVENTUALLY).until(() -> "NO_EVIDENCE".equals(status(recommendation).getString("status")));
        as("auditor", "audit").queryParam("knownAt", whileVerified.toString())
                .get("/api/v1/recommendations/" + recommendation).then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"));
        as("diplomat", "embassy").get("/api/v1/evidence/" + evidence).then().statusCode(200)
                .body("history.state", contains("SUBMITTED", "VERIFIED", "RETRACTED"));
    }

    @Test
    void importingLaos2022Then2023SubmitsTheDraftEvidenceForReviewAndLinksTheRepeats() {
        // A publisher of its own: lineage and the previous year's report are looked up per publisher.
        String publisher = "U.S. Department of State (e2e " + UUID.randomUUID().toString().substring(0, 8) + ")";
        JsonPath first = importSeed(Seeds.LAO_NEWS_AND_REPORT_2022, publisher).then().statusCode(201)
                .header("Location", startsWith(gatewayApi + "reports/"))
                .body("report.year", equalTo(2022))
                .body("drafts.proposed", equalTo(0)) // no 2021 recommendations to bear on
                .extract().jsonPath();
        List<String> ids2022 = first.getList("report.recommendations.id");
        assertThat(first.getInt("drafts.unmatched")).isEqualTo(first.getList("draftEvidence").size()).isPositive();

        // The 2022 recommendations reach the evidence-service before the drafts about them: nothing waits here.
        JsonPath second = importSeed(Seeds.REPORT_2023, publisher).then().statusCode(201)
                .body("report.year", equalTo(2023))
                .extract().jsonPath();
        List<String> linkedDrafts = second.getList("draftEvidence.findAll { it.recommendation != null }.recommendation.recommendationId");
        List<String> quotes = second.getList("draftEvidence.findAll { it.recommendation != null }.quote");
        assertThat(linkedDrafts).isNotEmpty().allSatisfy(id -> assertThat(ids2022).contains(id));
        assertThat(second.getList("drafts.draftIds")).hasSameSizeAs(linkedDrafts);

        List<String> evidenceIds = awaitDraftEvidence(linkedDrafts, quotes);
        for (int i = 0; i < evidenceIds.size(); i++) {
            as("reviewer", "board").get("/api/v1/evidence/" + evidenceIds.get(i)).then().statusCode(200)
                    .body("state", equalTo("SUBMITTED"))
                    .body("organisation", equalTo("report-import"))
                    .body("origin", equalTo("ADMIN"))
                    .body("recommendations[0].recommendationId", equalTo(linkedDrafts.get(i)))
                    .body("source.documentReference", equalTo("rectrack report " + second.getString("report.id")))
                    .body("source.quote", equalTo(quotes.get(i)));
        }

        // Imported again: nothing new is written, so nothing is proposed twice.
        importSeed(Seeds.REPORT_2023, publisher).then().statusCode(200).body("created", equalTo(false));
        assertThat(awaitDraftEvidence(linkedDrafts, quotes)).containsExactlyElementsOf(evidenceIds);

        // An NGO whose identity provider names it "report-import" is not the importer: the drafts are no NGO's own.
        as("ngo", "report-import").body(Map.of("reason", "ours now"))
                .post("/api/v1/evidence/" + evidenceIds.getFirst() + "/retract").then()
                .statusCode(403).contentType("application/problem+json");
        as("reviewer", "board").get("/api/v1/evidence/" + evidenceIds.getFirst()).then().statusCode(200)
                .body("state", equalTo("SUBMITTED"));

        // Hotlines: 2023's 8th recommendation repeats 2022's 6th.
        String hotlines2023 = second.getString("report.recommendations[7].id");
        await().atMost(EVENTUALLY).until(() -> status(UUID.fromString(hotlines2023)).getList("lineage.id"),
                lineage -> lineage != null && !lineage.isEmpty());
        as("diplomat", "embassy").get("/api/v1/recommendations/" + hotlines2023).then().statusCode(200)
                .body("lineage[0].id", equalTo(ids2022.get(5)))
                .body("lineage[0].year", equalTo(2022))
                .body("firstYear", equalTo(2022))
                .body("outstandingSince", equalTo(2022));
        await().atMost(EVENTUALLY).until(() -> status(UUID.fromString(linkedDrafts.getFirst())).get("pendingCount"),
                (Integer pending) -> pending != null && pending >= 1);
    }

    @Test
    void theFindingsAbout2021AreKeptAndAnAdminAttachesOneToARecommendation() {
        String publisher = "U.S. Department of State (e2e " + UUID.randomUUID().toString().substring(0, 8) + ")";
        JsonPath imported = importSeed(Seeds.LAO_NEWS_AND_REPORT_2022, publisher).then().statusCode(201)
                .extract().jsonPath();
        String finding = imported.getString("drafts.unmatchedFindingIds[0]");
        String quote = imported.getString("draftEvidence[0].quote");
        String recommendation = imported.getString("report.recommendations[0].id");

        as("admin").queryParam("country", "LAO").queryParam("year", "2021").get("/api/v1/unmatched-findings").then()
                .statusCode(200).body("items.year", everyItem(equalTo(2021)))
                .body("totalItems", greaterThanOrEqualTo(imported.getInt("drafts.unmatched")));
        as("admin").get("/api/v1/unmatched-findings/" + finding).then().statusCode(200)
                .body("quote", equalTo(quote)).body("year", equalTo(2021)).body("reportYear", equalTo(2022));
        as("ngo", "ngo-e2e").get("/api/v1/unmatched-findings").then().statusCode(403);

        for (int attempt = 0; attempt < 2; attempt++) {
            as("admin").body(Map.of("recommendationIds", List.of(recommendation)))
                    .post("/api/v1/unmatched-findings/" + finding + "/attach").then().statusCode(200)
                    .body("attachedTo", contains(recommendation));
        }
        String evidence = awaitDraftEvidence(List.of(recommendation), List.of(quote)).getFirst();
        as("reviewer", "board").get("/api/v1/evidence/" + evidence).then().statusCode(200)
                .body("state", equalTo("SUBMITTED"))
                .body("origin", equalTo("ADMIN"))
                .body("source.documentReference", equalTo("rectrack report " + imported.getString("report.id")));
    }

    /**
     * The evidence the evidence-service records of each draft (the i-th bears on {@code recommendations[i]} and
     * quotes {@code quotes[i]}), once each recommendation has exactly its drafts as evidence: one per draft, in
     * the drafts' order.
     */
    private static List<String> awaitDraftEvidence(List<String> recommendations, List<String> quotes) {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (int i = 0; i < recommendations.size(); i++) {
            expected.computeIfAbsent(recommendations.get(i), id -> new ArrayList<>()).add(quotes.get(i));
        }
        Map<String, JsonPath> found = new HashMap<>();
        await().atMost(EVENTUALLY).until(() -> {
            for (var entry : expected.entrySet()) {
                JsonPath page = as("reviewer", "board").queryParam("recommendationId", entry.getKey())
                        .queryParam("size", 100).get("/api/v1/evidence").jsonPath();
                List<String> onIt = page.getList("items.source.quote", String.class);
                if (onIt.size() != entry.getValue().size() || !onIt.containsAll(entry.getValue())) {
                    return false;
                }
                found.put(entry.getKey(), page);
            }
            return true;
        });
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < recommendations.size(); i++) {
            JsonPath page = found.get(recommendations.get(i));
            int index = page.getList("items.source.quote", String.class).indexOf(quotes.get(i));
            ids.add(page.getString("items[" + index + "].id"));
        }
        return ids;
    }

    @Test
    void anAdminCorrectsRevisesLinksUnlinksAndWithdrawsThroughTheGatewayAndTheReadSideShowsEachChange() {
        CountryYear earlierYear = TestEvents.uniqueCountryYear();
        CountryYear later = earlierYear.nextYear();
        UUID earlier = publishReport(earlierYear);
        Response published = publish(later);
        UUID report = UUID.fromString(published.path("id"));
        UUID recommendation = UUID.fromString(published.path("recommendations[0].id"));
        String publisher = published.path("publisher");

        as("admin").body(Map.of("tier", "TIER_3", "publisher", publisher, "title", "Corrected title"))
                .put("/api/v1/reports/" + report + "/metadata").then().statusCode(200)
                .body("tier", equalTo("TIER_3")).body("version", equalTo(2));
        await().atMost(EVENTUALLY).until(() -> as("diplomat", "embassy").get("/api/v1/reports/" + report)
                .path("tier"), "TIER_3"::equals);
        as("diplomat", "embassy").get("/api/v1/reports/" + report).then().body("title", equalTo("Corrected title"));

        as("admin").body(Map.of("text", "Vigorously investigate and prosecute traffickers, including officials.",
                "reason", "Typing error")).post("/api/v1/recommendations/" + recommendation + "/revisions").then()
                .statusCode(201).header("Location", startsWith(gatewayApi + "recommendations/" + recommendation))
                .body("revision", equalTo(2));
        as("auditor", "audit").get("/api/v1/recommendations/" + recommendation + "/revisions").then().statusCode(200)
                .body("revision", contains(1, 2))
                .body("reason", contains("published", "Typing error"));
        await().atMost(EVENTUALLY).until(() -> status(recommendation).getInt("revision") == 2);

        as("admin").body(Map.of("continuesFromId", earlier.toString()))
                .put("/api/v1/recommendations/" + recommendation + "/continues-from").then().statusCode(200)
                .body("continuesFromId", equalTo(earlier.toString()));
        await().atMost(EVENTUALLY).until(() -> status(recommendation).getList("lineage.id"),
                lineage -> lineage != null && lineage.contains(earlier.toString()));
        as("admin").delete("/api/v1/recommendations/" + recommendation + "/continues-from").then().statusCode(200)
                .body("continuesFromId", equalTo(null));
        await().atMost(EVENTUALLY).until(() -> status(recommendation).getList("lineage.id"),
                lineage -> lineage != null && lineage.isEmpty());

        as("admin").body(Map.of("reason", "Published in error"))
                .post("/api/v1/recommendations/" + recommendation + "/withdraw").then().statusCode(200)
                .body("state", equalTo("WITHDRAWN"));
        await().atMost(EVENTUALLY).until(() -> "WITHDRAWN".equals(status(recommendation).getString("state")));
        as("diplomat", "embassy").queryParam("reportId", report.toString()).get("/api/v1/recommendations").then()
                .statusCode(200).body("items.state", contains("WITHDRAWN"));
        as("auditor", "audit").accept("application/json").queryParam("asOf", Instant.now().toString())
                .get("/api/v1/compliance-reports/" + later.country() + "/"
                + later.year()).then().statusCode(200)
                .body("recommendations.state", contains("WITHDRAWN"))
                .body("summary.total", equalTo(0));
        as("admin").body(Map.of("reason", "Again")).post("/api/v1/recommendations/" + recommendation + "/withdraw")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void whatAWriteThroughTheGatewayWroteIsReadableThroughItAtOnce() {
        UUID recommendation = publishReport(TestEvents.uniqueCountryYear());
        as("diplomat", "embassy").get("/api/v1/recommendations/" + recommendation).then().statusCode(200);
        // The evidence-service learns of the recommendation from the topic: until then it refuses evidence with 422.
        await().atMost(EVENTUALLY).until(() -> as("ngo", "ngo-ryw").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(evidenceOn(recommendation)).post("/api/v1/evidence").statusCode(), status -> status == 201);

        for (int i = 0; i < 100; i++) {
            Response submitted = as("ngo", "ngo-ryw").header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(evidenceOn(recommendation)).post("/api/v1/evidence");
            submitted.then().statusCode(201);
            as("ngo", "ngo-ryw").get(submitted.header("Location")).then().statusCode(200)
                    .body("version", equalTo(1)).body("state", equalTo("SUBMITTED"));
            if (i % 10 == 0) {
                String evidence = submitted.path("id");
                as("reviewer", "board").post("/api/v1/evidence/" + evidence + "/verify").then().statusCode(200);
                as("diplomat", "embassy").get("/api/v1/evidence/" + evidence).then().statusCode(200)
                        .body("version", equalTo(2)).body("state", equalTo("VERIFIED"));
                as("diplomat", "embassy").get("/api/v1/recommendations/" + recommendation).then().statusCode(200)
                        .body("status", equalTo("IN_PROGRESS")).body("evidenceIds", hasItem(evidence));
            }
        }
        as("ngo", "ngo-ryw").queryParam("recommendationId", recommendation.toString()).get("/api/v1/evidence").then()
                .statusCode(200).body("totalItems", equalTo(101));
    }

    @Test
    void aServicesProblemComesBackUnchanged() {
        as("admin").body(Map.of("country", "XXX", "year", 1999)).post("/api/v1/reports").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:rectrack:problem:validation"))
                .body("errors.field", hasItem("country"));
        as("admin").contentType("text/plain; charset=UTF-8").body("Nothing here is a report.")
                .queryParam("dryRun", "true").queryParam("country", "LAO").queryParam("year", "2023")
                .post("/api/v1/reports/import").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("recommendation"));
        as("reviewer", "board").post("/api/v1/evidence/" + UUID.randomUUID() + "/verify").then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    /** Imports a seed text through the gateway as an admin whose token names no organisation. */
    private static Response importSeed(String seed, String publisher) {
        return as("admin", "").contentType("text/plain; charset=UTF-8").body(Seeds.read(seed))
                .queryParam("publisher", publisher).post("/api/v1/reports/import");
    }

    /** Publishes a report with one recommendation through the gateway; returns the recommendation's id. */
    private UUID publishReport(CountryYear where) {
        return UUID.fromString(publish(where).path("recommendations[0].id"));
    }

    /** Publishes a report with one recommendation through the gateway; returns the service's answer. */
    private Response publish(CountryYear where) {
        // On the test's own country-year: the topics carry it to every gateway database of this JVM.
        Map<String, Object> report = Map.of("country", where.country(), "year", where.year(), "tier", "TIER_2",
                "publisher", "U.S. Department of State",
                "title", where.year() + " Trafficking in Persons Report: " + where.country(),
                "recommendations", List.of(Map.of("rank", 1, "text", "Vigorously investigate and prosecute traffickers.",
                        "pillars", List.of("PROSECUTION"), "targetGroups", List.of())));
        Response published = as("admin").body(report).post("/api/v1/reports");
        published.then().statusCode(201).header("Location", startsWith(gatewayApi + "reports/"));
        return published;
    }

    private static Map<String, Object> evidenceOn(UUID recommendation) {
        return Map.of("recommendations", List.of(Map.of("recommendationId", recommendation.toString(), "assessment", "ADVANCES")),
                "actionDate", "2023-03-01",
                "summary", "ກະຊວງປ້ອງກັນຄວາມສະຫງົບ ໄດ້ຝຶກອົບຮົມເຈົ້າໜ້າທີ່ 300 ຄົນ.",
                "language", "lo",
                "source", Map.of("title", "Vientiane Times", "url", "https://www.vientianetimes.org.la/", "publishedOn", "2023-03-02"),
                "metrics", List.of(Map.of("kind", "OFFICIALS_TRAINED", "value", 300, "unit", "PERSONS")),
                "visibility", "PUBLIC");
    }

    private static JsonPath status(UUID recommendation) {
        Response response = as("diplomat", "embassy").get("/api/v1/recommendations/" + recommendation);
        return response.statusCode() == 200 ? response.jsonPath() : new JsonPath("{}");
    }
}
