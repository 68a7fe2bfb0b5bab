package org.rectrack.gateway.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.KafkaBrokerControl;
import org.rectrack.deploy.infra.testing.TestTokens;
import org.rectrack.deploy.infra.testing.TopicReader;
import org.rectrack.gateway.endtoend.Http.Reply;

/**
 * "Nothing lost" under load and faults, on the whole system: the gateway, the recommendations-service and the
 * evidence-service each run from their packaged jars as child processes (so each can be killed with
 * {@code kill -9}), on the tests' real PostgreSQL and Kafka broker (which is killed too). Runs in
 * {@code ./mvnw verify} after the gateway is packaged (failsafe), in a JVM, broker and database server of its own.
 *
 * <p>The promise checked, from the README: a write answered 2xx is never lost, and a retry never doubles it;
 * each aggregate's events reach the topic in order, all of them; the read model rebuilt from the topics is the
 * live one.
 */
class NothingLostIT {

    private static final Duration STARTUP = Duration.ofMinutes(2);
    private static final Duration CONVERGENCE = Duration.ofSeconds(90);
    private static final String EVIDENCE_TOPIC = "rectrack.evidence.v1";

    private static final Http HTTP = new Http();
    private static ServiceProcess recommendationsService;
    private static ServiceProcess evidenceService;
    private static ServiceProcess gateway;
    private static KafkaBrokerControl broker;
    private static Map<String, String> gatewayDatabase;
    private static Map<String, String> evidenceSettings;

    @BeforeAll
    static void startTheSystem() {
        Map<String, String> gatewaySettings = RunningServices.infrastructure("gateway_chaos");
        broker = KafkaBrokerControl.fromConfig(gatewaySettings.get(KafkaBrokerControl.CONFIG_KEY));
        gatewayDatabase = gatewaySettings;
        CompletableFuture<ServiceProcess> recommendations = CompletableFuture.supplyAsync(() ->
                start("recommendations-service", service(RunningServices.infrastructure("recommendations_chaos"))));
        evidenceSettings = RunningServices.infrastructure("evidence_chaos");
        CompletableFuture<ServiceProcess> evidence = CompletableFuture.supplyAsync(() ->
                start("evidence-service", service(evidenceSettings)));
        recommendationsService = recommendations.join();
        evidenceService = evidence.join();
        Map<String, String> environment = service(gatewaySettings);
        environment.put("RECTRACK_SERVICES_RECOMMENDATIONS_ADDRESSES", recommendationsService.address());
        environment.put("RECTRACK_SERVICES_EVIDENCE_ADDRESSES", evidenceService.address());
        gateway = start("gateway", environment);
    }

    @AfterAll
    static void stopTheSystem() {
        for (ServiceProcess service : new ServiceProcess[] { gateway, evidenceService, recommendationsService }) {
            if (service != null) {
                service.close();
            }
        }
    }

