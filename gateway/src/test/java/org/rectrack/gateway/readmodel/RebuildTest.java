package org.rectrack.gateway.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThan;
import static org.rectrack.gateway.TestCallers.as;
import static org.rectrack.gateway.TestEvents.minutesAgo;
import static org.rectrack.gateway.TestEvents.publishAndAwait;

import java.time.Duration;
import java.time.LocalDate;
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
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.events.EventType;
import org.rectrack.events.Topics;
import org.rectrack.events.evidence.Assessment;
import org.rectrack.events.evidence.EvidenceState;
import org.rectrack.events.evidence.Visibility;
import org.rectrack.events.recommendations.RecommendationState;
import org.rectrack.events.recommendations.Tier;
import org.rectrack.gateway.TestEvents;
import org.rectrack.gateway.TestEvents.CountryYear;

/** The read model can be rebuilt from the topics alone, and ends in exactly the state it had. */
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
        publishAndAwait(TestEvents.report(report, 1, where, Tier.TIER_2, minutesAgo(40)));
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

        as("admin").post("/api/v1/admin/rebuild").then().statusCode(200)
                .body("applied", greaterThan(4))
                .body("skipped", greaterThan(0));

        assertThat(dump()).isEqualTo(before).contains(evidence.toString(), "revised");
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
            as("admin").post("/api/v1/admin/rebuild").then().statusCode(200);
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

        as("admin").post("/api/v1/admin/rebuild").then().statusCode(200);

        assertThat(dump()).isEqualTo(afterBusyRebuild);
    }

    @Test
    void eventsPublishedAfterARebuildStillApply() {
        as("admin").post("/api/v1/admin/rebuild").then().statusCode(200);

        CountryYear where = TestEvents.uniqueCountryYear();
        UUID report = UUID.randomUUID();
        publishAndAwait(TestEvents.report(report, 1, where, Tier.TIER_1, minutesAgo(1)));

        as("diplomat").get("/api/v1/reports/" + report).then().statusCode(200);
    }

    @Test
    void onlyAnAdminMayRebuild() {
        as("diplomat").post("/api/v1/admin/rebuild").then().statusCode(403).contentType("application/problem+json");
        RestAssured.post("/api/v1/admin/rebuild").then().statusCode(401).contentType("application/problem+json");
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
