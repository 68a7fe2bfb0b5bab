package org.rectrack.gateway.readmodel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Keeps the consumers and a rebuild apart, across every gateway instance that shares this database: the consumers
 * apply events while the gate is open (many at once, on every instance), a rebuild closes it and has the read model
 * to itself until it has replayed both topics. Without it, a consumer could apply version 5 of an aggregate into the
 * wiped model before the replay reached version 1, and the replay would then ignore versions 1 to 4 as old.
 *
 * <p>The gate is a PostgreSQL advisory lock, so it holds wherever the read model is written, whichever instance
 * writes it, with no coordination of our own: each consumer's apply transaction takes it shared
 * ({@code pg_advisory_xact_lock_shared}, released at commit or rollback), a rebuild takes it exclusive for the whole
 * wipe and replay on a connection of its own ({@code pg_advisory_lock}, released when it ends or when that
 * connection dies: a rebuilding instance killed with {@code kill -9} never leaves the gate closed). PostgreSQL queues
 * a lock request behind a waiting conflicting one, so a rebuild is not starved by a steady stream of events, and the
 * consumers go on the moment it ends. A consumer waits at most {@link ReadModelConfig#consumerWait()} inside one
 * transaction (well within the transaction timeout), then fails that attempt, which its retry repeats.
 */
@ApplicationScoped
public class RebuildGate {

    /** The lock's two keys: a space of rectrack's own ("rect" in ASCII) and the gate within it. */
    static final int LOCK_SPACE = 0x72656374;
    static final int LOCK_KEY = 1;

    /**
     * Whether anyone holds the gate closed: a rebuild runs on some instance. PostgreSQL shows a two-key advisory lock
     * with the keys as {@code classid} and {@code objid} and {@code objsubid} 2.
     */
    static final String CLOSED_BY_ANYONE = "exists (select 1 from pg_locks where locktype = 'advisory'"
            + " and database = (select oid from pg_database where datname = current_database())"
            + " and classid = " + LOCK_SPACE + " and objid = " + LOCK_KEY + " and objsubid = 2"
            + " and mode = 'ExclusiveLock' and granted)";

    private final EntityManager entityManager;
    private final ReadModelConfig config;

    RebuildGate(EntityManager entityManager, ReadModelConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    /**
     * Runs {@code work} in a transaction that holds the gate open: no rebuild on any instance starts before it
     * commits, and it waits while one runs.
     *
     * @throws jakarta.persistence.PersistenceException when a rebuild held the gate longer than
     *                                                   {@link ReadModelConfig#consumerWait()} (try again)
     */
    @Transactional
    public <T> T whileOpen(Supplier<T> work) {
        entityManager.createNativeQuery("select set_config('lock_timeout', :wait, true)")
                .setParameter("wait", config.consumerWait().toMillis() + "ms").getSingleResult();
        entityManager.createNativeQuery("select count(*) from (select pg_advisory_xact_lock_shared(:space, :key)) as gate")
                .setParameter("space", LOCK_SPACE).setParameter("key", LOCK_KEY).getSingleResult();
        return work.get();
    }

    /**
     * Closes the gate for the session of {@code connection}, once the transactions that hold it open have ended,
     * waiting for them at most {@code wait}. It stays closed until {@link #open} or until the connection ends.
     *
     * @throws SQLException when it could not be closed in time (SQLSTATE 55P03) or the database is away
     */
    void close(Connection connection, Duration wait) throws SQLException {
        try (PreparedStatement timeout = connection.prepareStatement("select set_config('lock_timeout', ?, false)")) {
            timeout.setString(1, wait.toMillis() + "ms");
            timeout.executeQuery().close();
        }
        try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_lock(?, ?)")) {
            lock.setInt(1, LOCK_SPACE);
            lock.setInt(2, LOCK_KEY);
            lock.executeQuery().close();
        } finally {
            // The connection goes back to the pool afterwards: no other use of it should meet this timeout.
            try (PreparedStatement reset = connection.prepareStatement("reset lock_timeout")) {
                reset.execute();
            }
        }
    }

    /** Whether the session of {@code connection} still holds the gate closed (false when the connection died). */
    boolean closedBy(Connection connection) {
        try (PreparedStatement held = connection.prepareStatement("select count(*) from pg_locks where pid = pg_backend_pid()"
                + " and locktype = 'advisory' and classid = ? and objid = ? and objsubid = 2 and mode = 'ExclusiveLock'"
                + " and granted")) {
            held.setInt(1, LOCK_SPACE);
            held.setInt(2, LOCK_KEY);
            try (ResultSet result = held.executeQuery()) {
                return result.next() && result.getLong(1) == 1;
            }
        } catch (SQLException e) {
            return false;
        }
    }

    /** Opens the gate that {@link #close} closed on this connection. */
    void open(Connection connection) throws SQLException {
        try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?, ?)")) {
            unlock.setInt(1, LOCK_SPACE);
            unlock.setInt(2, LOCK_KEY);
            unlock.executeQuery().close();
        }
    }
}
