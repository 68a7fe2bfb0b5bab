package org.rectrack.evidence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.rectrack.evidence.TestEvidence.as;
import static org.rectrack.evidence.TestEvidence.metric;
import static org.rectrack.evidence.TestEvidence.newOrganisation;
import static org.rectrack.evidence.TestEvidence.request;
import static org.rectrack.evidence.TestEvidence.submit;
import static org.rectrack.evidence.TestEvidence.submitted;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class EvidenceResourceTest {

    @Test
    void ngoSubmitsEvidenceForItsOrganisationAndGetsItsLocation() {
        String organisation = newOrganisation();
        UUID recommendation = TestRecommendations.active();

        Response created = as("ngo", organisation).body(request(recommendation)).post("/api/v1/evidence");

        created.then().statusCode(201)
                .body("organisation", equalTo(organisation))
                .body("state", equalTo("SUBMITTED"))
                .body("version", equalTo(1))
                .body("recommendations.recommendationId", contains(recommendation.toString()))
                .body("actionDate", equalTo("2023-03-01"))
                .body("metrics[0].value", equalTo(300))
                .body("history.state", contains("SUBMITTED"))
                .body("history[0].actor", equalTo("ngo@" + organisation))
                .body("history[0].organisation", equalTo(organisation));
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/evidence/" + id);

        as("diplomat", "embassy").get(created.header("Location")).then().statusCode(200)
                .body("id", equalTo(id))
                .body("source.title", equalTo("Vientiane Times"));
    }

    @Test
    void laoTextRoundTripsByteForByteThroughTheApi() {
        // Vowel sign AM and HO-NO are precomposed letters a normalising layer would rewrite.
        String quote = "ເຈົ້າໜ້າທີ່ 300 ຄົນ ໄດ້ຮັບການຝຶກອົບຮົມ ຳ ໜ ໝ";
        Map<String, Object> request = request(TestRecommendations.active());
        request.put("summary", TestEvidence.LAO_SUMMARY);
        request.put("language", "lo");
        @SuppressWarnings("unchecked")
        Map<String, Object> source = (Map<String, Object>) request.get("source");
        source.put("quote", quote);
        String id = submitted(newOrganisation(), request);

        byte[] body = as("auditor", "audit").get("/api/v1/evidence/" + id).then().statusCode(200)
                .extract().asByteArray();

        JsonPath json = JsonPath.from(new String(body, StandardCharsets.UTF_8));
        assertThat(json.getString("summary").getBytes(StandardCharsets.UTF_8))
                .isEqualTo(TestEvidence.LAO_SUMMARY.getBytes(StandardCharsets.UTF_8));
        assertThat(json.getString("source.quote").getBytes(StandardCharsets.UTF_8))
                .isEqualTo(quote.getBytes(StandardCharsets.UTF_8));
        assertThat(json.getString("language")).isEqualTo("lo");
    }

    @Test
    void anActionPeriodAndADocumentReferenceAreAcceptedInsteadOfADayAndAUrl() {
        Map<String, Object> request = request(TestRecommendations.active());
        request.remove("actionDate");
        request.put("actionPeriod", Map.of("from", "2022-04-01", "to", "2023-03-31"));
        request.put("source", Map.of("title", "Annual report of the National Committee", "documentReference", "NCATIP 2023/07"));
        request.put("metrics", List.of(metric("BUDGET", 1500000000.50, "LAK"),
                Map.of("kind", "VICTIMS_REFERRED", "value", 29, "unit", "PERSONS", "sex", "FEMALE", "ageGroup", "under 18")));
        request.put("language", "en-gb");

        submit(newOrganisation(), request).statusCode(201)
                .body("actionDate", nullValue())
                .body("actionPeriod.from", equalTo("2022-04-01"))
                .body("actionPeriod.to", equalTo("2023-03-31"))
                .body("source.documentReference", equalTo("NCATIP 2023/07"))
                .body("metrics.unit", contains("LAK", "PERSONS"))
                .body("metrics[1].sex", equalTo("FEMALE"))
                .body("language", equalTo("en-GB"));
    }

    @Test
    void anActionDateInTheFutureIsRefusedNamingTheField() {
        Map<String, Object> request = request(TestRecommendations.active());
        request.put("actionDate", LocalDate.now(ZoneOffset.UTC).plusDays(3).toString());

        submit(newOrganisation(), request).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("actionDate"))
                .body("errors[0].message", containsString("future"));
    }

    @Test
    void evidenceWithoutACitationIsRefused() {
        Map<String, Object> request = request(TestRecommendations.active());
        request.remove("source");
        submit(newOrganisation(), request).statusCode(400).body("errors.field", contains("source"));

        request.put("source", Map.of());
        submit(newOrganisation(), request).statusCode(400)
                .body("errors.field", containsInAnyOrder("source.title", "source.url"));
    }

    @Test
    void aNegativeMetricIsRefusedNamingTheField() {
        Map<String, Object> request = request(TestRecommendations.active());
        request.put("metrics", List.of(metric("CONVICTIONS", -4, "CASES")));

        submit(newOrganisation(), request).statusCode(400).body("errors.field", contains("metrics[0].value"));
    }

    @Test
    void aUnitThatDoesNotFitItsKindIsRefusedNamingTheField() {
        Map<String, Object> request = request(TestRecommendations.active());
        request.put("metrics", List.of(metric("BUDGET", 1000, "PERSONS"), metric("OFFICIALS_TRAINED", 300, "USD"),
                metric("VICTIMS_IDENTIFIED", 2.5, "PERSONS")));

        submit(newOrganisation(), request).statusCode(400)
                .body("errors.field", containsInAnyOrder("metrics[0].unit", "metrics[1].unit", "metrics[2].value"))
                .body("detail", containsString("ISO 4217"));
    }

    @Test
    void theLanguageMustBeABcp47Tag() {
        for (String tag : List.of("Lao language", "lo_LA", "x-private", "")) {
            Map<String, Object> request = request(TestRecommendations.active());
            request.put("language", tag);
            submit(newOrganisation(), request).statusCode(400).body("errors.field", contains("language"));
        }
    }

    @Test
    void aClientCannotSetTheStateOrTheOrganisation() {
        String organisation = newOrganisation();
        for (Map.Entry<String, String> field : Map.of("state", "VERIFIED", "organisation", "someone-else").entrySet()) {
            Map<String, Object> request = request(TestRecommendations.active());
            request.put(field.getKey(), field.getValue());
            submit(organisation, request).statusCode(400)
                    .body("errors.field", contains(field.getKey()))
                    .body("errors[0].message", containsString("not a field"));
        }
    }

    @Test
    void aReviewerCannotSubmitEvidence() {
        as("reviewer", "review-board").body(request(TestRecommendations.active())).post("/api/v1/evidence")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anAdminSubmitsAsAnAdminShownUnderTheOrganisationItsTokenNames() {
        String organisation = newOrganisation();
        as("admin", organisation).body(request(TestRecommendations.active())).post("/api/v1/evidence")
                .then().statusCode(201)
                .body("organisation", equalTo(organisation))
                .body("origin", equalTo("ADMIN"))
                .body("state", equalTo("SUBMITTED"))
                .body("history[0].actor", equalTo("admin@" + organisation));
    }

    @Test
    void anAdminTokenWithoutAnOrganisationSubmitsAsAnAdminShownAsReportImport() {
        String id = as("admin", "").body(request(TestRecommendations.active())).post("/api/v1/evidence")
                .then().statusCode(201)
                .body("organisation", equalTo("report-import"))
                .body("origin", equalTo("ADMIN"))
                .body("state", equalTo("SUBMITTED"))
                .extract().path("id");

        TestEvidence.reviewer().get("/api/v1/evidence/" + id).then().statusCode(200).body("origin", equalTo("ADMIN"));
    }

    @Test
    void anNgoTokenWithoutAnOrganisationCannotSubmit() {
        as("ngo", "").body(request(TestRecommendations.active())).post("/api/v1/evidence")
                .then().statusCode(403).body("detail", containsString("organisation"));
    }

    @Test
    void aValueOutsideItsListIsRefusedNamingTheField() {
        Map<String, Object> request = request(TestRecommendations.active());
        request.put("visibility", "SECRET");
        submit(newOrganisation(), request).statusCode(400).body("errors.field", contains("visibility"));

        request = request(TestRecommendations.active());
        request.put("recommendations", List.of(Map.of("recommendationId", UUID.randomUUID().toString(), "assessment", "GREAT")));
        submit(newOrganisation(), request).statusCode(400)
                .body("errors.field", contains("recommendations[0].assessment"))
                .body("errors[0].message", containsString("ADVANCES"));
    }

    @Test
    void aRequestWithoutATokenIsUnauthenticated() {
        given().contentType(ContentType.JSON).body(request(UUID.randomUUID())).post("/api/v1/evidence")
                .then().statusCode(401).contentType("application/problem+json");
        given().get("/api/v1/evidence").then().statusCode(401);
    }

    @Test
    void evidenceForAnUnknownRecommendationIsRefused() {
        UUID unknown = UUID.randomUUID();
        Map<String, Object> request = request(TestRecommendations.active());
        @SuppressWarnings("unchecked")
        List<Object> links = (List<Object>) request.get("recommendations");
        links.add(TestEvidence.link(unknown, "FULFILLS"));

        submit(newOrganisation(), request).statusCode(422)
                .body("type", equalTo("urn:rectrack:problem:unknown-recommendation"))
                .body("errors.field", contains("recommendations[1].recommendationId"))
                .body("detail", containsString(unknown.toString()));
    }

    @Test
    void anNgoCannotReadAnotherOrganisationsRestrictedEvidence() {
        String owner = newOrganisation();
        Map<String, Object> request = request(TestRecommendations.active());
        request.put("visibility", "RESTRICTED");
        String id = submitted(owner, request);
        String path = "/api/v1/evidence/" + id;

        as("ngo", owner).get(path).then().statusCode(200);
        as("reviewer", "review-board").get(path).then().statusCode(200);
        as("auditor", "audit").get(path).then().statusCode(200);
        for (String role : List.of("ngo", "diplomat", "admin")) {
            as(role, newOrganisation()).get(path).then().statusCode(404)
                    .body("detail", equalTo("no evidence with id " + id));
        }
        // Only an NGO speaks for its organisation: a diplomat's token that names the owner is still no NGO of it.
        as("diplomat", owner).get(path).then().statusCode(404);
    }

    @Test
    void listsNeverShowOtherOrganisationsRestrictedEvidence() {
        UUID recommendation = TestRecommendations.active();
        String owner = newOrganisation();
        String other = newOrganisation();
        String ownPublic = submitted(owner, request(recommendation));
        String ownRestricted = submitted(owner, restricted(recommendation));
        String othersRestricted = submitted(other, restricted(recommendation));
        String query = "/api/v1/evidence?recommendationId=" + recommendation;

        as("ngo", owner).get(query).then().statusCode(200)
                .body("items.id", containsInAnyOrder(ownPublic, ownRestricted)).body("totalItems", equalTo(2));
        for (String role : List.of("ngo", "diplomat", "admin")) {
            as(role, newOrganisation()).get(query).then().statusCode(200)
                    .body("items.id", contains(ownPublic)).body("totalItems", equalTo(1));
        }
        for (String role : List.of("reviewer", "auditor")) {
            as(role, "board").get(query).then().statusCode(200)
                    .body("items.id", containsInAnyOrder(ownPublic, ownRestricted, othersRestricted));
        }
    }

    @Test
    void anNgoListsItsOwnSubmissions() {
        UUID recommendation = TestRecommendations.active();
        String organisation = newOrganisation();
        String own = submitted(organisation, request(recommendation));
        submitted(newOrganisation(), request(recommendation));

        as("ngo", organisation).get("/api/v1/evidence?organisation=" + organisation).then().statusCode(200)
                .body("items.id", contains(own));
    }

    @Test
    void listsArePagedNewestFirstWithACappedSize() {
        UUID recommendation = TestRecommendations.active();
        String organisation = newOrganisation();
        String first = submitted(organisation, request(recommendation));
        String second = submitted(organisation, request(recommendation));
        String third = submitted(organisation, request(recommendation));
        String query = "/api/v1/evidence?recommendationId=" + recommendation;

        as("diplomat", "embassy").get(query + "&size=2").then().statusCode(200)
                .body("items.id", contains(third, second))
                .body("page", equalTo(0)).body("size", equalTo(2))
                .body("totalItems", equalTo(3)).body("totalPages", equalTo(2));
        as("diplomat", "embassy").get(query + "&size=2&page=1").then().statusCode(200)
                .body("items.id", contains(first));
        as("diplomat", "embassy").get(query + "&size=101").then().statusCode(400)
                .body("errors.field", contains("size"));
        as("diplomat", "embassy").get("/api/v1/evidence?recommendationId=LAO-2023-01").then().statusCode(400)
                .body("errors.field", contains("recommendationId"));
    }

    @Test
    void theReviewQueueListsSubmittedEvidenceByState() {
        UUID recommendation = TestRecommendations.active();
        String organisation = newOrganisation();
        String waiting = submitted(organisation, request(recommendation));
        String verified = submitted(organisation, request(recommendation));
        TestEvidence.transition(TestEvidence.reviewer(), verified, "verify", Map.of()).statusCode(200);
        String query = "/api/v1/evidence?recommendationId=" + recommendation + "&state=";

        TestEvidence.reviewer().get(query + "SUBMITTED").then().statusCode(200).body("items.id", contains(waiting));
        TestEvidence.reviewer().get(query + "verified").then().statusCode(200).body("items.id", contains(verified));
        TestEvidence.reviewer().get(query + "APPROVED").then().statusCode(400).body("errors.field", contains("state"));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstResultAndCreatesNothing() {
        UUID recommendation = TestRecommendations.active();
        String organisation = newOrganisation();
        String key = UUID.randomUUID().toString();
        Map<String, Object> request = request(recommendation);

        Response first = as("ngo", organisation).header("Idempotency-Key", key).body(request).post("/api/v1/evidence");
        Response retry = as("ngo", organisation).header("Idempotency-Key", key).body(request).post("/api/v1/evidence");

        first.then().statusCode(201);
        retry.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.asString()).isEqualTo(first.asString());
        as("ngo", organisation).get("/api/v1/evidence?recommendationId=" + recommendation).then()
                .body("totalItems", equalTo(1));
    }

    @Test
    void theSameIdempotencyKeyWithADifferentBodyIsRefused() {
        UUID recommendation = TestRecommendations.active();
        String organisation = newOrganisation();
        String key = UUID.randomUUID().toString();
        Map<String, Object> request = request(recommendation);
        as("ngo", organisation).header("Idempotency-Key", key).body(request).post("/api/v1/evidence")
                .then().statusCode(201);

        request.put("summary", "Another action altogether.");
        as("ngo", organisation).header("Idempotency-Key", key).body(request).post("/api/v1/evidence")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("Idempotency-Key"))
                .body("detail", containsString("different request"));
        as("ngo", organisation).get("/api/v1/evidence?recommendationId=" + recommendation).then()
                .body("totalItems", equalTo(1));
    }

    @Test
    void anIdempotencyKeyOfInvisibleCharactersIsRefused() {
        as("ngo", newOrganisation()).header("Idempotency-Key", "key with spaces").body(request(TestRecommendations.active()))
                .post("/api/v1/evidence").then().statusCode(400)
                .body("errors.field", contains("Idempotency-Key"));
    }

    @Test
    void anIdempotencyKeyBelongsToOneOrganisation() {
        UUID recommendation = TestRecommendations.active();
        String key = UUID.randomUUID().toString();
        Map<String, Object> request = request(recommendation);

        String first = as("ngo", newOrganisation()).header("Idempotency-Key", key).body(request)
                .post("/api/v1/evidence").then().statusCode(201).extract().path("id");
        String second = as("ngo", newOrganisation()).header("Idempotency-Key", key).body(request)
                .post("/api/v1/evidence").then().statusCode(201).extract().path("id");

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void theOpenApiDocumentDescribesEveryOperationWithItsProblems() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/evidence'.post.responses.keySet()",
                        containsInAnyOrder("201", "400", "401", "403", "406", "413", "415", "422", "500"))
                .body("paths.'/api/v1/evidence/{id}/verify'.post.responses.'409'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("paths.'/api/v1/evidence/{id}/retract'.post.tags", hasItem("Review"))
                .body("paths.'/api/v1/evidence'.post.parameters.name", hasItem("Idempotency-Key"));
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static Map<String, Object> restricted(UUID recommendation) {
        Map<String, Object> request = request(recommendation);
        request.put("visibility", "RESTRICTED");
        return request;
    }
}
