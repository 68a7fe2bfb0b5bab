package org.rectrack.recommendations;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.rectrack.deploy.infra.testing.TestTokens;

/** Builds report requests with unique publishers, so every test owns its data. */
public final class TestReports {

    private TestReports() {
    }

    public static Map<String, Object> report(int year, String... texts) {
        Map<String, Object> report = new HashMap<>();
        report.put("country", "LAO");
        report.put("year", year);
        report.put("tier", "TIER_2");
        report.put("publisher", "Test publisher " + UUID.randomUUID());
        report.put("title", year + " Trafficking in Persons Report: Laos");
        report.put("sourceUrl", "https://example.org/tip/" + year + "/laos");
        report.put("publishedOn", year + "-06-15");
        List<Map<String, Object>> recommendations = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            Map<String, Object> recommendation = new HashMap<>();
            recommendation.put("rank", i + 1);
            recommendation.put("text", texts[i]);
            recommendation.put("pillars", List.of("PROSECUTION"));
            recommendation.put("targetGroups", List.of());
            recommendations.add(recommendation);
        }
        report.put("recommendations", recommendations);
        return report;
    }

    public static ValidatableResponse publish(Map<String, Object> report) {
        return given().auth().oauth2(TestTokens.forRole("admin"))
                .contentType(ContentType.JSON)
                .body(report)
                .post("/api/v1/reports")
                .then();
    }

    /** Publishes and returns the ids of the recommendations in rank order. */
    public static List<String> publishRecommendations(int year, String... texts) {
        return publish(report(year, texts)).statusCode(201).extract().jsonPath().getList("recommendations.id");
    }
}
