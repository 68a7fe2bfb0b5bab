package org.rectrack.evidence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.rectrack.evidence.TestEvidence.as;
import static org.rectrack.evidence.TestEvidence.newOrganisation;
import static org.rectrack.evidence.TestEvidence.request;
import static org.rectrack.evidence.TestEvidence.reviewer;
import static org.rectrack.evidence.TestEvidence.submitted;
import static org.rectrack.evidence.TestEvidence.transition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.deploy.infra.testing.TestTokens;

@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class ReviewWorkflowTest {

    @Test
    void aReviewerVerifiesSubmittedEvidenceWithANote() {
        String id = submitted();

        transition(as("reviewer", "review-board"), id, "verify", Map.of("note", "Matches the ministry's press release"))
                .statusCode(200)
                .body("state", equalTo("VERIFIED"))
                .body("version", equalTo(2))
                .body("history.state", contains("SUBMITTED", "VERIFIED"))
                .body("history[1].actor", equalTo("reviewer@review-board"))
                .body("history[1].organisation", equalTo("review-board"))
                .body("history[1].reason", equalTo("Matches the ministry's press release"));

        as("diplomat", "embassy").get("/api/v1/evidence/" + id).then().statusCode(200)
                .body("state", equalTo("VERIFIED"))
                .body("history.state", contains("SUBMITTED", "VERIFIED"));
    }

    @Test
    void aReviewerMayVerifyWithoutANote() {
        String id = submitted();

        // No body and no Content-Type, as `curl -X POST` sends it.
        given().auth().oauth2(TestTokens.forRole("reviewer", "review-board"))
                .post("/api/v1/evidence/" + id + "/verify").then().statusCode(200)
                .body("state", equalTo("VERIFIED"))
                .body("history[1].reason", nullValue());
    }

    @Test
    void rejectingNeedsAReasonAndKeepsIt() {
        String id = submitted();

        transition(reviewer(), id, "reject", Map.of()).statusCode(400).body("errors.field", contains("reason"));
        reviewer().post("/api/v1/evidence/" + id + "/reject").then().statusCode(400);
        transition(reviewer(), id, "reject", Map.of("reason", "The article reports a plan, not an action"))
                .statusCode(200)
                .body("state", equalTo("REJECTED"))
                .body("history[1].reason", equalTo("The article reports a plan, not an action"));
    }

    @Test
    void anNgoCannotVerifyOrRejectEvidence() {
        String id = submitted();

        transition(as("ngo", newOrganisation()), id, "verify", Map.of()).statusCode(403)
                .contentType("application/problem+json");
        transition(as("ngo", newOrganisation()), id, "reject", Map.of("reason", "mine")).statusCode(403);
        as("auditor", "audit").get("/api/v1/evidence/" + id).then().body("state", equalTo("SUBMITTED"));
    }

    @Test
    void anNgoRetractsItsOwnEvidenceWithAReason() {
        String organisation = newOrganisation();
        String id = submitted(organisation, request(TestRecommendations.active()));

        transition(as("ngo", organisation), id, "retract", Map.of()).statusCode(400).body("errors.field", contains("reason"));
        transition(as("ngo", organisation), id, "retract", Map.of("reason", "Wrong date, resubmitting"))
                .statusCode(200)
                .body("state", equalTo("RETRACTED"))
                .body("history.state", contains("SUBMITTED", "RETRACTED"))
                .body("history[1].organisation", equalTo(organisation));
    }

    @Test
    void verifiedEvidenceMayStillBeRetractedByItsOrganisation() {
        String organisation = newOrganisation();
        String id = submitted(organisation, request(TestRecommendations.active()));
        transition(reviewer(), id, "verify", Map.of()).statusCode(200);

        transition(as("ngo", organisation), id, "retract", Map.of("reason", "The ministry corrected its figures"))
                .statusCode(200)
                .body("state", equalTo("RETRACTED"))
                .body("version", equalTo(3))
                .body("history.state", contains("SUBMITTED", "VERIFIED", "RETRACTED"));
    }

    @Test
    void anNgoCannotRetractAnotherOrganisationsEvidence() {
        String publicId = submitted();
        Map<String, Object> restricted = request(TestRecommendations.active());
        restricted.put("visibility", "RESTRICTED");
        String restrictedId = submitted(newOrganisation(), restricted);
        String intruder = newOrganisation();

        transition(as("ngo", intruder), publicId, "retract", Map.of("reason", "not ours")).statusCode(403)
                .body("detail", containsString("only the organisation"));
        transition(as("ngo", intruder), restrictedId, "retract", Map.of("reason", "not ours")).statusCode(404)
                .body("detail", equalTo("no evidence with id " + restrictedId));
        as("auditor", "audit").get("/api/v1/evidence/" + restrictedId).then().body("state", equalTo("SUBMITTED"));
    }

    @Test
    void aReviewerCannotRetractEvidence() {
        transition(reviewer(), submitted(), "retract", Map.of("reason", "duplicate")).statusCode(403);
    }

    @Test
    void aReviewerMayReviewRestrictedEvidence() {
        Map<String, Object> restricted = request(TestRecommendations.active());
        restricted.put("visibility", "RESTRICTED");
        String id = submitted(newOrganisation(), restricted);

        transition(reviewer(), id, "verify", Map.of()).statusCode(200).body("state", equalTo("VERIFIED"));
    }

    @Test
    void aTransitionNotAllowedFromTheCurrentStateIsAConflict() {
        String organisation = newOrganisation();
        String verified = submitted(organisation, request(TestRecommendations.active()));
        transition(reviewer(), verified, "verify", Map.of()).statusCode(200);
        String rejected = submitted(organisation, request(TestRecommendations.active()));
        transition(reviewer(), rejected, "reject", Map.of("reason", "no source")).statusCode(200);

        transition(reviewer(), verified, "verify", Map.of()).statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("VERIFIED"));
        transition(reviewer(), verified, "reject", Map.of("reason", "second thoughts")).statusCode(409);
        transition(as("ngo", organisation), rejected, "retract", Map.of("reason", "late")).statusCode(409);
        transition(reviewer(), rejected, "verify", Map.of()).statusCode(409);
        as("auditor", "audit").get("/api/v1/evidence/" + verified).then().body("version", equalTo(2));
    }

    @Test
    void aTransitionOfUnknownEvidenceIsNotFound() {
        transition(reviewer(), UUID.randomUUID().toString(), "verify", Map.of()).statusCode(404);
    }

    @Test
    void concurrentTransitionsNeverMakeTheSameVersionTwice() throws Exception {
        String id = submitted();
        List<Future<Integer>> answers = new ArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(6);
        try {
            for (int i = 0; i < 6; i++) {
                String action = i % 2 == 0 ? "verify" : "reject";
                Map<String, String> body = i % 2 == 0 ? Map.of("note", "race") : Map.of("reason", "race");
                answers.add(callers.submit(() -> transition(reviewer(), id, action, body).extract().statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnly(200, 409).filteredOn(status -> status == 200).hasSize(1);
        } finally {
            callers.shutdownNow();
        }
        as("auditor", "audit").get("/api/v1/evidence/" + id).then()
                .body("version", equalTo(2))
                .body("history.size()", equalTo(2));
    }
}
