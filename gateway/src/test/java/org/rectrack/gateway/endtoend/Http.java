package org.rectrack.gateway.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A JSON client for tests that run the services as processes and kill them: it tells an answer (any status)
 * from a lost one (an {@link IOException}: the connection was refused or cut, or no answer came in time), which
 * is what a client deciding whether to retry must know. Thread-safe; plain JDK HttpClient over HTTP/1.1.
 */
final class Http {

    /** One answer: its status, its body as JSON (missing when empty or not JSON) and one header. */
    record Reply(int status, JsonNode body, HttpResponse<String> raw) {

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    /** GET {@code url} with a bearer token; an IOException when no answer came. */
    Reply get(String url, String token) throws IOException {
        return send(request(url, token).GET().build());
    }

    /** POST {@code body} (serialised as JSON; null sends none) with a bearer token and these extra headers. */
    Reply post(String url, String token, Object body, Map<String, String> headers) throws IOException {
        HttpRequest.Builder request = request(url, token)
                .POST(body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return send(request.build());
    }

    /**
     * Every item of a paged list ({@code {items, page, size, totalItems, totalPages}}), page by page.
     *
     * @throws IllegalStateException when a page is not answered 200
     */
    List<JsonNode> all(String url, String token) {
        List<JsonNode> items = new ArrayList<>();
        String separator = url.contains("?") ? "&" : "?";
        for (int page = 0; ; page++) {
            Reply reply;
            try {
                reply = get(url + separator + "size=100&page=" + page, token);
            } catch (IOException e) {
                throw new UncheckedIOException("no answer from " + url, e);
            }
            if (reply.status() != 200) {
                throw new IllegalStateException(url + " page " + page + " answered " + reply);
            }
            reply.body().path("items").forEach(items::add);
            if (page + 1 >= reply.body().path("totalPages").asInt()) {
                return items;
            }
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode parse(String json) {
        try {
            return json == null || json.isBlank() ? MissingNode.getInstance() : JSON.readTree(json);
        } catch (IOException notJson) {
            return MissingNode.getInstance();
        }
    }

    private static HttpRequest.Builder request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(ANSWER_TIMEOUT)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token);
    }

    private Reply send(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), parse(response.body()), response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + request.uri(), e);
        }
    }
}
