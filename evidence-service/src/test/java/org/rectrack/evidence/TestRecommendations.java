package org.rectrack.evidence;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.PersistenceException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.rectrack.evidence.replica.KnownRecommendation;
import org.rectrack.events.EventCodec;
import org.rectrack.events.EventEnvelope;
import org.rectrack.events.EventType;
import org.rectrack.events.Topics;
import org.rectrack.events.recommendations.Pillar;
import org.rectrack.events.recommendations.RecommendationChanged;
import org.rectrack.events.recommendations.RecommendationState;

/**
 * Plays the recommendations-service: publishes RecommendationChanged events on the real topic with a plain
 * producer (key = aggregate id, value = the codec's JSON), and waits for the replica to apply them.
 */
public final class TestRecommendations {

    private static KafkaProducer<String, String> producer;

    private TestRecommendations() {
    }

    /** A new ACTIVE recommendation, published and known to the service. */
    public static UUID active() {
        UUID id = UUID.randomUUID();
        send(id, 1, RecommendationState.ACTIVE);
        awaitVersion(id, 1);
        return id;
    }

    /** Publishes one version of a recommendation's state; returns where it landed. */
    public static RecordMetadata send(UUID id, long version, RecommendationState state) {
        return send(id.toString(), encode(event(id, version, state)));
    }

    public static EventEnvelope<RecommendationChanged> event(UUID id, long version, RecommendationState state) {
        RecommendationChanged data = new RecommendationChanged(id, UUID.randomUUID(), "LAO-2023-" + id.toString().substring(0, 4),
                "LAO", 2023, 1, "Vigorously investigate and prosecute traffickers.", 1, List.of(Pillar.PROSECUTION),
                List.of(), null, state, state == RecommendationState.WITHDRAWN ? "WITHDRAWN" : "CREATED", Instant.now());
        return new EventEnvelope<>(UUID.randomUUID(), EventType.RECOMMENDATION_CHANGED.name(),
                EventType.RECOMMENDATION_CHANGED.schemaVersion(), Instant.now(), id, version, data);
    }

    public static String encode(EventEnvelope<?> event) {
        return Arc.container().instance(EventCodec.class).get().encode(event);
    }

    /**
     * Publishes these events at once, as a report's publication does (each keyed by its aggregate), and waits for the
     * broker's acknowledgement of them all.
     */
    public static void sendAll(List<? extends EventEnvelope<?>> events) {
        List<Future<RecordMetadata>> sent = events.stream()
                .map(event -> producer().send(new ProducerRecord<>(Topics.RECOMMENDATIONS,
                        event.aggregateId().toString(), encode(event))))
                .toList();
        producer().flush();
        sent.forEach(TestRecommendations::acknowledged);
    }

    /** Sends any value, poison included, and waits for the broker's acknowledgement. */
    public static RecordMetadata send(String key, String value) {
        return send(new ProducerRecord<>(Topics.RECOMMENDATIONS, key, value));
    }

    /**
     * Publishes a new recommendation on the same partition as {@code earlier} and waits until the replica
     * knows it: a partition is consumed in order, so everything sent there before has been handled too.
     */
    public static void awaitHandled(RecordMetadata earlier) {
        UUID sentinel = UUID.randomUUID();
        send(new ProducerRecord<>(Topics.RECOMMENDATIONS, earlier.partition(), sentinel.toString(),
                encode(event(sentinel, 1, RecommendationState.ACTIVE))));
        awaitVersion(sentinel, 1);
    }

    public static void awaitVersion(UUID id, long version) {
        // A pooled connection that a test's DatabaseOutage ended fails once; the next try gets a fresh one.
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(PersistenceException.class)
                .until(() -> known(id).map(known -> known.version).orElse(0L), applied -> applied == version);
    }

    public static Optional<KnownRecommendation> known(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> KnownRecommendation.<KnownRecommendation> findByIdOptional(id));
    }

    private static RecordMetadata send(ProducerRecord<String, String> record) {
        return acknowledged(producer().send(record));
    }

    private static RecordMetadata acknowledged(Future<RecordMetadata> sent) {
        try {
            return sent.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge a record", e);
        }
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            producer = new KafkaProducer<>(properties);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> producer.close(Duration.ofSeconds(1))));
        }
        return producer;
    }
}
