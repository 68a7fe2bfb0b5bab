package org.rectrack.gateway.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.rectrack.gateway.TestCallers.as;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.deploy.infra.testing.Seeds;
import org.rectrack.gateway.TestEvents;
import org.rectrack.gateway.TestEvents.CountryYear;
import org.rectrack.gateway.endtoend.RunningServices;

/**
 * "What changed" through the gateway, with the real recommendations-service and evidence-service: the Laos 2022 and
 * 2023 reports imported from the seeds (the import links 2023's repeats), then compared; and evidence submitted,
 * verified and kept restricted, then read as status changes between two instants.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
@WithTestResource(RunningServices.class)
class ChangesEndToEndTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);

    @Test
    void laos2023AgainstLaos2022NamesTheRepeatsWithTheirTextsDifferenceAndTheNewAndDroppedOnes() {
        // A publisher of its own: the import links lineage within one publisher's reports.
        String publisher = "U.S. Department of State (changes " + UUID.randomUUID().toString().substring(0, 8) + ")";
        List<String> ids2022 = importSeed(Seeds.LAO_NEWS_AND_REPORT_2022, publisher).getList("report.recommendations.id");
        JsonPath imported2023 = importSeed(Seeds.REPORT_2023, publisher);
        List<String> ids2023 = imported2023.getList("report.recommendations.id");
        String hotlines2023 = ids2023.get(7);
        await().atMost(EVENTUALLY).until(() -> changes().getList("repeated.now.id"),
                repeated -> repeated != null && repeated.contains(hotlines2023));

        JsonPath changes = changes();
        assertThat(changes.getInt("previous.year")).isEqualTo(2022);
        assertThat(changes.getString("tierChange.to")).isEqualTo("TIER_2");
        // Hotlines: 2023's 8th recommendation repeats 2022's 6th, reworded.
        assertThat(changes.getString("repeated.find { it.now.id == '" + hotlines2023 + "' }.then.id"))
                .isEqualTo(ids2022.get(5));
        List<String> repeatedIds = changes.getList("repeated.now.id");
        List<String> newIds = changes.getList("new.id");
        List<String> droppedIds = changes.getList("dropped.id");
        // Every 2023 recommendation of this import is either new or repeated, never both; dropped ones are 2022's.
        for (String id : ids2023) {
            assertThat(repeatedIds.contains(id) ^ newIds.contains(id)).as(id).isTrue();
        }
        assertThat(droppedIds).doesNotContainAnyElementsOf(ids2023);
        List<String> continued = changes.getList("repeated.then.id");
        assertThat(ids2022).allSatisfy(id -> assertThat(continued.contains(id) || droppedIds.contains(id)).as(id).isTrue());
        // A reworded repeat's difference gives back both texts.
        JsonPath one = changes;
        assertThat(one.getMap("repeated.find { it.reworded == true }")).as("some repeat is reworded").isNotNull();
        String path = "repeated.find { it.reworded == true }";
        List<String> operations = one.getList(path + ".textDiff.operation");
        List<String> texts = one.getList(path + ".textDiff.text");
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        for (int i = 0; i < texts.size(); i++) {
            if (!operations.get(i).equals("INSERTED")) {
                before.append(texts.get(i));
            }
            if (!operations.get(i).equals("DELETED")) {
                after.append(texts.get(i));
            }
        }
        assertThat(before.toString()).isEqualTo(one.getString(path + ".then.text"));
        assertThat(after.toString()).isEqualTo(one.getString(path + ".now.text"));

        Response csv = as("auditor", "audit").accept("text/csv").get("/api/v1/compliance-reports/LAO/2023/changes");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Location")).contains("knownAt=");
        assertThat(csv.asString()).startsWith("\uFEFFcountry,year,previous year,previous tier,tier")
                .contains("repeated, reworded", "{+");
        Response pdf = as("auditor", "audit").accept("application/pdf").get("/api/v1/compliance-reports/LAO/2023/changes");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.asByteArray(), 0, 5)).isEqualTo("%PDF-");
    }

    @Test
    void aYearWithNoEarlierReportHasNoPreviousAndEveryRecommendationIsNew() {
        CountryYear where = withoutEarlierReport();
        List<String> ids = publish(where).path("recommendations.id");
        await().atMost(EVENTUALLY).until(() -> as("diplomat", "embassy")
                .get("/api/v1/compliance-reports/" + where.country() + "/" + where.year() + "/changes").statusCode() == 200);
        JsonPath changes = as("diplomat", "embassy")
                .get("/api/v1/compliance-reports/" + where.country() + "/" + where.year() + "/changes").jsonPath();
        assertThat(changes.getString("previous")).isNull();
        assertThat(changes.getList("new.id")).containsExactlyElementsOf(ids);
        assertThat(changes.getList("repeated")).isEmpty();
        assertThat(changes.getList("dropped")).isEmpty();
    }

    @Test
    void evidenceSubmittedThenVerifiedIsAStatusChangeWithBothTransitionsAndRestrictedEvidenceNeverShowsToADiplomat() {
        CountryYear where = TestEvents.uniqueCountryYear();
        Response published = publish(where);
        String open = published.path("recommendations[0].id");
        String closed = published.path("recommendations[1].id");
        await().atMost(EVENTUALLY).until(() -> as("diplomat", "embassy").get("/api/v1/recommendations/" + closed)
                .statusCode() == 200);
        Instant from = Instant.now().minusMillis(1);
        String publicEvidence = submit(open, "ngo-changes", "PUBLIC", "ADVANCES");
        String restrictedEvidence = submit(closed, "other-ngo-" + UUID.randomUUID(), "RESTRICTED", "FULFILLS");
        verify(publicEvidence);
        verify(restrictedEvidence);
        await().atMost(EVENTUALLY).until(() -> "IMPLEMENTED".equals(as("auditor", "audit")
                .get("/api/v1/recommendations/" + closed).path("status")));
        await().atMost(EVENTUALLY).until(() -> "IN_PROGRESS".equals(as("diplomat", "embassy")
                .get("/api/v1/recommendations/" + open).path("status")));
        String query = "/api/v1/recommendations/changes?country=" + where.country() + "&from=" + from;

        Response diplomat = as("diplomat", "embassy").get(query);
        assertThat(diplomat.statusCode()).isEqualTo(200);
        JsonPath seen = diplomat.jsonPath();
        assertThat(seen.getList("changes.recommendationId")).containsExactly(open);
        assertThat(seen.getString("changes[0].from")).isEqualTo("NO_EVIDENCE");
        assertThat(seen.getString("changes[0].to")).isEqualTo("IN_PROGRESS");
        assertThat(seen.getList("changes[0].causes.transition")).containsExactly("SUBMITTED", "VERIFIED");
        assertThat(seen.getList("changes[0].causes.evidenceId")).containsOnly(publicEvidence);
        assertThat(diplomat.asString()).doesNotContain(restrictedEvidence, closed);
        assertThat(diplomat.header("Content-Location")).contains("to=");

        JsonPath auditor = as("auditor", "audit").get(query).jsonPath();
        assertThat(auditor.getList("changes.recommendationId")).containsExactlyInAnyOrder(open, closed);
        assertThat(as("auditor", "audit").get("/api/v1/recommendations/" + closed + "/changes?from=" + from)
                .jsonPath().getList("changes[0].causes.evidenceId")).containsOnly(restrictedEvidence);
        assertThat(as("diplomat", "embassy").get("/api/v1/recommendations/" + closed + "/changes?from=" + from)
                .jsonPath().getList("changes")).isEmpty();
    }

    @Test
    void aRangeThatEndsBeforeItBeginsIsAProblemNamingFrom() {
        as("diplomat", "embassy").get("/api/v1/recommendations/changes?country=LAO&from=2024-02-01T00:00:00Z"
                + "&to=2024-01-01T00:00:00Z").then().statusCode(400).contentType("application/problem+json");
        Response missing = as("diplomat", "embassy").get("/api/v1/recommendations/changes?country=LAO");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.jsonPath().getList("errors.field")).containsExactly("from");
        as("diplomat", "embassy").get("/api/v1/recommendations/changes?country=LAO&from=2024-01-01T00:00:00Z&to=2999-01-01")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static JsonPath changes() {
        Response response = as("diplomat", "embassy").get("/api/v1/compliance-reports/LAO/2023/changes");
        return response.statusCode() == 200 ? response.jsonPath() : new JsonPath("{}");
    }

    private static JsonPath importSeed(String seed, String publisher) {
        Response response = as("admin", "").contentType("text/plain; charset=UTF-8").body(Seeds.read(seed))
                .queryParam("publisher", publisher).post("/api/v1/reports/import");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        return response.jsonPath();
    }

    /** A new country-year whose country has no report of an earlier year (other tests publish every year, 2000 too). */
    private static CountryYear withoutEarlierReport() {
        CountryYear where = TestEvents.uniqueCountryYear();
        while (hasEarlierReport(where)) {
            where = TestEvents.uniqueCountryYear();
        }
        return where;
    }

    /** Whether the gateway holds a report of the country from a year before {@code where}'s. */
    private static boolean hasEarlierReport(CountryYear where) {
        for (int page = 0;; page++) {
            JsonPath reports = as("diplomat", "embassy").queryParam("country", where.country()).queryParam("size", 100)
                    .queryParam("page", page).get("/api/v1/reports").then().statusCode(200).extract().jsonPath();
            if (reports.getList("items.year", Integer.class).stream().anyMatch(year -> year < where.year())) {
                return true;
            }
            if (page + 1 >= reports.getInt("totalPages")) {
                return false;
            }
        }
    }

    private static Response publish(CountryYear where) {
        Map<String, Object> report = Map.of("country", where.country(), "year", where.year(), "tier", "TIER_2",
                "publisher", "U.S. Department of State",
                "title", where.year() + " Trafficking in Persons Report: " + where.country(),
                "recommendations", List.of(
                        Map.of("rank", 1, "text", "Vigorously investigate and prosecute traffickers.",
                                "pillars", List.of("PROSECUTION"), "targetGroups", List.of()),
                        Map.of("rank", 2, "text", "Train officials to identify victims among migrants.",
                                "pillars", List.of("PROTECTION"), "targetGroups", List.of())));
        Response published = as("admin").body(report).post("/api/v1/reports");
        published.then().statusCode(201);
        return published;
    }

    private static String submit(String recommendation, String organisation, String visibility, String assessment) {
        Map<String, Object> evidence = Map.of(
                "recommendations", List.of(Map.of("recommendationId", recommendation, "assessment", assessment)),
                "actionDate", "2023-03-01", "summary", "ກະຊວງ ໄດ້ຝຶກອົບຮົມເຈົ້າໜ້າທີ່ 300 ຄົນ.", "language", "lo",
                "source", Map.of("title", "Vientiane Times", "url", "https://www.vientianetimes.org.la/"),
                "visibility", visibility);
        String key = UUID.randomUUID().toString();
        Response submitted = await().atMost(EVENTUALLY).until(() -> as("ngo", organisation)
                .header("Idempotency-Key", key).body(evidence).post("/api/v1/evidence"), r -> r.statusCode() != 422);
        submitted.then().statusCode(201);
        return submitted.path("id");
    }

    private static void verify(String evidence) {
        as("reviewer", "board").body(Map.of("note", "Checked")).post("/api/v1/evidence/" + evidence + "/verify").then()
                .statusCode(200);
    }
}
