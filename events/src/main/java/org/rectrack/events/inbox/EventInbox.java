package org.rectrack.events.inbox;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.hibernate.Session;
import org.rectrack.events.EventCodec.MalformedEventException;
import org.rectrack.events.EventEnvelope;

/**
 * The consumer side of exactly-once: an event is applied only if its aggregate version is newer
 * than the last one applied, and the new version is recorded in the same transaction as the
 * change it causes. A duplicate, or an older event arriving late, changes nothing.
 */
@ApplicationScoped
public class EventInbox {

    /**
     * Claims a version (type, aggregate id, version, event id): inserts the aggregate's row, or moves it forward; one
     * row affected if the version is newer than the one applied.
     */
    private static final String CLAIM = """
            insert into applied_version (aggregate_type, aggregate_id, version, event_id, applied_at)
            values (?, ?, ?, ?, now())
            on conflict (aggregate_type, aggregate_id) do update
               set version = excluded.version, event_id = excluded.event_id, applied_at = excluded.applied_at
             where applied_version.version < excluded.version
            """;

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
        int claimed = entityManager.createNativeQuery(CLAIM)
                .setParameter(1, event.type())
                .setParameter(2, event.aggregateId())
                .setParameter(3, event.aggregateVersion())
                .setParameter(4, event.eventId())
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
     * Applies many events at once as {@link #applyOnce(EventEnvelope, Runnable)} applies each, in the caller's
     * transaction: claims their versions in the order given, in one JDBC statement batch (so a second copy of an event,
     * or an older version after a newer one, loses as it would one by one), then runs {@code apply} with what was
     * claimed, to write those changes. For a replay of many events, where a round trip per event is the cost.
     *
     * @param events the events, in the order their records came
     * @param apply  told, for each event by its index in {@code events}, whether its version was claimed (true: it is
     *               to be applied)
     * @return which events were claimed, by index in {@code events}
     * @throws MalformedEventException when the database refuses the data {@code apply} writes (see
     *                                 {@link #refusesData}); the caller's transaction must then be rolled back
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean[] applyOnce(List<? extends EventEnvelope<?>> events, Consumer<boolean[]> apply) {
        boolean[] claimed = new boolean[events.size()];
        if (events.isEmpty()) {
            return claimed;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (Statement settings = connection.createStatement();
                    PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                // The same one-row claim, by key, a thousand times: one plan serves any values, where the services
                // otherwise plan each execution for its values (platform's plan_cache_mode), which cost a rebuild a
                // sixth of its time. Until this transaction ends.
                settings.execute("set local plan_cache_mode = auto");
                for (EventEnvelope<?> event : events) {
                    claim.setString(1, event.type());
                    claim.setObject(2, event.aggregateId());
                    claim.setLong(3, event.aggregateVersion());
                    claim.setObject(4, event.eventId());
                    claim.addBatch();
                }
                int[] counts = claim.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] == Statement.SUCCESS_NO_INFO) {
                        // A driver that rewrites batches (reWriteBatchedInserts) cannot say which rows it changed.
                        throw new IllegalStateException("the JDBC driver did not count the claims of a batch");
                    }
                    claimed[i] = counts[i] > 0;
                }
            }
        });
        try {
            apply.accept(claimed);
            entityManager.flush();
        } catch (PersistenceException e) {
            if (refusesData(e)) {
                throw new MalformedEventException("a batch of " + events.size() + " events cannot be stored: "
                        + rootMessage(e));
            }
            throw e;
        }
        return claimed;
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
