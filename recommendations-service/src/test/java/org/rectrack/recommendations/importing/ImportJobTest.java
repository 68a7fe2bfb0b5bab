package org.rectrack.recommendations.importing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.deploy.infra.testing.Seeds;
import org.rectrack.deploy.infra.testing.TestTokens;
import org.rectrack.deploy.infra.testing.TopicReader;
import org.rectrack.events.Topics;
import org.rectrack.recommendations.Report;

/** Whole reports, text or PDF, imported as jobs; each test imports under a publisher of its own. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class ImportJobTest {

    private static final String TEXT = "text/plain; charset=UTF-8";
    private static final String PDF = "application/pdf";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    EntityManager entityManager;

    @Test
    void aTextOfSeveralCountriesImportsOneReportPerCountry() {
        String publisher = publisher();
        String text = corpus("est-2020.txt") + "\n\n" + corpus("isl-2021.txt");

        String location = post(publisher, TEXT, text.getBytes(StandardCharsets.UTF_8))
                .statusCode(202)
                .header("Location", matchesPattern(".*/api/v1/reports/import-jobs/[0-9a-f-]{36}$"))
                .body("countriesTotal", equalTo(2))
                .body("dryRun", equalTo(false))
                .extract().header("Location");
        JsonPath job = awaitEnded(location);

        assertThat(job.getString("state")).isEqualTo("FINISHED");
        assertThat(job.getInt("done")).isEqualTo(2);
        assertThat(job.getInt("failed")).isZero();
        assertThat(job.getList("countries.items.country")).containsExactly("EST", "ISL");
        assertThat(job.getList("countries.items.created")).containsExactly(true, true);
        assertThat(job.getInt("countries.items[0].result.report.recommendations.size()")).isEqualTo(9);
        assertThat(reportsBy(publisher)).containsExactlyInAnyOrder("EST", "ISL");
    }

    @Test
    void aReportsPdfImportsOneReportPerCountry() {
        String publisher = publisher();
        byte[] pdf = TestPdfs.of(corpus("est-2020.txt") + "\n\n" + corpus("isl-2021.txt"));

        String location = post(publisher, PDF, pdf).statusCode(202).extract().header("Location");
        JsonPath job = awaitEnded(location);

        assertThat(job.getInt("done")).as(job.prettify()).isEqualTo(2);
        assertThat(job.getList("countries.items.collect { it.result.parsed.recommendations.size() }")).containsExactly(9, 6);
        assertThat(reportsBy(publisher)).containsExactlyInAnyOrder("EST", "ISL");
    }

    @Test
    void aPdfOfOneCountryIsImportedAtOnce() {
        String publisher = publisher();

        post(publisher, PDF, TestPdfs.of(Seeds.read(Seeds.REPORT_2023)))
                .statusCode(201)
                .body("parsed.country", equalTo("LAO"))
                .body("parsed.recommendations.size()", equalTo(11))
                .body("parsed.recommendations[10].text", containsString("North Korean workers"));
    }

    @Test
    void aDryRunShowsEveryCountrysResultAndWritesNoReport() {
        String publisher = publisher();
        String text = corpus("est-2020.txt") + "\n\n" + corpus("isl-2021.txt");

        JsonPath job = awaitEnded(post(publisher, TEXT, text.getBytes(StandardCharsets.UTF_8), "dryRun", "true")
                .statusCode(202).body("dryRun", equalTo(true)).extract().header("Location"));

        assertThat(job.getInt("done")).isEqualTo(2);
        assertThat(job.getList("countries.items.result.dryRun")).containsExactly(true, true);
        assertThat(job.getList("countries.items.result.parsed.tier")).containsExactly("TIER_1", "TIER_2");
        assertThat(job.getList("countries.items.reportId")).containsExactly(null, null);
        assertThat(reportsBy(publisher)).isEmpty();
    }

    @Test
    void aReimportOfTheSameReportChangesNothing() {
        String publisher = publisher();
        byte[] text = (corpus("est-2020.txt") + "\n\n" + corpus("isl-2021.txt")).getBytes(StandardCharsets.UTF_8);
        JsonPath first = awaitEnded(post(publisher, TEXT, text).statusCode(202).extract().header("Location"));
        Set<String> aggregates = new HashSet<>(first.getList("countries.items.reportId", String.class));
        aggregates.addAll(first.getList("countries.items.result.report.recommendations.id.flatten()", String.class));
        int eventsBefore = eventsOf(aggregates);

        JsonPath second = awaitEnded(post(publisher, TEXT, text).statusCode(202).extract().header("Location"));

        assertThat(second.getString("id")).isNotEqualTo(first.getString("id"));
        assertThat(second.getList("countries.items.created")).containsExactly(false, false);
        assertThat(second.getList("countries.items.reportId")).isEqualTo(first.getList("countries.items.reportId"));
        assertThat(reportsBy(publisher)).hasSize(2);
        assertThat(eventsOf(aggregates)).isEqualTo(eventsBefore);
    }

    @Test
    void aFailingCountryDoesNotStopTheOthersAndShowsItsReason() {
        String publisher = publisher();
        String noRecommendations = "KENYA: Tier 2\n\nThe Government of Kenya does not fully meet the minimum standards"
                + " for the elimination of trafficking but is making significant efforts to do so.\n";
        String text = corpus("est-2020.txt") + "\n\n" + noRecommendations + "\n" + corpus("isl-2021.txt");

        JsonPath job = awaitEnded(post(publisher, TEXT, text.getBytes(StandardCharsets.UTF_8))
                .statusCode(202).extract().header("Location"));

        assertThat(job.getString("state")).isEqualTo("FINISHED");
        assertThat(job.getList("countries.items.country")).containsExactly("EST", "KEN", "ISL");
        assertThat(job.getList("countries.items.state")).containsExactly("DONE", "FAILED", "DONE");
        assertThat(job.getInt("failed")).isEqualTo(1);
        assertThat(job.getInt("countries.items[1].problem.status")).isEqualTo(422);
        assertThat(job.getString("countries.items[1].problem.detail")).contains("recommendations");
        assertThat(reportsBy(publisher)).containsExactlyInAnyOrder("EST", "ISL");
    }

    @Test
    void aRepeatWithTheSameIdempotencyKeyAnswersTheSameJob() {
        String publisher = publisher();
        String key = UUID.randomUUID().toString();
        byte[] text = (corpus("est-2020.txt") + "\n\n" + corpus("isl-2021.txt")).getBytes(StandardCharsets.UTF_8);
        String location = admin().header("Idempotency-Key", key).contentType(TEXT).body(text)
                .queryParam("publisher", publisher).post("/api/v1/reports/import")
                .then().statusCode(202).extract().header("Location");

        admin().header("Idempotency-Key", key).contentType(TEXT).body(text)
                .queryParam("publisher", publisher).post("/api/v1/reports/import")
                .then().statusCode(202)
                .header("Location", equalTo(location))
                .header("Idempotent-Replayed", equalTo("true"));
        admin().header("Idempotency-Key", key).contentType(TEXT).body(text).queryParam("publisher", publisher)
                .queryParam("dryRun", "true").post("/api/v1/reports/import")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));

        awaitEnded(location);
        assertThat(jobsOf(publisher)).isEqualTo(1);
    }

    @Test
    void aJobWhoseRunnerStoppedIsResumedElsewhere() {
        String publisher = publisher();
        UUID id = UUID.randomUUID();
        String narrative = corpus("est-2020.txt");
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("""
                    insert into import_job (id, state, dry_run, started_by, fingerprint, publisher, countries_total, runner,
                                            heartbeat_at, started_at)
                    values (:id, 'RUNNING', false, 'admin', :fingerprint, :publisher, 1, 'a stopped instance',
                            now() - interval '1 hour', now() - interval '1 hour')
                    """).setParameter("id", id).setParameter("fingerprint", id.toString())
                    .setParameter("publisher", publisher).executeUpdate();
            entityManager.createNativeQuery("""
                    insert into import_job_country (job_id, position, country, text_start, text_end, narrative, state)
                    values (:id, 0, 'EST', 0, :end, :narrative, 'PENDING')
                    """).setParameter("id", id).setParameter("end", narrative.length())
                    .setParameter("narrative", narrative).executeUpdate();
        });

        JsonPath job = awaitEnded("/api/v1/reports/import-jobs/" + id);

        assertThat(job.getInt("done")).isEqualTo(1);
        assertThat(reportsBy(publisher)).containsExactly("EST");
    }

    @Test
    void hostileBodiesAreProblemsAndStartNothing() {
        String publisher = publisher();
        post(publisher, PDF, new byte[0]).statusCode(400).contentType("application/problem+json");
        post(publisher, PDF, Seeds.read(Seeds.REPORT_2023).getBytes(StandardCharsets.UTF_8))
                .statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not a PDF"));
        post(publisher, PDF, "%PDF-1.7\n garbage \u0000\u0001".getBytes(StandardCharsets.ISO_8859_1))
                .statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("cannot be read as a PDF"));
        post(publisher, PDF, TestPdfs.of("")).statusCode(422).contentType("application/problem+json");
        post(publisher, TEXT, new byte[] { 'L', 'A', 'O', 0, 0, 1, 2, 3 }).statusCode(400)
                .contentType("application/problem+json");
        post(publisher, TEXT, "Increase efforts. ".repeat(2_000_000).getBytes(StandardCharsets.UTF_8))
                .statusCode(413).contentType("application/problem+json");
        String twoCountries = corpus("est-2020.txt") + "\n\n" + corpus("isl-2021.txt");
        post(publisher, TEXT, twoCountries.getBytes(StandardCharsets.UTF_8), "country", "EST")
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("country"));
        admin().header("Idempotency-Key", "two words").contentType(TEXT).body(twoCountries)
                .queryParam("publisher", publisher).post("/api/v1/reports/import").then().statusCode(400).contentType("application/problem+json");

        assertThat(jobsOf(publisher)).isZero();
        assertThat(reportsBy(publisher)).isEmpty();
    }

    @Test
    void anUnknownJobIsNotFoundAndOnlyAnAdminSeesJobs() {
        admin().get("/api/v1/reports/import-jobs/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.forRole("diplomat")).get("/api/v1/reports/import-jobs/" + UUID.randomUUID())
                .then().statusCode(403).contentType("application/problem+json");
    }

    private static io.restassured.response.ValidatableResponse post(String publisher, String type, byte[] body,
            String... parameters) {
        RequestSpecification request = admin().contentType(type).body(body).queryParam("publisher", publisher);
        for (int i = 0; i < parameters.length; i += 2) {
            request.queryParam(parameters[i], parameters[i + 1]);
        }
        return request.post("/api/v1/reports/import").then();
    }

    /** The job once it ended; the first page holds every country of these tests' texts. */
    private static JsonPath awaitEnded(String location) {
        String path = location.substring(location.indexOf("/api/v1/"));
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    ExtractableResponse<Response> job = admin().get(path).then().statusCode(200).extract();
                    return job.jsonPath();
                }, job -> !"RUNNING".equals(job.getString("state")));
    }

    /** Every event on the topic keyed by one of the aggregates, once the outbox has sent everything. */
    private int eventsOf(Set<String> aggregates) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager.createNativeQuery("select count(*) from outbox_event")
                        .getSingleResult()).longValue() == 0));
        List<ConsumerRecord<String, String>> records = TopicReader.readToEnd(kafka, Topics.RECOMMENDATIONS, aggregates,
                Duration.ofSeconds(30));
        return records.size();
    }

    private static String corpus(String file) {
        return Corpus.fixtures().stream().filter(fixture -> fixture.file().equals(file)).findFirst().orElseThrow().text();
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.forRole("admin"));
    }

    private static String publisher() {
        return "Import job test " + UUID.randomUUID();
    }

    private static List<String> reportsBy(String publisher) {
        return QuarkusTransaction.requiringNew().call(() -> Report.<Report> list("publisher", publisher).stream()
                .map(Report::country).toList());
    }

    private long jobsOf(String publisher) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from import_job where publisher = :publisher")
                .setParameter("publisher", publisher).getSingleResult()).longValue());
    }
}
