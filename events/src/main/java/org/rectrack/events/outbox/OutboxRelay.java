package org.rectrack.events.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.rectrack.events.kafka.KafkaClientSettings;

/**
 * Sends committed outbox rows to Kafka and deletes exactly the rows Kafka has acknowledged (idempotent producer,
 * acks=all). A crash or a broker outage leaves the rows in place: they are sent on the next wake-up, so events are
 * delayed, never lost (and at worst sent twice, which consumers ignore by aggregate version).
 * <p>
 * Transactions commit in another order than the one in which they drew their {@code seq}: a row with a lower
 * {@code seq} can become visible after rows above it were sent. So the relay never reasons about ranges of
 * {@code seq} (it deletes the rows it sent, by key), and it orders by what it must keep in order, the versions of
 * one aggregate: of each aggregate it sends only a run of versions that starts at the lowest one still waiting,
 * in version order; a later version waits until the earlier one is visible and goes out with it.
 */
@ApplicationScoped
public class OutboxRelay {

    /**
     * The PostgreSQL advisory lock (one bigint key) a relay holds for each batch it sends
     * ({@code pg_advisory_xact_lock}): only one relay of a service's instances sends at a time, or two could
     * interleave an aggregate's events. Whoever {@code pg_locks} shows holding it (granted) is the instance sending
     * now. A relay woken while another holds it waits for it, at most a poll interval: the rows its own instance
     * committed meanwhile go out as soon as the other's batch ends, not at its next poll.
     */
    public static final long RELAY_LOCK = 0x7265_6374_7261_636BL;

    private final OutboxConfig config;
    private final EntityManager entityManager;
    private final KafkaClientSettings kafkaSettings;
    private final Semaphore wakeUps = new Semaphore(0);

    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, String> producer;

    OutboxRelay(OutboxConfig config, EntityManager entityManager,
            KafkaClientSettings kafkaSettings) {
        this.config = config;
        this.entityManager = entityManager;
        this.kafkaSettings = kafkaSettings;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
    }

