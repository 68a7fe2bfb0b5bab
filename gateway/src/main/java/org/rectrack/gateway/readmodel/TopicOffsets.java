package org.rectrack.gateway.readmodel;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.rectrack.events.kafka.KafkaClientSettings;

/**
 * What the gateway asks the broker about its topics' offsets, through one Kafka admin client for the whole instance
 * (the watermark asks every 100 ms, the lag every few seconds, the system page on demand). Every call waits at most
 * {@code rectrack.read-model.lag-timeout}, and throws {@link ExecutionException} when the broker refuses (its cause
 * says why), {@link TimeoutException} when it does not answer in time.
 */
@ApplicationScoped
public class TopicOffsets {

    private final KafkaClientSettings kafkaSettings;
    private final ReadModelConfig config;
    private Admin admin;

    TopicOffsets(KafkaClientSettings kafkaSettings, ReadModelConfig config) {
        this.kafkaSettings = kafkaSettings;
        this.config = config;
    }

    /** The names of the topics that exist now. */
    Set<String> existingTopics() throws ExecutionException, TimeoutException, InterruptedException {
        return await(admin().listTopics().names());
    }

    /** The partitions of the topics; a topic that does not exist (yet) has none. */
    Set<TopicPartition> partitions(Collection<String> topics)
            throws ExecutionException, TimeoutException, InterruptedException {
        Set<String> existing = existingTopics();
        Set<String> present = topics.stream().filter(existing::contains).collect(Collectors.toSet());
        Set<TopicPartition> partitions = new HashSet<>();
        if (!present.isEmpty()) {
            for (TopicDescription topic : await(admin().describeTopics(present).allTopicNames()).values()) {
                topic.partitions().forEach(info -> partitions.add(new TopicPartition(topic.name(), info.partition())));
            }
        }
        return partitions;
    }

    /** Each partition's end offset: the offset the next record appended to it will have. */
    Map<TopicPartition, Long> ends(Set<TopicPartition> partitions)
            throws ExecutionException, TimeoutException, InterruptedException {
        return offsets(partitions, OffsetSpec.latest());
    }

    /** Each partition's start offset: that of its oldest record still kept (retention may have deleted older ones). */
    Map<TopicPartition, Long> starts(Set<TopicPartition> partitions)
            throws ExecutionException, TimeoutException, InterruptedException {
        return offsets(partitions, OffsetSpec.earliest());
    }

    /** The topic's {@code message.timestamp.type} (CreateTime or LogAppendTime), if the broker says. */
    Optional<String> timestampType(String topic) throws ExecutionException, TimeoutException, InterruptedException {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        ConfigEntry type = await(admin().describeConfigs(Set.of(resource)).all()).get(resource)
                .get(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG);
        return Optional.ofNullable(type).map(ConfigEntry::value);
    }

    private Map<TopicPartition, Long> offsets(Set<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, TimeoutException, InterruptedException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        return await(admin().listOffsets(partitions.stream().collect(Collectors.toMap(partition -> partition,
                partition -> spec))).all()).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    private <T> T await(org.apache.kafka.common.KafkaFuture<T> answer)
            throws ExecutionException, TimeoutException, InterruptedException {
        return answer.get(config.lagTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized Admin admin() {
        if (admin == null) {
            int timeout = (int) config.lagTimeout().toMillis();
            admin = Admin.create(kafkaSettings.forClient("gateway-offsets", Map.of(
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout)));
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
