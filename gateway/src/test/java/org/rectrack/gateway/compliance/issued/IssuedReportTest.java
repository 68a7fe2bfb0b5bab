package org.rectrack.gateway.compliance.issued;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.deploy.infra.testing.TestTokens;
import org.rectrack.events.evidence.Assessment;
import org.rectrack.events.evidence.EvidenceState;
import org.rectrack.events.evidence.Visibility;
import org.rectrack.events.recommendations.RecommendationState;
import org.rectrack.events.recommendations.Tier;
import org.rectrack.gateway.TestEvents;
import org.rectrack.gateway.TestEvents.CountryYear;
import org.rectrack.platform.problem.Problem;

/**
 * Issuing compliance reports and verifying files against them, through the API, from a read model fed through the
 * real topics. Each test publishes its own report on a country-year no other data has, and asks about it with
 * {@code asOf} today and a {@code knownAt} after its data was recorded, which means the same before and after the
 * read side learns the two times.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class IssuedReportTest {

    private static final String ISSUED = "/api/v1/compliance-reports/issued";
    private static final String VERIFY = "/api/v1/compliance-reports/verify";
    private static final Map<String, String> TYPES = Map.of("JSON", "application/json", "CSV", "text/csv",
            "PDF", "application/pdf");

    @Test
    void anAuditorIssuesAReportInEachFormatAndTheRecordNamesWhatWhoAndWhen() {
        Fixture fixture = publishYear();
        String org = "audit-" + UUID.randomUUID();

        for (String format : List.of("JSON", "CSV", "PDF")) {
            Instant before = Instant.now();
            var issued = given().auth().oauth2(TestTokens.forRole("auditor", org)).contentType("application/json")
                    .body(request(fixture, format))
                    .post(ISSUED).then().statusCode(201).extract();

            String id = issued.path("id");
            assertThat(issued.header("Location")).endsWith(ISSUED + "/" + id);
            assertThat(issued.<String> path("country")).isEqualTo(fixture.where.country());
            assertThat(issued.<Integer> path("year")).isEqualTo(fixture.where.year());
            assertThat(issued.<String> path("asOf")).isEqualTo(fixture.asOf.toString());
            assertThat(Instant.parse(issued.path("knownAt"))).isEqualTo(fixture.knownAt);
            assertThat(issued.<String> path("format")).isEqualTo(format);
            assertThat(issued.<String> path("mediaType")).startsWith(TYPES.get(format));
            assertThat(issued.<String> path("issuedBy.subject")).isEqualTo("auditor@" + org);
            assertThat(issued.<String> path("issuedBy.name")).isEqualTo("auditor@" + org);
            assertThat(Instant.parse(issued.path("issuedAt"))).isBetween(before.minusSeconds(1), Instant.now());
            // The SHA-256 recorded is that of the bytes the document and a download with the same parameters give.
            byte[] document = document(id, TYPES.get(format));
            assertThat(issued.<String> path("sha256")).isEqualTo(sha256(document));
            assertThat(issued.<Integer> path("sizeBytes")).isEqualTo(document.length);
            assertThat(download(fixture, TYPES.get(format))).isEqualTo(document);
            auditor().get(ISSUED + "/" + id).then().statusCode(200).body("sha256", equalTo(sha256(document)));
        }
    }

    @Test
    void issuingTheSameReportAgainAnswersTheFirstIssue() {
        Fixture fixture = publishYear();
        String first = auditor().body(request(fixture, "CSV")).post(ISSUED).then().statusCode(201).extract().path("id");

        // Another auditor, the same parameters: the same bytes, issued once.
        given().auth().oauth2(TestTokens.forRole("auditor", "other-" + UUID.randomUUID())).contentType("application/json")
                .body(request(fixture, "CSV")).post(ISSUED)
                .then().statusCode(200).body("id", equalTo(first)).header("Location", endsWith(ISSUED + "/" + first));
        auditor().queryParam("country", fixture.where.country()).queryParam("year", fixture.where.year())
                .get(ISSUED).then().statusCode(200).body("totalItems", equalTo(1));
    }

    @Test
    void anIdempotencyKeyMakesARetryWithoutKnownAtSafe() {
        Fixture fixture = publishYear();
        String key = UUID.randomUUID().toString();
        // knownAt left out defaults to now: without the key, a retry a second later would be another report.
        Map<String, Object> request = Map.of("country", fixture.where.country(), "year", fixture.where.year(),
                "asOf", fixture.asOf.toString(), "format", "JSON");
        String first = auditor().header("Idempotency-Key", key).body(request).post(ISSUED)
                .then().statusCode(201).extract().path("id");

        auditor().header("Idempotency-Key", key).body(request).post(ISSUED)
                .then().statusCode(200).body("id", equalTo(first));
        Map<String, Object> other = new LinkedHashMap<>(request);
        other.put("format", "PDF");
        auditor().header("Idempotency-Key", key).body(other).post(ISSUED)
                .then().statusCode(422).contentType(Problem.MEDIA_TYPE).body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void issuedReportsAreListedNewestFirstPagedForAnyoneSignedIn() {
        Fixture fixture = publishYear();
        List<String> ids = List.of("JSON", "CSV", "PDF").stream()
                .map(format -> auditor().body(request(fixture, format)).post(ISSUED).then().statusCode(201)
                        .extract().<String> path("id"))
                .toList();

        var page = given().auth().oauth2(TestTokens.forRole("diplomat")).queryParam("country", fixture.where.country())
                .queryParam("year", fixture.where.year()).queryParam("size", 2)
                .get(ISSUED).then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.id")).containsExactly(ids.get(2), ids.get(1));
        assertThat(page.getInt("page")).isZero();
        assertThat(page.getInt("size")).isEqualTo(2);
        assertThat(page.getInt("totalItems")).isEqualTo(3);
        assertThat(page.getInt("totalPages")).isEqualTo(2);
        given().auth().oauth2(TestTokens.forRole("ngo")).queryParam("country", fixture.where.country())
                .queryParam("year", fixture.where.year()).queryParam("page", 1).queryParam("size", 2)
                .get(ISSUED).then().statusCode(200).body("items.id", equalTo(List.of(ids.get(0))));
    }

    @Test
    void aFileSentAsItsRawBytesIsVerifiedByRegeneratingIt() {
        Fixture fixture = publishYear();
        for (String format : List.of("JSON", "CSV", "PDF")) {
            String id = auditor().body(request(fixture, format)).post(ISSUED).then().statusCode(201).extract().path("id");
            byte[] file = document(id, TYPES.get(format));

            // As curl --data-binary @file sends it: with the file's type, or as bytes of no particular type.
            for (String type : List.of(TYPES.get(format), "application/octet-stream")) {
                var answer = given().auth().oauth2(TestTokens.forRole("diplomat")).contentType(type).body(file)
                        .post(VERIFY).then().statusCode(200).extract();
                assertThat(answer.<Boolean> path("issued")).as("%s as %s", format, type).isTrue();
                assertThat(answer.<String> path("verdict")).isEqualTo("REGENERATED_AND_IDENTICAL");
                assertThat(answer.<String> path("sha256")).isEqualTo(sha256(file));
                assertThat(answer.<String> path("detail")).startsWith("issued by rectrack: " + fixture.where.country() + " "
                        + fixture.where.year() + " as of " + fixture.asOf).endsWith("and identical");
                assertThat(answer.<List<String>> path("issues.report.id")).containsExactly(id);
                assertThat(answer.<String> path("issues[0].report.format")).isEqualTo(format);
                assertThat(answer.<Boolean> path("issues[0].regeneration.identical")).isTrue();
                assertThat(answer.<String> path("issues[0].regeneration.detail")).isEqualTo("regenerated and identical");
            }
        }
    }

    @Test
    void aFileUploadedFromAFormOrOnlyItsHashIsVerified() {
        Fixture fixture = publishYear();
        String id = auditor().body(request(fixture, "PDF")).post(ISSUED).then().statusCode(201).extract().path("id");
        byte[] pdf = document(id, "application/pdf");
        String hash = sha256(pdf);

        given().auth().oauth2(TestTokens.forRole("ngo")).multiPart("file", "report.pdf", pdf, "application/pdf")
                .post(VERIFY).then().statusCode(200)
                .body("issued", equalTo(true)).body("verdict", equalTo("REGENERATED_AND_IDENTICAL"))
                .body("issues[0].report.id", equalTo(id));
        given().auth().oauth2(TestTokens.forRole("reviewer")).multiPart("sha256", hash)
                .post(VERIFY).then().statusCode(200).body("issues[0].report.id", equalTo(id));
        // sha256sum prints lower case; some tools print upper case.
        for (String given : List.of(hash, hash.toUpperCase(Locale.ROOT))) {
            given().auth().oauth2(TestTokens.forRole("admin")).contentType("application/json")
                    .body(Map.of("sha256", given)).post(VERIFY).then().statusCode(200)
                    .body("sha256", equalTo(hash)).body("verdict", equalTo("REGENERATED_AND_IDENTICAL"))
                    .body("issues[0].report.id", equalTo(id));
        }
    }

    @Test
    void aFormUploadSentInChunksIsVerifiedToo() throws IOException, InterruptedException {
        Fixture fixture = publishYear();
        String id = auditor().body(request(fixture, "CSV")).post(ISSUED).then().statusCode(201).extract().path("id");
        byte[] csv = document(id, "text/csv");

        HttpResponse<String> answer = chunkedUpload(csv);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JsonPath.from(answer.body()).getString("verdict")).isEqualTo("REGENERATED_AND_IDENTICAL");
        assertThat(JsonPath.from(answer.body()).getString("issues[0].report.id")).isEqualTo(id);
    }

    @Test
    void aFileWithOneByteChangedWasNotIssued() {
        Fixture fixture = publishYear();
        for (String format : List.of("JSON", "CSV", "PDF")) {
            String id = auditor().body(request(fixture, format)).post(ISSUED).then().statusCode(201).extract().path("id");
            byte[] altered = oneByteChanged(document(id, TYPES.get(format)));

            var answer = given().auth().oauth2(TestTokens.forRole("diplomat")).contentType(TYPES.get(format))
                    .body(altered).post(VERIFY).then().statusCode(200).extract();
            assertThat(answer.<Boolean> path("issued")).as(format).isFalse();
            assertThat(answer.<String> path("verdict")).isEqualTo("NOT_ISSUED");
            assertThat(answer.<String> path("sha256")).isEqualTo(sha256(altered));
            assertThat(answer.<String> path("detail")).startsWith("not issued by rectrack");
            assertThat(answer.<List<?>> path("issues")).isEmpty();
        }
        given().auth().oauth2(TestTokens.forRole("diplomat")).contentType("application/json")
                .body(Map.of("sha256", "0".repeat(64))).post(VERIFY).then().statusCode(200)
                .body("issued", equalTo(false)).body("verdict", equalTo("NOT_ISSUED"));
    }

    @Test
    void whenTheReadModelsHistoryChangesVerificationSaysRegenerationDiffersAndHow() {
        Fixture fixture = publishYear();
        String id = auditor().body(request(fixture, "JSON")).post(ISSUED).then().statusCode(201).extract().path("id");
        byte[] issued = document(id, "application/json");

        // What the topics can never do (an event is recorded when it is appended): the read model's history up to
        // knownAt rewritten in its database, as a faulty migration or a hand-made repair would; put back after, as the
        // database is every test's.
        String original = rewriteSummary(fixture.evidence, "rewritten");
        try {
            var answer = given().auth().oauth2(TestTokens.forRole("diplomat")).contentType("application/json").body(issued)
                    .post(VERIFY).then().statusCode(200).extract();
            assertThat(answer.<Boolean> path("issued")).isTrue();
            assertThat(answer.<String> path("verdict")).isEqualTo("REGENERATION_DIFFERS");
            assertThat(answer.<String> path("detail")).contains("but regeneration now differs")
                    .contains("the data it rests on has changed")
                    .contains("history up to knownAt " + fixture.knownAt + " has changed");
            assertThat(answer.<Boolean> path("issues[0].regeneration.identical")).isFalse();
            assertThat(answer.<String> path("issues[0].regeneration.sha256")).matches("[0-9a-f]{64}")
                    .isNotEqualTo(sha256(issued));
            // Never other bytes under an issued report's name.
            auditor().accept("application/json").get(ISSUED + "/" + id + "/document").then().statusCode(409)
                    .contentType(Problem.MEDIA_TYPE).body("detail", containsString("data it rests on"));
        } finally {
            rewriteSummary(fixture.evidence, original);
        }
    }

    @Test
    void onlyAnAuditorIssuesOrDownloadsAnIssuedReportAndAnyoneSignedInVerifies() {
        Fixture fixture = publishYear();
        for (String role : List.of("ngo", "diplomat", "reviewer", "admin")) {
            given().auth().oauth2(TestTokens.forRole(role)).contentType("application/json").body(request(fixture, "PDF"))
                    .post(ISSUED).then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        }
        given().contentType("application/json").body(request(fixture, "PDF")).post(ISSUED)
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        String id = auditor().body(request(fixture, "PDF")).post(ISSUED).then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.forRole("diplomat")).accept("application/pdf").get(ISSUED + "/" + id + "/document")
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE);
        given().contentType("application/json").body(Map.of("sha256", "0".repeat(64))).post(VERIFY)
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        given().get(ISSUED).then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        // Nothing was issued by the refused requests.
        auditor().queryParam("country", fixture.where.country()).queryParam("year", fixture.where.year())
                .get(ISSUED).then().statusCode(200).body("totalItems", equalTo(1));
    }

    @Test
    void issuedAndVerifyAreNeverTakenForACountry() {
        Fixture fixture = publishYear();
        String id = auditor().body(request(fixture, "JSON")).post(ISSUED).then().statusCode(201).extract().path("id");

        // Two segments, as /compliance-reports/{country}/{year}: still the issued report, or none.
        auditor().get(ISSUED + "/" + id).then().statusCode(200).body("id", equalTo(id));
        auditor().get(ISSUED + "/" + UUID.randomUUID()).then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("detail", startsWith("no issued report"));
        auditor().get(ISSUED + "/not-a-uuid").then().statusCode(400).body("errors[0].field", equalTo("id"));
        auditor().get(ISSUED).then().statusCode(200).body("page", equalTo(0));
        given().auth().oauth2(TestTokens.forRole("diplomat")).contentType("application/json")
                .body(Map.of("sha256", "0".repeat(64))).post(VERIFY).then().statusCode(200);
        // And the report of a country still answers as before.
        auditor().accept("application/json").get("/api/v1/compliance-reports/" + fixture.where.country() + "/"
                + fixture.where.year()).then().statusCode(200).body("country", equalTo(fixture.where.country()));
    }

    @Test
    void issuingRefusesWhatIsMissingOrWrongAndWritesNothing() {
        Fixture fixture = publishYear();
        List<Map.Entry<String, Map<String, Object>>> cases = List.of(
                Map.entry("format", without(request(fixture, "PDF"), "format")),
                Map.entry("country", without(request(fixture, "PDF"), "country")),
                Map.entry("year", without(request(fixture, "PDF"), "year")),
                Map.entry("knownAt", with(request(fixture, "PDF"), "knownAt", Instant.now().plusSeconds(3600).toString())),
                Map.entry("knownAt", with(request(fixture, "PDF"), "knownAt", "2024-01-15T09:00:00.123456789Z")),
                Map.entry("knownAt", with(request(fixture, "PDF"), "knownAt", "yesterday")),
                Map.entry("asOf", with(request(fixture, "PDF"), "asOf", "2023-02-30")));
        for (var entry : cases) {
            auditor().body(entry.getValue()).post(ISSUED).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                    .body("errors[0].field", equalTo(entry.getKey()));
        }
        auditor().body(with(request(fixture, "PDF"), "format", "DOCX")).post(ISSUED)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors[0].field", equalTo("format"))
                .body("errors[0].message", containsString("PDF"));
        auditor().body(with(request(fixture, "PDF"), "country", "XXX")).post(ISSUED)
                .then().statusCode(400).body("errors[0].field", equalTo("country"));
        auditor().body(with(request(fixture, "PDF"), "year", fixture.where.year() + 1)).post(ISSUED)
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        auditor().header("Idempotency-Key", "two words").body(request(fixture, "PDF")).post(ISSUED)
                .then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
        given().auth().oauth2(TestTokens.forRole("auditor")).contentType("application/json").post(ISSUED)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors[0].field", equalTo("body"));

        auditor().queryParam("country", fixture.where.country()).queryParam("year", fixture.where.year()).get(ISSUED)
                .then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void verifyingRefusesWhatIsNoFileAndNoHash() throws IOException, InterruptedException {
        for (Object hash : List.of("xyz", "0".repeat(63), "g".repeat(64), "0".repeat(65), 42)) {
            given().auth().oauth2(TestTokens.forRole("diplomat")).contentType("application/json")
                    .body(Map.of("sha256", hash)).post(VERIFY)
                    .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors[0].field", equalTo("sha256"));
        }
        given().auth().oauth2(TestTokens.forRole("diplomat")).multiPart("sha256", "xyz").post(VERIFY)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors[0].field", equalTo("sha256"));
        given().auth().oauth2(TestTokens.forRole("diplomat")).contentType("application/json")
                .body("{\"sha256\": \"" + "0".repeat(64) + "\", \"country\": \"LAO\"}").post(VERIFY)
                .then().statusCode(400).body("errors[0].field", equalTo("country"));
        given().auth().oauth2(TestTokens.forRole("diplomat")).contentType("application/json").body("{}").post(VERIFY)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors[0].field", equalTo("sha256"));
        // A form whose body is no form (no boundary line).
        given().auth().oauth2(TestTokens.forRole("diplomat")).contentType("multipart/form-data; boundary=b")
                .body(("{\"sha256\": \"" + "0".repeat(64) + "\"}").getBytes(StandardCharsets.UTF_8)).post(VERIFY)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        for (String body : List.of("", "[]", "null", "42", "{\"sha256\": ")) {
            given().auth().oauth2(TestTokens.forRole("diplomat")).contentType("application/json").body(body).post(VERIFY)
                    .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        }
        given().auth().oauth2(TestTokens.forRole("diplomat")).contentType("application/pdf").body(new byte[0]).post(VERIFY)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors[0].field", equalTo("body"));
        given().auth().oauth2(TestTokens.forRole("diplomat")).multiPart("other", "x").post(VERIFY)
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors[0].field", equalTo("file"));
        // A form with no field at all, sent in chunks: refused, not waited for.
        HttpResponse<String> empty = chunkedForm("b", "--b--\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(Problem.MEDIA_TYPE));
        given().auth().oauth2(TestTokens.forRole("diplomat")).contentType("text/plain").body("hello").post(VERIFY)
                .then().statusCode(415).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void aFileOverTheBodyLimitIsRefusedWith413() throws IOException, InterruptedException {
        byte[] huge = new byte[1024 * 1024 + 1];
        Arrays.fill(huge, (byte) '%');

        given().auth().oauth2(TestTokens.forRole("diplomat")).contentType("application/pdf").body(huge).post(VERIFY)
                .then().statusCode(413).contentType(Problem.MEDIA_TYPE).body("status", equalTo(413));
        given().auth().oauth2(TestTokens.forRole("diplomat")).multiPart("file", "big.pdf", huge, "application/pdf")
                .post(VERIFY).then().statusCode(413).contentType(Problem.MEDIA_TYPE);
        HttpResponse<String> chunked = chunkedUpload(huge);
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(Problem.MEDIA_TYPE));
    }

    /**
     * A form upload of {@code file} as a client that does not know the length sends it: chunked, no Content-Length.
     * The JDK's client does so for a body read from a stream; a timeout makes a server that waits forever a failure.
     */
    private static HttpResponse<String> chunkedUpload(byte[] file) throws IOException, InterruptedException {
        String boundary = "rectrack-" + UUID.randomUUID();
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"report\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        form.writeBytes(file);
        form.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return chunkedForm(boundary, form.toByteArray());
    }

    private static HttpResponse<String> chunkedForm(String boundary, byte[] form) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + VERIFY))
                .header("Authorization", "Bearer " + TestTokens.forRole("diplomat"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(form)))
                .build();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void theOpenApiDocumentDescribesIssuingListingAndVerifyingWithExamples() throws IOException {
        JsonNode paths = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asByteArray()).path("paths");

        JsonNode verify = paths.path("/api/v1/compliance-reports/verify").path("post");
        assertThat(verify.path("requestBody").path("content").properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("application/json", "multipart/form-data", "application/pdf", "text/csv",
                        "application/octet-stream");
        assertThat(verify.path("responses").path("200").path("content").path("application/json").path("examples")
                .properties()).extracting(Map.Entry::getKey).contains("identical", "differs", "not issued");
        JsonNode issue = paths.path("/api/v1/compliance-reports/issued").path("post");
        assertThat(issue.path("requestBody").path("content").path("application/json").path("examples").size()).isOne();
        assertThat(issue.path("responses").properties()).extracting(Map.Entry::getKey)
                .contains("200", "201", "400", "403", "404", "422");
        assertThat(paths.path("/api/v1/compliance-reports/issued").path("get").path("parameters").findValuesAsText("name"))
                .contains("country", "year", "page", "size");
        assertThat(paths.path("/api/v1/compliance-reports/issued/{id}").path("get").isObject()).isTrue();
        assertThat(paths.path("/api/v1/compliance-reports/issued/{id}/document").path("get").path("responses")
                .path("409").isObject()).isTrue();
    }

    /** Sets the summary of every stored version of the evidence; returns the one it had. */
    private static String rewriteSummary(UUID evidence, String summary) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var entityManager = TestEvents.entityManager();
            String before = (String) entityManager.createNativeQuery(
                    "select summary from evidence_version where evidence_id = :id limit 1")
                    .setParameter("id", evidence).getSingleResult();
            entityManager.createNativeQuery("update evidence_version set summary = :summary where evidence_id = :id")
                    .setParameter("summary", summary).setParameter("id", evidence).executeUpdate();
            return before;
        });
    }

    /** A report with one recommendation, verified evidence on it, all recorded before {@code knownAt}. */
    private record Fixture(CountryYear where, UUID recommendation, UUID evidence, LocalDate asOf, Instant knownAt) {
    }

    private static Fixture publishYear() {
        CountryYear where = TestEvents.uniqueCountryYear();
        UUID report = UUID.randomUUID();
        UUID recommendation = UUID.randomUUID();
        Instant recorded = TestEvents.minutesAgo(10);
        TestEvents.publishAndAwait(TestEvents.report(report, 1, where, Tier.TIER_2, recorded));
        TestEvents.publishAndAwait(TestEvents.recommendation(recommendation, 1, report, where, 1,
                "Vigorously investigate and prosecute traffickers.", null, RecommendationState.ACTIVE, recorded));
        UUID evidence = UUID.randomUUID();
        Instant last = TestEvents.publishAndAwait(TestEvents.evidence(evidence, 2, recommendation, Assessment.ADVANCES,
                LocalDate.of(where.year(), 3, 1), "lao-ngo", Visibility.PUBLIC, EvidenceState.VERIFIED,
                recorded.plusSeconds(30)));
        // Known at an instant after all of it was recorded, and before whatever a test records next.
        return new Fixture(where, recommendation, evidence, LocalDate.now(ZoneOffset.UTC), last.plusMillis(1));
    }

    private static Map<String, Object> request(Fixture fixture, String format) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("country", fixture.where.country());
        request.put("year", fixture.where.year());
        request.put("asOf", fixture.asOf.toString());
        request.put("knownAt", fixture.knownAt.toString());
        request.put("format", format);
        return request;
    }

    private static Map<String, Object> with(Map<String, Object> request, String field, Object value) {
        request.put(field, value);
        return request;
    }

    private static Map<String, Object> without(Map<String, Object> request, String field) {
        request.remove(field);
        return request;
    }

    private static RequestSpecification auditor() {
        return given().auth().oauth2(TestTokens.forRole("auditor")).contentType("application/json");
    }

    private static byte[] document(String id, String type) {
        ExtractableResponse<Response> response = given().auth().oauth2(TestTokens.forRole("auditor")).accept(type)
                .get(ISSUED + "/" + id + "/document").then().statusCode(200).extract();
        assertThat(response.contentType()).startsWith(type);
        return response.asByteArray();
    }

    /** The report as {@code GET /compliance-reports/{country}/{year}} answers it for the fixture's times. */
    private static byte[] download(Fixture fixture, String type) {
        return given().auth().oauth2(TestTokens.forRole("auditor")).accept(type)
                .queryParam("asOf", fixture.asOf.toString())
                .queryParam("knownAt", fixture.knownAt.toString())
                .get("/api/v1/compliance-reports/" + fixture.where.country() + "/" + fixture.where.year())
                .then().statusCode(200).extract().asByteArray();
    }

    /** The bytes with one letter changed, in the middle of the file (JSON: a digit of its data fingerprint). */
    private static byte[] oneByteChanged(byte[] file) {
        byte[] altered = file.clone();
        String text = new String(file, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\"dataSha256\":\"");
        at = at >= 0 ? at + "\"dataSha256\":\"".length() : file.length / 2;
        while (!Character.isLetterOrDigit(altered[at])) {
            at++;
        }
        altered[at] = (byte) (altered[at] == '0' ? '1' : altered[at] == 'a' ? 'b' : Character.isDigit(altered[at]) ? '0' : 'a');
        assertThat(altered).isNotEqualTo(file);
        return altered;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
