package org.rectrack.gateway.readmodel;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.rectrack.platform.problem.ProblemException;

/**
 * Runs rebuilds of the read model as jobs, outside the HTTP request, one at a time across every gateway instance that
 * shares this database.
 *
 * <p><b>One at a time.</b> A job is a row of {@code rebuild_job}; a unique partial index admits one row STARTED or
 * RUNNING, so of two instances asked at once, one inserts and the other finds the index taken and answers 409 naming
 * the job under way. A 409 rather than a 202 with the running job: that job was started by someone else at another
 * moment (its replay ends at the topics' end as they were then), and a client told "accepted" would believe its own
 * request started something.
 *
 * <p><b>Running.</b> The instance that inserted the job runs it on a thread of its own: it takes a connection of its
 * own, closes the {@link RebuildGate} on it (an advisory lock the consumers of every instance take shared), marks the
 * job RUNNING, wipes and replays ({@link ReadModelRebuild}), marks it FINISHED and opens the gate. After a batch of
 * records, at most every {@link #PROGRESS_SPACING}, it checks on that connection that it still holds the gate, and
 * writes the progress and a heartbeat; having lost the gate (the connection died), it stops and the job fails.
 *
 * <p><b>An instance that died.</b> Its job is seen as FAILED by whichever instance looks next (a GET of the job, or
 * a new start): a RUNNING job whose gate no session holds has lost its instance at once (the lock went with its
 * connection); a STARTED job that never closed the gate has, once it gave no heartbeat for
 * {@link ReadModelConfig#rebuildAbandonedAfter()}. A new rebuild may then be started. A rebuild that failed halfway
 * leaves the read model incomplete (its history partly replayed) until a rebuild finishes.
 */
@ApplicationScoped
public class RebuildJobs {

    /**
     * The least time between two checks of the gate with writes of the progress: each is a query and a transaction,
     * a tenth of the replay's time when done after each of a large rebuild's batches.
     */
    static final Duration PROGRESS_SPACING = Duration.ofMillis(200);

    /** This instance, as the jobs it runs name it. */
    static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

