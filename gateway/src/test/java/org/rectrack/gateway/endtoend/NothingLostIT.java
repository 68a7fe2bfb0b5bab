package org.rectrack.gateway.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.KafkaBrokerControl;
import org.rectrack.deploy.infra.testing.TestTokens;
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
                load.writes(), TopicCheck.EVIDENCE_TOPIC, topic.records(), topic.redelivered(), ledger.lost().size(),
                ledger.doubled().size() + doubledSubmissions, ledger.differing().size(), topic.outOfOrder().size());

        assertThat(load.unexpected()).as("answers no fault explains").isEmpty();
        assertThat(ledger.lost()).as("writes answered 2xx that the gateway does not show").isEmpty();
        assertThat(ledger.doubled()).as("transitions recorded twice").isEmpty();
        assertThat(perSummary).as("submissions recorded more than once").allSatisfy((summary, count) ->
                assertThat(count).as(summary).isEqualTo(1L));
        assertThat(shown.keySet()).as("evidence the gateway shows").isEqualTo(owned.keySet());
        assertThat(ledger.differing()).as("the gateway's answer against the evidence-service's").isEmpty();
        assertThat(topic.outOfOrder()).as("aggregates whose versions on the topic are not 1..n in order").isEmpty();
        assertThat(topic.conflicting()).as("aggregate versions with two different events on the topic").isEmpty();
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
        gateway = gateway.restart().awaitReady(Chaos.STARTUP);
        retries.put("gateway killed", retryOnceRecorded(token, killed, recommendation));

        Map<UUID, JsonNode> owned = ownedBy(recommendation);
        Map<UUID, JsonNode> shown = await().atMost(Chaos.CONVERGENCE)
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
        ServiceProcess restarted = service.restart().awaitReady(Chaos.STARTUP);
        System.out.printf("[nothing-lost] %s restarted at %d writes (%d answers lost meanwhile)%n",
                name, load.writes(), load.lostAnswers() - lostBefore);
        awaitMoreWrites(load, 40, "after " + name + " restarted");
        return restarted;
    }

    private static void awaitMoreWrites(WriteLoad load, int more, String phase) {
        Chaos.awaitMoreWrites(phase, more, load);
    }

    // --- what the system holds

    private static Map<UUID, JsonNode> awaitGatewayConverged(List<UUID> recommendations) {
        return Chaos.awaitConverged(HTTP, gatewayApi(), evidenceService.url(), recommendations);
    }

    private static Map<UUID, JsonNode> ownedBy(UUID recommendation) {
        return Chaos.ownedBy(HTTP, evidenceService.url(), recommendation);
    }

    private static Map<UUID, JsonNode> gatewayEvidence(List<UUID> recommendations) {
        return Chaos.shownBy(HTTP, gatewayApi(), recommendations);
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

    private static List<UUID> publishReport(int count) {
        return Chaos.publishReport(HTTP, gatewayApi(), count);
    }

    private static void awaitEvidenceServiceKnows(UUID recommendation) {
        Chaos.awaitEvidenceServiceKnows(HTTP, gatewayApi(), recommendation);
    }

    private static String gatewayApi() {
        return gateway.url() + "/api/v1/";
    }

    private static Map<String, String> service(Map<String, String> settings) {
        return Chaos.environment(settings);
    }

    private static ServiceProcess start(String module, Map<String, String> environment) {
        return Chaos.start(module, environment, "nothing-lost/" + module);
    }
}
