package org.rectrack.events.inbox;

import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.rectrack.events.EventCodec.MalformedEventException;
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
     * Applies the event unless this consumer has already applied this or a later version of its aggregate, and
     * writes the change to the database before returning, so that a value the database refuses shows here.
     *
     * @return true if {@code apply} ran
     * @throws MalformedEventException when the database refuses the event's data (see {@link #refusesData}): the
     *                                 event goes to the dead-letter topic at once, since trying again cannot help
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
        try {
            // Rows with generated keys are inserted at once, the others at the flush: both refusals show here.
            apply.run();
            entityManager.flush();
        } catch (PersistenceException e) {
            if (refusesData(e)) {
                throw new MalformedEventException(event.type() + " of " + event.aggregateId()
                        + " cannot be stored: " + rootMessage(e));
            }
            throw e;
        }
        return true;
    }

    /**
     * Whether PostgreSQL refused the data itself (SQLSTATE class 22, data exception: text with a NUL, a value too
     * long; class 23, integrity constraint violation: a null or a failed check), which no retry can change. A
     * unique violation (23505) is left out: it can be a concurrent writer, and a retry then finds the row.
     * Anything else (the connection lost, the database restarting) is a passing failure and is tried again.
     */
    static boolean refusesData(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                return state.startsWith("22") || (state.startsWith("23") && !state.equals("23505"));
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /** Forgets everything applied, for a consumer that rebuilds its state from the topics. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetAll() {
        entityManager.createNativeQuery("delete from applied_version").executeUpdate();
    }
}
