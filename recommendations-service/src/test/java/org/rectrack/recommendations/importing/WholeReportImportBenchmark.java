package org.rectrack.recommendations.importing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.deploy.infra.testing.TestTokens;

/**
 * How long a whole report takes to import as a job, and that importing it again writes nothing: printed beside the
 * goals (under 30 s; no event), not a test of the clock, which depends on the machine and on what else runs. Not run
 * by {@code ./mvnw verify} (its name ends in Benchmark); run it alone:
 * {@code ./mvnw -pl recommendations-service -am test -Dtest=WholeReportImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class WholeReportImportBenchmark {

    private static final int NARRATIVES = 188;
    private static final int BYTES = 5 * 1024 * 1024;
    private static final Duration GOAL = Duration.ofSeconds(30);

    @Inject
    EntityManager entityManager;

    @Test
    void aWholeReportImportsWithinTheGoalAndAgainChangesNothing() {
        String publisher = "Benchmark " + UUID.randomUUID();
        byte[] report = WholeReports.of(NARRATIVES, BYTES).getBytes(StandardCharsets.UTF_8);

        Run first = importAndAwait(publisher, report);
        long eventsBefore = eventsWritten();
        Run second = importAndAwait(publisher, report);

        System.out.printf("Whole report: %d narratives, %.1f MB of text%n", first.total(), report.length / 1e6);
        System.out.printf("  import:    %5.1f s (goal: under %d s): %d created, %d failed%n", first.seconds(),
                GOAL.toSeconds(), first.created(), first.failed().size());
        System.out.printf("  re-import: %5.1f s: %d created, %d events written (goal: 0 and 0)%n", second.seconds(),
                second.created(), eventsWritten() - eventsBefore);
        first.failed().stream().limit(5).forEach(failure -> System.out.println("  failed: " + failure));
        assertThat(first.total()).isEqualTo(NARRATIVES);
        assertThat(second.created()).isZero();
        assertThat(eventsWritten()).isEqualTo(eventsBefore);
    }

    private record Run(double seconds, int total, int created, List<String> failed) {
    }

    private static Run importAndAwait(String publisher, byte[] report) {
        long started = System.nanoTime();
        String location = admin().contentType("text/plain; charset=UTF-8").body(report)
                .queryParam("publisher", publisher).post("/api/v1/reports/import")
                .then().statusCode(202).extract().header("Location");
        String job = location.substring(location.indexOf("/api/v1/"));
        Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> !"RUNNING".equals(admin().queryParam("size", "1").get(job).then().statusCode(200)
                        .extract().path("state")));
        double seconds = (System.nanoTime() - started) / 1e9;
        int created = 0;
        List<String> failed = new ArrayList<>();
        int total = 0;
        for (int page = 0;; page++) {
            JsonPath answer = admin().queryParam("size", "100").queryParam("page", page).get(job)
                    .then().statusCode(200).extract().jsonPath();
            total = answer.getInt("countriesTotal");
            for (Map<String, Object> country : answer.<Map<String, Object>> getList("countries.items")) {
                if (Boolean.TRUE.equals(country.get("created"))) {
                    created++;
                }
                if ("FAILED".equals(country.get("state"))) {
                    failed.add(country.get("country") + ": " + ((Map<?, ?>) country.get("problem")).get("detail"));
                }
            }
            if (page + 1 >= answer.getInt("countries.totalPages")) {
                return new Run(seconds, total, created, failed);
            }
        }
    }

    /** Every outbox row ever written: the identity's last value, which no relay's delete takes back. */
    private long eventsWritten() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select coalesce(pg_sequence_last_value(pg_get_serial_sequence('outbox_event', 'seq')), 0)")
                .getSingleResult()).longValue());
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.forRole("admin"));
    }
}
