package org.rectrack.evidence;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.rectrack.evidence.TestEvidence.as;
import static org.rectrack.evidence.TestEvidence.newOrganisation;
import static org.rectrack.evidence.TestEvidence.request;
import static org.rectrack.evidence.TestEvidence.submitted;
import static org.rectrack.evidence.TestEvidence.transition;

import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;

/**
 * An organisation's name is whatever a client's identity provider issues: it never makes anyone an admin. Evidence an
 * admin submitted (an imported report's drafts) is no organisation's own, whatever name it is shown under; an NGO's
 * evidence stays its organisation's own.
 */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class AdminEvidenceOwnershipTest {

    private static final Map<String, String> REASON = Map.of("reason", "not ours after all");

    @Test
    void anNgoNamedLikeTheImporterCannotRetractAnImportsDraftEvidence() {
        String id = adminSubmits("", "PUBLIC");

        transition(as("ngo", "report-import"), id, "retract", REASON)
                .statusCode(403).contentType("application/problem+json");

        reviewerFinds(id).body("state", equalTo("SUBMITTED")).body("version", equalTo(1));
    }

    @Test
    void anNgoNamedLikeTheImporterDoesNotSeeAnAdminsRestrictedEvidence() {
        String id = adminSubmits("", "RESTRICTED");

        as("ngo", "report-import").get("/api/v1/evidence/" + id).then().statusCode(404);
        as("ngo", "report-import").get("/api/v1/evidence?organisation=report-import&size=100").then()
                .statusCode(200).body("items.id", not(hasItem(id)));
        transition(as("ngo", "report-import"), id, "retract", REASON).statusCode(404);
        reviewerFinds(id).body("state", equalTo("SUBMITTED"));
    }

    @Test
    void anNgoOfTheOrganisationAnAdminsTokenNamesNeitherSeesNorRetractsItsRestrictedEvidence() {
        String organisation = newOrganisation();
        String id = adminSubmits(organisation, "RESTRICTED");

        as("ngo", organisation).get("/api/v1/evidence/" + id).then().statusCode(404);
        as("ngo", organisation).get("/api/v1/evidence?organisation=" + organisation).then()
                .statusCode(200).body("items.id", not(hasItem(id)));
        transition(as("ngo", organisation), id, "retract", REASON).statusCode(404);
        reviewerFinds(id).body("state", equalTo("SUBMITTED"));
    }

    @Test
    void anNgoStillSeesAndRetractsItsOrganisationsOwnRestrictedEvidence() {
        String organisation = newOrganisation();
        Map<String, Object> restricted = request(TestRecommendations.active());
        restricted.put("visibility", "RESTRICTED");
        String id = submitted(organisation, restricted);

        as("ngo", organisation).get("/api/v1/evidence/" + id).then().statusCode(200)
                .body("origin", equalTo("ORGANISATION"));
        as("ngo", organisation).get("/api/v1/evidence?organisation=" + organisation).then()
                .statusCode(200).body("items.id", hasItem(id));
        transition(as("ngo", organisation), id, "retract", REASON).statusCode(200).body("state", equalTo("RETRACTED"));
    }

    @Test
    void anNgoNamedLikeTheImporterDoesNotGetAnAdminsAnswerToTheSameIdempotencyKey() {
        String key = "import-" + UUID.randomUUID() + "-draft-0";
        Map<String, Object> draft = request(TestRecommendations.active());
        String adminsId = as("admin", "").header("Idempotency-Key", key).body(draft).post("/api/v1/evidence")
                .then().statusCode(201).extract().path("id");

        as("ngo", "report-import").header("Idempotency-Key", key).body(draft).post("/api/v1/evidence").then()
                .statusCode(201)
                .header("Idempotent-Replayed", nullValue())
                .body("id", not(equalTo(adminsId)))
                .body("origin", equalTo("ORGANISATION"));
    }

    /** Evidence an admin submits with a token naming {@code organisation} (none when empty); its id. */
    private static String adminSubmits(String organisation, String visibility) {
        Map<String, Object> request = request(TestRecommendations.active());
        request.put("visibility", visibility);
        return as("admin", organisation).body(request).post("/api/v1/evidence").then()
                .statusCode(201).body("origin", equalTo("ADMIN")).extract().path("id");
    }

    /** The evidence as a reviewer, who sees all of it, finds it. */
    private static ValidatableResponse reviewerFinds(String id) {
        return TestEvidence.reviewer().get("/api/v1/evidence/" + id).then().statusCode(200);
    }
}
