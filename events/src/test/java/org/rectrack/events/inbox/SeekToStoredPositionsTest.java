package org.rectrack.events.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Where a consumer whose state lives in a database starts on each partition it is given: the stored position, or the
 * beginning; never the group's committed offset (Kafka's MockConsumer stands in for the broker).
 */
class SeekToStoredPositionsTest {

    private static final TopicPartition STORED = new TopicPartition("rectrack.evidence.v1", 0);
    private static final TopicPartition NEVER_HANDLED = new TopicPartition("rectrack.evidence.v1", 1);

    @Test
    void eachPartitionStartsAtItsStoredPositionOrAtTheBeginningWhateverTheGroupCommitted() {
        MockConsumer<String, String> consumer = consumer();
        // The group committed past what this database holds on both partitions (another database, another instance).
        consumer.commitSync(Map.of(STORED, new OffsetAndMetadata(90), NEVER_HANDLED, new OffsetAndMetadata(94)));

        seekWith(consumer, Map.of(STORED, 42L));

        assertThat(consumer.position(STORED)).isEqualTo(42);
        assertThat(consumer.position(NEVER_HANDLED)).isEqualTo(0);
    }

    @Test
    void aStoreThatCannotBeReadSendsEveryPartitionToTheBeginning() {
        MockConsumer<String, String> consumer = consumer();
        consumer.commitSync(Map.of(STORED, new OffsetAndMetadata(90), NEVER_HANDLED, new OffsetAndMetadata(94)));

        new SeekToStoredPositions() {
            @Override
            protected Map<TopicPartition, Long> storedPositions() {
                throw new IllegalStateException("the database is away");
            }
        }.onPartitionsAssigned(consumer, List.of(STORED, NEVER_HANDLED));

        assertThat(consumer.position(STORED)).isEqualTo(0);
        assertThat(consumer.position(NEVER_HANDLED)).isEqualTo(0);
    }

    private static MockConsumer<String, String> consumer() {
        MockConsumer<String, String> consumer = new MockConsumer<>(OffsetResetStrategy.EARLIEST);
        consumer.assign(List.of(STORED, NEVER_HANDLED));
        consumer.updateBeginningOffsets(Map.of(STORED, 0L, NEVER_HANDLED, 0L));
        consumer.updateEndOffsets(Map.of(STORED, 100L, NEVER_HANDLED, 100L));
        return consumer;
    }

    private static void seekWith(MockConsumer<String, String> consumer, Map<TopicPartition, Long> stored) {
        new SeekToStoredPositions() {
            @Override
            protected Map<TopicPartition, Long> storedPositions() {
                return stored;
            }
        }.onPartitionsAssigned(consumer, List.of(STORED, NEVER_HANDLED));
    }
}
