package org.rectrack.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.deploy.infra.testing.TestTokens;
import org.rectrack.deploy.infra.testing.TokenEdgeCases;
import org.rectrack.platform.problem.Problem;

/** Every kind of token the gateway must refuse, on an endpoint of each kind; and several roles are their union. */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class TokenEdgeCasesTest {

    static Stream<Arguments> refusedTokens() {
        String organisation = "ngo-" + UUID.randomUUID();
        String evidence = "/api/v1/evidence/" + UUID.randomUUID();
        return TokenEdgeCases.refused("ngo", organisation).stream().flatMap(token -> Stream.of(
                Arguments.of(token, "GET", "/api/v1/evidence"),
                Arguments.of(token, "GET", evidence),
                Arguments.of(token, "GET", "/api/v1/recommendations/" + UUID.randomUUID()),
                Arguments.of(token, "GET", "/api/v1/reports?country=LAO"),
                Arguments.of(token, "POST", "/api/v1/evidence"),
                Arguments.of(token, "POST", evidence + "/retract")));
    }

    @ParameterizedTest(name = "{1} {2} with {0}")
    @MethodSource("refusedTokens")
    void tokenIsRefusedWithAProblem(TokenEdgeCases.Case token, String method, String path) {
        TokenEdgeCases.assertRefused(token, method, path);
    }

    @Test
    void severalRolesGrantWhatAnyOfThemGrants() {
        String token = TestTokens.builder("diplomat", "").groups("diplomat", "auditor").sign();

        // An auditor may download a compliance report: the check passes, and the report is looked for (there is none).
        given().auth().oauth2(token).accept(ContentType.JSON).get("/api/v1/compliance-reports/LAO/2019").then()
                .statusCode(404).contentType(Problem.MEDIA_TYPE).body("type", equalTo("urn:rectrack:problem:not-found"));
    }

    @Test
    void severalRolesGrantNothingNoneOfThemGrants() {
        String token = TestTokens.builder("ngo", "ngo-" + UUID.randomUUID())
                .groups(List.of("ngo", "diplomat", "reviewer", "admin", "superuser").toArray(String[]::new)).sign();

        given().auth().oauth2(token).accept(ContentType.JSON).get("/api/v1/compliance-reports/LAO/2019").then()
                .statusCode(403).contentType(Problem.MEDIA_TYPE).body("status", equalTo(403));
    }
}
