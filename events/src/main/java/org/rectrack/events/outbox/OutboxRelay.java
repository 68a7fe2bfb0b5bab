package org.rectrack.events.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends committed outbox rows to Kafka in commit order and deletes them only once Kafka has
 * acknowledged them (idempotent producer, acks=all). A crash or a broker outage leaves the rows in
 * place: they are sent on the next wake-up, so events are delayed, never lost (and at worst sent
 * twice, which consumers ignore by aggregate version).
 */
@ApplicationScoped
public class OutboxRelay {

    /** Only one relay of a service's instances sends at a time, or two could interleave an aggregate's events. */
    private static final long RELAY_LOCK = 0x7265_6374_7261_636BL;

    private final OutboxConfig config;
    private final EntityManager entityManager;
    private final String bootstrapServers;
    private final Semaphore wakeUps = new Semaphore(0);

    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, String> producer;

    OutboxRelay(OutboxConfig config, EntityManager entityManager,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.config = config;
        this.entityManager = entityManager;
        this.bootstrapServers = bootstrapServers;
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

    /** Sends one batch in one transaction: the rows are deleted only if every send was acknowledged. */
    private int sendBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            boolean locked = (Boolean) entityManager
                    .createNativeQuery("select pg_try_advisory_xact_lock(:lock)")
                    .setParameter("lock", RELAY_LOCK)
                    .getSingleResult();
            if (!locked) {
                return 0;
            }
            List<OutboxEvent> rows = OutboxEvent.<OutboxEvent> find("order by seq")
                    .page(0, config.batchSize())
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            KafkaProducer<String, String> kafka = producer();
            List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
            for (OutboxEvent row : rows) {
                acks.add(kafka.send(toRecord(row)));
            }
            kafka.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(config.deliveryTimeout().toMillis(), TimeUnit.MILLISECONDS);
            }
            OutboxEvent.delete("seq <= ?1", rows.getLast().seq);
            return rows.size();
        });
    }

    private static ProducerRecord<String, String> toRecord(OutboxEvent row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic, row.aggregateId.toString(), row.payload);
        record.headers().add("event-type", row.eventType.getBytes(StandardCharsets.UTF_8));
        record.headers().add("event-id", row.eventId.toString().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            int timeout = (int) config.deliveryTimeout().toMillis();
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            properties.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout / 2);
            properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
            properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
            properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            producer = new KafkaProducer<>(properties);
        }
        return producer;
    }

    /** A failed idempotent producer may hold sequence state for the lost batch; start afresh. */
    private synchronized void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(1));
            producer = null;
        }
    }

    private Duration nextBackoff(Duration previous) {
        Duration next = previous.isZero() ? Duration.ofMillis(250) : previous.multipliedBy(2);
        return next.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : next;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
