package org.rectrack.deploy.infra.testing.fuzz;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.rectrack.deploy.infra.testing.TestTokens;
import org.rectrack.deploy.infra.testing.fuzz.ApiDocument.ApiOperation;
import org.rectrack.deploy.infra.testing.fuzz.ApiDocument.ApiParameter;
import org.rectrack.deploy.infra.testing.fuzz.FuzzReport.Failure;

/**
 * Drives every operation of a running service's own OpenAPI document ({@code /q/openapi?format=json}, read at
 * run time, so a new operation is fuzzed without editing a test) with generated hostile requests (see
 * {@link HostileCases}), each with a token of a role the operation accepts ({@link TestTokens}), and collects
 * every wrong answer, the request that caused it included:
 * <ul>
 * <li>any 5xx (issue 12: no input makes a 500);</li>
 * <li>any error whose Content-Type is not {@code application/problem+json} or whose body lacks {@code status}
 * (equal to the HTTP status), {@code title} or {@code detail} (RFC 9457, as the design asks of every error);</li>
 * <li>a 2xx to input that is wrong whatever the data (unpaired surrogates, invalid UTF-8, duplicate keys,
 * non-dates, wrong types, unknown fields, repeated parameters, oversized bodies, bad credentials…);</li>
 * <li>a write left behind by a 4xx: the {@link Fingerprint} before and after differ.</li>
 * </ul>
 * Deterministic for a seed (the report prints it) and bounded: at most {@code maxRequestsPerOperation} requests
 * per operation, sent one at a time.
 * <pre>{@code
 * FuzzReport report = OpenApiFuzzer.against(URI.create("http://localhost:8081/"))
 *         .fingerprint(DatabaseFingerprint.of(url, user, password, Set.of("outbox_event")))
 *         .run();
 * }</pre>
 */
public final class OpenApiFuzzer {

    /** The seed of a run that names none. */
    public static final long DEFAULT_SEED = 20_250_612L;

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final int PREVIEW = 300;

    private final URI root;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Supplier<?>> values = new HashMap<>();
    private final Map<String, Supplier<String>> exampleBodies = new HashMap<>();
    private long seed = DEFAULT_SEED;
    private int maxRequestsPerOperation = 400;
    private long maxBodyBytes = 1024 * 1024;
    private Fingerprint fingerprint = Fingerprint.NONE;
    private Function<String, String> tokens = TestTokens::forRole;

    private OpenApiFuzzer(URI root) {
        this.root = root.toString().endsWith("/") ? root : URI.create(root + "/");
    }

    /** A fuzzer for the service whose root (where {@code /q/openapi} is) is {@code root}. */
    public static OpenApiFuzzer against(URI root) {
        return new OpenApiFuzzer(root);
    }

    /** The seed of the random choices (sampled cases, ids, UUIDs); default {@link #DEFAULT_SEED}. */
    public OpenApiFuzzer seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** At most this many requests per operation (default 400); the valid requests are always among them. */
    public OpenApiFuzzer maxRequestsPerOperation(int max) {
        this.maxRequestsPerOperation = max;
        return this;
    }

    /** The service's body size limit ({@code quarkus.http.limits.max-body-size}); default 1 MiB. */
    public OpenApiFuzzer maxBodyBytes(long bytes) {
        this.maxBodyBytes = bytes;
        return this;
    }

    /** What to compare before and after each 4xx; default none. */
    public OpenApiFuzzer fingerprint(Fingerprint fingerprint) {
        this.fingerprint = fingerprint;
        return this;
    }

    /**
     * A valid value for every body field, query parameter or path parameter of this name, asked for each request:
     * a known recommendation id, say, or a fresh publisher so that each request's data is its own.
     */
    public OpenApiFuzzer value(String name, Supplier<?> value) {
        values.put(name, value);
        return this;
    }

    /** The valid body of {@code operation} ({@code "POST /api/v1/reports"}) when the document's example will not do. */
    public OpenApiFuzzer exampleBody(String operation, Supplier<String> body) {
        exampleBodies.put(operation, body);
        return this;
    }

    /** How a token for a role is made; default {@link TestTokens#forRole(String)}. */
    public OpenApiFuzzer tokens(Function<String, String> tokenForRole) {
        this.tokens = tokenForRole;
        return this;
    }

