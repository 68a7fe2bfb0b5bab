package org.rectrack.gateway.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.rectrack.gateway.TestCallers.as;

import java.time.Duration;
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

/**
 * A whole report imported as a job, and lineage proposals decided, through the gateway, with the real
 * recommendations-service and evidence-service running as child processes (as in {@link EndToEndTest}).
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
@WithTestResource(RunningServices.class)
class WholeReportImportTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);

    @TestHTTPResource("/api/v1/")
    String gatewayApi;

    @Test
    void aWholeReportIsImportedAsAJobThroughTheGateway() {
        String publisher = publisher();
        String laos = Seeds.read(Seeds.REPORT_2023);
        String whole = laos + "\n\n" + laos.replace("LAOS (Tier 2)", "KENYA (Tier 2)");

        Response started = as("admin", "").contentType("text/plain; charset=UTF-8").body(whole)
                .queryParam("publisher", publisher).post("/api/v1/reports/import");
        started.then().statusCode(202)
                .header("Location", startsWith(gatewayApi + "reports/import-jobs/"))
                .body("countriesTotal", equalTo(2));
        String job = started.header("Location").substring(gatewayApi.length());

        JsonPath ended = await().atMost(EVENTUALLY).until(
                () -> as("admin").get("/api/v1/" + job).then().statusCode(200).extract().jsonPath(),
                answer -> "FINISHED".equals(answer.getString("state")));
        assertThat(ended.getList("countries.items.country")).containsExactly("LAO", "KEN");
        assertThat(ended.getInt("done")).isEqualTo(2);
        for (String report : ended.getList("countries.items.reportId", String.class)) {
            await().atMost(EVENTUALLY).until(() -> as("diplomat").get("/api/v1/reports/" + report).statusCode() == 200);
        }
    }

    @Test
    void anAcceptedLineageProposalShowsAsOutstandingSinceTheEarlierYear() {
        String publisher = publisher();
        importSeed(Seeds.LAO_NEWS_AND_REPORT_2022, publisher).then().statusCode(201);
        List<String> ids2023 = importSeed(Seeds.REPORT_2023, publisher).then().statusCode(201)
                .extract().jsonPath().getList("report.recommendations.id");
        Map<String, Object> proposal = proposed(ids2023);
        String recommendation = (String) ((Map<?, ?>) proposal.get("recommendation")).get("id");
        as("diplomat").get("/api/v1/recommendations/" + recommendation).then().statusCode(200)
                .body("outstandingSince", equalTo(2023));

        as("admin").post("/api/v1/lineage-proposals/" + proposal.get("id") + "/accept").then().statusCode(200)
                .body("state", equalTo("ACCEPTED"));

        // read your writes: the answer came once the read model had the link
        as("diplomat").get("/api/v1/recommendations/" + recommendation).then().statusCode(200)
                .body("outstandingSince", equalTo(2022));
        as("diplomat").post("/api/v1/lineage-proposals/" + proposal.get("id") + "/reject").then().statusCode(403)
                .contentType("application/problem+json");
    }

    /** A proposal of one of these recommendations waiting for an admin, as the gateway lists it. */
    private static Map<String, Object> proposed(List<String> recommendationIds) {
        for (int page = 0;; page++) {
            JsonPath answer = as("admin").queryParam("country", "LAO").queryParam("year", "2023")
                    .queryParam("state", "PROPOSED").queryParam("size", "100").queryParam("page", page)
                    .get("/api/v1/lineage-proposals").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = answer.getList("items");
            var mine = items.stream()
                    .filter(p -> recommendationIds.contains(((Map<?, ?>) p.get("recommendation")).get("id"))).findFirst();
            if (mine.isPresent()) {
                return mine.get();
            }
            assertThat(page + 1).as("a proposal of the 2023 import waiting for an admin").isLessThan(answer.getInt("totalPages"));
        }
    }

    private static Response importSeed(String seed, String publisher) {
        return as("admin", "").contentType("text/plain; charset=UTF-8").body(Seeds.read(seed))
                .queryParam("publisher", publisher).post("/api/v1/reports/import");
    }

    private static String publisher() {
        return "U.S. Department of State (whole " + UUID.randomUUID().toString().substring(0, 8) + ")";
    }
}
