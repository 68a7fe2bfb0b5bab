package org.rectrack.evidence.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.deploy.infra.testing.TestTokens;
import org.rectrack.deploy.infra.testing.TokenEdgeCases;
import org.rectrack.platform.problem.Problem;

/** Every kind of token the evidence-service must refuse, on an endpoint of each kind; and several roles are their union. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class TokenEdgeCasesTest {

    static Stream<Arguments> refusedTokens() {
        String organisation = "ngo-" + UUID.randomUUID();
        String evidence = "/api/v1/evidence/" + UUID.randomUUID();
        return TokenEdgeCases.refused("ngo", organisation).stream().flatMap(token -> Stream.of(
                Arguments.of(token, "GET", "/api/v1/evidence"),
                Arguments.of(token, "GET", evidence),
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
        String token = TestTokens.builder("diplomat", "").groups("diplomat", "reviewer").sign();

        // A reviewer may verify: the check passes and the evidence is looked for.
        given().auth().oauth2(token).post("/api/v1/evidence/" + UUID.randomUUID() + "/verify").then()
                .statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void severalRolesGrantNothingNoneOfThemGrants() {
        String token = TestTokens.builder("ngo", "ngo-" + UUID.randomUUID())
                .groups(List.of("ngo", "diplomat", "auditor", "admin", "superuser").toArray(String[]::new)).sign();

        given().auth().oauth2(token).post("/api/v1/evidence/" + UUID.randomUUID() + "/verify").then()
                .statusCode(403).contentType(Problem.MEDIA_TYPE).body("status", equalTo(403));
    }
}
