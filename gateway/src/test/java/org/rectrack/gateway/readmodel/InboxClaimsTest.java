package org.rectrack.gateway.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

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
}
