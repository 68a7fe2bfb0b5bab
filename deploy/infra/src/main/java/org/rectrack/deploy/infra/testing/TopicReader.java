package org.rectrack.deploy.infra.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a real topic from its beginning, as a new consumer would, keeping the records of some keys:
 * how tests check what a service has published. Uses no consumer group, so it disturbs nobody.
 */
public final class TopicReader {

    private TopicReader() {
    }

    /**
     * Records with one of {@code keys}, in the order of their partition (so per key in publication order),
     * once at least {@code expected} have arrived or {@code timeout} has passed.
     */
    public static List<ConsumerRecord<String, String>> read(String bootstrapServers, String topic, Set<String> keys,
            int expected, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers)) {
            List<TopicPartition> partitions = partitions(consumer, topic, deadline);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (found.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (keys.contains(record.key())) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    /**
     * Every record with one of {@code keys} that the topic holds at the moment of the call, in the order of its
     * partition: reads up to the end offsets of that moment. Use it once the producer has nothing left to send
     * (its outbox is empty), to count events exactly, duplicates included, without waiting for more.
     *
     * @throws IllegalStateException when the topic cannot be read to its end within {@code timeout}
     */
    public static List<ConsumerRecord<String, String>> readToEnd(String bootstrapServers, String topic, Set<String> keys,
            Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers)) {
            List<TopicPartition> partitions = partitions(consumer, topic, deadline);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + timeout);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < ends.get(partition) && keys.contains(record.key())) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic, Instant deadline) {
        while (true) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            }
            if (Instant.now().isAfter(deadline)) {
                return List.of();
            }
        }
    }

    /** A plain consumer outside any group, committing nothing: it reads as any other consumer would. */
    private static KafkaConsumer<String, String> consumer(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(properties);
    }
}
