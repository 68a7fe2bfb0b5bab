package org.rectrack.evidence.replica;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the replica has got in each partition of the recommendations topic ({@code replica_progress}): the next
 * offset to handle. Kept in the database, written with each record, so that whichever instance of the
 * evidence-service is given a partition reads it from where this database is, never from a committed offset that
 * another instance or another database left.
 */
@ApplicationScoped
public class ReplicaProgress {

    private final EntityManager entityManager;

    ReplicaProgress(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Records that these records were handled (applied, ignored, or sent to the dead-letter topic), in the caller's
     * transaction: one row per partition, at the offset after its last record here. Progress never goes back: a record
     * handled again leaves a further position as it is.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void handled(List<? extends ConsumerRecord<?, ?>> records) {
        Map<TopicPartition, Long> next = new HashMap<>();
        for (ConsumerRecord<?, ?> record : records) {
            next.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
        }
        next.forEach((partition, offset) -> entityManager.createNativeQuery("""
                insert into replica_progress (topic, partition, next_offset) values (:topic, :partition, :next)
                on conflict (topic, partition) do update set next_offset = excluded.next_offset
                 where replica_progress.next_offset < excluded.next_offset
                """)
                .setParameter("topic", partition.topic())
                .setParameter("partition", partition.partition())
                .setParameter("next", offset)
                .executeUpdate());
    }

    /** Every partition's next offset as now committed; a partition not in it has had no record handled. */
    @Transactional
    Map<TopicPartition, Long> positions() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select topic, partition, next_offset from replica_progress")
                .getResultList();
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (Object[] row : rows) {
            positions.put(new TopicPartition((String) row[0], ((Number) row[1]).intValue()), ((Number) row[2]).longValue());
        }
        return positions;
    }
}
