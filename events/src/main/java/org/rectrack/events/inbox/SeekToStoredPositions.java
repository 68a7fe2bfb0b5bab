package org.rectrack.events.inbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumer whose state lives in a database reads each partition it is given from the position stored with that
 * state, not from the consumer group's committed offset: the pattern the {@code KafkaConsumer} documentation calls
 * "storing offsets outside Kafka". The position (the next offset to handle) is written in the transaction that applies
 * each record, so it is exactly as far as the state; the group's offset is committed later and apart, and says
 * nothing about this database.
 *
 * <p>Why it matters: trusting the group's offset skips records whenever the two disagree. A new or restored database
 * behind a group that already committed, or a partition handed from one instance to another that committed less (or,
 * for a database its instances share, more) than the database holds. A partition with no stored position is read
 * from its beginning. A record read again changes nothing: the {@link EventInbox} ignores versions already applied.
 *
 * <p>Subclasses say where the positions are stored. Runs on the consumer's thread, within its poll.
 */
public abstract class SeekToStoredPositions implements KafkaConsumerRebalanceListener {

    /**
     * The stored next offset of every partition that has one.
     *
     * @return the next offset to read, by partition; a partition without an entry has had no record handled
     * @throws RuntimeException when the store cannot be read: every partition assigned is then read from its beginning
     */
    protected abstract Map<TopicPartition, Long> storedPositions();

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> stored;
        try {
            stored = storedPositions();
        } catch (RuntimeException e) {
            // Unknown how far the state got: from the beginning is safe (the inbox ignores what was applied); the
            // group's offset may skip what the state never had.
            Log.warnf("Cannot read the stored positions of %s (%s): reading them from the beginning", partitions, e);
            consumer.seekToBeginning(partitions);
            return;
        }
        List<TopicPartition> fromTheBeginning = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            Long next = stored.get(partition);
            if (next == null) {
                fromTheBeginning.add(partition);
            } else {
                consumer.seek(partition, next);
            }
        }
        if (!fromTheBeginning.isEmpty()) {
            consumer.seekToBeginning(fromTheBeginning);
        }
        Log.infof("Reading %s from the positions stored with the state and %s from the beginning",
                partitions.stream().filter(stored::containsKey).map(partition -> partition + "@" + stored.get(partition))
                        .toList(), fromTheBeginning);
    }
}