    @Test
    void everyWriteAnswered2xxSurvivesKillingEachServiceAndTheBrokerInTurn() {
        List<UUID> recommendations = publishReport(3);
        // Each one: a report's recommendations reach the topic in no promised order among themselves.
        recommendations.forEach(NothingLostIT::awaitEvidenceServiceKnows);
        String organisation = "chaos-ngo-" + UUID.randomUUID().toString().substring(0, 8);
        WriteLoad load = new WriteLoad(HTTP, gatewayApi(), recommendations, organisation);
        load.start(4);
        try {
            awaitMoreWrites(load, 40, "steady load");
            recommendationsService = crashAndRestart("recommendations-service", recommendationsService, load);
            evidenceService = crashAndRestart("evidence-service", evidenceService, load);
            gateway = crashAndRestart("gateway", gateway, load);

            long before = load.writes();
            broker.kill();
            System.out.printf("[nothing-lost] kill -9 the Kafka broker at %d writes%n", before);
            awaitMoreWrites(load, 40, "broker down: the outbox keeps the events");
            broker.start();
            System.out.printf("[nothing-lost] Kafka broker restarted at %d writes%n", load.writes());
            awaitMoreWrites(load, 40, "after the broker's restart");
        } finally {
            load.stop();
        }
        System.out.printf("[nothing-lost] load stopped: %d writes answered 2xx, %d answers lost and retried,"
                        + " %d submissions replayed, %d transitions made without an answer%n",
                load.writes(), load.lostAnswers(), load.replayed(), load.doneUnanswered());

        Map<UUID, JsonNode> owned = awaitGatewayConverged(recommendations);
        Map<UUID, JsonNode> shown = gatewayEvidence(recommendations);
        Ledger ledger = Ledger.check(load.acknowledged(), owned, shown);
        TopicCheck topic = TopicCheck.read(broker.bootstrapServers(), owned);
        Map<String, Long> perSummary = shown.values().stream()
                .collect(Collectors.groupingBy(evidence -> evidence.path("summary").asText(), Collectors.counting()));
        long doubledSubmissions = perSummary.values().stream().filter(count -> count > 1).count();
        System.out.printf("[nothing-lost] writes %d, events on %s %d (%d sent twice), lost %d, doubled %d,"
                        + " gateway differing from the evidence-service %d, out of order on the topic %d%n",
                load.writes(), EVIDENCE_TOPIC, topic.records(), topic.redelivered(), ledger.lost().size(),
                ledger.doubled().size() + doubledSubmissions, ledger.differing().size(), topic.outOfOrder().size());

        assertThat(load.unexpected()).as("answers no fault explains").isEmpty();
        assertThat(ledger.lost()).as("writes answered 2xx that the gateway does not show").isEmpty();
        assertThat(ledger.doubled()).as("transitions recorded twice").isEmpty();
        assertThat(perSummary).as("submissions recorded more than once").allSatisfy((summary, count) ->
                assertThat(count).as(summary).isEqualTo(1L));
        assertThat(shown.keySet()).as("evidence the gateway shows").isEqualTo(owned.keySet());
        assertThat(ledger.differing()).as("the gateway's answer against the evidence-service's").isEmpty();
        assertThat(topic.outOfOrder()).as("aggregates whose versions on the topic are not 1..n in order").isEmpty();
        assertThat(load.submissions().values()).containsExactlyInAnyOrderElementsOf(
                shown.values().stream().filter(e -> e.path("organisation").asText().equals(organisation))
                        .map(e -> UUID.fromString(e.path("id").asText())).toList());
    }

    @Test
    void aRetryAfterALostAnswerCreatesNothingTwice() throws Exception {
        UUID recommendation = publishReport(1).getFirst();
        awaitEvidenceServiceKnows(recommendation);
        String token = TestTokens.forRole("ngo", "retry-ngo-" + UUID.randomUUID().toString().substring(0, 8));
        Map<String, Reply> retries = new LinkedHashMap<>();

        // 1. The client's connection is cut while the evidence-service works on its submission.
        String cut = UUID.randomUUID().toString();
        try (HeldLock held = holdSubmissions(); Socket client = sendSubmission(token, cut, recommendation)) {
            held.awaitWaiter();
            client.close();
        }
        retries.put("connection cut", retryOnceRecorded(token, cut, recommendation));

        // 2. The gateway gives up waiting (503, "nothing is known to have changed") and the service commits later.
        String late = UUID.randomUUID().toString();
        try (HeldLock held = holdSubmissions()) {
            CompletableFuture<Reply> answer = CompletableFuture.supplyAsync(() -> submit(token, late, recommendation));
            held.awaitWaiter();
            assertThat(answer.get(30, TimeUnit.SECONDS).status()).as("the gateway's answer after its timeout").isEqualTo(503);
        }
        retries.put("gateway timed out", retryOnceRecorded(token, late, recommendation));

        // 3. The gateway is killed while the evidence-service works on the submission.
        String killed = UUID.randomUUID().toString();
        try (HeldLock held = holdSubmissions(); Socket client = sendSubmission(token, killed, recommendation)) {
            held.awaitWaiter();
            gateway.kill();
        }
        gateway = gateway.restart().awaitReady(STARTUP);
        retries.put("gateway killed", retryOnceRecorded(token, killed, recommendation));

        Map<UUID, JsonNode> owned = ownedBy(recommendation);
        Map<UUID, JsonNode> shown = await().atMost(CONVERGENCE)
                .until(() -> gatewayEvidence(List.of(recommendation)), evidence -> evidence.size() >= owned.size());
        System.out.printf("[nothing-lost] answers lost %d, retries replayed %d, submissions the evidence-service holds"
                        + " %d (1 is the warm-up), the gateway shows %d%n", retries.size(),
                retries.values().stream().filter(retry -> "true".equals(retry.header("Idempotent-Replayed"))).count(),
                owned.size(), shown.size());

        retries.forEach((how, retry) -> assertThat(retry.header("Idempotent-Replayed")).as(how).isEqualTo("true"));
        assertThat(owned).hasSize(1 + retries.size());
        assertThat(shown.keySet()).isEqualTo(owned.keySet());
    }

