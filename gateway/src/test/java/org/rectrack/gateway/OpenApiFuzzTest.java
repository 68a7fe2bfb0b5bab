package org.rectrack.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.rectrack.gateway.TestCallers.as;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.deploy.infra.testing.fuzz.DatabaseFingerprint;
import org.rectrack.deploy.infra.testing.fuzz.Fingerprint;
import org.rectrack.deploy.infra.testing.fuzz.FuzzReport;
import org.rectrack.deploy.infra.testing.fuzz.OpenApiFuzzer;
import org.rectrack.gateway.TestEvents.CountryYear;
import org.rectrack.gateway.endtoend.RunningServices;

/**
 * Every operation of the gateway's OpenAPI document, driven with hostile input by {@link OpenApiFuzzer}, with the
 * real recommendations-service and evidence-service behind it (as in the end-to-end test), so routed writes are
 * answered by them and relayed: no 5xx, every error problem+json, nothing accepted that is wrong whatever the data,
 * and no write left behind by a 4xx in either service's database (the gateway's own tables are filled only from the
 * topics). Reports go to a country-year of this test's own, each under a publisher of its own, and evidence names
 * this test's recommendation, since the topics carry both to every gateway database of the JVM.
 *
 * <p>Run it alone, from the repository root ({@code package} builds the services' jars that the test starts):
 * <pre>
 * ./mvnw -pl gateway -am package -Dtest=org.rectrack.gateway.OpenApiFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
@WithTestResource(RunningServices.class)
class OpenApiFuzzTest {

    private static final Set<String> FILLED_IN_THE_BACKGROUND = Set.of("outbox_event", "applied_version", "known_recommendation");

    @TestHTTPResource("/")
    URI root;

    @Test
    void noOperationAnswersHostileInputWithAServerErrorANonProblemOrALeftoverWrite() {
        CountryYear where = TestEvents.uniqueCountryYear();
        UUID recommendation = recommendationKnownToTheEvidenceService(where);
        Config config = ConfigProvider.getConfig();
        try (DatabaseFingerprint recommendations = database(config, "recommendations-service");
                DatabaseFingerprint evidence = database(config, "evidence-service")) {
            FuzzReport report = OpenApiFuzzer.against(root)
                    .maxBodyBytes(config.getValue("quarkus.http.limits.max-body-size", MemorySize.class).asLongValue())
                    .fingerprint(Fingerprint.of(List.of(recommendations, evidence)))
                    .value("country", where::country)
                    .value("year", where::year)
                    .value("publisher", () -> "Fuzz publisher " + UUID.randomUUID())
                    .value("recommendationId", recommendation::toString)
                    .run();

            System.out.println(report.summary());
            assertThat(report.failures()).as(report.failuresText()).isEmpty();
        }
    }

    /** Publishes a report with one recommendation, and waits until the evidence-service accepts evidence on it. */
    private static UUID recommendationKnownToTheEvidenceService(CountryYear where) {
        Map<String, Object> report = Map.of("country", where.country(), "year", where.year(), "tier", "TIER_2",
                "publisher", "Fuzz publisher " + UUID.randomUUID(),
                "title", where.year() + " Trafficking in Persons Report: " + where.country(),
                "recommendations", List.of(Map.of("rank", 1, "text", "Vigorously investigate and prosecute traffickers.",
                        "pillars", List.of("PROSECUTION"), "targetGroups", List.of())));
        Response published = as("admin").body(report).post("/api/v1/reports");
        published.then().statusCode(201);
        UUID recommendation = UUID.fromString(published.path("recommendations[0].id"));
        Map<String, Object> evidence = Map.of(
                "recommendations", List.of(Map.of("recommendationId", recommendation.toString(), "assessment", "ADVANCES")),
                "actionDate", "2023-03-01", "summary", "Trained 300 officials.", "language", "en",
                "source", Map.of("title", "Vientiane Times", "url", "https://www.vientianetimes.org.la/"),
                "visibility", "PUBLIC");
        String key = UUID.randomUUID().toString();
        await().atMost(Duration.ofSeconds(30)).until(() -> as("ngo").header("Idempotency-Key", key).body(evidence)
                .post("/api/v1/evidence").statusCode(), status -> status == 201);
        return recommendation;
    }

    private static DatabaseFingerprint database(Config config, String module) {
        String prefix = "rectrack.test." + module + ".";
        return DatabaseFingerprint.of(config.getValue(prefix + "jdbc-url", String.class),
                config.getValue(prefix + "username", String.class), config.getValue(prefix + "password", String.class),
                FILLED_IN_THE_BACKGROUND);
    }
}
