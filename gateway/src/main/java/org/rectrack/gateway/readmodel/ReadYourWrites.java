package org.rectrack.gateway.readmodel;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Read your writes: after a write through the gateway, what it wrote is in every answer the gateway gives next.
 * The write's answer waits (bounded by {@code rectrack.read-model.read-your-writes-wait}) until the read model has
 * applied each version the owner's answer names and the {@link KnownAtWatermark} has passed the instant each was
 * recorded: from then on, an answer as known at the latest change includes it, on every gateway instance.
 */
@ApplicationScoped
public class ReadYourWrites {

    /** One version of one aggregate a write produced, as the owner's answer names it. */
    public record Written(UUID aggregateId, long version) {
    }

    /**
     * How often a write's answer looks again without being told to: a fallback, for when {@link ProgressNotifications}
     * is not listening (the database restarting). Every commit of any instance's consumers tells it to.
     */
    private static final long POLL_MILLIS = 100;

    /** Notified whenever a commit of consumers (this instance's or another's) moved the read model. */
    private final Object applied = new Object();

    /** How many such commits this instance has been told of; guarded by {@link #applied}. */
    private long commits;

    private final EntityManager entityManager;
    private final KnownAtWatermark watermark;
    private final ReadModelConfig config;

    ReadYourWrites(EntityManager entityManager, KnownAtWatermark watermark, ReadModelConfig config) {
        this.entityManager = entityManager;
        this.watermark = watermark;
        this.config = config;
    }

    /**
     * Waits until the read model shows every version written (or a later one).
     *
     * @return whether it does within the bound; the write stands either way, and a later read shows it once the
     *         read model catches up
     */
    public boolean await(Collection<Written> written) {
        long deadline = System.nanoTime() + config.readYourWritesWait().toNanos();
        for (Written version : written) {
            Instant recorded = awaitApplied(version, deadline);
            if (recorded == null || !watermark.await(recorded, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                Log.warnf("The read model did not show version %d of %s within %s", version.version(),
                        version.aggregateId(), config.readYourWritesWait());
                return false;
            }
        }
        return true;
    }

    /** The instant the version (or a later one) was recorded, once applied; null if not applied by the deadline. */
    private Instant awaitApplied(Written version, long deadline) {
        while (true) {
            long seen;
            synchronized (applied) {
                seen = commits;
            }
            Instant recorded = recordedAt(version);
            if (recorded != null) {
                return recorded;
            }
            if (System.nanoTime() >= deadline) {
                return null;
            }
            try {
                synchronized (applied) {
                    // A commit told of since the look above counts: looked for again at once, not after the wait.
                    if (commits == seen) {
                        applied.wait(POLL_MILLIS);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    /**
     * Called once consumers have committed a record (or moved past it), this instance's or, through
     * {@link ProgressNotifications}, another's: waiting writes look again.
     */
    void recordCommitted() {
        synchronized (applied) {
            commits++;
            applied.notifyAll();
        }
    }

    private Instant recordedAt(Written version) {
        Object recorded = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                select min(recorded_at) from (
                    select recorded_at from report_version where report_id = :id and version >= :version
                    union all
                    select recorded_at from recommendation_version where recommendation_id = :id and version >= :version
                    union all
                    select recorded_at from evidence_version where evidence_id = :id and version >= :version) applied
                """)
                .setParameter("id", version.aggregateId())
                .setParameter("version", version.version())
                .getSingleResult());
        return ReadModelProgress.instant(recorded);
    }
}