    @Test
    void theReadModelRebuiltFromTheTopicsEqualsTheLiveOneRowForRow() throws SQLException, IOException {
        List<UUID> recommendations = publishReport(2);
        // Each one: a report's recommendations reach the topic in no promised order among themselves.
        recommendations.forEach(NothingLostIT::awaitEvidenceServiceKnows);
        WriteLoad load = new WriteLoad(HTTP, gatewayApi(), recommendations, "rebuild-ngo-" + UUID.randomUUID().toString().substring(0, 8));
        load.start(2);
        awaitMoreWrites(load, 20, "writes before the rebuild");
        load.stop();
        awaitGatewayConverged(recommendations);
        Map<String, List<String>> live = readModelRows();

        String admin = TestTokens.forRole("admin", "");
        Reply started = HTTP.post(gatewayApi() + "admin/rebuilds", admin, null, Map.of());
        assertThat(started.status()).as("the rebuild's answer %s", started).isEqualTo(202);
        String job = gatewayApi() + "admin/rebuilds/" + started.body().path("id").asText();
        Reply rebuilt = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> HTTP.get(job, admin), reply -> reply.status() != 200
                        || !List.of("STARTED", "RUNNING").contains(reply.body().path("state").asText()));
        assertThat(rebuilt.body().path("state").asText()).as("the rebuild %s", rebuilt).isEqualTo("FINISHED");
        Map<String, List<String>> fromTopics = readModelRows();
        System.out.printf("[nothing-lost] rebuild: %s rows live, %s rows rebuilt; events applied %d%n",
                counts(live), counts(fromTopics), rebuilt.body().path("applied").asLong());