    /** Stops sending; rows written meanwhile wait in the table until {@link #start()}. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wakeUps.release();
        try {
            worker.join(config.deliveryTimeout().toMillis() * 2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeProducer();
    }

    public void wakeUp() {
        wakeUps.release();
    }

    /** Rows written but not yet acknowledged by Kafka. */
    public long pending() {
        // A lambda, not OutboxEvent::count: a method reference names PanacheEntityBase, which Panache does not enhance.
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count());
    }

    private void run() {
        Duration backoff = Duration.ZERO;
        while (running) {
            try {
                awaitWakeUp(backoff.isZero() ? config.pollInterval() : backoff);
                if (!running) {
                    break;
                }
                while (running && sendBatch() == config.batchSize()) {
                    // a full batch means more rows may be waiting
                }
                backoff = Duration.ZERO;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                backoff = nextBackoff(backoff);
                Log.warnf("Outbox relay could not send (%s); trying again in %s", rootMessage(e), backoff);
                closeProducer();
            }
        }
    }

    private void awaitWakeUp(Duration timeout) throws InterruptedException {
        wakeUps.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        wakeUps.drainPermits();
    }

    /**
     * Sends one batch in one transaction: the rows are deleted only if every send was acknowledged.
     *
     * @return the rows the batch looked at; 0 also when another instance's relay kept {@link #RELAY_LOCK} for a whole
     *         poll interval (its next round sends what this one would have)
     */
    private int sendBatch() {
        try {
            return QuarkusTransaction.requiringNew().call(this::sendBatchHoldingTheLock);
        } catch (RuntimeException e) {
            if (lockNotAvailable(e)) {
                return 0;
            }
            throw e;
        }
    }

    private int sendBatchHoldingTheLock() throws Exception {
        entityManager.createNativeQuery("select set_config('lock_timeout', :wait, true)")
                .setParameter("wait", config.pollInterval().toMillis() + "ms")
                .getSingleResult();
        entityManager.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(:lock)) as relay")
                .setParameter("lock", RELAY_LOCK)
                .getSingleResult();
        List<OutboxEvent> window = OutboxEvent.<OutboxEvent> find("order by seq")
                .page(0, config.batchSize())
                .list();
        if (window.isEmpty()) {
            return 0;
        }
        List<OutboxEvent> rows = inAggregateOrder(withLowestWaitingVersions(window));
        KafkaProducer<String, String> kafka = producer();
        // A version is sent only once the one before it is acknowledged: a send that fails (the broker away past
        // the delivery timeout) must not let the next version of the same aggregate reach the topic first.
        for (List<OutboxEvent> wave : inWaves(rows)) {
            List<Future<RecordMetadata>> acks = new ArrayList<>(wave.size());
            for (OutboxEvent row : wave) {
                acks.add(kafka.send(toRecord(row)));
            }
            kafka.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(config.deliveryTimeout().toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        if (!rows.isEmpty()) {
            OutboxEvent.delete("seq in ?1", rows.stream().map(row -> row.seq).toList());
        }
        // A full window means more rows may be waiting, even if some of it had to wait for an earlier version.
        return window.size();
    }

    /**
     * The window and, of each aggregate in it, the row of its lowest version still waiting: that row may lie beyond
     * the window (committed late with a higher {@code seq}), and without it the aggregate's later versions could
     * not go.
     */
    private List<OutboxEvent> withLowestWaitingVersions(List<OutboxEvent> window) {
        Set<UUID> aggregates = window.stream().map(row -> row.aggregateId).collect(Collectors.toSet());
        Map<Long, OutboxEvent> candidates = new LinkedHashMap<>();
        window.forEach(row -> candidates.put(row.seq, row));
        OutboxEvent.<OutboxEvent> list("from OutboxEvent e where e.aggregateId in ?1 and e.aggregateVersion ="
                + " (select min(w.aggregateVersion) from OutboxEvent w where w.aggregateId = e.aggregateId)", aggregates)
                .forEach(row -> candidates.putIfAbsent(row.seq, row));
        return List.copyOf(candidates.values());
    }

    /**
     * The rows that may go now, each aggregate's in version order: a run of consecutive versions from the lowest
     * one among the candidates (which is the lowest waiting). A version above a gap stays for a later batch, where
     * it is the lowest waiting if the version below never comes.
     */
    static List<OutboxEvent> inAggregateOrder(List<OutboxEvent> candidates) {
        // Aggregates in the order of their first row, so the topic still follows commit order where it can.
        Map<UUID, List<OutboxEvent>> byAggregate = candidates.stream()
                .collect(Collectors.groupingBy(row -> row.aggregateId, LinkedHashMap::new, Collectors.toList()));
        List<OutboxEvent> sendable = new ArrayList<>(candidates.size());
        byAggregate.values().forEach(versions -> {
            versions.sort(Comparator.comparingLong(row -> row.aggregateVersion));
            long next = versions.getFirst().aggregateVersion;
            for (OutboxEvent row : versions) {
                if (row.aggregateVersion > next) {
                    break;
                }
                sendable.add(row);
                next = row.aggregateVersion + 1;
            }
        });
        return sendable;
    }

    /**
     * The rows of {@link #inAggregateOrder} in waves: the first wave holds each aggregate's first row, the second
     * each aggregate's second, and so on; no wave holds two versions of one aggregate.
     */
    static List<List<OutboxEvent>> inWaves(List<OutboxEvent> rows) {
        List<List<OutboxEvent>> waves = new ArrayList<>();
        Map<UUID, Integer> seen = new LinkedHashMap<>();
        for (OutboxEvent row : rows) {
            int wave = seen.merge(row.aggregateId, 1, Integer::sum) - 1;
            if (wave == waves.size()) {
                waves.add(new ArrayList<>());
            }
            waves.get(wave).add(row);
        }
        return waves;
    }

    private static ProducerRecord<String, String> toRecord(OutboxEvent row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic, row.kafkaKey(), row.payload);
        record.headers().add("event-type", row.eventType.getBytes(StandardCharsets.UTF_8));
        record.headers().add("event-id", row.eventId.toString().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            int timeout = (int) config.deliveryTimeout().toMillis();
            producer = new KafkaProducer<>(kafkaSettings.forClient("outbox-relay", Map.of(
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                    ProducerConfig.LINGER_MS_CONFIG, 0,
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout / 2,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout,
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class)));
        }
        return producer;
    }

    /**
     * A failed idempotent producer may hold sequence state for the lost batch; start afresh. Closed without waiting:
     * records still queued are dropped, not sent: the batch is sent again, in order, in the next round.
     */
    private synchronized void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    private Duration nextBackoff(Duration previous) {
        Duration next = previous.isZero() ? Duration.ofMillis(250) : previous.multipliedBy(2);
        return next.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : next;
    }

    /** Whether PostgreSQL gave up waiting for a lock (SQLSTATE 55P03, lock_not_available) somewhere in the causes. */
    private static boolean lockNotAvailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "55P03".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
