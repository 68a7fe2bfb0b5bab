package org.rectrack.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.rectrack.gateway.TestCallers.as;

import java.net.URI;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;

/**
 * Writes go to the owning service; here no service runs (the test configuration points at a closed port), so
 * every routed write must answer 503 problem+json with Retry-After at once, never hang nor answer a bare 500.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class RoutingTest {

    private static final long TIMEOUT_MILLIS = 5_000;

    @Test
    void submittingEvidenceWhileTheEvidenceServiceIsNotRunningAnswers503WithRetryAfter() {
        long start = System.nanoTime();
        ValidatableResponse response = as("ngo", "ngo-a").body("{\"summary\": \"x\"}").post("/api/v1/evidence").then();
        long millis = (System.nanoTime() - start) / 1_000_000;

        unavailable(response, "evidence-service");
        assertThat(millis).isLessThan(TIMEOUT_MILLIS);
    }

    @Test
    void publishingAReportWhileTheRecommendationsServiceIsNotRunningAnswers503() {
        unavailable(as("admin").body("{}").post("/api/v1/reports").then(), "recommendations-service");
        unavailable(as("admin").contentType("text/plain").body("Laos (Tier 2)").queryParam("dryRun", "true")
                .post("/api/v1/reports/import").then(), "recommendations-service");
    }

    @Test
    void aReviewWhileTheEvidenceServiceIsNotRunningAnswers503() {
        unavailable(as("reviewer", "board").post("/api/v1/evidence/" + UUID.randomUUID() + "/verify").then(),
                "evidence-service");
        unavailable(as("ngo", "ngo-a").body("{\"reason\": \"mistake\"}")
                .post("/api/v1/evidence/" + UUID.randomUUID() + "/retract").then(), "evidence-service");
    }

    @Test
    void theGatewayChecksTheRoleBeforeRoutingAnything() {
        as("ngo").body("{}").post("/api/v1/reports").then().statusCode(403).contentType("application/problem+json");
        as("diplomat").body("{}").post("/api/v1/evidence").then().statusCode(403);
        as("ngo").post("/api/v1/evidence/" + UUID.randomUUID() + "/verify").then().statusCode(403);
        as("reviewer").body("{\"reason\": \"x\"}").post("/api/v1/evidence/" + UUID.randomUUID() + "/retract").then()
                .statusCode(403);
        RestAssured.given().contentType("application/json").body("{}").post("/api/v1/evidence").then().statusCode(401)
                .contentType("application/problem+json");
        RestAssured.get("/api/v1/recommendations").then().statusCode(401);
    }

    @Test
    void aDownstreamLocationIsRewrittenToTheGateway() {
        String rewritten = Routing.rewrite("http://127.0.0.1:8082/api/v1/evidence/42", URI.create("https://rectrack.example/api/v1/"));

        assertThat(rewritten).isEqualTo("https://rectrack.example/api/v1/evidence/42");
    }

    @Test
    void theOpenApiDocumentDescribesEveryOperation() {
        RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/recommendations/{id}'.get.summary", notNullValue())
                .body("paths.'/api/v1/evidence/{id}/verify'.post.responses.'503'", notNullValue())
                .body("paths.'/api/v1/admin/rebuild'.post.summary", containsString("admin"))
                .body("paths.'/api/v1/reports/import'.post.requestBody", notNullValue());
    }

    private static void unavailable(ValidatableResponse response, String service) {
        response.statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("status", equalTo(503))
                .body("detail", containsString(service));
    }
}
