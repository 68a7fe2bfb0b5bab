package org.rectrack.recommendations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.deploy.infra.testing.TestTokens;
import org.rectrack.recommendations.Report;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class ReportResourceTest {

    private static final String LAO_TEXT = "ສືບສວນ ແລະ ດຳເນີນຄະດີ ຜູ້ຄ້າມະນຸດ ຢ່າງແຂງແຮງ";

    @Test
    void adminPublishesAReportAndReadsItBackWithRecommendationsInRankOrder() {
        Map<String, Object> report = TestReports.report(2023, "Vigorously investigate and prosecute traffickers.",
                "Increase transnational collaboration on trafficking investigations.");

        String location = TestReports.publish(report)
                .statusCode(201)
                .body("country", equalTo("LAO"))
                .body("version", equalTo(1))
                .extract().header("Location");
        assertThat(location).matches(".*/api/v1/reports/[0-9a-f-]{36}$");

        given().auth().oauth2(TestTokens.forRole("diplomat"))
                .get(location)
                .then().statusCode(200)
                .body("publisher", equalTo(report.get("publisher")))
                .body("tier", equalTo("TIER_2"))
                .body("recommendations.rank", contains(1, 2))
                .body("recommendations.code", contains("LAO-2023-01", "LAO-2023-02"))
                .body("recommendations[1].text", equalTo("Increase transnational collaboration on trafficking investigations."))
                .body("recommendations[0].state", equalTo("ACTIVE"));
    }

    @Test
    void anAdminCorrectsTheTierAndMetadataAsAWholeAndTheSameCorrectionAgainChangesNothing() {
        Map<String, Object> report = TestReports.report(2023, "Vigorously investigate and prosecute traffickers.");
        String id = TestReports.publish(report).statusCode(201).extract().path("id");
        Map<String, Object> corrected = Map.of("tier", "TIER_2_WATCH_LIST", "publisher", report.get("publisher"),
                "title", "2023 Trafficking in Persons Report: Laos (corrected)", "publishedOn", "2023-06-16",
                "reportingPeriod", Map.of("from", "2022-04-01", "to", "2023-03-31"));

        correct(id, corrected).statusCode(200)
                .body("tier", equalTo("TIER_2_WATCH_LIST"))
                .body("title", equalTo("2023 Trafficking in Persons Report: Laos (corrected)"))
                .body("publishedOn", equalTo("2023-06-16"))
                .body("sourceUrl", nullValue()) // left out: cleared
                .body("reportingPeriod.from", equalTo("2022-04-01"))
                .body("version", equalTo(2))
                .body("recommendations.code", contains("LAO-2023-01"));
        correct(id, corrected).statusCode(200).body("version", equalTo(2));

        given().auth().oauth2(TestTokens.forRole("diplomat")).get("/api/v1/reports/" + id).then().statusCode(200)
                .body("tier", equalTo("TIER_2_WATCH_LIST"))
                .body("country", equalTo("LAO"))
                .body("year", equalTo(2023));
    }

    @Test
    void aCorrectionIsRefusedForAMissingTierACountryOrYearAPeriodEndingBeforeItBeginsOrATakenPublisher() {
        Map<String, Object> report = TestReports.report(2023, "Train police.");
        String id = TestReports.publish(report).statusCode(201).extract().path("id");
        Map<String, Object> other = TestReports.report(2023, "Train judges.");
        TestReports.publish(other).statusCode(201);
        Map<String, Object> valid = Map.of("tier", "TIER_2", "publisher", report.get("publisher"), "title", "Laos");

        correct(id, Map.of("publisher", report.get("publisher"), "title", "Laos")).statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("tier"));
        correct(id, with(valid, "year", 2022)).statusCode(400).contentType("application/problem+json");
        correct(id, with(valid, "country", "THA")).statusCode(400).contentType("application/problem+json");
        correct(id, with(valid, "reportingPeriod", Map.of("from", "2023-03-31", "to", "2022-04-01"))).statusCode(400)
                .body("errors.field", contains("reportingPeriod.to"));
        correct(id, with(valid, "publisher", other.get("publisher"))).statusCode(409)
                .contentType("application/problem+json");
        correct("6a1c2f1e-0000-4000-8000-000000000000", valid).statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.forRole("reviewer")).contentType(ContentType.JSON).body(valid)
                .put("/api/v1/reports/" + id + "/metadata").then().statusCode(403);

        given().auth().oauth2(TestTokens.forRole("diplomat")).get("/api/v1/reports/" + id).then().statusCode(200)
                .body("version", equalTo(1))
                .body("title", equalTo(report.get("title")));
    }

    private static io.restassured.response.ValidatableResponse correct(String id, Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.forRole("admin")).contentType(ContentType.JSON).body(body)
                .put("/api/v1/reports/" + id + "/metadata").then();
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new java.util.HashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    @Test
    void laoTextRoundTripsUnchanged() {
        String id = TestReports.publishRecommendations(2023, LAO_TEXT).getFirst();

        String text = given().auth().oauth2(TestTokens.forRole("ngo", "lao-ngo"))
                .get("/api/v1/recommendations/" + id)
                .then().statusCode(200)
                .extract().jsonPath().getString("text");

        assertThat(text).isEqualTo(LAO_TEXT);
    }

    @Test
    void theSameReportTwiceIsAConflictAndTheFirstStays() {
        Map<String, Object> report = TestReports.report(2022, "Screen vulnerable groups.");
        TestReports.publish(report).statusCode(201);

        TestReports.publish(report)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:rectrack:problem:conflict"))
                .body("detail", containsString("already published"));

        assertThat(reportsBy((String) report.get("publisher"))).isEqualTo(1);
    }

    @Test
    void everyInvalidFieldIsNamedInOneAnswer() {
        Map<String, Object> report = TestReports.report(2023, "One", "Two");
        report.put("country", "XYZ");
        report.put("year", 1800);
        report.put("title", " ");
        report.put("sourceUrl", "javascript:alert(1)");

        TestReports.publish(report)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", contains("country", "sourceUrl", "title", "year"))
                .body("detail", containsString("ISO 3166-1 alpha-3"));
    }

    @Test
    void duplicateRanksAreRefusedAndNothingIsWritten() {
        Map<String, Object> report = TestReports.report(2023, "One", "Two");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> recommendations = (List<Map<String, Object>>) report.get("recommendations");
        recommendations.get(1).put("rank", 1);

        TestReports.publish(report)
                .statusCode(400)
                .body("errors.field", contains("recommendations[1].rank"))
                .body("errors[0].message", containsString("used twice"));

        assertThat(reportsBy((String) report.get("publisher"))).isZero();
    }

    @Test
    void aContinuationFromAnUnknownRecommendationIsUnprocessableAndNothingIsWritten() {
        Map<String, Object> report = TestReports.report(2023, "One");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> recommendations = (List<Map<String, Object>>) report.get("recommendations");
        recommendations.getFirst().put("continuesFromId", "00000000-0000-0000-0000-000000000001");

        TestReports.publish(report)
                .statusCode(422)
                .body("errors.field", contains("recommendations[0].continuesFromId"));

        assertThat(reportsBy((String) report.get("publisher"))).isZero();
    }

    @Test
    void controlCharactersInTextAreRefusedRatherThanStored() {
        TestReports.publish(TestReports.report(2023, "Prosecute\u0000traffickers"))
                .statusCode(400)
                .body("errors.field", contains("recommendations[0].text"));
    }

    @Test
    void malformedJsonIsABadRequestProblem() {
        given().auth().oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body("{\"country\": \"LAO\", ")
                .post("/api/v1/reports")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void aWrongTypeNamesTheFieldAndTheExpectedType() {
        Map<String, Object> report = TestReports.report(2023, "One");
        report.put("year", "twenty twenty-three");

        TestReports.publish(report)
                .statusCode(400)
                .body("errors.field", contains("year"))
                .body("errors[0].message", containsString("whole number"));
    }

    @Test
    void aFieldTheApiDoesNotDefineIsRefused() {
        Map<String, Object> report = TestReports.report(2023, "One");
        report.put("version", 99);

        TestReports.publish(report)
                .statusCode(400)
                .body("errors.field", contains("version"));
    }

    @Test
    void anEmptyBodyIsABadRequestProblem() {
        given().auth().oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .post("/api/v1/reports")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void anOversizedBodyIsRefusedWithAProblem() {
        Map<String, Object> report = TestReports.report(2023, "x".repeat(2_000_000));

        TestReports.publish(report)
                .statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void listingFiltersByCountryAndYearAndIsPaged() {
        Map<String, Object> report = TestReports.report(2019, "Old one");
        TestReports.publish(report).statusCode(201);

        given().auth().oauth2(TestTokens.forRole("auditor"))
                .queryParam("country", "lao")
                .queryParam("year", 2019)
                .queryParam("size", 100)
                .get("/api/v1/reports")
                .then().statusCode(200)
                .body("page", equalTo(0))
                .body("size", equalTo(100))
                .body("items.publisher", hasItem(report.get("publisher")))
                .body("items.year", hasItem(2019));
    }

    @Test
    void aPageSizeAboveTheCapOrNotANumberIsABadRequest() {
        given().auth().oauth2(TestTokens.forRole("diplomat"))
                .queryParam("size", 1000)
                .get("/api/v1/reports")
                .then().statusCode(400)
                .body("errors.field", contains("size"));

        given().auth().oauth2(TestTokens.forRole("diplomat"))
                .queryParam("year", "abc")
                .get("/api/v1/reports")
                .then().statusCode(400)
                .body("errors.field", contains("year"));
    }

    @Test
    void anUnknownReportIsANotFoundProblem() {
        given().auth().oauth2(TestTokens.forRole("diplomat"))
                .get("/api/v1/reports/5f0c4b4e-0000-4000-8000-000000000000")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", startsWith("no report with id"));
    }

    @Test
    void withoutATokenTheAnswerIs401Problem() {
        given().get("/api/v1/reports")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void anExpiredTokenIs401Problem() {
        given().auth().oauth2(TestTokens.expired("admin", "ministry"))
                .get("/api/v1/reports")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void aTokenWhoseClaimsWereAlteredIs401Problem() {
        String[] parts = TestTokens.forRole("ngo", "lao-ngo").split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"ngo\"]", "\"admin\"]");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        given().auth().oauth2(forged)
                .contentType(ContentType.JSON)
                .body(TestReports.report(2023, "One"))
                .post("/api/v1/reports")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void onlyAnAdminMayPublish() {
        given().auth().oauth2(TestTokens.forRole("ngo", "lao-ngo"))
                .contentType(ContentType.JSON)
                .body(TestReports.report(2023, "One"))
                .post("/api/v1/reports")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
    }

    @Test
    void healthAndOpenApiAreReadableWithoutAToken() {
        given().get("/q/health/ready").then().statusCode(200);
        given().accept("application/json").get("/q/openapi")
                .then().statusCode(200)
                .body("paths", hasKey("/api/v1/reports"))
                .body("components.schemas.Problem.properties", hasKey("errors"));
    }

    private static long reportsBy(String publisher) {
        return QuarkusTransaction.requiringNew().call(() -> Report.count("publisher", publisher));
    }
}
