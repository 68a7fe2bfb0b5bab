package org.rectrack.evidence.replica;

import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the recommendations topic from its beginning while the replica is empty. A new consumer group
 * does so anyway ({@code auto.offset.reset=earliest}); this covers a fresh database behind a group that
 * already committed offsets, which would otherwise never learn the recommendations published before.
 */
@ApplicationScoped
@Identifier(ReplayOnFreshDatabase.NAME)
public class ReplayOnFreshDatabase implements KafkaConsumerRebalanceListener {

    static final String NAME = "recommendations-replica";

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        boolean empty;
        try {
            empty = QuarkusTransaction.requiringNew().call(() -> KnownRecommendation.count() == 0);
        } catch (RuntimeException e) {
            // Unknown whether the replica holds anything: reading from the beginning is safe (the inbox ignores
            // what was applied), trusting the committed offsets may skip what an empty replica never had.
            Log.warnf("Cannot tell whether the replica is empty (%s): reading %s from the beginning", e, partitions);
            empty = true;
        }
        if (empty) {
            Log.infof("The replica of recommendations is empty: reading %s from the beginning", partitions);
            consumer.seekToBeginning(partitions);
        }
    }
}
