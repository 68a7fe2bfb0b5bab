package org.rectrack.recommendations.importing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.deploy.infra.testing.Seeds;
import org.rectrack.deploy.infra.testing.TestTokens;
import org.rectrack.recommendations.Report;

/** Each test imports under a publisher of its own, so that its reports are its own. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class ImportResourceTest {

    private static final String TEXT = "text/plain; charset=UTF-8";

    @Test
    void aDryRunReadsTheReportAndWritesNothing() {
        String publisher = publisher();

        importText(publisher, Seeds.read(Seeds.REPORT_2023), "dryRun", "true")
                .statusCode(200)
                .body("dryRun", equalTo(true))
                .body("created", equalTo(false))
                .body("report", nullValue())
                .body("parsed.country", equalTo("LAO"))
                .body("parsed.year", equalTo(2023))
                .body("parsed.tier", equalTo("TIER_2"))
                .body("parsed.recommendations", hasSize(11))
                .body("parsed.recommendations[1].targetGroups", contains("men", "boys", "LGBTQI+"))
                .body("draftEvidence.quote", hasItem("Courts did not convict any traffickers."));

        assertThat(reportsBy(publisher)).isZero();
    }

    @Test
    void importing2022Then2023LinksTheRepeatsAndProposesEvidenceAbout2022() {
        String publisher = publisher();
        JsonPath first = importText(publisher, Seeds.read(Seeds.LAO_NEWS_AND_REPORT_2022))
                .statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/reports/[0-9a-f-]{36}$"))
                .body("created", equalTo(true))
                .body("report.recommendations", hasSize(9))
                .extract().jsonPath();
        List<String> ids2022 = first.getList("report.recommendations.id");

        JsonPath second = importText(publisher, Seeds.read(Seeds.REPORT_2023))
                .statusCode(201)
                .body("lineage.findAll { it.linked }.rank", contains(2, 5, 6, 7, 8, 9, 10))
                .body("draftEvidence[0].recommendation.code", equalTo("LAO-2022-07"))
                .extract().jsonPath();

        assertThat(second.getString("draftEvidence[0].recommendation.recommendationId")).isEqualTo(ids2022.get(6));
        // hotlines: 2023's 8th continues 2022's 6th, stored with the report
        assertThat(second.getString("report.recommendations[7].continuesFromId")).isEqualTo(ids2022.get(5));
        assertThat(second.getString("report.recommendations[10].continuesFromId")).isNull();
        given().auth().oauth2(TestTokens.forRole("diplomat"))
                .get("/api/v1/recommendations/" + second.getString("report.recommendations[7].id"))
                .then().statusCode(200)
                .body("continuesFromId", equalTo(ids2022.get(5)));
    }

    @Test
    void theSameTextTwiceCreatesNothingNewAndSaysSo() {
        String publisher = publisher();
        String text = Seeds.read(Seeds.REPORT_2023);
        String id = importText(publisher, text).statusCode(201).extract().path("report.id");

        importText(publisher, text.replace("\n", "\r\n") + "\n\n")
                .statusCode(200)
                .body("created", equalTo(false))
                .body("report.id", equalTo(id));
        importText(publisher, text, "dryRun", "true")
                .statusCode(200)
                .body("created", equalTo(false))
                .body("report.id", equalTo(id));

        assertThat(reportsBy(publisher)).isEqualTo(1);
    }

    @Test
    void aDifferentTextOfAStoredReportIsAConflict() {
        String publisher = publisher();
        String text = Seeds.read(Seeds.REPORT_2023);
        importText(publisher, text).statusCode(201);

        String lastRecommendationDropped = text.substring(0, text.lastIndexOf("\n\nScreen any North Korean workers"));
        importText(publisher, lastRecommendationDropped)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("it has 10 recommendations, the stored report 11"));
    }

    @Test
    void aTextWithoutRecommendationsIsUnprocessableAndNothingIsWritten() {
        String publisher = publisher();

        importText(publisher, Seeds.read(Seeds.GENERAL_TEXT), "year", "2008", "tier", "TIER_2")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("recommendations"))
                .body("detail", containsString("no recommendations found"));

        assertThat(reportsBy(publisher)).isZero();
    }

    @Test
    void anExcerptWithoutAHeadingNeedsCountryYearAndTierFromTheRequest() {
        String publisher = publisher();
        String excerpt = "Prioritized Recommendations\n\nIncrease trafficking investigations, prosecutions, and convictions.\n";

        importText(publisher, excerpt)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("country", "year", "tier"));
        importText(publisher, excerpt, "country", "LAO", "year", "2019", "tier", "TIER_2_WATCH_LIST")
                .statusCode(201)
                .body("report.country", equalTo("LAO"))
                .body("report.tier", equalTo("TIER_2_WATCH_LIST"))
                .body("report.recommendations[0].pillars", contains("PROSECUTION"));
    }

    @Test
    void aSpecialCaseNarrativeIsImportedWithItsTierAndNoRecommendationsAndSaysSo() {
        String publisher = publisher();
        String specialCase = corpusText("sxm-2018.txt");

        importText(publisher, specialCase, "year", "2018")
                .statusCode(201)
                .body("report.country", equalTo("SXM"))
                .body("report.tier", equalTo("SPECIAL_CASE"))
                .body("report.recommendations", hasSize(0))
                .body("parsed.notes", contains(
                        "no recommendations: the text is a Special Case narrative, for which the report gives none"));

        assertThat(reportsBy(publisher)).isEqualTo(1);
    }

    @Test
    void aCopyThatLostItsHeadingsIsImportedWithTheYearTheAdminGives() {
        String publisher = publisher();
        String macau = corpusText("mac-2018.txt");

        importText(publisher, macau, "dryRun", "true")
                .statusCode(422)
                .body("errors.field", contains("year"));
        importText(publisher, macau, "country", "MAC", "year", "2018")
                .statusCode(201)
                .body("report.country", equalTo("MAC"))
                .body("report.year", equalTo(2018))
                .body("report.tier", equalTo("TIER_2_WATCH_LIST"))
                .body("report.recommendations", hasSize(6))
                .body("report.recommendations[5].text", startsWith("Conduct sex trafficking awareness campaigns"));
    }

    @Test
    void aTextOfTwoCountriesStartsAJobInsteadOfAnsweringAtOnce() {
        String publisher = publisher();
        String estonia = corpusText("est-2020.txt");

        importText(publisher, estonia + "\n" + corpusText("isl-2021.txt"), "dryRun", "true")
                .statusCode(202)
                .header("Location", matchesPattern(".*/api/v1/reports/import-jobs/[0-9a-f-]{36}$"))
                .body("countriesTotal", equalTo(2))
                .body("countries.items.country", contains("EST", "ISL"))
                .body("countries.items[1].textStart", equalTo(estonia.length() + 1));
    }

    @Test
    void anEmptyBodyIsABadRequest() {
        importBytes(new byte[0]).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("body"));
        importBytes(" \n\t ".getBytes(StandardCharsets.UTF_8)).statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void binaryIsABadRequest() {
        importBytes(new byte[] { 'L', 'A', 'O', 0, 0, 1, 2, 3 }).statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("binary"));
        importBytes(new byte[] { 'L', 'A', 'O', (byte) 0xC3, (byte) 0x28, (byte) 0xFF }).statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("not UTF-8"));
    }

    @Test
    void moreThanAWholeReportIsRefusedWithAProblem() {
        importBytes("Increase efforts. ".repeat(2_000_000).getBytes(StandardCharsets.UTF_8))
                .statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void onlyAnAdminImports() {
        given().auth().oauth2(TestTokens.forRole("ngo", "lao-ngo"))
                .contentType(TEXT).body(Seeds.read(Seeds.REPORT_2023))
                .post("/api/v1/reports/import")
                .then().statusCode(403).contentType("application/problem+json");
        given().contentType(TEXT).body(Seeds.read(Seeds.REPORT_2023))
                .post("/api/v1/reports/import")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void jsonIsNotAcceptedAsReportText() {
        admin().contentType("application/json").body("{\"text\": \"LAOS (Tier 2)\"}")
                .post("/api/v1/reports/import")
                .then().statusCode(415).contentType("application/problem+json");
    }

    private static ValidatableResponse importText(String publisher, String text, String... parameters) {
        RequestSpecification request = admin().contentType(TEXT).body(text).queryParam("publisher", publisher);
        for (int i = 0; i < parameters.length; i += 2) {
            request.queryParam(parameters[i], parameters[i + 1]);
        }
        return request.post("/api/v1/reports/import").then();
    }

    private static String corpusText(String file) {
        return Corpus.fixtures().stream().filter(fixture -> fixture.file().equals(file)).findFirst().orElseThrow().text();
    }

    private static ValidatableResponse importBytes(byte[] body) {
        return admin().contentType(TEXT).body(body).queryParam("publisher", publisher())
                .post("/api/v1/reports/import").then();
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.forRole("admin"));
    }

    private static String publisher() {
        return "Import test " + UUID.randomUUID();
    }

    private static long reportsBy(String publisher) {
        return QuarkusTransaction.requiringNew().call(() -> Report.count("publisher", publisher));
    }
}
