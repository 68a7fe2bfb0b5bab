package org.rectrack.gateway.readmodel;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.rectrack.events.EventType;

/**
 * Reads a topic from its beginning while the read model holds nothing from it. A new consumer group does so
 * anyway ({@code auto.offset.reset=earliest}); this covers an empty database behind a group that already
 * committed offsets, which would otherwise never see what was published before.
 */
@ApplicationScoped
@Identifier(ReplayOnEmptyReadModel.NAME)
public class ReplayOnEmptyReadModel implements KafkaConsumerRebalanceListener {

    static final String NAME = "read-model";

    private final EntityManager entityManager;

    ReplayOnEmptyReadModel(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Map<String, List<TopicPartition>> byTopic = partitions.stream()
                .collect(Collectors.groupingBy(TopicPartition::topic));
        byTopic.forEach((topic, assigned) -> {
            boolean empty;
            try {
                empty = nothingAppliedFrom(topic);
            } catch (RuntimeException e) {
                // Unknown whether the read model holds anything: reading from the beginning is safe (the inbox
                // ignores what was applied), trusting the committed offsets may skip what it never had.
                Log.warnf("Cannot tell whether the read model holds anything from %s (%s): reading %s from the"
                        + " beginning", topic, e, assigned);
                empty = true;
            }
            if (empty) {
                Log.infof("The read model holds nothing from %s: reading %s from the beginning", topic, assigned);
                consumer.seekToBeginning(assigned);
            }
        });
    }

    private boolean nothingAppliedFrom(String topic) {
        List<String> types = EventType.ALL.stream().filter(type -> type.topic().equals(topic)).map(EventType::name).toList();
        if (types.isEmpty()) {
            return false;
        }
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from applied_version where aggregate_type in (:types)")
                .setParameter("types", types)
                .getSingleResult()).longValue() == 0);
    }
}
