package org.rectrack.gateway.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.rectrack.gateway.TestCallers.as;

import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.gateway.TestEvents;
import org.rectrack.gateway.TestEvents.CountryYear;

/** Subscribing, reading, deleting: secrets shown once, fields named when wrong, one's own only. */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class SubscriptionResourceTest {

    /** Nothing listens there: the tests' gateway delivers to 127.0.0.1 only, and these tests look at no delivery. */
    private static final String CALLBACK = "http://127.0.0.1:9/hooks";

    @Test
    void theSecretIsShownOnceAndNeverAgain() {
        CountryYear where = TestEvents.uniqueCountryYear();
        JsonPath created = as("diplomat", "embassy").body(body(Map.of("country", where.country(), "year", where.year())))
                .post("/api/v1/subscriptions").then().statusCode(201)
                .header("Location", containsString("/api/v1/subscriptions/"))
                .body("callbackUrl", equalTo(CALLBACK))
                .body("events", equalTo(List.of("status.changed")))
                .body("state", equalTo("ACTIVE"))
                .extract().jsonPath();
        String secret = created.getString("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSizeGreaterThanOrEqualTo(24);
        String id = created.getString("id");

        as("diplomat", "embassy").get("/api/v1/subscriptions/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("secret", nullValue())
                .body(not(containsString(secret)));
        String list = as("diplomat", "embassy").get("/api/v1/subscriptions").then().statusCode(200)
                .body("items.id", hasItem(id)).extract().asString();
        assertThat(list).doesNotContain(secret);
    }

    @Test
    void eachSubscriberSeesOnlyTheirOwnAndAnAdminSeesAll() {
        CountryYear where = TestEvents.uniqueCountryYear();
        String mine = create("ngo", "ngo-one", Map.of("country", where.country(), "year", where.year()));
        as("ngo", "ngo-two").get("/api/v1/subscriptions/" + mine).then().statusCode(404)
                .contentType("application/problem+json");
        as("ngo", "ngo-two").delete("/api/v1/subscriptions/" + mine).then().statusCode(404)
                .contentType("application/problem+json");
        as("ngo", "ngo-two").post("/api/v1/subscriptions/" + mine + "/resume").then().statusCode(404);
        as("ngo", "ngo-two").get("/api/v1/subscriptions/" + mine + "/deliveries").then().statusCode(404);
        as("ngo", "ngo-two").get("/api/v1/subscriptions").then().statusCode(200).body("items.id", not(hasItem(mine)));
        as("ngo", "ngo-two").queryParam("all", "true").get("/api/v1/subscriptions").then().statusCode(403)
                .contentType("application/problem+json");

        as("admin", "").queryParam("all", "true").queryParam("size", 100).get("/api/v1/subscriptions").then()
                .statusCode(200).body("items.id", hasItem(mine)).body(not(containsString("whsec_")));

        as("ngo", "ngo-one").delete("/api/v1/subscriptions/" + mine).then().statusCode(204);
        as("ngo", "ngo-one").get("/api/v1/subscriptions/" + mine).then().statusCode(404);
    }

    @Test
    void wrongFieldsAreNamed() {
        refused(Map.of("callbackUrl", CALLBACK, "country", "LAO"), 400, "events");
        refused(Map.of("callbackUrl", CALLBACK, "events", List.of("status.changed", "report.deleted"), "country", "LAO"),
                400, "events");
        refused(Map.of("callbackUrl", CALLBACK, "events", List.of("status.changed")), 400, "scope");
        refused(Map.of("callbackUrl", CALLBACK, "events", List.of("status.changed"), "country", "LAO",
                "recommendationId", UUID.randomUUID().toString()), 400, "scope");
        refused(Map.of("callbackUrl", CALLBACK, "events", List.of("status.changed"), "country", "XYZ"), 400, "country");
        refused(Map.of("callbackUrl", CALLBACK, "events", List.of("status.changed"), "year", 2023), 400, "year");
        refused(Map.of("callbackUrl", CALLBACK, "events", List.of("status.changed"), "recommendationId", "nope"), 400,
                "recommendationId");
        refused(Map.of("events", List.of("status.changed"), "country", "LAO"), 400, "callbackUrl");
        refused(Map.of("callbackUrl", "not a url", "events", List.of("status.changed"), "country", "LAO"), 422,
                "callbackUrl");
        refused(Map.of("callbackUrl", "ftp://127.0.0.1/hooks", "events", List.of("status.changed"), "country", "LAO"),
                422, "callbackUrl");
        refused(Map.of("callbackUrl", "http://user:pw@127.0.0.1/hooks", "events", List.of("status.changed"),
                "country", "LAO"), 422, "callbackUrl");
        as("diplomat").body("").post("/api/v1/subscriptions").then().statusCode(400)
                .contentType("application/problem+json");
    }

    /** Tests deliver to 127.0.0.1 alone (rectrack.webhooks.allowed-hosts): no test reaches out, the fuzz test neither. */
    @Test
    void aCallbackOutsideTheAllowedHostsIsRefused() {
        refused(Map.of("callbackUrl", "https://hooks.example.org/rectrack", "events", List.of("status.changed"),
                "country", "LAO"), 422, "callbackUrl");
        refused(Map.of("callbackUrl", "http://localhost:9/hooks", "events", List.of("status.changed"),
                "country", "LAO"), 422, "callbackUrl");
    }

    @Test
    void onlyReviewersSubscribeToTheReviewQueue() {
        as("diplomat").body(body(Map.of("reviewQueue", true))).post("/api/v1/subscriptions").then().statusCode(403)
                .contentType("application/problem+json").body("errors[0].field", equalTo("reviewQueue"));
        String id = create("reviewer", "board", Map.of("reviewQueue", true));
        as("reviewer", "board").get("/api/v1/subscriptions/" + id).then().statusCode(200)
                .body("reviewQueue", equalTo(true));
        // A queue's subscription hears of every evidence of the JVM's tests: not left behind.
        as("reviewer", "board").delete("/api/v1/subscriptions/" + id).then().statusCode(204);
    }

    @Test
    void withoutATokenNothingIsAnswered() {
        RestAssured.given().get("/api/v1/subscriptions").then().statusCode(401).contentType("application/problem+json");
        RestAssured.given().get("/api/v1/countries/LAO/feed").then().statusCode(401);
    }

    @Test
    void aCountryFeedIsAtomWithAStableId() {
        as("diplomat").accept("application/atom+xml").get("/api/v1/countries/LAO/feed").then().statusCode(200)
                .contentType(startsWith("application/atom+xml"))
                .body(containsString("<id>urn:rectrack:country:LAO</id>"));
        as("diplomat").accept("application/atom+xml").get("/api/v1/countries/XYZ/feed").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("country"));
    }

    private static void refused(Map<String, Object> body, int status, String field) {
        as("diplomat").body(body).post("/api/v1/subscriptions").then().statusCode(status)
                .contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    private static String create(String role, String organisation, Map<String, Object> scope) {
        return as(role, organisation).body(body(scope)).post("/api/v1/subscriptions").then().statusCode(201)
                .extract().path("id");
    }

    private static Map<String, Object> body(Map<String, Object> scope) {
        Map<String, Object> body = new HashMap<>(scope);
        body.put("callbackUrl", CALLBACK);
        body.put("events", List.of("status.changed"));
        return body;
    }
}
