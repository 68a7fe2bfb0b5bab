package org.rectrack.gateway.readmodel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.rectrack.events.EventCodec.MalformedEventException;
import org.rectrack.events.inbox.EventInbox;
import org.rectrack.events.kafka.KafkaClientSettings;
import org.rectrack.platform.problem.ProblemException;

/**
 * Rebuilds the read model from the topics alone: wipes it and the inbox, then replays both topics from their
 * beginning up to their end at the start of the rebuild, with a plain consumer outside any group. The
 * consumers wait at the {@link RebuildGate} meanwhile and then go on from where they were; whatever they
 * still hold from before is a version already applied, and ignored.
 */
@ApplicationScoped
public class ReadModelRebuild {

    /** What a rebuild did. */
    public record Result(long applied, long ignored, long skipped, long durationMillis) {
    }

    private final ReadModelProjector projector;
    private final RebuildGate gate;
    private final EventInbox inbox;
    private final EntityManager entityManager;
    private final ReadModelConfig config;
    private final KafkaClientSettings kafkaSettings;

    ReadModelRebuild(ReadModelProjector projector, RebuildGate gate, EventInbox inbox, EntityManager entityManager,
            ReadModelConfig config, KafkaClientSettings kafkaSettings) {
        this.projector = projector;
        this.gate = gate;
        this.inbox = inbox;
        this.entityManager = entityManager;
        this.config = config;
        this.kafkaSettings = kafkaSettings;
    }

    public Result rebuild() {
        return gate.closed(() -> {
            Instant begin = Instant.now();
            QuarkusTransaction.requiringNew().run(this::wipe);
            Result result = replay(begin);
            Log.infof("Rebuilt the read model in %d ms: %d events applied, %d ignored as already applied, %d skipped"
                    + " as unreadable", result.durationMillis(), result.applied(), result.ignored(), result.skipped());
            return result;
        });
    }

    private void wipe() {
        entityManager.createNativeQuery("truncate table evidence_version_link, evidence_version_transition,"
                + " evidence_version, recommendation_version, report_version, read_model_progress restart identity").executeUpdate();
        inbox.forgetAll();
    }

    private Result replay(Instant begin) {
        Instant deadline = begin.plus(config.rebuildTimeout());
        long applied = 0;
        long ignored = 0;
        long skipped = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : ConsumerLag.TOPICS) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos != null) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            while (!reachedEnd(consumer, partitions, ends)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new ProblemException(503, "rebuild-timeout", "Rebuild did not finish",
                            "the topics were not replayed within " + config.rebuildTimeout()
                                    + "; the read model is incomplete until a rebuild finishes", List.of());
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() >= ends.getOrDefault(new TopicPartition(record.topic(), record.partition()), 0L)) {
                        continue; // published during the rebuild: the consumers apply it once the gate opens
                    }
                    try {
                        if (projector.apply(record)) {
                            applied++;
                        } else {
                            ignored++;
                        }
                    } catch (MalformedEventException e) {
                        // It went to the dead-letter topic when it first came; it is not applied now either.
                        Log.debugf("Skipped an unreadable event at %s-%d@%d: %s", record.topic(), record.partition(),
                                record.offset(), e.getMessage());
                        projector.skipped(record);
                        skipped++;
                    }
                }
            }
        }
        return new Result(applied, ignored, skipped, Duration.between(begin, Instant.now()).toMillis());
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions,
            Map<TopicPartition, Long> ends) {
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition, Duration.ofSeconds(10)) < ends.getOrDefault(partition, 0L)) {
                return false;
            }
        }
        return true;
    }

    private Properties consumerProperties() {
        return kafkaSettings.forClient("gateway-rebuild", Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500));
    }
}
