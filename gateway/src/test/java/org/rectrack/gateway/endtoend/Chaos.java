package org.rectrack.gateway.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.core.ConditionTimeoutException;
import org.rectrack.deploy.infra.testing.TestTokens;
import org.rectrack.gateway.endtoend.Http.Reply;

/**
 * What the tests that kill services under load share (NothingLostIT, SeveralInstancesIT): the services started as
 * killable processes, a report published through a gateway, the wait for a {@link WriteLoad}'s writes, and the
 * evidence as the evidence-service owns it and as a gateway shows it.
 */
final class Chaos {

    /** How long a service's jar may take to be ready, on two shared cores. */
    static final Duration STARTUP = Duration.ofMinutes(2);
    /** How long a gateway may take to show what the evidence-service holds once the load has stopped. */
    static final Duration CONVERGENCE = Duration.ofSeconds(90);

    private Chaos() {
    }

    /**
     * A service's environment on the infrastructure of {@code settings} ({@link RunningServices#environment}), tuned
     * for faults: the relay retries within 2 s and a killed consumer's partitions move on after 10 s.
     */
    static Map<String, String> environment(Map<String, String> settings) {
        Map<String, String> environment = new HashMap<>(RunningServices.environment(settings));
        // As the services' own tests do: after an outage the relay tries again within 2 s, not 15 s.
        environment.put("RECTRACK_OUTBOX_MAX_BACKOFF", "2s");
        // A killed consumer's partitions go to its successor after 10 s rather than Kafka's default 45 s.
        // (kafka.* settings go to every channel; an environment variable cannot name one channel unambiguously.)
        environment.put("KAFKA_SESSION_TIMEOUT_MS", "10000");
        return environment;
    }

    /** Starts {@code module}'s jar on a free port, its output in {@code target/service-logs/<log>.log}; once ready. */
    static ServiceProcess start(String module, Map<String, String> environment, String log) {
        return ServiceProcess.start(module, RunningServices.freePort(), environment,
                Path.of("target", "service-logs", log + ".log")).awaitReady(STARTUP);
    }

    /** Publishes a report of {@code count} recommendations through a gateway; returns their ids in rank order. */
    static List<UUID> publishReport(Http http, String gatewayApi, int count) {
        List<Map<String, Object>> recommendations = new ArrayList<>();
        for (int rank = 1; rank <= count; rank++) {
            recommendations.add(Map.of("rank", rank, "text", "Recommendation " + rank + ": investigate and prosecute.",
                    "pillars", List.of("PROSECUTION"), "targetGroups", List.of()));
        }
        // A publisher of its own: one report per publisher, country and year.
        Map<String, Object> report = Map.of("country", "LAO", "year", 2023, "tier", "TIER_2",
                "publisher", "Chaos test " + UUID.randomUUID(), "title", "2023 Trafficking in Persons Report: Laos",
                "recommendations", recommendations);
        try {
            Reply published = http.post(gatewayApi + "reports", TestTokens.forRole("admin", ""), report, Map.of());
            assertThat(published.status()).as("publishing %s", published).isEqualTo(201);
            List<UUID> ids = new ArrayList<>();
            published.body().path("recommendations").forEach(r -> ids.add(UUID.fromString(r.path("id").asText())));
            return ids;
        } catch (IOException e) {
            throw new IllegalStateException("the gateway did not answer a publication", e);
        }
    }

