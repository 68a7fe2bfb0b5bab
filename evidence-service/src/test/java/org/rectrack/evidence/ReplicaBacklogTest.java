package org.rectrack.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.persistence.EntityManager;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.events.EventEnvelope;
import org.rectrack.events.recommendations.RecommendationState;
import org.rectrack.evidence.replica.KnownRecommendation;

/**
 * A report's publication puts its recommendations on the topic at once, and evidence for them is refused until the
 * replica has applied them. One transaction per event, the replica applied some 125 a second on two busy cores: after
 * a whole year's report was loaded, evidence for a recommendation just published was refused for more than 30 s. Each
 * poll's records now go in one transaction.
 */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class ReplicaBacklogTest {

    private static final int RECOMMENDATIONS = 1000;

    @Test
    void aBacklogIsAppliedAPollAtATimeAndInEachRecommendationsOrder() {
        TestRecommendations.active(); // the replica holds its partitions
        List<UUID> ids = new ArrayList<>();
        List<EventEnvelope<?>> events = new ArrayList<>();
        for (int i = 0; i < RECOMMENDATIONS; i++) {
            ids.add(UUID.randomUUID());
            events.add(TestRecommendations.event(ids.get(i), 1, RecommendationState.ACTIVE));
        }
        // Every tenth is withdrawn at once: its second version comes in the same poll as its first, after it.
        for (int i = 0; i < RECOMMENDATIONS; i += 10) {
            events.add(TestRecommendations.event(ids.get(i), 2, RecommendationState.WITHDRAWN));
        }
        long transactionsBefore = nextTransactionId();
        long started = System.nanoTime();

        TestRecommendations.sendAll(events);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> versions(ids), versions -> IntStream.range(0, RECOMMENDATIONS)
                        .allMatch(i -> versions.getOrDefault(ids.get(i), 0L) == (i % 10 == 0 ? 2 : 1)));

        long transactions = nextTransactionId() - transactionsBefore;
        System.out.printf("%d events applied in %d ms, %d transactions%n", events.size(),
                (System.nanoTime() - started) / 1_000_000, transactions);
        assertThat(transactions).as("transactions that wrote, for %d events", events.size())
                .isLessThan(RECOMMENDATIONS / 10);
        for (int i = 0; i < RECOMMENDATIONS; i += 10) {
            assertThat(TestRecommendations.known(ids.get(i)).orElseThrow().state).isEqualTo(RecommendationState.WITHDRAWN);
            assertThat(TestRecommendations.known(ids.get(i + 1)).orElseThrow().state).isEqualTo(RecommendationState.ACTIVE);
        }
    }

    /** The version of each of these recommendations the replica holds; one it does not know is left out. */
    private static Map<UUID, Long> versions(List<UUID> ids) {
        return QuarkusTransaction.requiringNew().call(() -> KnownRecommendation.<KnownRecommendation> list("id in ?1", ids)
                .stream().collect(Collectors.toMap(known -> known.id, known -> known.version)));
    }

    /** The transaction id PostgreSQL will give the next transaction that writes (it gives none to one that reads). */
    private static long nextTransactionId() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Arc.container().instance(EntityManager.class).get()
                .createNativeQuery("select pg_snapshot_xmax(pg_current_snapshot())::text::bigint").getSingleResult())
                .longValue());
    }
}
