package org.rectrack.gateway.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.events.EventEnvelope;
import org.rectrack.events.inbox.EventInbox;
import org.rectrack.events.inbox.EventInbox.ConcurrentlyClaimedException;

/**
 * The inbox claims a batch's versions as it claims them one by one ({@link EventInbox#applyOnce(List,
 * java.util.function.Consumer)}, what a rebuild and a poll's batch use): a second copy, an older version after a
 * newer one, and a version older than the one applied lose; each aggregate's newest claimed version is recorded.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class InboxClaimsTest {

    private static final String TYPE = "rectrack.test.claimed";

    @Inject
    EventInbox inbox;

    @Inject
    EntityManager entityManager;

    @Test
    void aBatchClaimsWhatOneByOneWouldAndRecordsEachAggregatesNewestVersion() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID appliedBefore = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> inbox.applyOnce(event(appliedBefore, 5), () -> { }));
        List<EventEnvelope<?>> batch = List.of(event(first, 1), event(first, 1), event(second, 3), event(first, 2),
                event(second, 2), event(appliedBefore, 4), event(appliedBefore, 6));

        boolean[] claimed = QuarkusTransaction.requiringNew().call(() -> inbox.applyOnce(batch, told -> { }));

        assertThat(claimed).containsExactly(true, false, true, true, false, false, true);
        assertThat(applied(first)).isEqualTo(2);
        assertThat(applied(second)).isEqualTo(3);
        assertThat(applied(appliedBefore)).isEqualTo(6);
    }

    @Test
    void aVersionAnotherTransactionClaimsMeanwhileFailsTheBatchInsteadOfBeingClaimedTwice() throws Exception {
        UUID aggregate = UUID.randomUUID();
        CountDownLatch claimedElsewhere = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        // Threads of their own: the common pool may have a single one, which the first would keep.
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            inbox.applyOnce(event(aggregate, 2), () -> { });
            claimedElsewhere.countDown();
            awaitQuietly(commit);
        }), threads);
        assertThat(claimedElsewhere.await(30, TimeUnit.SECONDS)).isTrue();
        // This batch looks before the other commits (nothing applied yet), then waits on the other's new row.
        CompletableFuture<boolean[]> batch = CompletableFuture.supplyAsync(() -> QuarkusTransaction.requiringNew()
                .call(() -> inbox.applyOnce(List.of(event(aggregate, 1)), told -> { })), threads);
        await().atMost(Duration.ofSeconds(30)).until(this::aTransactionWaitsForALock);
        commit.countDown();
        other.get(30, TimeUnit.SECONDS);

        assertThat(batch).failsWithin(Duration.ofSeconds(30)).withThrowableThat()
                .havingRootCause().isInstanceOf(ConcurrentlyClaimedException.class);
        assertThat(applied(aggregate)).isEqualTo(2);
        threads.shutdown();
    }

    /** The rows this test claimed go: the read model's tests compare the whole table with a rebuilt one. */
    @AfterEach
    void forgetTheClaims() {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("delete from applied_version where aggregate_type = :type")
                .setParameter("type", TYPE)
                .executeUpdate());
    }

    private static EventEnvelope<String> event(UUID aggregate, long version) {
        return new EventEnvelope<>(UUID.randomUUID(), TYPE, 1, Instant.now(), aggregate, version, null);
    }

    private long applied(UUID aggregate) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select version from applied_version"
                        + " where aggregate_type = :type and aggregate_id = :id")
                .setParameter("type", TYPE)
                .setParameter("id", aggregate)
                .getSingleResult()).longValue());
    }

    private boolean aTransactionWaitsForALock() {
        return QuarkusTransaction.requiringNew().call(() -> (Boolean) entityManager
                .createNativeQuery("select exists (select 1 from pg_locks"
                        + " where locktype = 'transactionid' and not granted)")
                .getSingleResult());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