    private final ReadModelRebuild rebuild;
    private final RebuildGate gate;
    private final DataSource dataSource;
    private final EntityManager entityManager;
    private final ReadModelConfig config;
    private final KnownAtWatermark watermark;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("read-model-rebuild").daemon().factory());

    RebuildJobs(ReadModelRebuild rebuild, RebuildGate gate, DataSource dataSource, EntityManager entityManager,
            ReadModelConfig config, KnownAtWatermark watermark) {
        this.watermark = watermark;
        this.rebuild = rebuild;
        this.gate = gate;
        this.dataSource = dataSource;
        this.entityManager = entityManager;
        this.config = config;
    }

    /**
     * Starts a rebuild, which runs after this returns.
     *
     * @param startedBy who asks for it
     * @return the job, STARTED
     * @throws ProblemException 409 when a rebuild is under way on any instance, naming it
     */
    public RebuildJob start(String startedBy) {
        QuarkusTransaction.requiringNew().run(this::failAbandoned);
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        boolean inserted = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                insert into rebuild_job (id, state, started_by, instance, started_at, heartbeat_at, progress, applied,
                                         ignored, skipped)
                values (:id, 'STARTED', :startedBy, :instance, :now, :now, '[]', 0, 0, 0)
                on conflict do nothing
                """)
                .setParameter("id", id).setParameter("startedBy", startedBy).setParameter("instance", INSTANCE)
                .setParameter("now", now).executeUpdate() == 1);
        if (!inserted) {
            throw underWay();
        }
        runner.execute(() -> run(id));
        return find(id).orElseThrow();
    }

    /** The job, as it is now; one whose instance died is FAILED from the first look after. */
    public Optional<RebuildJob> find(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            failAbandoned();
            return Optional.ofNullable(RebuildJob.<RebuildJob> findById(id));
        });
    }

    private ProblemException underWay() {
        Optional<RebuildJob> running = QuarkusTransaction.requiringNew().call(() -> RebuildJob
                .<RebuildJob> find("state in ?1", List.of(RebuildJob.State.STARTED, RebuildJob.State.RUNNING))
                .firstResultOptional());
        return ProblemException.conflict(running
                .map(job -> "rebuild " + job.id + " is under way (" + job.state + ", started by " + job.startedBy + " at "
                        + job.startedAt + "): follow it at admin/rebuilds/" + job.id + " and start another once it ends")
                .orElse("another rebuild was under way a moment ago; try again"));
    }

    /** Marks FAILED every job under way whose instance died: see the class documentation. */
    private void failAbandoned() {
        entityManager.createNativeQuery("update rebuild_job set state = 'FAILED', finished_at = now(), error = case state"
                + " when 'RUNNING' then 'its gateway instance ' || instance || ' lost the rebuild lock: it stopped, or its"
                + " database connection broke; the read model is incomplete until a rebuild finishes'"
                + " else 'its gateway instance ' || instance || ' stopped before the rebuild began' end"
                + " where state in ('STARTED', 'RUNNING') and not " + RebuildGate.CLOSED_BY_ANYONE
                + " and (state = 'RUNNING' or heartbeat_at < now() - make_interval(secs => :abandoned))")
                .setParameter("abandoned", config.rebuildAbandonedAfter().toMillis() / 1000.0)
                .executeUpdate();
    }

    private void run(UUID id) {
        try (Connection connection = dataSource.getConnection()) {
            gate.close(connection, config.rebuildGateWait());
            try {
                if (!update(id, RebuildJob.State.STARTED, job -> job.state = RebuildJob.State.RUNNING)) {
                    Log.warnf("Rebuild %s was taken as abandoned before it began; not run", id);
                    return;
                }
                // Every instance's watermark sees the gate closed and forgets what it had reached before the wipe.
                watermark.awaitRebuildNoticed();
                AtomicLong lastWritten = new AtomicLong(System.nanoTime() - PROGRESS_SPACING.toNanos());
                ReadModelRebuild.Result result = rebuild.rebuild(sofar -> {
                    if (System.nanoTime() - lastWritten.get() < PROGRESS_SPACING.toNanos()) {
                        return;
                    }
                    lastWritten.set(System.nanoTime());
                    if (!gate.closedBy(connection)) {
                        throw new IllegalStateException("the rebuild lost its lock (its database connection broke)");
                    }
                    if (!update(id, RebuildJob.State.RUNNING, job -> record(job, sofar))) {
                        throw new IllegalStateException("the job was taken as abandoned");
                    }
                });
                update(id, RebuildJob.State.RUNNING, job -> {
                    record(job, result);
                    job.state = RebuildJob.State.FINISHED;
                    job.finishedAt = Instant.now();
                });
            } finally {
                gate.open(connection);
            }
            // This instance answers from the rebuilt model at once, not from the replay's nothing until its next
            // measurement; the others within their interval.
            watermark.measureNow(config.rebuildGateWait());
        } catch (SQLException | RuntimeException e) {
            Log.errorf(e, "Rebuild %s failed", id);
            fail(id, e instanceof SQLException && "55P03".equals(((SQLException) e).getSQLState())
                    ? "the consumers' transactions did not end within " + config.rebuildGateWait() + "; nothing was wiped"
                    : e.toString());
        }
    }

    private static void record(RebuildJob job, ReadModelRebuild.Result sofar) {
        job.applied = sofar.applied();
        job.ignored = sofar.ignored();
        job.skipped = sofar.skipped();
        job.progress = sofar.progress();
    }

    private void fail(UUID id, String error) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                RebuildJob job = RebuildJob.findById(id);
                if (job != null && job.state.underWay()) {
                    job.state = RebuildJob.State.FAILED;
                    job.error = error;
                    job.finishedAt = Instant.now();
                }
            });
        } catch (RuntimeException e) {
            // The database is away: the next look at the job finds it abandoned (its lock went with its connection).
            Log.errorf(e, "Could not mark rebuild %s failed", id);
        }
    }

    /** Changes the job if it is still in {@code expected}, with a fresh heartbeat; false if it is not. */
    private boolean update(UUID id, RebuildJob.State expected, Consumer<RebuildJob> change) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RebuildJob job = RebuildJob.findById(id, LockModeType.PESSIMISTIC_WRITE);
            if (job == null || job.state != expected) {
                return false;
            }
            change.accept(job);
            job.heartbeatAt = Instant.now();
            return true;
        });
    }

    @PreDestroy
    void stop() {
        // Interrupts a rebuild under way: its consumer stops, the job fails, and the gate opens.
        runner.shutdownNow();
    }
}
