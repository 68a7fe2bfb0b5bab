package org.rectrack.gateway.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.deploy.infra.testing.TestTokens;

/**
 * The import route hands the drafts of a report it created to the evidence-service. Both services are played by
 * one small HTTP server: its import answers the JSON it is sent (201, or 200 for a dry run), and its evidence
 * endpoint answers by the last two digits of the recommendation id (see {@link FakeServices}).
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
@WithTestResource(DraftEvidenceHandoverTest.FakeServices.class)
class DraftEvidenceHandoverTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void draftsNamingARecommendationBecomeSubmissionsAndTheAnswerSaysHowMany() {
        UUID report = UUID.randomUUID();
        UUID first = recommendation("0a");
        UUID second = recommendation("0a");
        String answer = importAnswer(report, draft(first, "The government convicted 10 traffickers.",
                List.of(Map.of("kind", "CONVICTIONS", "value", 10, "unit", "PERSONS", "year", 2022))),
                draft(null, "Officials did not report screening any workers.", List.of()),
                draft(second, "Courts did not convict any traffickers.", List.of()));

        String token = TestTokens.forRole("admin", "");
        Response imported = importing(answer, "", token);

        imported.then().statusCode(201)
                .header("Location", endsWith("/api/v1/reports/" + report))
                .body("report.id", equalTo(report.toString()))
                .body("lineage[0].score", equalTo(0.9134f))
                .body("evidenceSubmission.submitted", equalTo(2))
                .body("evidenceSubmission.withoutRecommendation", equalTo(1))
                .body("evidenceSubmission.failed", equalTo(0))
                .body("evidenceSubmission.evidenceIds", hasSize(2))
                .body("evidenceSubmission.problems", empty());
        List<JsonPath> sent = FakeServices.sent(first);
        assertThat(sent).hasSize(1);
        JsonPath submission = sent.getFirst();
        // The admin's own token, passed on by the REST client: the evidence-service records who submitted it.
        assertThat(submission.getString("authorization")).isEqualTo("Bearer " + token);
        assertThat(submission.getString("key")).startsWith("import-" + report + "-draft-0-");
        JsonPath body = JsonPath.from(submission.getString("body"));
        assertThat(body.getString("recommendations[0].assessment")).isEqualTo("ADVANCES");
        assertThat(body.getString("summary")).isEqualTo("The government convicted 10 traffickers.");
        assertThat(body.getString("source.quote")).isEqualTo("The government convicted 10 traffickers.");
        assertThat(body.getString("source.title")).isEqualTo("2023 Trafficking in Persons Report: Laos");
        assertThat(body.getString("source.documentReference")).isEqualTo("rectrack report " + report);
        assertThat(body.getString("actionPeriod.from")).isEqualTo("2022-01-01");
        assertThat(body.getString("actionPeriod.to")).isEqualTo("2022-12-31");
        assertThat(body.getString("metrics[0].kind")).isEqualTo("CONVICTIONS");
        assertThat(body.getInt("metrics[0].value")).isEqualTo(10);
        assertThat(body.getString("visibility")).isEqualTo("PUBLIC");
        assertThat(FakeServices.sent(second).getFirst().getString("key")).startsWith("import-" + report + "-draft-2-");
    }

    @Test
    void anUnknownRecommendationIsTriedAgainWithTheSameKeyUntilTheEvidenceServiceKnowsIt() {
        UUID late = recommendation("0b");

        importing(importAnswer(UUID.randomUUID(), draft(late, "Courts did not convict any traffickers.", List.of())), "")
                .then().statusCode(201)
                .body("evidenceSubmission.submitted", equalTo(1))
                .body("evidenceSubmission.failed", equalTo(0));

        List<JsonPath> sent = FakeServices.sent(late);
        assertThat(sent).hasSize(3);
        assertThat(sent).extracting(request -> request.getString("key")).containsOnly(sent.getFirst().getString("key"));
    }

    @Test
    void figuresTheEvidenceServiceCannotTypeAreLeftOutAndTheDraftGoesWithoutThem() {
        UUID rates = recommendation("0d");

        importing(importAnswer(UUID.randomUUID(), draft(rates, "The hotline received 30 calls per month.",
                List.of(Map.of("kind", "HOTLINE_CALLS", "value", 30, "unit", "CALLS_PER_MONTH", "year", 2022)))), "")
                .then().statusCode(201)
                .body("evidenceSubmission.submitted", equalTo(1));

        List<JsonPath> sent = FakeServices.sent(rates);
        assertThat(sent).hasSize(2);
        assertThat(JsonPath.from(sent.get(1).getString("body")).getList("metrics")).isEmpty();
    }

    @Test
    void aDraftTheEvidenceServiceRefusesIsReportedAndTheImportStands() {
        UUID withdrawn = recommendation("0c");
        UUID fine = recommendation("0a");

        importing(importAnswer(UUID.randomUUID(), draft(withdrawn, "Courts did not convict any traffickers.", List.of()),
                draft(fine, "The government convicted 10 traffickers.", List.of())), "")
                .then().statusCode(201)
                .body("evidenceSubmission.submitted", equalTo(1))
                .body("evidenceSubmission.failed", equalTo(1))
                .body("evidenceSubmission.problems[0]", containsString("draft 0: the evidence-service answered 422"))
                .body("evidenceSubmission.problems[0]", containsString("withdrawn"));
        assertThat(FakeServices.sent(withdrawn)).hasSize(1); // a withdrawn recommendation is not tried again
    }

    @Test
    void anEvidenceServiceThatCannotBeReachedFailsNoImportAndStopsTheHandover() {
        UUID unreachable = recommendation("0e");
        UUID after = recommendation("0a");

        importing(importAnswer(UUID.randomUUID(), draft(unreachable, "Courts did not convict any traffickers.", List.of()),
                draft(after, "The government convicted 10 traffickers.", List.of())), "")
                .then().statusCode(201)
                .body("created", equalTo(true))
                .body("evidenceSubmission.submitted", equalTo(0))
                .body("evidenceSubmission.failed", equalTo(2))
                .body("evidenceSubmission.problems[0]", containsString("evidence-service"))
                .body("evidenceSubmission.problems[1]", startsWith("draft 1: not tried"));
        assertThat(FakeServices.sent(after)).isEmpty();
    }

    @Test
    void aDryRunSubmitsNothingAndIsRelayedUnchanged() throws JsonProcessingException {
        UUID recommendation = recommendation("0a");
        String answer = importAnswer(UUID.randomUUID(), draft(recommendation, "Courts did not convict any traffickers.",
                List.of()));

        String relayed = importing(answer, "true").then().statusCode(200).extract().asString();

        assertThat(JSON.readTree(relayed)).isEqualTo(JSON.readTree(notCreated(answer)));
        assertThat(FakeServices.sent(recommendation)).isEmpty();
    }

    @Test
    void aRepeatedImportSubmitsNothingAgainAndIsRelayedUnchanged() throws JsonProcessingException {
        UUID recommendation = recommendation("0a");
        String answer = importAnswer(UUID.randomUUID(), draft(recommendation, "Courts did not convict any traffickers.",
                List.of()));
        importing(answer, "").then().statusCode(201).body("evidenceSubmission.submitted", equalTo(1));

        String relayed = importing(answer, "").then().statusCode(200).extract().asString();

        assertThat(JSON.readTree(relayed)).isEqualTo(JSON.readTree(notCreated(answer)));
        assertThat(FakeServices.sent(recommendation)).hasSize(1);
    }

    @Test
    void theOpenApiDocumentDescribesWhatBecameOfTheDrafts() {
        RestAssured.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/reports/import'.post.responses.'201'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/ImportAnswer"))
                .body("components.schemas.EvidenceSubmission.properties.keySet()",
                        contains("submitted", "withoutRecommendation", "failed", "evidenceIds", "problems"));
    }

    private static Response importing(String answer, String dryRun) {
        return importing(answer, dryRun, TestTokens.forRole("admin", ""));
    }

    private static Response importing(String answer, String dryRun, String token) {
        var request = given().auth().oauth2(token).contentType("text/plain; charset=UTF-8").body(answer);
        if (!dryRun.isEmpty()) {
            request.queryParam("dryRun", dryRun);
        }
        return request.post("/api/v1/reports/import");
    }

    /** What the recommendations-service answers when it creates nothing: the same, with {@code created} false. */
    private static String notCreated(String answer) {
        return answer.replace("\"created\":true", "\"created\":false");
    }

    /** A new recommendation id whose last two digits tell the fake evidence-service how to answer. */
    private static UUID recommendation(String behaviour) {
        return UUID.fromString(UUID.randomUUID().toString().substring(0, 24) + "0000000000" + behaviour);
    }

    private static Map<String, Object> draft(UUID recommendation, String quote, List<Map<String, Object>> metrics) {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("quote", quote);
        draft.put("pillar", "PROSECUTION");
        draft.put("assessment", metrics.isEmpty() ? "NO_PROGRESS" : "ADVANCES");
        draft.put("year", 2022);
        draft.put("metrics", metrics);
        draft.put("recommendation", recommendation == null ? null
                : Map.of("recommendationId", recommendation.toString(), "code", "LAO-2022-07", "score", 0.42));
        return draft;
    }

    /** What the recommendations-service answers to an import of Laos 2023. */
    @SafeVarargs
    private static String importAnswer(UUID report, Map<String, Object>... drafts) {
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("id", report.toString());
        stored.put("country", "LAO");
        stored.put("year", 2023);
        stored.put("tier", "TIER_2");
        stored.put("publisher", "U.S. Department of State");
        stored.put("title", "2023 Trafficking in Persons Report: Laos");
        stored.put("sourceUrl", null);
        stored.put("publishedOn", null);
        stored.put("recommendations", List.of());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("dryRun", false);
        answer.put("created", true);
        answer.put("parsed", Map.of("country", "LAO", "year", 2023));
        answer.put("report", stored);
        answer.put("lineage", List.of(Map.of("rank", 8, "score", 0.9134, "linked", true)));
        answer.put("draftEvidence", List.of(drafts));
        try {
            return JSON.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Plays both services. {@code POST /api/v1/reports/import} answers the JSON it is sent: 201 with a Location, or
     * 200 (created false) for a dry run or a text it was sent before. {@code POST /api/v1/evidence} keeps every
     * request and answers by the last two digits of its recommendation id: 0a 201; 0b "unknown recommendation" twice per key, then 201; 0c 422
     * withdrawn; 0d 400 on its metrics while it has any, then 201; 0e closes the connection without an answer.
     * {@code GET /sent/<recommendation id>} lists the evidence requests for one recommendation.
     */
    public static class FakeServices implements QuarkusTestResourceLifecycleManager {

        private static final Pattern RECOMMENDATION = Pattern.compile("\"recommendationId\":\"([0-9a-f-]{36})\"");

        private final List<Map<String, String>> sent = new CopyOnWriteArrayList<>();
        private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        private final Set<String> imported = ConcurrentHashMap.newKeySet();
        private final ObjectMapper json = new ObjectMapper();
        private HttpServer server;

        /** The evidence requests the fake evidence-service received for this recommendation. */
        static List<JsonPath> sent(UUID recommendation) {
            String url = ConfigProvider.getConfig().getValue("rectrack.services.evidence.url", String.class);
            String body = RestAssured.get(url + "/sent/" + recommendation).then().statusCode(200).extract().asString();
            return JsonPath.from(body).<Map<String, String>> getList("$").stream()
                    .map(request -> {
                        try {
                            return JsonPath.from(new ObjectMapper().writeValueAsString(request));
                        } catch (JsonProcessingException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
        }

        @Override
        public Map<String, String> start() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/api/v1/reports/import", this::importReport);
            server.createContext("/api/v1/evidence", this::submit);
            server.createContext("/sent/", this::list);
            server.start();
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            return Map.of("rectrack.services.recommendations.url", url, "rectrack.services.evidence.url", url,
                    "rectrack.import.draft-evidence.first-backoff", "10ms",
                    "rectrack.import.draft-evidence.max-wait", "5s");
        }

        @Override
        public void stop() {
            if (server != null) {
                server.stop(0);
            }
        }

        private void importReport(HttpExchange exchange) throws IOException {
            String answer = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean dryRun = String.valueOf(exchange.getRequestURI().getQuery()).contains("dryRun=true");
            // A text imported before creates nothing: 200, as the recommendations-service answers.
            boolean repeated = !dryRun && !imported.add(answer);
            if (dryRun || repeated) {
                answer = answer.replace("\"created\":true", "\"created\":false");
            } else {
                String report = JsonPath.from(answer).getString("report.id");
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1/api/v1/reports/" + report);
            }
            respond(exchange, dryRun || repeated ? 200 : 201, answer);
        }

        private void submit(HttpExchange exchange) throws IOException {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            Matcher recommendation = RECOMMENDATION.matcher(body);
            String id = recommendation.find() ? recommendation.group(1) : "";
            sent.add(Map.of("recommendationId", id, "key", String.valueOf(key), "body", body,
                    "authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))));
            switch (id.isEmpty() ? "" : id.substring(34)) {
                case "0b" -> {
                    if (attempts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() <= 2) {
                        problem(exchange, 422, "unknown-recommendation", "no recommendation with id " + id + " is known");
                    } else {
                        created(exchange);
                    }
                }
                case "0c" -> problem(exchange, 422, "unprocessable", "LAO-2022-07 is withdrawn and takes no new evidence");
                case "0d" -> {
                    if (body.contains("\"metrics\":[]")) {
                        created(exchange);
                    } else {
                        problem(exchange, 400, "validation", "'CALLS_PER_MONTH' does not fit HOTLINE_CALLS",
                                "metrics[0].unit");
                    }
                }
                case "0e" -> exchange.close();
                default -> created(exchange);
            }
        }

        private void list(HttpExchange exchange) throws IOException {
            String recommendation = exchange.getRequestURI().getPath().substring("/sent/".length());
            List<Map<String, String>> matching = new ArrayList<>();
            sent.stream().filter(request -> request.get("recommendationId").equals(recommendation)).forEach(matching::add);
            respond(exchange, 200, json.writeValueAsString(matching));
        }

        private void created(HttpExchange exchange) throws IOException {
            UUID id = UUID.randomUUID();
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1/api/v1/evidence/" + id);
            respond(exchange, 201, "{\"id\":\"" + id + "\",\"state\":\"SUBMITTED\"}");
        }

        private void problem(HttpExchange exchange, int status, String type, String detail, String... fields)
                throws IOException {
            List<Map<String, String>> errors = new ArrayList<>();
            for (String field : fields) {
                errors.add(Map.of("field", field, "message", detail));
            }
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            respond(exchange, status, json.writeValueAsString(Map.of("type", "urn:rectrack:problem:" + type,
                    "status", status, "detail", detail, "errors", errors)));
        }

        private static void respond(HttpExchange exchange, int status, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            if (!exchange.getResponseHeaders().containsKey("Content-Type")) {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
            }
            exchange.sendResponseHeaders(status, bytes.length);
            try (var out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
