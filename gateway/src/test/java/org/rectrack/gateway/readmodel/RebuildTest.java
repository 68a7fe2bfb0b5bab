package org.rectrack.gateway.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.rectrack.gateway.TestCallers.as;
import static org.rectrack.gateway.TestEvents.minutesAgo;
import static org.rectrack.gateway.TestEvents.publishAndAwait;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.deploy.infra.testing.TestTokens;
import org.rectrack.events.EventEnvelope;
import org.rectrack.events.EventType;
import org.rectrack.events.Topics;
import org.rectrack.events.evidence.Assessment;
import org.rectrack.events.evidence.EvidenceChanged;
import org.rectrack.events.evidence.EvidenceState;
import org.rectrack.events.evidence.Visibility;
import org.rectrack.events.recommendations.RecommendationState;
import org.rectrack.events.recommendations.Tier;
import org.rectrack.gateway.TestEvents;
import org.rectrack.gateway.TestEvents.CountryYear;

/**
 * The read model can be rebuilt from the topics alone, as a job, and ends in exactly the state it had; one rebuild at
 * a time across gateway instances, whose consumers wait while it runs (another instance is played by a database
 * session of the test's own, {@link AnotherGateway}).
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class RebuildTest {

    /** Every row of the read model and the inbox, minus what only says when or in which order rows were written. */
    private static final List<String> DUMP = List.of(
            "select coalesce(string_agg((to_jsonb(r) - 'seq')::text, E'\\n' order by r.report_id, r.version), '')"
                    + " from report_version r",
            "select coalesce(string_agg((to_jsonb(r) - 'seq')::text, E'\\n' order by r.recommendation_id, r.version), '')"
                    + " from recommendation_version r",
            "select coalesce(string_agg((to_jsonb(e) - 'seq')::text, E'\\n' order by e.evidence_id, e.version), '')"
                    + " from evidence_version e",
            "select coalesce(string_agg(e.evidence_id || '/' || e.version || ' ' || (to_jsonb(l) - 'evidence_seq')::text,"
                    + " E'\\n' order by e.evidence_id, e.version, l.position), '')"
                    + " from evidence_version_link l join evidence_version e on e.seq = l.evidence_seq",
            "select coalesce(string_agg(e.evidence_id || '/' || e.version || ' ' || (to_jsonb(t) - 'evidence_seq')::text,"
                    + " E'\\n' order by e.evidence_id, e.version, t.position), '')"
                    + " from evidence_version_transition t join evidence_version e on e.seq = t.evidence_seq",
            "select coalesce(string_agg((to_jsonb(a) - 'applied_at')::text, E'\\n' order by a.aggregate_type,"
                    + " a.aggregate_id), '') from applied_version a");

    @Inject
    ConsumerLag lag;

    @Test
    void aRebuildFromTheTopicsYieldsTheSameReadModel() {
        CountryYear where = TestEvents.uniqueCountryYear();
        UUID report = UUID.randomUUID();
        UUID recommendation = UUID.randomUUID();
        UUID evidence = UUID.randomUUID();
        // A time finer than a microsecond, as the services' clocks give: half a microsecond over, which the JDBC
        // driver rounds up and PostgreSQL, reading it as text, rounded down.
        publishAndAwait(TestEvents.report(report, 1, where, Tier.TIER_2,
                minutesAgo(40).truncatedTo(ChronoUnit.SECONDS).plusNanos(585_894_500)));
        publishAndAwait(TestEvents.recommendation(recommendation, 1, report, where, 1, "as published", null,
                RecommendationState.ACTIVE, minutesAgo(40)));
        publishAndAwait(TestEvents.recommendation(recommendation, 2, report, where, 1, "revised", null,
                RecommendationState.ACTIVE, minutesAgo(35)));
        publishAndAwait(TestEvents.evidence(evidence, 1, recommendation, Assessment.ADVANCES, LocalDate.of(2023, 3, 1),
                "ngo-a", Visibility.RESTRICTED, EvidenceState.SUBMITTED, minutesAgo(30)));
        publishAndAwait(TestEvents.evidence(evidence, 2, recommendation, Assessment.ADVANCES, LocalDate.of(2023, 3, 1),
                "ngo-a", Visibility.RESTRICTED, EvidenceState.VERIFIED, minutesAgo(20)));
        TestEvents.send(Topics.EVIDENCE, UUID.randomUUID().toString(), "not an event");
        TestEvents.publish(TestEvents.recommendation(recommendation, 1, report, where, 1, "late and old", null,
                RecommendationState.WITHDRAWN, minutesAgo(45)));
        awaitNoLag();
        String before = dump();

        String location = as("admin").post("/api/v1/admin/rebuilds").then().statusCode(202)
                .body("state", equalTo("STARTED"))
                .header("Location", containsString("/api/v1/admin/rebuilds/"))
                .extract().header("Location");
        JsonPath finished = awaitEnd(location);

        assertThat(finished.getString("state")).isEqualTo("FINISHED");
        assertThat(finished.getString("startedBy")).isEqualTo("admin@" + TestTokens.DEFAULT_ORG);
        assertThat(finished.getLong("applied")).isGreaterThan(4);
        assertThat(finished.getLong("skipped")).isPositive();
        assertThat(Instant.parse(finished.getString("finishedAt"))).isAfterOrEqualTo(Instant.parse(finished.getString("startedAt")));
        assertThat(finished.getList("progress.topic")).containsExactly(Topics.RECOMMENDATIONS, Topics.EVIDENCE);
        assertThat(finished.getList("progress.replayed")).isEqualTo(finished.getList("progress.total"))
                .allSatisfy(replayed -> assertThat(((Number) replayed).longValue()).isPositive());
        assertThat(finished.getString("error")).isNull();
        assertThat(dump()).isEqualTo(before).contains(evidence.toString(), "revised");
    }

    @Test
    void anUnstorableEventAmongOthersIsSkippedByTheRebuildAndTheOthersApplied() {
        CountryYear where = TestEvents.uniqueCountryYear();
        UUID report = UUID.randomUUID();
        UUID recommendation = UUID.randomUUID();
        publishAndAwait(TestEvents.report(report, 1, where, Tier.TIER_2, minutesAgo(30)));
        publishAndAwait(TestEvents.recommendation(recommendation, 1, report, where, 1, "as published", null,
                RecommendationState.ACTIVE, minutesAgo(30)));
        JsonPath baseline = rebuild();
        UUID before = UUID.randomUUID();
        UUID unstorable = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        // One key, so one partition: the three follow one another, and a rebuild replays them in one batch.
        String key = UUID.randomUUID().toString();
        TestEvents.send(Topics.EVIDENCE, key, TestEvents.publishable(batchEvidence(before, recommendation)));
        // Readable, but PostgreSQL refuses text with a NUL character.
        TestEvents.send(Topics.EVIDENCE, key, TestEvents.publishable(batchEvidence(unstorable, recommendation))
                .replace("\"organisation\":\"ngo-batch\"", "\"organisation\":\"ngo-\\u0000\""));
        TestEvents.send(Topics.EVIDENCE, key, TestEvents.publishable(batchEvidence(after, recommendation)));
        TestEvents.awaitVersion(EventType.EVIDENCE_CHANGED.name(), after, 1);

        JsonPath rebuilt = rebuild();

        assertThat(rebuilt.getLong("skipped")).isEqualTo(baseline.getLong("skipped") + 1);
        assertThat(rebuilt.getLong("applied")).isEqualTo(baseline.getLong("applied") + 2);
        // FINISHED is written just before the gate opens and the watermark is measured again: answers trail it a moment.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            as("reviewer", "board").get("/api/v1/evidence/" + before).then().statusCode(200)
                    .body("organisation", equalTo("ngo-batch"));
            as("reviewer", "board").get("/api/v1/evidence/" + after).then().statusCode(200)
                    .body("organisation", equalTo("ngo-batch"));
        });
        as("reviewer", "board").get("/api/v1/evidence/" + unstorable).then().statusCode(404);
    }

    @Test
    void aRebuildWhileEventsKeepArrivingEndsAsAQuietRebuildDoes() throws Exception {
        CountryYear where = TestEvents.uniqueCountryYear();
        UUID report = UUID.randomUUID();
        publishAndAwait(TestEvents.report(report, 1, where, Tier.TIER_2, minutesAgo(60)));
        List<UUID> recommendations = IntStream.range(0, 5).mapToObj(i -> UUID.randomUUID()).toList();
        List<UUID> evidence = IntStream.range(0, 5).mapToObj(i -> UUID.randomUUID()).toList();
        Map<UUID, Long> published = new ConcurrentHashMap<>();
        AtomicBoolean rebuilt = new AtomicBoolean();
        AtomicLong duringRebuild = new AtomicLong();
        AtomicBoolean rebuilding = new AtomicBoolean();
        // Keeps publishing new versions of ten aggregates on both topics, round and round, until the rebuild is over.
        Runnable publisher = () -> {
            for (int i = 0; !rebuilt.get() || i < 40; i++) {
                boolean evidenceTurn = i % 2 == 0;
                UUID id = (evidenceTurn ? evidence : recommendations).get((i / 2) % 5);
                long version = published.merge(id, 1L, Long::sum);
                TestEvents.publish(evidenceTurn
                        ? TestEvents.evidence(id, version, recommendations.getFirst(), Assessment.ADVANCES,
                                LocalDate.of(2023, 3, 1), "ngo-busy", Visibility.PUBLIC,
                                version % 2 == 0 ? EvidenceState.VERIFIED : EvidenceState.SUBMITTED, minutesAgo(50))
                        : TestEvents.recommendation(id, version, report, where, (i / 2) % 5 + 1, "wording " + version,
                                null, RecommendationState.ACTIVE, minutesAgo(50)));
                if (rebuilding.get()) {
                    duringRebuild.incrementAndGet();
                }
            }
        };
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> publishing = pool.submit(publisher);
            await().atMost(Duration.ofSeconds(30)).until(() -> published.values().stream().mapToLong(Long::longValue).sum() >= 10);
            rebuilding.set(true);
            rebuild();
            rebuilding.set(false);
            rebuilt.set(true);
            publishing.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("published %d events, %d of them while the rebuild ran%n",
                published.values().stream().mapToLong(Long::longValue).sum(), duringRebuild.get());
        assertThat(duringRebuild.get()).as("events published while the rebuild ran").isPositive();
        published.forEach((id, last) -> TestEvents.awaitVersion(
                evidence.contains(id) ? EventType.EVIDENCE_CHANGED.name() : EventType.RECOMMENDATION_CHANGED.name(), id, last));
        String afterBusyRebuild = dump();
        published.forEach((id, last) -> assertThat(versionsStored(id, evidence.contains(id)))
                .as("versions of %s in the read model", id)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList()));

        rebuild();

        assertThat(dump()).isEqualTo(afterBusyRebuild);
    }

    @Test
    void eventsPublishedAfterARebuildStillApply() {
        rebuild();

        CountryYear where = TestEvents.uniqueCountryYear();
        UUID report = UUID.randomUUID();
        publishAndAwait(TestEvents.report(report, 1, where, Tier.TIER_1, minutesAgo(1)));

        as("diplomat").get("/api/v1/reports/" + report).then().statusCode(200);
    }

    @Test
    void onlyAnAdminMayRebuild() {
        as("diplomat").post("/api/v1/admin/rebuilds").then().statusCode(403).contentType("application/problem+json");
        RestAssured.post("/api/v1/admin/rebuilds").then().statusCode(401).contentType("application/problem+json");
        as("diplomat").get("/api/v1/admin/rebuilds/" + UUID.randomUUID()).then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void anUnknownRebuildIsNotFound() {
        UUID unknown = UUID.randomUUID();
        as("admin").get("/api/v1/admin/rebuilds/" + unknown).then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString(unknown.toString()));
    }

    @Test
    void aSecondStartWhileARebuildIsUnderWayIsAConflictNamingIt() throws SQLException {
        String first;
        try (Connection consumer = AnotherGateway.connect()) {
            // A consumer's apply transaction under way, as on any instance: the rebuild waits for it to end.
            consumer.setAutoCommit(false);
            AnotherGateway.execute(consumer, "select pg_advisory_xact_lock_shared(" + RebuildGate.LOCK_SPACE + ", "
                    + RebuildGate.LOCK_KEY + ")");
            first = as("admin").post("/api/v1/admin/rebuilds").then().statusCode(202).extract().header("Location");
            String firstId = first.substring(first.lastIndexOf('/') + 1);

            as("admin").post("/api/v1/admin/rebuilds").then().statusCode(409).contentType("application/problem+json")
                    .body("detail", containsString(firstId));
            consumer.commit();
        }
        assertThat(awaitEnd(first).getString("state")).isEqualTo("FINISHED");
        rebuild();
    }

    @Test
    void whileAnotherInstanceRebuildsTheConsumersHereWait() throws SQLException {
        CountryYear where = TestEvents.uniqueCountryYear();
        UUID report = UUID.randomUUID();
        try (Connection rebuilding = AnotherGateway.connect()) {
            AnotherGateway.execute(rebuilding, "select pg_advisory_lock(" + RebuildGate.LOCK_SPACE + ", "
                    + RebuildGate.LOCK_KEY + ")");
            TestEvents.publish(TestEvents.report(report, 1, where, Tier.TIER_2, minutesAgo(5)));

            await().atMost(Duration.ofSeconds(30)).until(RebuildTest::consumersWaitingAtTheGate, waiting -> waiting > 0);
            assertThat(TestEvents.appliedVersion(EventType.REPORT_CHANGED.name(), report)).isZero();
        }
        TestEvents.awaitVersion(EventType.REPORT_CHANGED.name(), report, 1);
    }

    @Test
    void whileAnotherInstanceRebuildsAnswersSayTheReadModelIsNotReadyRatherThanNotFound() throws SQLException {
        UUID report = UUID.randomUUID();
        TestEvents.publishAndAwait(TestEvents.report(report, 1, TestEvents.uniqueCountryYear(), Tier.TIER_2,
                minutesAgo(5)));
        as("diplomat", "").get("/api/v1/reports/" + report).then().statusCode(200);

        try (Connection rebuilding = AnotherGateway.connect()) {
            AnotherGateway.execute(rebuilding, "select pg_advisory_lock(" + RebuildGate.LOCK_SPACE + ", "
                    + RebuildGate.LOCK_KEY + ")");
            // The model is being wiped and replayed: what it holds says nothing, not even that a report does not exist.
            int status = await().atMost(Duration.ofSeconds(30)).until(
                    () -> as("diplomat", "").get("/api/v1/reports/" + report).statusCode(), code -> code != 200);
            assertThat(status).as("an answer while the read model is rebuilt").isEqualTo(503);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> as("diplomat", "").get("/api/v1/reports/" + report).then().statusCode(200));
    }

    @Test
    void aRebuildWhoseInstanceDiedIsFailedAndAnotherMayStart() throws SQLException {
        UUID orphan = UUID.randomUUID();
        String instance = "4242@gateway-" + orphan.toString().substring(0, 8);
        String location;
        try (Connection other = AnotherGateway.connect()) {
            AnotherGateway.execute(other, "select pg_advisory_lock(" + RebuildGate.LOCK_SPACE + ", " + RebuildGate.LOCK_KEY + ")");
            AnotherGateway.execute(other, "insert into rebuild_job (id, state, started_by, instance, started_at, heartbeat_at,"
                    + " progress, applied, ignored, skipped) values ('" + orphan + "', 'RUNNING', 'admin@elsewhere', '"
                    + instance + "', now(), now(), '[]', 0, 0, 0)");
            as("admin").post("/api/v1/admin/rebuilds").then().statusCode(409).body("detail", containsString(orphan.toString()));
            as("admin").get("/api/v1/admin/rebuilds/" + orphan).then().statusCode(200).body("state", equalTo("RUNNING"));
        } // the other instance dies: its connection, and with it the rebuild lock, is gone

        as("admin").get("/api/v1/admin/rebuilds/" + orphan).then().statusCode(200)
                .body("state", equalTo("FAILED"))
                .body("error", containsString(instance))
                .body("finishedAt", notNullValue());
        location = as("admin").post("/api/v1/admin/rebuilds").then().statusCode(202).extract().header("Location");
        assertThat(awaitEnd(location).getString("state")).isEqualTo("FINISHED");
    }

    @Test
    void aRebuildThatNeverBeganIsFailedOnceItsHeartbeatIsOld() throws SQLException {
        UUID abandoned = UUID.randomUUID();
        try (Connection other = AnotherGateway.connect()) {
            AnotherGateway.execute(other, "insert into rebuild_job (id, state, started_by, instance, started_at, heartbeat_at,"
                    + " progress, applied, ignored, skipped) values ('" + abandoned + "', 'STARTED', 'admin@elsewhere',"
                    + " '4243@gone', now() - interval '1 hour', now() - interval '1 hour', '[]', 0, 0, 0)");
        }

        as("admin").get("/api/v1/admin/rebuilds/" + abandoned).then().statusCode(200)
                .body("state", equalTo("FAILED"))
                .body("error", containsString("4243@gone"));
        rebuild();
    }

    private static EventEnvelope<EvidenceChanged> batchEvidence(UUID id, UUID recommendation) {
        return TestEvents.evidence(id, 1, recommendation, Assessment.ADVANCES, LocalDate.of(2023, 3, 1), "ngo-batch",
                Visibility.PUBLIC, EvidenceState.SUBMITTED, minutesAgo(20));
    }

    /** Starts a rebuild and waits until it has finished. */
    private static JsonPath rebuild() {
        String location = as("admin").post("/api/v1/admin/rebuilds").then().statusCode(202).extract().header("Location");
        JsonPath ended = awaitEnd(location);
        assertThat(ended.getString("state")).as("rebuild %s: %s", location, ended.prettify()).isEqualTo("FINISHED");
        return ended;
    }

    /** Polls the rebuild at {@code location} until it is FINISHED or FAILED. */
    private static JsonPath awaitEnd(String location) {
        return await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> as("admin").get(location).then().statusCode(200).extract().jsonPath(),
                        job -> !List.of("STARTED", "RUNNING").contains(job.getString("state")));
    }

    private static long consumersWaitingAtTheGate() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) TestEvents.entityManager().createNativeQuery(
                "select count(*) from pg_locks where locktype = 'advisory' and classid = " + RebuildGate.LOCK_SPACE
                        + " and objid = " + RebuildGate.LOCK_KEY + " and mode = 'ShareLock' and not granted")
                .getSingleResult()).longValue());
    }

    private void awaitNoLag() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> lag.measure()
                .map(values -> values.equals(Map.of(Topics.RECOMMENDATIONS, 0L, Topics.EVIDENCE, 0L))).orElse(false));
    }

    private static List<Long> versionsStored(UUID id, boolean evidence) {
        String query = evidence
                ? "select version from evidence_version where evidence_id = :id order by version"
                : "select version from recommendation_version where recommendation_id = :id order by version";
        return QuarkusTransaction.requiringNew().call(() -> TestEvents.entityManager().createNativeQuery(query, Long.class)
                .setParameter("id", id).getResultList().stream().map(Long.class::cast).toList());
    }

    private static String dump() {
        return QuarkusTransaction.requiringNew().call(() -> {
            StringBuilder dump = new StringBuilder();
            for (String query : DUMP) {
                dump.append(TestEvents.entityManager().createNativeQuery(query).getSingleResult()).append("\n--\n");
            }
            return dump.toString();
        });
    }
}
