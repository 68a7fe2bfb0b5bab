package org.rectrack.gateway.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.KafkaBrokerControl;
import org.rectrack.deploy.infra.testing.TestTokens;
import org.rectrack.events.outbox.OutboxRelay;
import org.rectrack.gateway.endtoend.Http.Reply;

/**
 * Several instances of every service on one Kafka broker and one PostgreSQL server, as the README's "Several
 * instances" promises: two recommendations-services, two evidence-services (each pair sharing its database) and two
 * gateways (sharing one read model and one consumer group), each gateway routing to both instances of each service.
 * Every service runs from its packaged jar as a child process, so that it can be killed with {@code kill -9}. Runs in
 * {@code ./mvnw verify} after the gateway is packaged (failsafe).
 *
 * <p>Under writes through both gateways, it kills the evidence-service instance that is sending the outbox (the one
 * {@code pg_locks} shows holding the relay's advisory lock) and then one gateway, restarting each. What it proves:
 * the other instance's relay takes over the rows the dead one left, and no event is lost, sent out of order or
 * sent as two different events for one version; the consumer group hands the dead gateway's partitions to the one
 * left; and afterwards both gateways answer the same status and evidence for the same {@code asOf} and
 * {@code knownAt}, equal to what the evidence-service holds.
 */
class SeveralInstancesIT {

    private static final int INSTANCES = 2;
    /** The gateways' consumer group (gateway's application.properties), shared by every gateway. */
    private static final String GATEWAY_GROUP = "gateway";
    private static final Http HTTP = new Http();
    private static final List<ServiceProcess> RECOMMENDATIONS_SERVICES = new ArrayList<>();
    private static final List<ServiceProcess> EVIDENCE_SERVICES = new ArrayList<>();
    private static final List<ServiceProcess> GATEWAYS = new ArrayList<>();
    private static KafkaBrokerControl broker;
    private static Map<String, String> evidenceDatabase;

    @BeforeAll
    static void startTwoOfEachService() {
        Map<String, String> gatewaySettings = RunningServices.infrastructure("gateway_instances");
        broker = KafkaBrokerControl.fromConfig(gatewaySettings.get(KafkaBrokerControl.CONFIG_KEY));
        Map<String, String> recommendationsSettings = RunningServices.infrastructure("recommendations_instances");
        evidenceDatabase = RunningServices.infrastructure("evidence_instances");
        List<CompletableFuture<ServiceProcess>> recommendations = new ArrayList<>();
        List<CompletableFuture<ServiceProcess>> evidence = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            recommendations.add(startAsync("recommendations-service", i, Chaos.environment(recommendationsSettings)));
            evidence.add(startAsync("evidence-service", i, named(Chaos.environment(evidenceDatabase), evidenceServiceName(i))));
        }
        recommendations.forEach(started -> RECOMMENDATIONS_SERVICES.add(started.join()));
        evidence.forEach(started -> EVIDENCE_SERVICES.add(started.join()));

