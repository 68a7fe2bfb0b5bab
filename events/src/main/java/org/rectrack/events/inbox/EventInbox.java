package org.rectrack.events.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.rectrack.events.EventEnvelope;

/**
 * The consumer side of exactly-once: an event is applied only if its aggregate version is newer
 * than the last one applied, and the new version is recorded in the same transaction as the
 * change it causes. A duplicate, or an older event arriving late, changes nothing.
 */
@ApplicationScoped
public class EventInbox {

    private final EntityManager entityManager;

    EventInbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Applies the event unless this consumer has already applied this or a later version of its aggregate.
     *
     * @return true if {@code apply} ran
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean applyOnce(EventEnvelope<?> event, Runnable apply) {
        // One statement both checks and claims the version, so concurrent consumers cannot both win.
        int claimed = entityManager.createNativeQuery("""
                insert into applied_version (aggregate_type, aggregate_id, version, event_id, applied_at)
                values (:type, :id, :version, :eventId, now())
                on conflict (aggregate_type, aggregate_id) do update
                   set version = excluded.version, event_id = excluded.event_id, applied_at = excluded.applied_at
                 where applied_version.version < excluded.version
                """)
                .setParameter("type", event.type())
                .setParameter("id", event.aggregateId())
                .setParameter("version", event.aggregateVersion())
                .setParameter("eventId", event.eventId())
                .executeUpdate();
        if (claimed == 0) {
            return false;
        }
        apply.run();
        return true;
    }

    /** Forgets everything applied, for a consumer that rebuilds its state from the topics. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetAll() {
        entityManager.createNativeQuery("delete from applied_version").executeUpdate();
    }
}
