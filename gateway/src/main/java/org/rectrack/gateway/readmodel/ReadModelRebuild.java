package org.rectrack.gateway.readmodel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
 * of the replay, with a plain consumer outside any group, each poll's records in one transaction, read a poll ahead on
 * a second thread (in halves when one of them cannot be applied, down to that record alone, which is skipped as the
 * consumers skipped it). The consumers of every instance wait at the gate meanwhile and then go on from where they
 * were; whatever they still hold from before is a version already applied, and ignored.
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

    /**
     * Replays the topics as a pipeline of two threads: while this one writes a poll's records, a reader decodes the
     * next poll's (see {@link ReadModelProjector#read}). One thread doing both was idle in turn for the database and
     * for the decoding.
     */
    private Result replay(Instant begin, Progress progress) {
        Instant deadline = begin.plus(config.rebuildTimeout());
        Tally tally = new Tally();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties());
                ExecutorService reader = Executors.newSingleThreadExecutor(
                        Thread.ofPlatform().name("read-model-rebuild-reader").daemon().factory())) {
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
            // Each partition's next offset to replay: what progress counts, the reader being a poll ahead.
            Map<TopicPartition, Long> replayed = new HashMap<>(starts);
            progress.reached(tally.result(progress(partitions, starts, replayed, ends)));
            Future<Batch> reading = null;
            boolean polledAll = false;
            while (reading != null || !polledAll) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the topics were not replayed within " + config.rebuildTimeout()
                            + "; the read model is incomplete until a rebuild finishes");
                }
                Future<Batch> next = null;
                polledAll = polledAll || reachedEnd(consumer, partitions, ends);
                if (!polledAll) {
                    List<ConsumerRecord<String, String>> polled = poll(consumer, ends);
                    next = reader.submit(() -> read(polled));
                }
                if (reading != null) {
                    Batch batch = awaitRead(reading);
                    replay(batch, tally);
                    batch.records().forEach(record -> replayed.put(
                            new TopicPartition(record.topic(), record.partition()), record.offset() + 1));
                    progress.reached(tally.result(progress(partitions, starts, replayed, ends)));
                }
                reading = next;
            }
            return tally.result(progress(partitions, starts, replayed, ends));
        }
    }

    /** A poll's records before the ends found at the start (later ones came during the rebuild, for the consumers). */
    private static List<ConsumerRecord<String, String>> poll(KafkaConsumer<String, String> consumer,
            Map<TopicPartition, Long> ends) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>();
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            if (record.offset() < ends.getOrDefault(new TopicPartition(record.topic(), record.partition()), 0L)) {
                batch.add(record);
            }
        }
        return batch;
    }

    /** A poll's records, read; or, when one of them cannot be, left to be replayed in halves. */
    private record Batch(List<ConsumerRecord<String, String>> records, ReadModelProjector.Read read) {
    }

    private Batch read(List<ConsumerRecord<String, String>> records) {
        try {
            return new Batch(records, projector.read(records));
        } catch (MalformedEventException e) {
            return new Batch(records, null);
        }
    }

    private static Batch awaitRead(Future<Batch> reading) {
        try {
            return reading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not read a batch of records: " + e.getCause(), e.getCause());
        }
    }

    /** Writes a batch read; one that could not be read, or cannot be written, as {@link #replay(List, Tally)} does. */
    private void replay(Batch batch, Tally tally) {
        List<ConsumerRecord<String, String>> records = batch.records();
        if (records.isEmpty()) {
            return;
        }
        if (batch.read() != null) {
            try {
                int changed = projector.replay(batch.read());
                tally.applied += changed;
                tally.ignored += records.size() - changed;
                return;
            } catch (MalformedEventException e) {
                Log.debugf("Replaying a batch of %d records in halves: %s", records.size(), e.getMessage());
            }
        }
        if (records.size() == 1) {
            replay(records, tally);
        } else {
            replay(records.subList(0, records.size() / 2), tally);
            replay(records.subList(records.size() / 2, records.size()), tally);
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

    /** Per topic: the records from each partition's beginning to the next to replay, and to the end. */
    private static List<RebuildJob.TopicProgress> progress(List<TopicPartition> partitions,
            Map<TopicPartition, Long> starts, Map<TopicPartition, Long> replayed, Map<TopicPartition, Long> ends) {
        Map<String, long[]> byTopic = new LinkedHashMap<>();
        ConsumerLag.TOPICS.forEach(topic -> byTopic.put(topic, new long[2]));
        for (TopicPartition partition : partitions) {
            long start = starts.getOrDefault(partition, 0L);
            long end = Math.max(start, ends.getOrDefault(partition, 0L));
            long position = Math.clamp(replayed.getOrDefault(partition, start), start, end);
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
