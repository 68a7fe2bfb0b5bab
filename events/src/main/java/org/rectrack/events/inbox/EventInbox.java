package org.rectrack.events.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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

    /**
     * The versions already applied of the aggregates a batch names, their rows locked until the transaction ends (a
     * consumer of the same partition at the same time, during a rebalance, waits for this one).
     */
    private static final String APPLIED = """
            select a.aggregate_type, a.aggregate_id, a.version
              from applied_version a
              join unnest(?::text[], ?::uuid[]) as named(aggregate_type, aggregate_id)
                on a.aggregate_type = named.aggregate_type and a.aggregate_id = named.aggregate_id
             order by a.aggregate_type, a.aggregate_id
               for update of a
            """;

    /**
     * Claims each aggregate's newest version of a batch in one statement: the rows it inserted or moved forward come
     * back, so a version a concurrent consumer claimed first (an aggregate new to this one's look) shows as missing.
     */
    private static final String CLAIM_ALL = """
            insert into applied_version (aggregate_type, aggregate_id, version, event_id, applied_at)
            select aggregate_type, aggregate_id, version, event_id, now()
              from unnest(?::text[], ?::uuid[], ?::int8[], ?::uuid[]) as claimed(aggregate_type, aggregate_id, version,
                   event_id)
            on conflict (aggregate_type, aggregate_id) do update
               set version = excluded.version, event_id = excluded.event_id, applied_at = excluded.applied_at
             where applied_version.version < excluded.version
            returning aggregate_type, aggregate_id
            """;

    /** An aggregate, as {@code applied_version} keys it. */
    private record Aggregate(String type, UUID id) {
    }

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
     * transaction: decides which versions are claimed in the order given (so a second copy of an event, or an older
     * version after a newer one, loses as it would one by one), against the versions already applied, read and locked
     * in one statement; claims each aggregate's newest in a second; then runs {@code apply} with what was claimed, to
     * write those changes. For a replay of many events: a thousand one-row claims, even sent as one JDBC batch, cost a
     * rebuild more than the rows it writes.
     *
     * @param events the events, in the order their records came
     * @param apply  told, for each event by its index in {@code events}, whether its version was claimed (true: it is
     *               to be applied)
     * @return which events were claimed, by index in {@code events}
     * @throws MalformedEventException       when the database refuses the data {@code apply} writes (see
     *                                       {@link #refusesData}); the caller's transaction must then be rolled back
     * @throws ConcurrentlyClaimedException when another transaction claimed a version of one of the aggregates
     *                                       meanwhile (the caller's transaction must be rolled back and the events
     *                                       applied again, which then finds that version)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean[] applyOnce(List<? extends EventEnvelope<?>> events, Consumer<boolean[]> apply) {
        boolean[] claimed = new boolean[events.size()];
        if (events.isEmpty()) {
            return claimed;
        }
        Set<Aggregate> named = new LinkedHashSet<>();
        events.forEach(event -> named.add(new Aggregate(event.type(), event.aggregateId())));
        entityManager.unwrap(Session.class).doWork(connection -> {
            Map<Aggregate, Long> applied = applied(connection, named);
            // Of each aggregate, the newest version claimed so far: what a later event of it must exceed.
            Map<Aggregate, EventEnvelope<?>> newest = new LinkedHashMap<>();
            for (int i = 0; i < events.size(); i++) {
                EventEnvelope<?> event = events.get(i);
                Aggregate aggregate = new Aggregate(event.type(), event.aggregateId());
                EventEnvelope<?> before = newest.get(aggregate);
                long latest = before != null ? before.aggregateVersion()
                        : applied.getOrDefault(aggregate, Long.MIN_VALUE);
                claimed[i] = event.aggregateVersion() > latest;
                if (claimed[i]) {
                    newest.put(aggregate, event);
                }
            }
            // In one order whoever claims: two batches claiming the same new aggregates cannot wait for each other.
            claim(connection, newest.values().stream().sorted(Comparator.comparing((EventEnvelope<?> event) ->
                    event.type()).thenComparing(EventEnvelope::aggregateId)).toList());
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

    /** Another transaction claimed a version of an aggregate of the batch between the batch's look and its claim. */
    public static final class ConcurrentlyClaimedException extends RuntimeException {

        ConcurrentlyClaimedException(String message) {
            super(message);
        }
    }

    /** The versions applied of these aggregates (those with none are left out), their rows locked. */
    private static Map<Aggregate, Long> applied(Connection connection, Collection<Aggregate> aggregates)
            throws SQLException {
        Map<Aggregate, Long> applied = new HashMap<>();
        try (PreparedStatement look = connection.prepareStatement(APPLIED)) {
            look.setArray(1, connection.createArrayOf("text", aggregates.stream().map(Aggregate::type).toArray()));
            look.setArray(2, connection.createArrayOf("uuid", aggregates.stream().map(Aggregate::id).toArray()));
            try (ResultSet rows = look.executeQuery()) {
                while (rows.next()) {
                    applied.put(new Aggregate(rows.getString(1), rows.getObject(2, UUID.class)), rows.getLong(3));
                }
            }
        }
        return applied;
    }

    /** Claims these events' versions, one an aggregate, in one statement. */
    private static void claim(Connection connection, Collection<EventEnvelope<?>> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        int claimed = 0;
        try (PreparedStatement claim = connection.prepareStatement(CLAIM_ALL)) {
            claim.setArray(1, connection.createArrayOf("text", events.stream().map(EventEnvelope::type).toArray()));
            claim.setArray(2, connection.createArrayOf("uuid",
                    events.stream().map(EventEnvelope::aggregateId).toArray()));
            claim.setArray(3, connection.createArrayOf("int8",
                    events.stream().map(EventEnvelope::aggregateVersion).toArray()));
            claim.setArray(4, connection.createArrayOf("uuid", events.stream().map(EventEnvelope::eventId).toArray()));
            try (ResultSet rows = claim.executeQuery()) {
                while (rows.next()) {
                    claimed++;
                }
            }
        }
        if (claimed < events.size()) {
            throw new ConcurrentlyClaimedException((events.size() - claimed) + " of " + events.size()
                    + " aggregates had a version claimed by another transaction meanwhile");
        }
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
