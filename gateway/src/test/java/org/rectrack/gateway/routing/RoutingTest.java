package org.rectrack.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.rectrack.gateway.TestCallers.as;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
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

    @Test
    void submittingEvidenceWhileTheEvidenceServiceIsNotRunningAnswers503WithRetryAfter() {
        unavailable(as("ngo", "ngo-a").body("{\"summary\": \"x\"}").post("/api/v1/evidence").then(), "evidence-service");
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
    void correctingAReportOrChangingARecommendationWhileTheRecommendationsServiceIsNotRunningAnswers503() {
        String report = "/api/v1/reports/" + UUID.randomUUID();
        String recommendation = "/api/v1/recommendations/" + UUID.randomUUID();
        unavailable(as("admin").body("{\"tier\": \"TIER_3\"}").put(report + "/metadata").then(), "recommendations-service");
        unavailable(as("admin").body("{\"text\": \"x\"}").post(recommendation + "/revisions").then(),
                "recommendations-service");
        unavailable(as("diplomat").get(recommendation + "/revisions").then(), "recommendations-service");
        unavailable(as("admin").body("{\"reason\": \"x\"}").post(recommendation + "/withdraw").then(),
                "recommendations-service");
        unavailable(as("admin").body("{\"continuesFromId\": \"" + UUID.randomUUID() + "\"}")
                .put(recommendation + "/continues-from").then(), "recommendations-service");
        unavailable(as("admin").delete(recommendation + "/continues-from").then(), "recommendations-service");
    }

    @Test
    void onlyAnAdminMayCorrectAReportOrChangeARecommendation() {
        String recommendation = "/api/v1/recommendations/" + UUID.randomUUID();
        as("auditor").body("{}").put("/api/v1/reports/" + UUID.randomUUID() + "/metadata").then().statusCode(403)
                .contentType("application/problem+json");
        as("ngo").body("{}").post(recommendation + "/revisions").then().statusCode(403);
        as("reviewer").body("{\"reason\": \"x\"}").post(recommendation + "/withdraw").then().statusCode(403);
        as("diplomat").body("{}").put(recommendation + "/continues-from").then().statusCode(403);
        as("diplomat").delete(recommendation + "/continues-from").then().statusCode(403);
        RestAssured.get(recommendation + "/revisions").then().statusCode(401).contentType("application/problem+json");
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
    @SuppressWarnings("unchecked")
    void theOpenApiDocumentDescribesEveryOperation() {
        List<Operation> operations = operations();

        assertThat(operations).hasSizeGreaterThanOrEqualTo(20);
        for (Operation operation : operations) {
            assertThat(operation.json().getString("summary")).as("summary of %s", operation).isNotBlank();
            assertThat(operation.json().getList("tags")).as("tags of %s", operation).isNotEmpty();
            assertThat(operation.roles()).as("roles of %s", operation).isNotEmpty();
            Map<String, Map<String, Object>> responses = operation.json().getMap("responses");
            assertThat(responses.keySet()).as("responses of %s", operation)
                    .contains("401", "403").anyMatch(status -> status.startsWith("2"));
            responses.forEach((status, response) -> {
                assertThat(response.get("description")).as("%s %s", operation, status).isNotNull();
                if (status.startsWith("4") || status.startsWith("5")) {
                    Map<String, Object> content = (Map<String, Object>) response.get("content");
                    assertThat(content).as("%s %s", operation, status).containsOnlyKeys("application/problem+json");
                }
            });
        }
        // Every write is routed to its owner, but for what the gateway itself owns: rebuilds, issued reports (and
        // verifying a report, which writes nothing) and subscriptions.
        assertThat(operations).filteredOn(operation -> operation.method().equals("post"))
                .filteredOn(operation -> !operation.path().endsWith("/admin/rebuilds")
                        && !operation.path().startsWith("/api/v1/compliance-reports/")
                        && !operation.path().startsWith("/api/v1/subscriptions"))
                .allSatisfy(operation -> assertThat(operation.routed()).as("%s answers 503 with Retry-After", operation)
                        .isTrue());
    }

    @Test
    void everyRoutedOperationAnswers503WithRetryAfterWhileItsServiceIsNotRunning() {
        List<Operation> routed = operations().stream().filter(Operation::routed).toList();

        assertThat(routed).hasSizeGreaterThanOrEqualTo(12);
        for (Operation operation : routed) {
            ValidatableResponse response = operation.call(operation.roles().getFirst(), "application/json").then();
            unavailable(response, operation.path().contains("/evidence") ? "evidence-service" : "recommendations-service");
        }
    }

    @Test
    void noOperationAnswersAMalformedOrUnofferedAcceptWithAServerError() {
        for (Operation operation : operations()) {
            for (String accept : List.of("not a media type", "application/json;q=high", "image/png")) {
                var response = operation.call(operation.roles().getFirst(), accept).then().extract();
                assertThat(response.statusCode()).as("%s with Accept: %s", operation, accept)
                        .satisfiesAnyOf(status -> assertThat(status).isLessThan(500),
                                status -> assertThat(status).isEqualTo(503)); // a routed write, its service not running
                if (response.statusCode() >= 400) {
                    assertThat(response.contentType()).as("%s with Accept: %s", operation, accept)
                            .startsWith("application/problem+json");
                }
            }
        }
    }

    private static void unavailable(ValidatableResponse response, String service) {
        response.statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("status", equalTo(503))
                .body("detail", containsString(service));
    }

    /** Every operation of the gateway's OpenAPI document. */
    private static List<Operation> operations() {
        JsonPath document = RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        List<Operation> operations = new ArrayList<>();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        paths.forEach((path, methods) -> methods.keySet().forEach(method -> operations.add(new Operation(method, path,
                JsonPath.from(document.prettify()).setRootPath("paths.'" + path + "'." + method)))));
        return operations;
    }

    /** One operation: its method, its path, its description in the document. */
    private record Operation(String method, String path, JsonPath json) {

        /** The roles its security requirement names. */
        List<String> roles() {
            List<Map<String, List<String>>> security = json.getList("security");
            return security == null ? List.of()
                    : security.stream().flatMap(requirement -> requirement.values().stream()).flatMap(List::stream).toList();
        }

        /**
         * Documented as routed: it answers 503 with Retry-After when the owning service is down (a 503 of the
         * gateway's own, such as "not yet caught up", names no service).
         */
        boolean routed() {
            return json.getMap("responses.'503'.headers") != null
                    && json.getMap("responses.'503'.headers").containsKey("Retry-After")
                    && json.getString("responses.'503'.description").matches("The [a-z]+-service is down.*");
        }

        /** Calls it as the role, with any path parameter a new UUID and a body in its first media type. */
        io.restassured.response.Response call(String role, String accept) {
            var request = as(role, "ngo-a").header("Accept", accept);
            Map<String, Object> content = json.getMap("requestBody.content");
            if (content != null && !content.isEmpty()) {
                String type = content.keySet().iterator().next();
                request.contentType(type).body(type.contains("json") ? "{\"reason\": \"x\"}" : "Laos (Tier 2)");
            }
            String concrete = path.replaceAll("\\{country}", "LAO").replaceAll("\\{year}", "2023")
                    .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            return request.request(method.toUpperCase(), concrete);
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }
}
