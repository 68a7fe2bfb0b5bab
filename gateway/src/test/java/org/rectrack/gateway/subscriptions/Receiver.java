package org.rectrack.gateway.subscriptions;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on 127.0.0.1, as a subscriber would run one: it checks every delivery's signature with the
 * subscription's secret (the Standard Webhooks library, as a receiver in Java would), keeps what arrived in order, and
 * answers with the statuses it is told to, then 200.
 */
final class Receiver implements AutoCloseable {

    /** One delivery as it arrived. */
    record Delivery(String id, String timestamp, String signature, String body, boolean signatureValid, JsonNode json) {
        String type() {
            return json.path("type").asText();
        }

        JsonNode data() {
            return json.path("data");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final Deque<Integer> answers = new ArrayDeque<>();
    private volatile String secret;

    Receiver(Integer... firstAnswers) throws IOException {
        answers.addAll(List.of(firstAnswers));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hooks", this::receive);
        server.start();
    }

    /** The URL to subscribe with. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** The secret the subscription answered with, to check signatures by. */
    void secret(String secret) {
        this.secret = secret;
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = exchange.getRequestHeaders();
            boolean valid;
            try {
                new Webhook(secret).verify(body, headers);
                valid = true;
            } catch (WebhookVerificationException e) {
                valid = false;
            }
            deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body, valid, JSON.readTree(body)));
            Integer status;
            synchronized (answers) {
                status = answers.poll();
            }
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
