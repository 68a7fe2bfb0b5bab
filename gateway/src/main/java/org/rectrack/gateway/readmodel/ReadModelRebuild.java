package org.rectrack.gateway.readmodel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.rectrack.events.kafka.KafkaClientSettings;

/**
 * The work of one rebuild, once {@link RebuildJobs} has closed the {@link RebuildGate}: wipes every table of
 * {@link ReadModelTables#FROM_THE_TOPICS}, then replays both topics from their beginning up to their end at the start
 * of the replay, with a plain consumer outside any group, each poll's records in one transaction (in halves when one
 * of them cannot be applied, down to that record alone, which is skipped as the consumers skipped it). The consumers
 * of every instance wait at the gate meanwhile and then go on from where they were; whatever they still hold from
 * before is a version already applied, and ignored.
 */
@ApplicationScoped
public class ReadModelRebuild {

    /** What a replay did. */
    public record Result(long applied, long ignored, long skipped, List<RebuildJob.TopicProgress> progress) {
    }

    /** Told after every batch of records; throws to stop the replay (the gate was lost). */
    @FunctionalInterface
    interface Progress {
        void reached(Result sofar);
    }

    private final ReadModelProjector projector;
    private final EntityManager entityManager;
    private final ReadModelConfig config;
    private final KafkaClientSettings kafkaSettings;

    ReadModelRebuild(ReadModelProjector projector, EntityManager entityManager, ReadModelConfig config,
            KafkaClientSettings kafkaSettings) {
        this.projector = projector;
        this.entityManager = entityManager;
        this.config = config;
        this.kafkaSettings = kafkaSettings;
    }

    /**
     * Wipes the read model and replays the topics; call it only with the gate closed.
     *
     * @throws IllegalStateException when the topics were not replayed within {@link ReadModelConfig#rebuildTimeout()}
     */
    Result rebuild(Progress progress) {
        Instant begin = Instant.now();
        QuarkusTransaction.requiringNew().run(this::wipe);
        Result result = replay(begin, progress);
        Log.infof("Rebuilt the read model in %d ms: %d events applied, %d ignored as already applied, %d skipped"
                + " as unreadable", Duration.between(begin, Instant.now()).toMillis(), result.applied(), result.ignored(),
                result.skipped());
        return result;
    }

    private void wipe() {
        entityManager.createNativeQuery("truncate table " + String.join(", ", ReadModelTables.FROM_THE_TOPICS)
                + " restart identity").executeUpdate();
    }

    private Result replay(Instant begin, Progress progress) {
        Instant deadline = begin.plus(config.rebuildTimeout());
        Tally tally = new Tally();
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
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, Duration.ofSeconds(10));
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            progress.reached(new Result(0, 0, 0, progress(consumer, partitions, starts, ends)));
            while (!reachedEnd(consumer, partitions, ends)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the topics were not replayed within " + config.rebuildTimeout()
                            + "; the read model is incomplete until a rebuild finishes");
                }
                List<ConsumerRecord<String, String>> batch = new ArrayList<>();
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    // One past the end was published during the rebuild: the consumers apply it once the gate opens.
                    if (record.offset() < ends.getOrDefault(new TopicPartition(record.topic(), record.partition()), 0L)) {
                        batch.add(record);
                    }
                }
                replay(batch, tally);
                progress.reached(tally.result(progress(consumer, partitions, starts, ends)));
            }
            return tally.result(progress(consumer, partitions, starts, ends));
        }
    }

    /** The records replayed so far: applied, ignored as applied before, skipped as unreadable. */
    private static final class Tally {

        long applied;
        long ignored;
        long skipped;

        Result result(List<RebuildJob.TopicProgress> progress) {
            return new Result(applied, ignored, skipped, progress);
        }
    }

    /**
     * Replays the records in one transaction; if one of them cannot be applied, that transaction is rolled back and
     * each half replayed the same way, down to the record alone, which is skipped as the consumers skipped it.
     */
    private void replay(List<ConsumerRecord<String, String>> batch, Tally tally) {
        if (batch.isEmpty()) {
            return;
        }
        if (batch.size() == 1) {
            ConsumerRecord<String, String> record = batch.getFirst();
            try {
                if (projector.replay(record)) {
                    tally.applied++;
                } else {
                    tally.ignored++;
                }
            } catch (MalformedEventException e) {
                // It went to the dead-letter topic when it first came; it is not applied now either.
                Log.debugf("Skipped an unreadable event at %s-%d@%d: %s", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
                projector.skipped(record);
                tally.skipped++;
            }
            return;
        }
        try {
            int changed = projector.replay(batch);
            tally.applied += changed;
            tally.ignored += batch.size() - changed;
        } catch (MalformedEventException e) {
            Log.debugf("Replaying a batch of %d records in halves: %s", batch.size(), e.getMessage());
            replay(batch.subList(0, batch.size() / 2), tally);
            replay(batch.subList(batch.size() / 2, batch.size()), tally);
        }
    }

    /** Per topic: the records from each partition's beginning to the consumer's position, and to the end. */
    private static List<RebuildJob.TopicProgress> progress(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions,
            Map<TopicPartition, Long> starts, Map<TopicPartition, Long> ends) {
        Map<String, long[]> byTopic = new LinkedHashMap<>();
        ConsumerLag.TOPICS.forEach(topic -> byTopic.put(topic, new long[2]));
        for (TopicPartition partition : partitions) {
            long start = starts.getOrDefault(partition, 0L);
            long end = Math.max(start, ends.getOrDefault(partition, 0L));
            long position = Math.clamp(consumer.position(partition, Duration.ofSeconds(10)), start, end);
            long[] counts = byTopic.computeIfAbsent(partition.topic(), topic -> new long[2]);
            counts[0] += position - start;
            counts[1] += end - start;
        }
        return byTopic.entrySet().stream()
                .map(topic -> new RebuildJob.TopicProgress(topic.getKey(), topic.getValue()[0], topic.getValue()[1]))
                .toList();
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
                // Each poll's records are replayed in one transaction (ReadModelProjector.replay(List)).
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000));
    }
}
