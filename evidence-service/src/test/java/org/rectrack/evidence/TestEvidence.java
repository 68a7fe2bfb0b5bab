package org.rectrack.evidence;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.rectrack.deploy.infra.testing.TestTokens;

/** Builds evidence requests and callers with their own organisations, so every test owns its data. */
public final class TestEvidence {

    public static final String LAO_SUMMARY = "ກະຊວງປ້ອງກັນຄວາມສະຫງົບ ໄດ້ຝຶກອົບຮົມເຈົ້າໜ້າທີ່ 300 ຄົນ ກ່ຽວກັບການກຳນົດຕົວຜູ້ເຄາະຮ້າຍ.";

    private TestEvidence() {
    }

    /** A valid submission of public evidence in English on one recommendation, as a mutable map. */
    public static Map<String, Object> request(UUID recommendationId) {
        Map<String, Object> source = new HashMap<>();
        source.put("title", "Vientiane Times");
        source.put("publisher", "Vientiane Times");
        source.put("url", "https://www.vientianetimes.org.la/freeContent/FreeConten_Training.php");
        source.put("publishedOn", "2023-03-02");
        Map<String, Object> request = new HashMap<>();
        request.put("recommendations", new ArrayList<>(List.of(link(recommendationId, "ADVANCES"))));
        request.put("actionDate", "2023-03-01");
        request.put("summary", "The Ministry of Public Security trained 300 officials on victim identification.");
        request.put("language", "en");
        request.put("source", source);
        request.put("metrics", new ArrayList<>(List.of(metric("OFFICIALS_TRAINED", 300, "PERSONS"))));
        request.put("visibility", "PUBLIC");
        return request;
    }

    public static Map<String, Object> link(UUID recommendationId, String assessment) {
        return new HashMap<>(Map.of("recommendationId", recommendationId.toString(), "assessment", assessment));
    }

    public static Map<String, Object> metric(String kind, Object value, String unit) {
        return new HashMap<>(Map.of("kind", kind, "value", value, "unit", unit));
    }

    /** A new organisation's name, so lists and visibility are this test's own. */
    public static String newOrganisation() {
        return "ngo-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static RequestSpecification as(String role, String organisation) {
        return given().auth().oauth2(TestTokens.forRole(role, organisation)).contentType(ContentType.JSON);
    }

    public static RequestSpecification reviewer() {
        return as("reviewer", "review-board");
    }

    public static ValidatableResponse submit(String organisation, Map<String, Object> request) {
        return as("ngo", organisation).body(request).post("/api/v1/evidence").then();
    }

    /** Submits and returns the new evidence's id. */
    public static String submitted(String organisation, Map<String, Object> request) {
        return submit(organisation, request).statusCode(201).extract().path("id");
    }

    /** Submits evidence on a new recommendation for a new organisation and returns its id. */
    public static String submitted() {
        return submitted(newOrganisation(), request(TestRecommendations.active()));
    }

    public static ValidatableResponse transition(RequestSpecification caller, String id, String action, Map<String, ?> body) {
        return caller.body(body).post("/api/v1/evidence/" + id + "/" + action).then();
    }
}