    /**
     * Fuzzes every operation of the document in path order and returns what happened; fails only when the
     * document itself cannot be read.
     */
    public FuzzReport run() {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        ApiDocument document = new ApiDocument(openApi(client));
        List<ApiOperation> operations = document.operations();
        List<String> allRoles = new ArrayList<>(new TreeSet<>(operations.stream()
                .flatMap(operation -> operation.roles().stream()).toList()));
        Random random = new Random(seed);
        HostileCases planner = new HostileCases(document, json, random, values, exampleBodies, maxBodyBytes);
        Map<String, String> tokenCache = new HashMap<>();
        FuzzReport report = new FuzzReport(seed);
        for (ApiOperation operation : operations) {
            report.planned(operation.name());
            List<FuzzCase> cases = bounded(planner.plan(operation, allRoles), operation.roles().size(), random);
            Map<String, List<String>> pathCandidates = pathCandidates(client, operations, operation, tokenCache, random);
            Map<String, Object> before = fingerprint.take();
            for (int i = 0; i < cases.size(); i++) {
                FuzzCase fuzzCase = cases.get(i);
                String role = fuzzCase.role() != null ? fuzzCase.role()
                        : operation.roles().isEmpty() ? null : operation.roles().get(i % operation.roles().size());
                HttpRequest request = request(operation, fuzzCase, role, pathCandidates, tokenCache, random);
                String sent = describe(request, fuzzCase, role);
                HttpResponse<byte[]> response;
                try {
                    response = send(client, request);
                } catch (IOException e) {
                    report.sent(operation.name(), 0);
                    report.fail(new Failure(operation.name(), "no answer", fuzzCase.label(), sent, e.toString()));
                    before = fingerprint.take();
                    continue;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
                report.sent(operation.name(), response.statusCode());
                before = check(report, operation, fuzzCase, sent, response, before);
            }
        }
        return report;
    }

    /**
     * Sends once more when the connection was found closed before any answer: a server may close it after an
     * answer that refused a body it did not read, and the client only learns so when it reuses the connection.
     */
    private static HttpResponse<byte[]> send(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException closed) {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    private Map<String, Object> check(FuzzReport report, ApiOperation operation, FuzzCase fuzzCase, String sent,
            HttpResponse<byte[]> response, Map<String, Object> before) {
        int status = response.statusCode();
        String answer = status + " " + response.headers().firstValue("Content-Type").orElse("(no Content-Type)") + " "
                + preview(response.body());
        if (status >= 500) {
            report.fail(new Failure(operation.name(), "server error (5xx)", fuzzCase.label(), sent, answer));
        }
        if (status >= 400) {
            String problem = problemDefect(response);
            if (problem != null) {
                report.fail(new Failure(operation.name(), "error not problem+json (" + problem + ")", fuzzCase.label(), sent, answer));
            }
        } else if (fuzzCase.mustRefuse()) {
            report.fail(new Failure(operation.name(), "hostile input accepted (" + status + ")", fuzzCase.label(), sent, answer));
        }
        Map<String, Object> after = fingerprint.take();
        if (status >= 400 && status < 500 && !after.equals(before)) {
            report.fail(new Failure(operation.name(), "write left behind by a " + status, fuzzCase.label(), sent,
                    answer + "\n    changed:  " + difference(before, after)));
        }
        return after;
    }

    /** What is wrong with an error answer as RFC 9457 problem+json; null when nothing is. */
    private String problemDefect(HttpResponse<byte[]> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.toLowerCase().startsWith("application/problem+json")) {
            return type.isEmpty() ? "no Content-Type" : "Content-Type " + type;
        }
        try {
            JsonNode body = json.readTree(response.body());
            if (body == null || !body.isObject()) {
                return "body is not a JSON object";
            }
            if (body.path("status").asInt(-1) != response.statusCode()) {
                return "status " + body.path("status") + " in the body";
            }
            if (body.path("title").asText("").isBlank() || body.path("detail").asText("").isBlank()) {
                return "no title or detail";
            }
            return null;
        } catch (IOException e) {
            return "body is not JSON";
        }
    }

    /** The valid requests first, then a seeded sample of the rest, in their planned order. */
    private List<FuzzCase> bounded(List<FuzzCase> planned, int valid, Random random) {
        if (planned.size() <= maxRequestsPerOperation) {
            return planned;
        }
        List<Integer> rest = new ArrayList<>();
        for (int i = valid; i < planned.size(); i++) {
            rest.add(i);
        }
        Collections.shuffle(rest, random);
        List<Integer> chosen = new ArrayList<>(rest.subList(0, Math.max(0, maxRequestsPerOperation - valid)));
        Collections.sort(chosen);
        List<FuzzCase> cases = new ArrayList<>(planned.subList(0, valid));
        chosen.forEach(index -> cases.add(planned.get(index)));
        return cases;
    }

    /**
     * Valid values for each path parameter: one given to the fuzzer, the document's example, or the ids the
     * collection above it lists ({@code GET /evidence} for {@code /evidence/{id}/verify}); a fresh UUID otherwise.
     */
    private Map<String, List<String>> pathCandidates(HttpClient client, List<ApiOperation> operations, ApiOperation operation,
            Map<String, String> tokenCache, Random random) {
        Map<String, List<String>> candidates = new LinkedHashMap<>();
        for (ApiParameter parameter : operation.parameters()) {
            if (!parameter.in().equals("path") || values.containsKey(parameter.name())) {
                continue;
            }
            if (parameter.example() != null) {
                candidates.put(parameter.name(), List.of(parameter.example().asText()));
                continue;
            }
            String collection = operation.path().substring(0, operation.path().indexOf("{" + parameter.name() + "}") - 1);
            // A collection whose own path has parameters cannot be listed without values for them: a fresh UUID then.
            List<String> ids = operations.stream()
                    .filter(other -> other.method().equals("GET") && other.path().equals(collection)
                            && !collection.contains("{"))
                    .findFirst()
                    .map(list -> listedIds(client, list, tokenCache))
                    .orElse(List.of());
            candidates.put(parameter.name(), ids.isEmpty() ? List.of(new UUID(random.nextLong(), random.nextLong()).toString()) : ids);
        }
        return candidates;
    }

    private List<String> listedIds(HttpClient client, ApiOperation list, Map<String, String> tokenCache) {
        HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve(list.path().substring(1) + "?size=100"))
                .timeout(ANSWER_TIMEOUT).GET();
        if (!list.roles().isEmpty()) {
            request.header("Authorization", "Bearer " + token(list.roles().getFirst(), tokenCache));
        }
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            List<String> ids = new ArrayList<>();
            if (response.statusCode() == 200) {
                json.readTree(response.body()).path("items").elements()
                        .forEachRemaining(item -> ids.add(item.path("id").asText()));
            }
            ids.removeIf(String::isEmpty);
            return ids;
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private HttpRequest request(ApiOperation operation, FuzzCase fuzzCase, String role, Map<String, List<String>> pathCandidates,
            Map<String, String> tokenCache, Random random) {
        Matcher parameters = PATH_PARAMETER.matcher(operation.path());
        StringBuilder path = new StringBuilder();
        while (parameters.find()) {
            String name = parameters.group(1);
            String value = fuzzCase.pathValues().get(name);
            if (value == null) {
                Supplier<?> given = values.get(name);
                List<String> candidates = pathCandidates.getOrDefault(name, List.of("fuzz"));
                value = HostileCases.encode(given != null ? String.valueOf(given.get())
                        : candidates.get(random.nextInt(candidates.size())));
            }
            parameters.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        parameters.appendTail(path);
        String query = fuzzCase.query().stream().map(pair -> pair.getKey() + "=" + pair.getValue())
                .collect(Collectors.joining("&"));
        URI uri = root.resolve(path.substring(1) + (query.isEmpty() ? "" : "?" + query));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(ANSWER_TIMEOUT);
        switch (fuzzCase.auth()) {
            case ROLE, OTHER_ROLE -> {
                if (role != null) {
                    request.header("Authorization", "Bearer " + token(role, tokenCache));
                }
            }
            case GARBAGE -> request.header("Authorization", "Bearer not.a.jwt");
            case EXPIRED -> request.header("Authorization", "Bearer " + TestTokens.expired(
                    Objects.requireNonNullElse(role, "admin"), TestTokens.DEFAULT_ORG));
            case BASIC -> request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)));
            case NONE -> {
            }
        }
        fuzzCase.headers().forEach(request::header);
        if (fuzzCase.contentType() != null) {
            request.header("Content-Type", fuzzCase.contentType());
        }
        return request.method(operation.method(), publisher(fuzzCase)).build();
    }

    private static BodyPublisher publisher(FuzzCase fuzzCase) {
        if (fuzzCase.body() == null) {
            return BodyPublishers.noBody();
        }
        if (fuzzCase.chunked()) {
            // A stream of unknown length goes out chunked, without Content-Length.
            return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(fuzzCase.body()));
        }
        return BodyPublishers.ofByteArray(fuzzCase.body());
    }

    private String token(String role, Map<String, String> tokenCache) {
        return tokenCache.computeIfAbsent(role, tokens);
    }

    private JsonNode openApi(HttpClient client) {
        HttpRequest request = HttpRequest.newBuilder(root.resolve("q/openapi?format=json")).timeout(ANSWER_TIMEOUT).GET().build();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String describe(HttpRequest request, FuzzCase fuzzCase, String role) {
        String uri = request.uri().toString();
        StringBuilder text = new StringBuilder(request.method()).append(' ')
                .append(uri.length() > PREVIEW ? uri.substring(0, PREVIEW) + "…(" + uri.length() + " characters)" : uri);
        text.append(" [").append(fuzzCase.auth() == FuzzCase.Auth.ROLE || fuzzCase.auth() == FuzzCase.Auth.OTHER_ROLE
                ? "as " + role : fuzzCase.auth().name().toLowerCase()).append(']');
        fuzzCase.headers().forEach((name, value) -> text.append(' ').append(name).append(": ")
                .append(value.length() > 60 ? value.length() + " characters" : value));
        if (fuzzCase.body() != null) {
            text.append(" Content-Type: ").append(fuzzCase.contentType() == null ? "(none)" : fuzzCase.contentType())
                    .append(fuzzCase.chunked() ? " chunked" : "").append(" body ").append(preview(fuzzCase.body()));
        }
        return text.toString();
    }

    private static String preview(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, PREVIEW), StandardCharsets.UTF_8)
                .replace("\n", "\\n").replace("\u0000", "\\u0000");
        return body.length > PREVIEW ? text + "…(" + body.length + " bytes)" : text;
    }

    private static String difference(Map<String, Object> before, Map<String, Object> after) {
        List<String> changes = new ArrayList<>();
        after.forEach((name, value) -> {
            if (!Objects.equals(before.get(name), value)) {
                changes.add(name + " " + before.get(name) + " → " + value);
            }
        });
        return String.join(", ", changes);
    }
}