    /**
     * Until the evidence-service's replica has a recommendation, it refuses evidence for it (422): submits one piece
     * of evidence (the warm-up) until it is taken.
     */
    static void awaitEvidenceServiceKnows(Http http, String gatewayApi, UUID recommendation) {
        String token = TestTokens.forRole("ngo", "warm-up-" + UUID.randomUUID());
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            String key = UUID.randomUUID().toString();
            return http.post(gatewayApi + "evidence", token, WriteLoad.evidence(recommendation, key),
                    Map.of("Idempotency-Key", key)).status();
        }, status -> status == 201);
    }

    /** Waits (90 s at most) until the loads together have {@code more} writes answered 2xx; fails on any unexpected answer. */
    static void awaitMoreWrites(String phase, int more, WriteLoad... loads) {
        long target = writes(loads) + more;
        await().atMost(Duration.ofSeconds(90)).alias(phase + ": " + more + " more writes answered 2xx")
                .until(() -> writes(loads) >= target || Arrays.stream(loads).anyMatch(load -> !load.unexpected().isEmpty()));
        for (WriteLoad load : loads) {
            assertThat(load.unexpected()).as("answers no fault explains, during " + phase).isEmpty();
        }
    }

    /** Writes answered 2xx by all these loads. */
    static long writes(WriteLoad... loads) {
        return Arrays.stream(loads).mapToLong(WriteLoad::writes).sum();
    }

    /**
     * Waits until the gateway shows every piece of evidence of these recommendations at the evidence-service's
     * version; returns the evidence-service's own view. Does not fail: what still differs is counted afterwards.
     */
    static Map<UUID, JsonNode> awaitConverged(Http http, String gatewayApi, String evidenceServiceUrl,
            List<UUID> recommendations) {
        Map<UUID, JsonNode> owned = new HashMap<>();
        recommendations.forEach(recommendation -> owned.putAll(ownedBy(http, evidenceServiceUrl, recommendation)));
        try {
            await().atMost(CONVERGENCE).pollInterval(Duration.ofSeconds(1))
                    .until(() -> versions(shownBy(http, gatewayApi, recommendations)).equals(versions(owned)));
        } catch (ConditionTimeoutException e) {
            System.out.printf("[chaos] the gateway at %s did not catch up with the evidence-service within %s; its"
                    + " readiness: %s%n", gatewayApi, CONVERGENCE, readiness(http, gatewayApi));
        }
        return owned;
    }

    /** The gateway's readiness detail (consumer lag, knownAt watermark), or why it could not be read. */
    private static String readiness(Http http, String gatewayApi) {
        try {
            String gateway = gatewayApi.replaceFirst("/api/v1/?$", "");
            return http.get(gateway + "/q/health/ready", TestTokens.forRole("reviewer", "chaos-board")).body().toString();
        } catch (IOException e) {
            return "unreadable (" + e + ")";
        }
    }

    /** The evidence-service's own answer, on its own port: the truth a gateway's read model must reach. */
    static Map<UUID, JsonNode> ownedBy(Http http, String evidenceServiceUrl, UUID recommendation) {
        return byId(http.all(evidenceServiceUrl + "/api/v1/evidence?recommendationId=" + recommendation,
                TestTokens.forRole("reviewer", "chaos-board")));
    }

    /** The evidence a gateway lists for these recommendations, by id; an item listed twice is kept twice. */
    static Map<UUID, JsonNode> shownBy(Http http, String gatewayApi, List<UUID> recommendations) {
        Map<UUID, JsonNode> shown = new HashMap<>();
        for (UUID recommendation : recommendations) {
            List<JsonNode> items = http.all(gatewayApi + "evidence?recommendationId=" + recommendation,
                    TestTokens.forRole("reviewer", "chaos-board"));
            items.forEach(item -> {
                if (shown.put(UUID.fromString(item.path("id").asText()), item) != null) {
                    shown.put(UUID.randomUUID(), item); // listed twice: keep both, so the doubling is counted
                }
            });
        }
        return shown;
    }

    /** Each piece of evidence's version. */
    static Map<UUID, Long> versions(Map<UUID, JsonNode> evidence) {
        return evidence.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> entry.getValue().path("version").asLong()));
    }

    private static Map<UUID, JsonNode> byId(List<JsonNode> items) {
        return items.stream().collect(Collectors.toMap(item -> UUID.fromString(item.path("id").asText()),
                Function.identity(), (first, second) -> first));
    }
}