        assertThat(load.unexpected()).isEmpty();
        live.forEach((table, rows) -> assertThat(fromTopics.get(table)).as(table).containsExactlyElementsOf(rows));
    }

    // --- faults

    /** Kills a service with kill -9 under load, lets the clients meet the outage, restarts it, and waits for writes. */
    private static ServiceProcess crashAndRestart(String name, ServiceProcess service, WriteLoad load) {
        long before = load.writes();
        long lostBefore = load.lostAnswers();
        service.kill();
        System.out.printf("[nothing-lost] kill -9 %s at %d writes%n", name, before);
        // The recommendations-service is not on the path of evidence writes: they go on; the others stop them.
        await().atMost(Duration.ofSeconds(30)).until(() -> load.lostAnswers() >= lostBefore + 4 || load.writes() >= before + 20);
        ServiceProcess restarted = service.restart().awaitReady(STARTUP);
        System.out.printf("[nothing-lost] %s restarted at %d writes (%d answers lost meanwhile)%n",
                name, load.writes(), load.lostAnswers() - lostBefore);
        awaitMoreWrites(load, 40, "after " + name + " restarted");
        return restarted;
    }

    private static void awaitMoreWrites(WriteLoad load, int more, String phase) {
        long target = load.writes() + more;
        await().atMost(Duration.ofSeconds(90)).alias(phase + ": " + more + " more writes answered 2xx")
                .until(() -> load.writes() >= target || !load.unexpected().isEmpty());
        assertThat(load.unexpected()).as("answers no fault explains, during " + phase).isEmpty();
    }

    // --- what the system holds

    /**
     * Waits until the gateway shows every piece of evidence of these recommendations at the evidence-service's
     * version; returns the evidence-service's own view. Does not fail: what still differs is counted afterwards.
     */
    private static Map<UUID, JsonNode> awaitGatewayConverged(List<UUID> recommendations) {
        Map<UUID, JsonNode> owned = new HashMap<>();
        recommendations.forEach(recommendation -> owned.putAll(ownedBy(recommendation)));
        try {
            await().atMost(CONVERGENCE).pollInterval(Duration.ofSeconds(1))
                    .until(() -> versions(gatewayEvidence(recommendations)).equals(versions(owned)));
        } catch (ConditionTimeoutException e) {
            System.out.printf("[nothing-lost] the gateway did not catch up with the evidence-service within %s%n",
                    CONVERGENCE);
        }
        return owned;
    }

    /** The evidence-service's own answer, on its own port: the truth the gateway's read model must reach. */
    private static Map<UUID, JsonNode> ownedBy(UUID recommendation) {
        return byId(HTTP.all(evidenceService.url() + "/api/v1/evidence?recommendationId=" + recommendation,
                TestTokens.forRole("reviewer", "chaos-board")));
    }

    private static Map<UUID, JsonNode> gatewayEvidence(List<UUID> recommendations) {
        Map<UUID, JsonNode> shown = new HashMap<>();
        for (UUID recommendation : recommendations) {
            List<JsonNode> items = HTTP.all(gatewayApi() + "evidence?recommendationId=" + recommendation,
                    TestTokens.forRole("reviewer", "chaos-board"));
            items.forEach(item -> {
                if (shown.put(UUID.fromString(item.path("id").asText()), item) != null) {
                    shown.put(UUID.randomUUID(), item); // listed twice: keep both, so the doubling is counted
                }
            });
        }
        return shown;
    }

    private static Map<UUID, JsonNode> byId(List<JsonNode> items) {
        return items.stream().collect(Collectors.toMap(item -> UUID.fromString(item.path("id").asText()),
                Function.identity(), (first, second) -> first));
    }

    private static Map<UUID, Long> versions(Map<UUID, JsonNode> evidence) {
        return evidence.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> entry.getValue().path("version").asLong()));
    }

    /** The acknowledged writes checked against what the evidence-service owns and what the gateway shows. */
    private record Ledger(List<String> lost, List<String> doubled, List<String> differing) {

        static Ledger check(Map<UUID, List<String>> acknowledged, Map<UUID, JsonNode> owned, Map<UUID, JsonNode> shown) {
            List<String> lost = new ArrayList<>();
            List<String> doubled = new ArrayList<>();
            List<String> differing = new ArrayList<>();
            acknowledged.forEach((id, states) -> {
                List<String> history = history(shown.get(id));
                for (String state : states) {
                    if (!history.contains(state)) {
                        lost.add(id + " " + state + " (the gateway shows " + history + ", the evidence-service "
                                + history(owned.get(id)) + ")");
                    }
                }
            });
            owned.forEach((id, evidence) -> {
                List<String> history = history(shown.get(id));
                if (history.size() != history.stream().distinct().count()) {
                    doubled.add(id + " " + history);
                }
                JsonNode gateway = shown.get(id);
                if (gateway == null || gateway.path("version").asLong() != evidence.path("version").asLong()
                        || !gateway.path("state").equals(evidence.path("state"))
                        || !history.equals(history(evidence))) {
                    differing.add(id + ": gateway " + (gateway == null ? "nothing" : gateway.path("state").asText()
                            + " v" + gateway.path("version").asLong()) + ", evidence-service "
                            + evidence.path("state").asText() + " v" + evidence.path("version").asLong());
                }
            });
            return new Ledger(lost, doubled, differing);
        }

        private static List<String> history(JsonNode evidence) {
            List<String> states = new ArrayList<>();
            if (evidence != null) {
                evidence.path("history").forEach(step -> states.add(step.path("state").asText()));
            }
            return states;
        }
    }

    /** Each aggregate's events on the topic: versions 1..n, each first seen after the one before. */
    private record TopicCheck(long records, long redelivered, List<String> outOfOrder) {

        static TopicCheck read(String bootstrapServers, Map<UUID, JsonNode> owned) {
            Set<String> keys = owned.keySet().stream().map(UUID::toString).collect(Collectors.toSet());
            int expected = (int) owned.values().stream().mapToLong(evidence -> evidence.path("version").asLong()).sum();
            List<ConsumerRecord<String, String>> records = TopicReader.read(bootstrapServers, EVIDENCE_TOPIC, keys,
                    expected, Duration.ofSeconds(30));
            Map<String, List<Long>> versions = new LinkedHashMap<>();
            for (ConsumerRecord<String, String> record : records) {
                versions.computeIfAbsent(record.key(), key -> new ArrayList<>())
                        .add(Http.parse(record.value()).path("aggregateVersion").asLong());
            }
            long redelivered = 0;
            List<String> outOfOrder = new ArrayList<>();
            for (Map.Entry<UUID, JsonNode> evidence : owned.entrySet()) {
                List<Long> published = versions.getOrDefault(evidence.getKey().toString(), List.of());
                // At least once: a relay killed between Kafka's acknowledgement and its own commit sends again.
                List<Long> firstSeen = published.stream().distinct().toList();
                redelivered += published.size() - firstSeen.size();
                List<Long> complete = new ArrayList<>();
                for (long v = 1; v <= evidence.getValue().path("version").asLong(); v++) {
                    complete.add(v);
                }
                if (!firstSeen.equals(complete)) {
                    outOfOrder.add(evidence.getKey() + " published " + published + ", owner at v" + complete.size());
                }
            }
            return new TopicCheck(records.size(), redelivered, outOfOrder);
        }
    }

    /** Every row of the read model's tables, as JSON without the generated seq, in a stable order. */
    private static Map<String, List<String>> readModelRows() throws SQLException {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("report_version", "select (to_jsonb(t) - 'seq')::text from report_version t order by report_id, version");
        queries.put("recommendation_version", "select (to_jsonb(t) - 'seq')::text from recommendation_version t"
                + " order by recommendation_id, version");
        queries.put("evidence_version", "select (to_jsonb(t) - 'seq')::text from evidence_version t order by evidence_id, version");
        queries.put("evidence_version_link", "select (jsonb_build_object('evidence', v.evidence_id, 'version', v.version)"
                + " || (to_jsonb(t) - 'evidence_seq'))::text from evidence_version_link t"
                + " join evidence_version v on v.seq = t.evidence_seq order by v.evidence_id, v.version, t.position");
        queries.put("evidence_version_transition", "select (jsonb_build_object('evidence', v.evidence_id, 'version', v.version)"
                + " || (to_jsonb(t) - 'evidence_seq'))::text from evidence_version_transition t"
                + " join evidence_version v on v.seq = t.evidence_seq order by v.evidence_id, v.version, t.position");
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(gatewayDatabase.get("quarkus.datasource.jdbc.url"),
                gatewayDatabase.get("quarkus.datasource.username"), gatewayDatabase.get("quarkus.datasource.password"));
                Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> query : queries.entrySet()) {
                List<String> table = new ArrayList<>();
                try (ResultSet result = statement.executeQuery(query.getValue())) {
                    while (result.next()) {
                        table.add(result.getString(1));
                    }
                }
                rows.put(query.getKey(), table);
            }
        }
        return rows;
    }

    private static Map<String, Integer> counts(Map<String, List<String>> rows) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        rows.forEach((table, list) -> counts.put(table, list.size()));
        return counts;
    }

    // --- lost answers

    /**
     * Holds a lock on the evidence-service's idempotency keys, so that a submission waits inside its transaction
     * (after the request was read, before the commit) until {@link #close()}: the moment an answer gets lost in.
     */
    private static final class HeldLock implements AutoCloseable {

        private final Connection connection;

        HeldLock(Connection connection) {
            this.connection = connection;
        }

        /** Returns once a submission waits for the lock. */
        void awaitWaiter() {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                try (Connection watcher = evidenceDatabase(); Statement statement = watcher.createStatement();
                        ResultSet waiting = statement.executeQuery("select count(*) from pg_stat_activity"
                                + " where datname = current_database() and wait_event_type = 'Lock'")) {
                    return waiting.next() && waiting.getInt(1) > 0;
                }
            });
        }

        @Override
        public void close() throws SQLException {
            connection.rollback();
            connection.close();
        }
    }

    private static HeldLock holdSubmissions() throws SQLException {
        Connection connection = evidenceDatabase();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("lock table idempotent_request in exclusive mode");
        }
        return new HeldLock(connection);
    }

    private static Connection evidenceDatabase() throws SQLException {
        return DriverManager.getConnection(evidenceSettings.get("quarkus.datasource.jdbc.url"),
                evidenceSettings.get("quarkus.datasource.username"), evidenceSettings.get("quarkus.datasource.password"));
    }

    /** Once the lost submission is in the evidence-service, the client retries it with the same key. */
    private static Reply retryOnceRecorded(String token, String key, UUID recommendation) {
        String summary = WriteLoad.summary(key);
        UUID made = await().atMost(Duration.ofSeconds(30)).until(() -> ownedBy(recommendation).values().stream()
                .filter(evidence -> evidence.path("summary").asText().equals(summary))
                .map(evidence -> UUID.fromString(evidence.path("id").asText())).findFirst().orElse(null),
                id -> id != null);
        Reply retry = submit(token, key, recommendation);
        assertThat(retry.status()).as("the retry's answer %s", retry).isEqualTo(201);
        assertThat(retry.body().path("id").asText()).isEqualTo(made.toString());
        return retry;
    }

    private static Reply submit(String token, String key, UUID recommendation) {
        try {
            return HTTP.post(gatewayApi() + "evidence", token, WriteLoad.evidence(recommendation, key),
                    Map.of("Idempotency-Key", key));
        } catch (IOException e) {
            throw new IllegalStateException("the gateway did not answer a submission", e);
        }
    }

    /** Writes a whole submission on a raw connection to the gateway and returns it open, its answer unread. */
    private static Socket sendSubmission(String token, String key, UUID recommendation) throws IOException {
        URI gatewayUri = URI.create(gateway.url());
        byte[] body = Http.json(WriteLoad.evidence(recommendation, key)).getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/v1/evidence HTTP/1.1\r\n"
                + "Host: " + gatewayUri.getAuthority() + "\r\n"
                + "Authorization: Bearer " + token + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Idempotency-Key: " + key + "\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), gatewayUri.getPort());
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return socket;
    }

    // --- setup

    /** Publishes a report of {@code count} recommendations through the gateway; returns their ids in rank order. */
    private static List<UUID> publishReport(int count) {
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
            Reply published = HTTP.post(gatewayApi() + "reports", TestTokens.forRole("admin", ""), report, Map.of());
            assertThat(published.status()).as("publishing %s", published).isEqualTo(201);
            List<UUID> ids = new ArrayList<>();
            published.body().path("recommendations").forEach(r -> ids.add(UUID.fromString(r.path("id").asText())));
            return ids;
        } catch (IOException e) {
            throw new IllegalStateException("the gateway did not answer a publication", e);
        }
    }

    /** Until the evidence-service's replica has a recommendation, it refuses evidence for it (422). */
    private static void awaitEvidenceServiceKnows(UUID recommendation) {
        String token = TestTokens.forRole("ngo", "warm-up-" + UUID.randomUUID());
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            String key = UUID.randomUUID().toString();
            return HTTP.post(gatewayApi() + "evidence", token, WriteLoad.evidence(recommendation, key),
                    Map.of("Idempotency-Key", key)).status();
        }, status -> status == 201);
    }

    private static String gatewayApi() {
        return gateway.url() + "/api/v1/";
    }

    private static Map<String, String> service(Map<String, String> settings) {
        Map<String, String> environment = new HashMap<>(RunningServices.environment(settings));
        // As the services' own tests do: after an outage the relay tries again within 2 s, not 15 s.
        environment.put("RECTRACK_OUTBOX_MAX_BACKOFF", "2s");
        // A killed consumer's partitions go to its successor after 10 s rather than Kafka's default 45 s.
        // (kafka.* settings go to every channel; an environment variable cannot name one channel unambiguously.)
        environment.put("KAFKA_SESSION_TIMEOUT_MS", "10000");
        return environment;
    }

    private static ServiceProcess start(String module, Map<String, String> environment) {
        Path log = Path.of("target", "service-logs", "nothing-lost", module + ".log");
        return ServiceProcess.start(module, RunningServices.freePort(), environment, log).awaitReady(STARTUP);
    }
}
