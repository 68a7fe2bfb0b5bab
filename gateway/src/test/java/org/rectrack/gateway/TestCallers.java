package org.rectrack.gateway;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.rectrack.deploy.infra.testing.TestTokens;

/** Callers of the gateway's API with development tokens: a role and an organisation. */
public final class TestCallers {

    private TestCallers() {
    }

    public static RequestSpecification as(String role, String organisation) {
        return given().auth().oauth2(TestTokens.forRole(role, organisation)).contentType(ContentType.JSON);
    }

    public static RequestSpecification as(String role) {
        return as(role, TestTokens.DEFAULT_ORG);
    }
}
