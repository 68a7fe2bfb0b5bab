package org.rectrack.evidence.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.rectrack.deploy.infra.testing.HostileBodies.concat;
import static org.rectrack.deploy.infra.testing.HostileBodies.json;
import static org.rectrack.evidence.TestEvidence.as;
import static org.rectrack.evidence.TestEvidence.newOrganisation;
import static org.rectrack.evidence.TestEvidence.request;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;


import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.evidence.TestEvidence;
import org.rectrack.evidence.TestRecommendations;

/**
 * Hostile input of the kinds of issue 12 (text that is no Unicode, dates that are no plain dates, duplicate keys,
 * wrong path and query parameters): each is a 400 problem naming the field or parameter, and nothing is written.
 */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class HostileInputTest {

    private static final String MARK = "MARK-TO-REPLACE";

    @Test
    void aSummaryWithAnUnpairedSurrogateIsRefusedAndNothingIsRecorded() {
        String organisation = newOrganisation();
        UUID recommendation = TestRecommendations.active();
        for (String escape : List.of("\\ud800", "\\udfff", "\\udc00\\ud800", "ຝຶກ\\ud83d")) {
            Map<String, Object> evidence = request(recommendation);
            evidence.put("summary", MARK);

            submit(organisation, json(evidence).replace(MARK, escape).getBytes(StandardCharsets.UTF_8))
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains("summary"))
                    .body("errors[0].message", containsString("surrogate"));
        }
        assertNothingRecordedFor(organisation);
    }

    /** What the compliance report's fonts cannot draw is refused, so that a signed PDF never shows a "?" for it. */
    @Test
    void aCharacterTheReportsCannotPrintIsRefusedNamingItAndNothingIsRecorded() {
        String organisation = newOrganisation();
        UUID recommendation = TestRecommendations.active();
        for (String text : List.of("ຝຶກອົບຮົມ 中国 ຕຳຫຼວດ", "ຝຶກອົບຮົມ 😀", "ฝึกอบรม ตำรวจ")) {
            Map<String, Object> evidence = request(recommendation);
            evidence.put("summary", text);

            submit(organisation, json(evidence).getBytes(StandardCharsets.UTF_8))
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains("summary"))
                    .body("errors[0].message", containsString("reports cannot print"));
        }
        assertNothingRecordedFor(organisation);
    }

    @Test
    void anUnpairedSurrogateAnywhereInTheBodyIsRefusedNamingIt() {
        String organisation = newOrganisation();
        Map<String, Object> evidence = request(TestRecommendations.active());
        @SuppressWarnings("unchecked")
        Map<String, Object> source = (Map<String, Object>) evidence.get("source");
        source.put("quote", MARK);

        submit(organisation, json(evidence).replace(MARK, "\\udc00").getBytes(StandardCharsets.UTF_8))
                .statusCode(400).body("errors.field", contains("source.quote"));

        assertNothingRecordedFor(organisation);
    }

    @Test
    void bytesThatAreNoUtf8AreRefusedNamingTheFieldAndNeverStoredAsReplacementCharacters() {
        String organisation = newOrganisation();
        Map<String, Object> evidence = request(TestRecommendations.active());
        evidence.put("summary", MARK);
        String[] around = json(evidence).split(MARK);

        for (byte[] bad : List.of(new byte[] { (byte) 0xFF }, new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
                new byte[] { (byte) 0xE0, (byte) 0x80, (byte) 0xAF })) {
            submit(organisation, concat(around[0] + "trained", bad, "officials" + around[1]))
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains("summary"))
                    .body("errors[0].message", containsString("UTF-8"));
        }
        assertNothingRecordedFor(organisation);
    }

    @Test
    void anActionDateThatIsNoPlainDateIsRefusedAndNothingIsRecorded() {
        String organisation = newOrganisation();
        UUID recommendation = TestRecommendations.active();
        for (Object notADate : List.of("-2023-03-01", "+2023-03-01", "2023-03-01T23:30:00Z", "2023-03-01T23:30:00",
                "20230301", "2023-02-29", "0000-03-01", "1899-12-31", 19417, List.of(2023, 3, 1))) {
            Map<String, Object> evidence = request(recommendation);
            evidence.put("actionDate", notADate);

            TestEvidence.submit(organisation, evidence).statusCode(400).contentType("application/problem+json")
                    .body("errors.field", contains("actionDate"));
        }
        assertNothingRecordedFor(organisation);
    }

    @Test
    void everyOtherDateOfTheBodyIsAsStrict() {
        String organisation = newOrganisation();
        Map<String, Object> withPeriod = request(TestRecommendations.active());
        withPeriod.remove("actionDate");
        withPeriod.put("actionPeriod", Map.of("from", "2023-01-09", "to", 19417));
        Map<String, Object> withSource = request(TestRecommendations.active());
        @SuppressWarnings("unchecked")
        Map<String, Object> source = (Map<String, Object>) withSource.get("source");
        source.put("publishedOn", "-2023-03-02");

        TestEvidence.submit(organisation, withPeriod).statusCode(400).body("errors.field", contains("actionPeriod.to"));
        TestEvidence.submit(organisation, withSource).statusCode(400).body("errors.field", contains("source.publishedOn"));

        assertNothingRecordedFor(organisation);
    }

    @Test
    void aDuplicateVisibilityIsRefusedAndNothingIsPublished() {
        String organisation = newOrganisation();
        Map<String, Object> evidence = request(TestRecommendations.active());
        evidence.put("visibility", "RESTRICTED");
        String body = json(evidence);
        String doubled = body.substring(0, body.length() - 1) + ",\"visibility\":\"PUBLIC\"}";

        submit(organisation, doubled.getBytes(StandardCharsets.UTF_8))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("visibility"))
                .body("errors[0].message", containsString("more than once"));

        assertNothingRecordedFor(organisation);
    }

    @Test
    void aDuplicateKeyDeepInTheBodyIsRefused() {
        String organisation = newOrganisation();
        Map<String, Object> evidence = request(TestRecommendations.active());
        evidence.put("metrics", List.of(Map.of("kind", "OFFICIALS_TRAINED", "value", MARK, "unit", "PERSONS")));

        submit(organisation, json(evidence).replace("\"" + MARK + "\"", "300,\"value\":3000").getBytes(StandardCharsets.UTF_8))
                .statusCode(400).body("errors.field", contains("metrics[0].value"));

        assertNothingRecordedFor(organisation);
    }

    @Test
    void aReviewWithHostileTextOrDuplicateKeysLeavesTheEvidenceAsItWas() {
        String organisation = newOrganisation();
        String id = TestEvidence.submitted(organisation, request(TestRecommendations.active()));

        TestEvidence.reviewer().body("{\"reason\":\"\\ud800\"}").post("/api/v1/evidence/" + id + "/reject")
                .then().statusCode(400).body("errors.field", contains("reason"));
        TestEvidence.reviewer().body("{\"reason\":\"a\",\"reason\":\"b\"}").post("/api/v1/evidence/" + id + "/reject")
                .then().statusCode(400).body("errors.field", contains("reason"));
        TestEvidence.reviewer().body("{\"note\":\"ok\",\"note\":\"\\udc00\"}").post("/api/v1/evidence/" + id + "/verify")
                .then().statusCode(400).body("errors.field", contains("note"));
        as("ngo", organisation).body(concat("{\"reason\":\"", new byte[] { (byte) 0xFF }, "\"}"))
                .post("/api/v1/evidence/" + id + "/retract")
                .then().statusCode(400).body("errors.field", contains("reason"));

        TestEvidence.reviewer().get("/api/v1/evidence/" + id).then().statusCode(200)
                .body("state", equalTo("SUBMITTED"))
                .body("version", equalTo(1));
    }

    @Test
    void aReviewAskingForATypeNoOperationAnswersIsA406BeforeAnythingIsWritten() {
        String id = TestEvidence.submitted(newOrganisation(), request(TestRecommendations.active()));

        TestEvidence.reviewer().accept("text/xml").body(Map.of("note", "checked")).post("/api/v1/evidence/" + id + "/verify")
                .then().statusCode(406).contentType("application/problem+json")
                .body("errors.field", contains("Accept")).body("errors.message", contains(containsString("application/json")));
        TestEvidence.reviewer().accept("application/json;q=0, text/*").post("/api/v1/evidence/" + id + "/verify")
                .then().statusCode(406);

        TestEvidence.reviewer().get("/api/v1/evidence/" + id).then().statusCode(200)
                .body("state", equalTo("SUBMITTED"))
                .body("version", equalTo(1));
    }

    @Test
    void aPathParameterThatIsNoUuidIsA400NamingIt() {
        TestEvidence.reviewer().get("/api/v1/evidence/not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("id"));
        TestEvidence.reviewer().get("/api/v1/evidence/1-2-3-4-5").then().statusCode(400).body("errors.field", contains("id"));
        TestEvidence.reviewer().post("/api/v1/evidence/not-a-uuid/verify").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("id"));
        TestEvidence.reviewer().body(Map.of("reason", "wrong")).post("/api/v1/evidence/not-a-uuid/reject").then()
                .statusCode(400).body("errors.field", contains("id"));
    }

    @Test
    void aQueryParameterGivenTwiceOrNotInItsPlainFormIsA400NamingIt() {
        UUID recommendation = TestRecommendations.active();
        TestEvidence.reviewer().get("/api/v1/evidence?state=SUBMITTED&state=VERIFIED").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", contains("state"));
        TestEvidence.reviewer().get("/api/v1/evidence?recommendationId=" + recommendation + "&recommendationId="
                + UUID.randomUUID()).then().statusCode(400).body("errors.field", contains("recommendationId"));
        TestEvidence.reviewer().get("/api/v1/evidence?recommendationId=1-2-3-4-5").then().statusCode(400)
                .body("errors.field", contains("recommendationId"));
        TestEvidence.reviewer().urlEncodingEnabled(false).get("/api/v1/evidence?organisation=ngo%FF").then()
                .statusCode(400).body("errors.field", contains("organisation"));
        TestEvidence.reviewer().urlEncodingEnabled(false).get("/api/v1/evidence?size=%D9%A5").then()
                .statusCode(400).body("errors.field", contains("size"));
    }

    private static ValidatableResponse submit(String organisation, byte[] body) {
        return as("ngo", organisation).body(body).post("/api/v1/evidence").then();
    }

    private static void assertNothingRecordedFor(String organisation) {
        int recorded = TestEvidence.reviewer().queryParam("organisation", organisation).get("/api/v1/evidence")
                .then().statusCode(200).extract().path("totalItems");
        assertThat(recorded).isZero();
    }
}