        Map<String, String> environment = Chaos.environment(gatewaySettings);
        environment.put("RECTRACK_SERVICES_RECOMMENDATIONS_ADDRESSES", addresses(RECOMMENDATIONS_SERVICES));
        environment.put("RECTRACK_SERVICES_EVIDENCE_ADDRESSES", addresses(EVIDENCE_SERVICES));
        List<CompletableFuture<ServiceProcess>> gateways = IntStream.range(0, INSTANCES)
                .mapToObj(i -> startAsync("gateway", i, environment)).toList();
        gateways.forEach(started -> GATEWAYS.add(started.join()));
    }

    @AfterAll
    static void stopEveryInstance() {
        for (List<ServiceProcess> instances : List.of(GATEWAYS, EVIDENCE_SERVICES, RECOMMENDATIONS_SERVICES)) {
            instances.forEach(ServiceProcess::close);
        }
    }

    @Test
    void twoOfEachServiceLoseNothingWhenTheSendingRelayAndAGatewayAreKilledAndBothGatewaysThenAnswerAlike()
            throws SQLException {
        // A report through each gateway, so that both recommendations-services' instances may write and relay.
        List<UUID> recommendations = new ArrayList<>(Chaos.publishReport(HTTP, api(0), 2));
        recommendations.addAll(Chaos.publishReport(HTTP, api(1), 2));
        recommendations.forEach(recommendation -> Chaos.awaitEvidenceServiceKnows(HTTP, api(0), recommendation));
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        WriteLoad first = new WriteLoad(HTTP, api(0), recommendations, "instances-ngo-a-" + suffix);
        WriteLoad second = new WriteLoad(HTTP, api(1), recommendations, "instances-ngo-b-" + suffix);
        first.start(2);
        second.start(2);
        Set<String> senders;
        try {
            Chaos.awaitMoreWrites("steady load through both gateways", 30, first, second);
            senders = killTheSendingRelayAndRestartIt(first, second);
            killAGatewayAndRestartIt(1, second, first, second);
        } finally {
            first.stop();
            second.stop();
        }
        System.out.printf("[several-instances] load stopped: %d writes answered 2xx through the first gateway, %d through"
                        + " the second; %d answers lost and retried, %d submissions replayed%n", first.writes(),
                second.writes(), first.lostAnswers() + second.lostAnswers(), first.replayed() + second.replayed());

        Map<UUID, List<String>> acknowledged = new HashMap<>(first.acknowledged());
        acknowledged.putAll(second.acknowledged());
        Map<UUID, JsonNode> owned = Chaos.awaitConverged(HTTP, api(0), EVIDENCE_SERVICES.get(0).url(), recommendations);
        Chaos.awaitConverged(HTTP, api(1), EVIDENCE_SERVICES.get(0).url(), recommendations);
        List<Ledger> ledgers = IntStream.range(0, INSTANCES)
                .mapToObj(gateway -> Ledger.check(acknowledged, owned, Chaos.shownBy(HTTP, api(gateway), recommendations)))
                .toList();
        TopicCheck topic = TopicCheck.read(broker.bootstrapServers(), owned);
        Answers answers = Answers.compare(recommendations, owned);
        String rebuild = rebuildAskedOfBothGateways();
        Answers afterRebuild = Answers.compare(recommendations, owned);
        System.out.printf("[several-instances] relays seen sending %s; writes %d, pieces of evidence %d, events on %s %d"
                        + " (%d sent twice), out of order %d, two events for one version %d; gateways lost %s, differing"
                        + " from the evidence-service %s; answers compared %d, differing between the gateways %d%n",
                senders, Chaos.writes(first, second), owned.size(), TopicCheck.EVIDENCE_TOPIC, topic.records(),
                topic.redelivered(), topic.outOfOrder().size(), topic.conflicting().size(),
                ledgers.stream().map(ledger -> ledger.lost().size()).toList(),
                ledgers.stream().map(ledger -> ledger.differing().size()).toList(), answers.compared(),
                answers.differing().size());
        System.out.printf("[several-instances] rebuild asked of both gateways at once: %s; afterwards answers compared"
                + " %d, differing %d%n", rebuild, afterRebuild.compared(), afterRebuild.differing().size());

        assertThat(first.unexpected()).as("answers no fault explains, first gateway").isEmpty();
        assertThat(second.unexpected()).as("answers no fault explains, second gateway").isEmpty();
        assertThat(owned.keySet()).as("evidence the evidence-service holds").containsAll(acknowledged.keySet());
        for (int gateway = 0; gateway < INSTANCES; gateway++) {
            Ledger ledger = ledgers.get(gateway);
            assertThat(ledger.lost()).as("writes answered 2xx that gateway %d does not show", gateway).isEmpty();
            assertThat(ledger.doubled()).as("transitions gateway %d shows twice", gateway).isEmpty();
            assertThat(ledger.differing()).as("gateway %d's evidence against the evidence-service's", gateway).isEmpty();
        }
        assertThat(topic.outOfOrder()).as("evidence whose versions on the topic are not 1..n in order").isEmpty();
        assertThat(topic.conflicting()).as("evidence versions with two different events on the topic").isEmpty();
        assertThat(answers.differing()).as("answers that differ between the gateways or from the evidence-service")
                .isEmpty();
        assertThat(afterRebuild.differing()).as("answers that differ after the rebuild").isEmpty();
    }

    // --- faults

    /**
     * Waits until both evidence-service instances have been seen sending (each relay runs, one at a time), kills with
     * {@code kill -9} the one sending at that moment, waits until the other has sent every row the dead one left
     * waiting (while it is still down, so nobody else could have), and restarts it. Returns the relays seen sending.
     */
    private static Set<String> killTheSendingRelayAndRestartIt(WriteLoad... loads) throws SQLException {
        try (Connection database = evidenceDatabase()) {
            Set<String> seen = new HashSet<>();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                    .alias("both evidence-service instances seen holding the relay's lock")
                    .until(() -> {
                        relaySender(database).ifPresent(seen::add);
                        return seen.size() == INSTANCES;
                    });
            String sender = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(2))
                    .until(() -> relaySender(database).orElse(null), name -> name != null);
            int instance = IntStream.range(0, INSTANCES).mapToObj(SeveralInstancesIT::evidenceServiceName).toList()
                    .indexOf(sender);
            assertThat(instance).as("the instance named %s", sender).isNotNegative();
            ServiceProcess killed = EVIDENCE_SERVICES.get(instance);
            killed.kill();
            long waiting = count(database, "select coalesce(max(seq), 0) from outbox_event");
            long left = count(database, "select count(*) from outbox_event where seq <= " + waiting);
            System.out.printf("[several-instances] kill -9 %s while it held the relay's lock, at %d writes; %d outbox rows"
                    + " waiting%n", sender, Chaos.writes(loads), left);
            await().atMost(Duration.ofSeconds(30)).alias("the other instance sends the rows the dead one left")
                    .until(() -> count(database, "select count(*) from outbox_event where seq <= " + waiting) == 0);
            Chaos.awaitMoreWrites("one evidence-service instance down", 20, loads);
            EVIDENCE_SERVICES.set(instance, killed.restart().awaitReady(Chaos.STARTUP));
            System.out.printf("[several-instances] %s restarted at %d writes%n", sender, Chaos.writes(loads));
            Chaos.awaitMoreWrites("after " + sender + " restarted", 30, loads);
            return seen;
        }
    }

    /**
     * Kills gateway {@code index} mid-stream, lets its clients meet the outage, waits until the consumer group has
     * handed all its partitions to the gateway left, restarts it, and waits for writes.
     */
    private static void killAGatewayAndRestartIt(int index, WriteLoad itsLoad, WriteLoad... loads) {
        Assignment both = gatewayGroup();
        assertThat(both.members()).as("consumers in the gateways' one group: one per topic per gateway")
                .isEqualTo(2 * INSTANCES);
        long before = Chaos.writes(loads);
        long lostBefore = itsLoad.lostAnswers();
        GATEWAYS.get(index).kill();
        System.out.printf("[several-instances] kill -9 gateway %d at %d writes; the group's consumers %d, holding %d"
                + " partitions%n", index, before, both.members(), both.partitions());
        await().atMost(Duration.ofSeconds(30)).until(() -> itsLoad.lostAnswers() >= lostBefore + 4);
        // Each gateway has one consumer per topic in the group: the one left holds every partition with its own two.
        Assignment left = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .alias("the gateway left holds every partition of the group")
                .until(SeveralInstancesIT::gatewayGroup,
                        group -> group.members() == both.members() / INSTANCES && group.partitions() == both.partitions());
        System.out.printf("[several-instances] the gateway left holds all %d partitions with %d consumers%n",
                left.partitions(), left.members());
        Chaos.awaitMoreWrites("gateway " + index + " down: the other one goes on", 10, loads);
        GATEWAYS.set(index, GATEWAYS.get(index).restart().awaitReady(Chaos.STARTUP));
        System.out.printf("[several-instances] gateway %d restarted at %d writes (%d answers lost meanwhile)%n", index,
                Chaos.writes(loads), itsLoad.lostAnswers() - lostBefore);
        Chaos.awaitMoreWrites("after gateway " + index + " restarted", 30, loads);
    }

    /**
     * Asks both gateways at once to rebuild the read model: one runs it and the other answers 409 naming it (one
     * rebuild at a time across the instances sharing the read model); the job is followed through the gateway that
     * did not run it, until FINISHED. Returns what happened, for the log.
     */
    private static String rebuildAskedOfBothGateways() {
        String admin = TestTokens.forRole("admin", "");
        List<CompletableFuture<Reply>> asked = IntStream.range(0, INSTANCES).mapToObj(gateway ->
                CompletableFuture.supplyAsync(() -> {
                    try {
                        return HTTP.post(api(gateway) + "admin/rebuilds", admin, null, Map.of());
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException("gateway " + gateway + " did not answer the rebuild", e);
                    }
                })).toList();
        List<Reply> answers = asked.stream().map(CompletableFuture::join).toList();
        assertThat(answers).as("both gateways' answers to a rebuild asked at once").extracting(Reply::status)
                .containsExactlyInAnyOrder(202, 409);
        int runner = answers.get(0).status() == 202 ? 0 : 1;
        String job = answers.get(runner).body().path("id").asText();
        assertThat(answers.get(1 - runner).body().path("detail").asText()).as("the 409 names the rebuild under way")
                .contains(job);
        JsonNode finished = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .alias("the rebuild, followed through the other gateway, ends")
                .until(() -> HTTP.get(api(1 - runner) + "admin/rebuilds/" + job, admin).body(),
                        state -> List.of("FINISHED", "FAILED").contains(state.path("state").asText()));
        assertThat(finished.path("state").asText()).as("the rebuild %s", finished).isEqualTo("FINISHED");
        return "gateway " + runner + " ran it (" + finished.path("applied").asLong() + " events applied), the other"
                + " answered 409";
    }

    /** How many consumers the gateways' consumer group has, and how many partitions they hold among them. */
    private record Assignment(int members, int partitions) {
    }

    private static Assignment gatewayGroup() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GATEWAY_GROUP)).describedGroups()
                    .get(GATEWAY_GROUP).get(10, TimeUnit.SECONDS);
            return new Assignment(group.members().size(), group.members().stream()
                    .mapToInt(member -> member.assignment().topicPartitions().size()).sum());
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not describe the group " + GATEWAY_GROUP, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing the group " + GATEWAY_GROUP, e);
        }
    }

    // --- what the instances answer

    /**
     * Both gateways' answers for every recommendation and piece of evidence, in one frame: the {@code asOf} and
     * {@code knownAt} the first gateway states by default (its latest change), which the second must state too.
     * Each piece of evidence is also checked against both evidence-service instances' own answer.
     *
     * @param compared  answers compared
     * @param differing each answer that differs, described
     */
    private record Answers(int compared, List<String> differing) {

        static Answers compare(List<UUID> recommendations, Map<UUID, JsonNode> owned) {
            String reader = TestTokens.forRole("reviewer", "chaos-board");
            List<String> differing = new ArrayList<>();
            Map<Integer, JsonNode> defaults = new LinkedHashMap<>();
            for (int gateway = 0; gateway < INSTANCES; gateway++) {
                defaults.put(gateway, get(api(gateway) + "recommendations/" + recommendations.getFirst(), reader));
            }
            String asOf = defaults.get(0).path("asOf").asText();
            String knownAt = defaults.get(0).path("knownAt").asText();
            defaults.forEach((gateway, answer) -> {
                if (!answer.path("asOf").asText().equals(asOf) || !answer.path("knownAt").asText().equals(knownAt)) {
                    differing.add("gateway " + gateway + "'s default frame: asOf " + answer.path("asOf").asText()
                            + ", knownAt " + answer.path("knownAt").asText() + " (gateway 0: " + asOf + ", " + knownAt + ")");
                }
            });
            String frame = "?asOf=" + asOf + "&knownAt=" + knownAt;
            int compared = 0;
            for (UUID recommendation : recommendations) {
                compared += compareGateways("recommendations/" + recommendation + frame, reader, differing).size();
            }
            for (Map.Entry<UUID, JsonNode> evidence : owned.entrySet()) {
                List<JsonNode> answers = compareGateways("evidence/" + evidence.getKey() + frame, reader, differing);
                compared += answers.size();
                for (ServiceProcess instance : EVIDENCE_SERVICES) {
                    JsonNode own = get(instance.url() + "/api/v1/evidence/" + evidence.getKey(), reader);
                    compared++;
                    JsonNode shown = answers.getFirst();
                    if (!own.path("state").equals(shown.path("state")) || !own.path("version").equals(shown.path("version"))
                            || !Ledger.history(own).equals(Ledger.history(shown))) {
                        differing.add("evidence " + evidence.getKey() + ": the gateways show " + shown.path("state")
                                + " v" + shown.path("version") + ", evidence-service at " + instance.address() + " "
                                + own.path("state") + " v" + own.path("version"));
                    }
                }
            }
            return new Answers(compared, differing);
        }

        /** Each gateway's answer to {@code path}; an answer unlike the first gateway's is described in {@code differing}. */
        private static List<JsonNode> compareGateways(String path, String token, List<String> differing) {
            List<JsonNode> answers = new ArrayList<>();
            for (int gateway = 0; gateway < INSTANCES; gateway++) {
                JsonNode answer = get(api(gateway) + path, token);
                if (!answers.isEmpty() && !answer.equals(answers.getFirst())) {
                    differing.add(path + ": gateway 0 answers " + answers.getFirst() + ", gateway " + gateway + " " + answer);
                }
                answers.add(answer);
            }
            return answers;
        }

        /** A 200's body; a knownAt not reached yet (503) is asked again, 30 s at most. */
        private static JsonNode get(String url, String token) {
            Reply reply = await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(500)).until(() -> HTTP.get(url, token), answer -> answer.status() != 503);
            assertThat(reply.status()).as("GET %s answered %s", url, reply).isEqualTo(200);
            return reply.body();
        }
    }

    // --- the evidence-service's database

    /** The instance holding the relay's advisory lock now (its connections' application_name), if any. */
    private static Optional<String> relaySender(Connection database) throws SQLException {
        try (PreparedStatement query = database.prepareStatement("select a.application_name from pg_locks l"
                + " join pg_stat_activity a on a.pid = l.pid"
                + " where l.locktype = 'advisory' and l.granted and a.datname = current_database()"
                + " and l.classid::bigint = ? and l.objid::bigint = ? and l.objsubid = 1")) {
            // PostgreSQL shows a one-key (bigint) advisory lock as its high half in classid, its low half in objid.
            query.setLong(1, OutboxRelay.RELAY_LOCK >>> 32);
            query.setLong(2, OutboxRelay.RELAY_LOCK & 0xFFFF_FFFFL);
            try (ResultSet holder = query.executeQuery()) {
                return holder.next() ? Optional.of(holder.getString(1)) : Optional.empty();
            }
        }
    }

    private static long count(Connection database, String query) throws SQLException {
        try (Statement statement = database.createStatement(); ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static Connection evidenceDatabase() throws SQLException {
        return DriverManager.getConnection(evidenceDatabase.get("quarkus.datasource.jdbc.url"),
                evidenceDatabase.get("quarkus.datasource.username"), evidenceDatabase.get("quarkus.datasource.password"));
    }

    /** The environment with the instance's database connections named {@code name} (pg_stat_activity.application_name). */
    private static Map<String, String> named(Map<String, String> environment, String name) {
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", environment.get("QUARKUS_DATASOURCE_JDBC_URL")
                + (environment.get("QUARKUS_DATASOURCE_JDBC_URL").contains("?") ? "&" : "?") + "ApplicationName=" + name);
        return environment;
    }

    /** What evidence-service instance {@code i} names its database connections. */
    private static String evidenceServiceName(int i) {
        return "evidence-service-" + i;
    }

    // --- setup

    private static CompletableFuture<ServiceProcess> startAsync(String module, int instance, Map<String, String> environment) {
        return CompletableFuture.supplyAsync(() ->
                Chaos.start(module, environment, "several-instances/" + module + "-" + instance));
    }

    private static String addresses(List<ServiceProcess> instances) {
        return String.join(",", instances.stream().map(ServiceProcess::address).toList());
    }

    private static String api(int gateway) {
        return GATEWAYS.get(gateway).url() + "/api/v1/";
    }
}
