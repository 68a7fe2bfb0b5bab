package org.rectrack.recommendations.lineage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.deploy.infra.testing.Seeds;
import org.rectrack.deploy.infra.testing.TestTokens;

/** Each test imports Laos 2022 then 2023 under a publisher of its own, and decides on its own proposals. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class LineageProposalTest {

    @Test
    void anImportKeepsItsProposalsTheLinkedOnesAsAccepted() {
        List<String> ids2023 = importLaos2022Then2023(publisher());

        List<Map<String, Object>> mine = proposalsOf(ids2023, null);

        assertThat(mine).isNotEmpty();
        assertThat(mine).filteredOn(p -> "ACCEPTED".equals(p.get("state")))
                .extracting(p -> (Object) ((Map<?, ?>) p.get("recommendation")).get("rank"))
                .containsExactlyInAnyOrder(2, 5, 6, 7, 8, 9, 10);
        assertThat(mine).allSatisfy(p -> assertThat((Float) p.get("similarity")).isBetween(0.3f, 1f));
    }

    @Test
    void acceptingAProposalLinksTheRecommendationAsANewVersion() {
        List<String> ids2023 = importLaos2022Then2023(publisher());
        Map<String, Object> proposal = proposalsOf(ids2023, "PROPOSED").getFirst();
        Map<?, ?> before = (Map<?, ?>) proposal.get("recommendation");
        String earlier = (String) ((Map<?, ?>) proposal.get("continuesFrom")).get("id");

        admin().post("/api/v1/lineage-proposals/" + proposal.get("id") + "/accept")
                .then().statusCode(200)
                .body("state", equalTo("ACCEPTED"))
                .body("decidedBy", startsWith("admin"))
                .body("recommendation.continuesFromId", equalTo(earlier))
                .body("recommendation.version", equalTo(((Number) before.get("version")).intValue() + 1));
        admin().post("/api/v1/lineage-proposals/" + proposal.get("id") + "/accept")
                .then().statusCode(200)
                .body("recommendation.version", equalTo(((Number) before.get("version")).intValue() + 1));
        admin().get("/api/v1/recommendations/" + before.get("id"))
                .then().statusCode(200).body("continuesFromId", equalTo(earlier));
    }

    @Test
    void aRejectedProposalIsKeptAndNotProposedAgain() {
        String publisher = publisher();
        List<String> ids2023 = importLaos2022Then2023(publisher);
        Map<String, Object> proposal = proposalsOf(ids2023, "PROPOSED").getFirst();

        admin().post("/api/v1/lineage-proposals/" + proposal.get("id") + "/reject")
                .then().statusCode(200).body("state", equalTo("REJECTED"))
                .body("recommendation.continuesFromId", equalTo(null));
        importText(publisher, Seeds.read(Seeds.REPORT_2023)).statusCode(200);

        assertThat(proposalsOf(ids2023, "REJECTED")).extracting(p -> p.get("id")).containsExactly(proposal.get("id"));
        assertThat(proposalsOf(ids2023, "PROPOSED")).extracting(p -> p.get("id")).doesNotContain(proposal.get("id"));
        Map<String, Object> accepted = proposalsOf(ids2023, "ACCEPTED").getFirst();
        admin().post("/api/v1/lineage-proposals/" + accepted.get("id") + "/reject")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void linkingByHandAcceptsTheProposalOfThePairAndUnlinkingRejectsIt() {
        List<String> ids2023 = importLaos2022Then2023(publisher());
        Map<String, Object> proposal = proposalsOf(ids2023, "PROPOSED").getFirst();
        Object recommendation = ((Map<?, ?>) proposal.get("recommendation")).get("id");
        Object earlier = ((Map<?, ?>) proposal.get("continuesFrom")).get("id");

        admin().contentType("application/json").body(Map.of("continuesFromId", earlier))
                .put("/api/v1/recommendations/" + recommendation + "/continues-from").then().statusCode(200);
        assertThat(proposalsOf(ids2023, "ACCEPTED")).extracting(p -> p.get("id")).contains(proposal.get("id"));

        admin().delete("/api/v1/recommendations/" + recommendation + "/continues-from").then().statusCode(200);
        assertThat(proposalsOf(ids2023, "REJECTED")).extracting(p -> p.get("id")).contains(proposal.get("id"));
        assertThat(proposalsOf(ids2023, "ACCEPTED")).extracting(p -> p.get("id")).doesNotContain(proposal.get("id"));
    }

    @Test
    void proposalsAreAnAdminsAndUnknownOnesAreNotFound() {
        admin().post("/api/v1/lineage-proposals/" + UUID.randomUUID() + "/accept")
                .then().statusCode(404).contentType("application/problem+json");
        admin().get("/api/v1/lineage-proposals?state=MAYBE")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.forRole("diplomat")).get("/api/v1/lineage-proposals")
                .then().statusCode(403).contentType("application/problem+json");
    }

    /** The 2023 report's recommendation ids, in rank order. */
    private static List<String> importLaos2022Then2023(String publisher) {
        importText(publisher, Seeds.read(Seeds.LAO_NEWS_AND_REPORT_2022)).statusCode(201);
        return importText(publisher, Seeds.read(Seeds.REPORT_2023)).statusCode(201)
                .extract().jsonPath().getList("report.recommendations.id");
    }

    /** The proposals of these recommendations (LAO 2023), in the state given or any. */
    private static List<Map<String, Object>> proposalsOf(List<String> recommendationIds, String state) {
        List<Map<String, Object>> mine = new ArrayList<>();
        for (int page = 0;; page++) {
            RequestSpecification request = admin().queryParam("country", "LAO").queryParam("year", "2023")
                    .queryParam("size", "100").queryParam("page", page);
            if (state != null) {
                request.queryParam("state", state);
            }
            JsonPath answer = request.get("/api/v1/lineage-proposals").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = answer.getList("items");
            items.stream().filter(p -> recommendationIds.contains(((Map<?, ?>) p.get("recommendation")).get("id")))
                    .forEach(mine::add);
            if (page + 1 >= answer.getInt("totalPages")) {
                return mine;
            }
        }
    }

    private static io.restassured.response.ValidatableResponse importText(String publisher, String text) {
        return admin().contentType("text/plain; charset=UTF-8").body(text).queryParam("publisher", publisher)
                .post("/api/v1/reports/import").then();
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.forRole("admin"));
    }

    private static String publisher() {
        return "Lineage test " + UUID.randomUUID();
    }
}
