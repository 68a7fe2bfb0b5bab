package org.rectrack.recommendations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.deploy.infra.testing.TestTokens;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class RecommendationResourceTest {

    @Test
    void revisingKeepsTheEarlierTextAsARevision() {
        String id = TestReports.publishRecommendations(2023, "Train police on the Penal Code.").getFirst();

        admin().contentType(ContentType.JSON)
                .body(Map.of("text", "Train police and judges on the Penal Code.", "pillars", List.of("PROSECUTION", "PREVENTION"),
                        "reason", "Corrected transcription"))
                .post("/api/v1/recommendations/" + id + "/revisions")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/recommendations/" + id + "/revisions/2$"))
                .body("text", equalTo("Train police and judges on the Penal Code."))
                .body("revision", equalTo(2))
                .body("version", equalTo(2))
                .body("pillars", contains("PROSECUTION", "PREVENTION"));

        given().auth().oauth2(TestTokens.forRole("auditor"))
                .get("/api/v1/recommendations/" + id + "/revisions")
                .then().statusCode(200)
                .body("revision", contains(1, 2))
                .body("text", contains("Train police on the Penal Code.", "Train police and judges on the Penal Code."))
                .body("reason", contains("published", "Corrected transcription"));
    }

    @Test
    void aRevisionWithoutAReasonIsRefused() {
        String id = TestReports.publishRecommendations(2023, "Publicize hotlines.").getFirst();

        admin().contentType(ContentType.JSON)
                .body(Map.of("text", "Publicize and staff hotlines."))
                .post("/api/v1/recommendations/" + id + "/revisions")
                .then().statusCode(400)
                .body("errors.field", contains("reason"));
    }

    @Test
    void withdrawingKeepsTheRecordAndCannotBeRepeated() {
        String id = TestReports.publishRecommendations(2023, "Screen North Korean workers.").getFirst();

        withdraw(id, "Published in error").statusCode(200)
                .body("state", equalTo("WITHDRAWN"))
                .body("withdrawnReason", equalTo("Published in error"))
                .body("text", equalTo("Screen North Korean workers."));

        withdraw(id, "Again").statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("already withdrawn"));

        given().auth().oauth2(TestTokens.forRole("diplomat"))
                .get("/api/v1/recommendations/" + id)
                .then().statusCode(200)
                .body("state", equalTo("WITHDRAWN"))
                .body("version", equalTo(2));
    }

    @Test
    void aWithdrawnRecommendationCannotBeRevised() {
        String id = TestReports.publishRecommendations(2023, "Reduce recruitment fees.").getFirst();
        withdraw(id, "Duplicate").statusCode(200);

        admin().contentType(ContentType.JSON)
                .body(Map.of("text", "Eliminate recruitment fees.", "reason", "late fix"))
                .post("/api/v1/recommendations/" + id + "/revisions")
                .then().statusCode(409);
    }

    @Test
    void aRecommendationCanContinueOneFromAnEarlierYear() {
        String earlier = TestReports.publishRecommendations(2022, "Publicize hotlines.").getFirst();
        String later = TestReports.publishRecommendations(2023, "Publicize and staff all hotlines.").getFirst();

        link(later, earlier).statusCode(200)
                .body("continuesFromId", equalTo(earlier))
                .body("version", equalTo(2));

        link(later, earlier).statusCode(200).body("version", equalTo(2));
    }

    @Test
    void aRecommendationCannotContinueOneFromTheSameOrALaterYear() {
        String earlier = TestReports.publishRecommendations(2022, "Publicize hotlines.").getFirst();
        String later = TestReports.publishRecommendations(2023, "Publicize and staff all hotlines.").getFirst();

        link(earlier, later).statusCode(422)
                .body("errors.field", contains("continuesFromId"))
                .body("detail", containsString("not from a year before 2022"));
    }

    @Test
    void unlinkingRemovesTheLinkAndUnlinkingAgainChangesNothing() {
        String earlier = TestReports.publishRecommendations(2022, "Publicize hotlines.").getFirst();
        String later = TestReports.publishRecommendations(2023, "Publicize and staff all hotlines.").getFirst();
        link(later, earlier).statusCode(200).body("version", equalTo(2));

        unlink(later).statusCode(200)
                .body("continuesFromId", nullValue())
                .body("version", equalTo(3));
        unlink(later).statusCode(200).body("version", equalTo(3));

        given().auth().oauth2(TestTokens.forRole("diplomat")).get("/api/v1/recommendations/" + later)
                .then().statusCode(200).body("continuesFromId", nullValue());
    }

    @Test
    void onlyAnAdminMayUnlinkAndAnUnknownRecommendationIsNotFound() {
        String id = TestReports.publishRecommendations(2023, "Train officials.").getFirst();

        given().auth().oauth2(TestTokens.forRole("reviewer")).delete("/api/v1/recommendations/" + id + "/continues-from")
                .then().statusCode(403).contentType("application/problem+json");
        unlink("6a1c2f1e-0000-4000-8000-000000000000").statusCode(404).contentType("application/problem+json");
    }

    @Test
    void listingByCountryAndYearIsInRankOrder() {
        Map<String, Object> report = TestReports.report(2016, "First", "Second", "Third");
        String reportId = TestReports.publish(report).statusCode(201).extract().path("id");

        given().auth().oauth2(TestTokens.forRole("diplomat"))
                .queryParam("reportId", reportId)
                .get("/api/v1/recommendations")
                .then().statusCode(200)
                .body("totalItems", equalTo(3))
                .body("items.rank", contains(1, 2, 3))
                .body("items.text", contains("First", "Second", "Third"));
    }

    @Test
    void onlyAnAdminMayWithdraw() {
        String id = TestReports.publishRecommendations(2023, "Train officials.").getFirst();

        given().auth().oauth2(TestTokens.forRole("reviewer"))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "no"))
                .post("/api/v1/recommendations/" + id + "/withdraw")
                .then().statusCode(403);
    }

    @Test
    void anUnknownRecommendationIsANotFoundProblem() {
        withdraw("6a1c2f1e-0000-4000-8000-000000000000", "gone")
                .statusCode(404)
                .contentType("application/problem+json");
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.forRole("admin"));
    }

    private static ValidatableResponse withdraw(String id, String reason) {
        return admin().contentType(ContentType.JSON)
                .body(Map.of("reason", reason))
                .post("/api/v1/recommendations/" + id + "/withdraw")
                .then();
    }

    private static ValidatableResponse unlink(String id) {
        return admin().delete("/api/v1/recommendations/" + id + "/continues-from").then();
    }

    private static ValidatableResponse link(String id, String earlierId) {
        return admin().contentType(ContentType.JSON)
                .body(Map.of("continuesFromId", earlierId))
                .put("/api/v1/recommendations/" + id + "/continues-from")
                .then();
    }
}
