package org.rectrack.deploy.infra.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.hamcrest.Matchers;

/**
 * The tokens every rectrack endpoint must refuse, and how: one list, so that each service's test sends the same
 * ones. Each is made for a role the probed endpoint allows, so that only the one thing named is wrong with it.
 * A token that cannot be trusted, or whose claims cannot be read, is 401 (RFC 6750: {@code invalid_token}); a good
 * token that grants no role the endpoint needs is 403.
 */
public final class TokenEdgeCases {

    private TokenEdgeCases() {
    }

    /**
     * One token and the answer it must get.
     *
     * @param name   what is wrong with it, for the test's name
     * @param token  the compact JWT
     * @param status 401 or 403
     */
    public record Case(String name, String token, int status) {

        @Override
        public String toString() {
            return name + " → " + status;
        }
    }

    /**
     * Sends {@code method path} with the token and a body that is no valid request (were the token let through,
     * the answer would be 400) and checks the refusal: the case's status as problem+json, and for a 401 the
     * {@code WWW-Authenticate: Bearer} challenge.
     */
    public static void assertRefused(Case token, String method, String path) {
        ValidatableResponse answer = RestAssured.given().header("Authorization", "Bearer " + token.token())
                .contentType(ContentType.JSON).body("{}")
                .request(method, path).then();
        answer.statusCode(token.status())
                .contentType("application/problem+json")
                .body("status", Matchers.equalTo(token.status()))
                .body("type", Matchers.startsWith("urn:rectrack:problem:"));
        if (token.status() == 401) {
            answer.header("WWW-Authenticate", Matchers.startsWith("Bearer"));
        }
    }

    /** Every refused token, made for {@code role} (a role the probed endpoint allows) and organisation {@code org}. */
    public static List<Case> refused(String role, String org) {
        List<Case> cases = new ArrayList<>();
        cases.add(unauthenticated("another issuer", TestTokens.builder(role, org).issuer("https://elsewhere.example/")));
        cases.add(unauthenticated("no issuer", TestTokens.builder(role, org).without("iss")));
        cases.add(unauthenticated("signed by another key",
                TestTokens.builder(role, org).signedWith(TestTokens.otherKey().getPrivate())));
        cases.add(unauthenticated("alg none (unsigned)", TestTokens.builder(role, org).unsigned()));
        cases.add(unauthenticated("expired an hour ago",
                TestTokens.builder(role, org).issuedAt(Instant.now().minus(Duration.ofHours(13)))));
        cases.add(new Case("no groups claim", TestTokens.builder(role, org).without("groups").sign(), 403));
        cases.add(new Case("no role (groups [])", TestTokens.builder(role, org).groups().sign(), 403));
        cases.add(new Case("an unknown role only", TestTokens.builder(role, org).groups("superuser").sign(), 403));
        cases.add(new Case("a role differing in case only", TestTokens.builder(role, org)
                .groups(role.toUpperCase(Locale.ROOT)).sign(), 403));
        // Claims of the wrong type or shape, each validly signed.
        for (String value : List.of("[]", "[\"" + org + "\"]", "{}", "{\"name\":\"" + org + "\"}", "42", "true", "null")) {
            cases.add(unauthenticated("org " + value, TestTokens.builder(role, org).rawClaim("org", value)));
        }
        for (String value : List.of("\"" + role + "\"", "{\"" + role + "\":true}", "42", "[42]", "[[\"" + role + "\"]]",
                "[null]", "[\"" + role + "\",{}]", "null")) {
            cases.add(unauthenticated("groups " + value, TestTokens.builder(role, org).rawClaim("groups", value)));
        }
        for (String claim : List.of("sub", "upn", "preferred_username")) {
            cases.add(unauthenticated(claim + " {}", TestTokens.builder(role, org).rawClaim(claim, "{}")));
            cases.add(unauthenticated(claim + " 7", TestTokens.builder(role, org).rawClaim(claim, "7")));
        }
        cases.add(unauthenticated("exp a string", TestTokens.builder(role, org).rawClaim("exp", "\"tomorrow\"")));
        return List.copyOf(cases);
    }

    private static Case unauthenticated(String name, TestTokens.Builder token) {
        return new Case(name, token.sign(), 401);
    }
}
