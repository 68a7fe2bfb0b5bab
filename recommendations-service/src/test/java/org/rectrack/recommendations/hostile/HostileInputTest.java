package org.rectrack.recommendations.hostile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.rectrack.deploy.infra.testing.HostileBodies.concat;
import static org.rectrack.deploy.infra.testing.HostileBodies.json;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;


import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.deploy.infra.testing.TestTokens;
import org.rectrack.recommendations.TestReports;
import org.rectrack.recommendations.Recommendation;
import org.rectrack.recommendations.Report;

/**
 * Hostile input of the kinds of issue 12 (text that is no Unicode, dates that are no plain dates, duplicate keys,
 * wrong path and query parameters): each is a 400 problem naming the field or parameter, and nothing is written.
 */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class HostileInputTest {

    private static final String MARK = "MARK-TO-REPLACE";

    @Test
    void aRecommendationTextWithAnUnpairedSurrogateIsRefusedAndNothingIsStored() {
        for (String escape : List.of("\\ud800", "\\udc00", "\\udc00\\ud800", "ok\\ud83d")) {
            Map<String, Object> report = TestReports.report(2023, MARK);

            publish(json(report).replace(MARK, escape))
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains("recommendations[0].text"))
                    .body("errors[0].message", containsString("surrogate"));

            assertThat(reportsBy(report)).as(escape).isZero();
        }
    }

    /** What the compliance report's fonts cannot draw is refused, so that a signed PDF never shows a "?" for it. */
    @Test
    void aCharacterTheReportsCannotPrintIsRefusedNamingItAndNothingIsStored() {
        Map<String, Object> report = TestReports.report(2023, "Prosecute traffickers 😀 and train police.");

        publish(json(report)).statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("recommendations[0].text"))
                .body("errors[0].message", containsString("U+1F600"));
        assertThat(reportsBy(report)).isZero();

        String publisher = "Test publisher " + UUID.randomUUID();
        admin().contentType("text/plain; charset=UTF-8").queryParam("publisher", publisher).queryParam("year", "2023")
                .body("LAOS: TIER 2\n\nPRIORITIZED RECOMMENDATIONS:\n● Increase investigations of forced labor.\n"
                        + "● Train police 中文 to identify victims.\n")
                .post("/api/v1/reports/import")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("recommendations[1].text"))
                .body("errors[0].message", containsString("U+4E2D"));
        admin().contentType("text/plain; charset=UTF-8").queryParam("publisher", "Publisher 😀").queryParam("year", "2023")
                .body("LAOS: TIER 2\n\nPRIORITIZED RECOMMENDATIONS:\n● Increase investigations of forced labor.\n")
                .post("/api/v1/reports/import")
                .then().statusCode(400).body("errors.field", contains("publisher"));
        // A bullet no report font has is no refusal: the reader drops it, nothing of it is stored.
        admin().contentType("text/plain; charset=UTF-8").queryParam("publisher", publisher).queryParam("year", "2023")
                .queryParam("dryRun", "true")
                .body("LAOS: TIER 2\n\nPRIORITIZED RECOMMENDATIONS:\n➢ Increase investigations of forced labor.\n")
                .post("/api/v1/reports/import")
                .then().statusCode(200).body("parsed.recommendations[0].text",
                        equalTo("Increase investigations of forced labor."));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Report.count("publisher", publisher))).isZero();
    }

    @Test
    void bytesThatAreNoUtf8InAJsonBodyAreRefusedNamingTheField() {
        Map<String, Object> report = TestReports.report(2023, "Screen vulnerable groups.");
        report.put("title", MARK);
        String[] around = json(report).split(MARK);

        for (byte[] bad : List.of(new byte[] { (byte) 0xFF }, new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
                new byte[] { (byte) 0xC0, (byte) 0xAF })) {
            admin().contentType("application/json").body(concat(around[0], bad, around[1])).post("/api/v1/reports")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains("title"))
                    .body("errors[0].message", containsString("UTF-8"));
        }
        assertThat(reportsBy(report)).isZero();
    }

    @Test
    void invalidUtf8InAnImportedTextIsRefusedAndNothingIsImported() {
        String publisher = "Test publisher " + UUID.randomUUID();

        admin().contentType("text/plain; charset=UTF-8").queryParam("publisher", publisher)
                .body(concat("LAOS (Tier 2) Vigorously investigate and prosecute traffickers", new byte[] { (byte) 0xFF }, "."))
                .post("/api/v1/reports/import")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("body"));

        assertThat(QuarkusTransaction.requiringNew().call(() -> Report.count("publisher", publisher))).isZero();
    }

    @Test
    void aPublicationDateThatIsNoPlainDateIsRefusedAndNothingIsStored() {
        for (Object notADate : List.of("-2023-06-15", "+2023-06-15", "2023-06-15T23:30:00Z", "2023-6-15", "2023-02-30",
                "1899-12-31", "", 19417, List.of(2023, 6, 15))) {
            Map<String, Object> report = TestReports.report(2023, "Screen vulnerable groups.");
            report.put("publishedOn", notADate);

            TestReports.publish(report).statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains("publishedOn"));

            assertThat(reportsBy(report)).as("publishedOn %s", notADate).isZero();
        }
    }

    @Test
    void aReportingPeriodThatIsNoPlainDateIsRefused() {
        Map<String, Object> report = TestReports.report(2023, "Screen vulnerable groups.");
        report.put("reportingPeriod", Map.of("from", "-2022-04-01", "to", "2023-03-31"));

        TestReports.publish(report).statusCode(400).body("errors.field", contains("reportingPeriod.from"));

        assertThat(reportsBy(report)).isZero();
    }

    @Test
    void aDuplicateKeyIsRefusedAndNeitherValueIsStored() {
        Map<String, Object> report = TestReports.report(2023, "Screen vulnerable groups.");
        String body = json(report);
        String doubled = body.substring(0, body.length() - 1) + ",\"publisher\":\"" + report.get("publisher") + " second\"}";

        publish(doubled).statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("publisher"))
                .body("errors[0].message", containsString("more than once"));

        assertThat(reportsBy(report)).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> Report.count("publisher", report.get("publisher") + " second")))
                .isZero();
    }

    @Test
    void aDuplicateKeyInsideARecommendationIsRefused() {
        Map<String, Object> report = TestReports.report(2023, MARK);

        publish(json(report).replace("\"" + MARK + "\"", "\"Screen vulnerable groups.\",\"text\":\"Another text.\""))
                .statusCode(400)
                .body("errors.field", contains("recommendations[0].text"));

        assertThat(reportsBy(report)).isZero();
    }

    @Test
    void aRevisionOrWithdrawalWithHostileTextOrDuplicateKeysChangesNothing() {
        String id = TestReports.publishRecommendations(2023, "Screen vulnerable groups.").getFirst();

        admin().contentType("application/json").body("{\"reason\":\"\\ud800\"}")
                .post("/api/v1/recommendations/" + id + "/withdraw")
                .then().statusCode(400).body("errors.field", contains("reason"));
        admin().contentType("application/json").body("{\"reason\":\"a\",\"reason\":\"b\"}")
                .post("/api/v1/recommendations/" + id + "/withdraw")
                .then().statusCode(400).body("errors.field", contains("reason"));

        given().auth().oauth2(TestTokens.forRole("diplomat")).get("/api/v1/recommendations/" + id)
                .then().statusCode(200).body("state", equalTo("ACTIVE"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> Recommendation.<Recommendation> findById(UUID.fromString(id)).version()))
                .isEqualTo(1);
    }

    @Test
    void aPathParameterThatIsNoUuidIsA400NamingIt() {
        for (String path : List.of("/api/v1/recommendations/not-a-uuid", "/api/v1/recommendations/1-2-3-4-5",
                "/api/v1/recommendations/not-a-uuid/revisions", "/api/v1/reports/not-a-uuid")) {
            given().auth().oauth2(TestTokens.forRole("diplomat")).get(path)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains("id"));
        }
        admin().contentType("application/json").body("{\"reason\":\"a reason\"}")
                .post("/api/v1/recommendations/not-a-uuid/withdraw")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("id"));
    }

    @Test
    void aQueryParameterGivenTwiceIsA400NamingIt() {
        for (String query : List.of("year=2006&year=2024", "country=LAO&country=THA", "page=0&page=1", "size=5&size=5")) {
            String name = query.substring(0, query.indexOf('='));
            given().auth().oauth2(TestTokens.forRole("diplomat")).get("/api/v1/recommendations?" + query)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains(name))
                    .body("errors[0].message", containsString("more than once"));
        }
        given().auth().oauth2(TestTokens.forRole("diplomat")).get("/api/v1/reports?year=2006&year=2024")
                .then().statusCode(400).body("errors.field", contains("year"));
    }

    @Test
    void queryValuesInOtherThanTheirPlainFormAreRefused() {
        diplomat().get("/api/v1/recommendations?year=%D9%A2%D9%A0%D9%A2%D9%A3").then().statusCode(400)
                .body("errors.field", contains("year"));
        diplomat().get("/api/v1/recommendations?reportId=1-2-3-4-5").then().statusCode(400)
                .body("errors.field", contains("reportId"));
        diplomat().get("/api/v1/reports?country=%FF").then().statusCode(400).body("errors.field", contains("country"));
    }

    /** A diplomat whose query is sent as written: RestAssured would otherwise percent-encode the percent signs. */
    private static RequestSpecification diplomat() {
        return given().auth().oauth2(TestTokens.forRole("diplomat")).urlEncodingEnabled(false);
    }

    @Test
    void anImportsQueryParametersAreCheckedBeforeAnythingIsImported() {
        String publisher = "Test publisher " + UUID.randomUUID();
        String text = "LAOS (Tier 2) PRIORITIZED RECOMMENDATIONS: Vigorously investigate and prosecute traffickers.";

        importing(text).queryParam("publisher", publisher).queryParam("publishedOn", "-2023-06-15")
                .post("/api/v1/reports/import").then().statusCode(400).body("errors.field", contains("publishedOn"));
        importing(text).queryParam("publisher", publisher).queryParam("publishedOn", "2023-06-15T23:30:00Z")
                .post("/api/v1/reports/import").then().statusCode(400).body("errors.field", contains("publishedOn"));
        importing(text).urlEncodingEnabled(false)
                .post("/api/v1/reports/import?publisher=" + publisher.replace(' ', '+') + "&year=2023&year=2024")
                .then().statusCode(400).body("errors.field", contains("year"));
        importing(text).urlEncodingEnabled(false).post("/api/v1/reports/import?publisher=Test%FF" + UUID.randomUUID())
                .then().statusCode(400).body("errors.field", contains("publisher"));

        assertThat(QuarkusTransaction.requiringNew().call(() -> Report.count("publisher", publisher))).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> Report.count("publisher like ?1", "Test\uFFFD%"))).isZero();
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.forRole("admin"));
    }

    private static RequestSpecification importing(String text) {
        return admin().contentType("text/plain; charset=UTF-8").body(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ValidatableResponse publish(String body) {
        return admin().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8)).post("/api/v1/reports").then();
    }

    private static long reportsBy(Map<String, Object> report) {
        return QuarkusTransaction.requiringNew().call(() -> Report.count("publisher", report.get("publisher")));
    }
}
