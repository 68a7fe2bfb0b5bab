package org.rectrack.gateway.readmodel;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the read model has got in each partition (table {@code read_model_progress}): the next offset to handle and
 * the timestamp of the last record handled. Kept in the database, not in memory, so that every gateway instance
 * sees the progress of the partitions the others consume (a consumer group splits them among the instances).
 */
@ApplicationScoped
public class ReadModelProgress {

    /** One partition's progress; {@code lastRecordedAt} is the append time of the record before {@code nextOffset}. */
    public record Position(long nextOffset, Instant lastRecordedAt) {
    }

    private final EntityManager entityManager;

    ReadModelProgress(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Records that the record was handled (applied, ignored as a duplicate, or sent to the dead-letter topic), in the
     * caller's transaction. Progress never goes back: a record handled again (a redelivery, a rebuild's replay)
     * leaves a further position as it is.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void handled(ConsumerRecord<?, ?> record) {
        entityManager.createNativeQuery("""
                insert into read_model_progress (topic, partition, next_offset, last_recorded_at)
                values (:topic, :partition, :next, :recordedAt)
                on conflict (topic, partition) do update
                   set next_offset = excluded.next_offset, last_recorded_at = excluded.last_recorded_at
                 where read_model_progress.next_offset < excluded.next_offset
                """)
                .setParameter("topic", record.topic())
                .setParameter("partition", record.partition())
                .setParameter("next", record.offset() + 1)
                .setParameter("recordedAt", ReadModelProjector.recordedAt(record).atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }

    /** Every partition's progress as now committed; a partition not in it has had no record handled. */
    @Transactional
    public Map<TopicPartition, Position> positions() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "select topic, partition, next_offset, last_recorded_at from read_model_progress").getResultList();
        Map<TopicPartition, Position> positions = new HashMap<>();
        for (Object[] row : rows) {
            positions.put(new TopicPartition((String) row[0], ((Number) row[1]).intValue()),
                    new Position(((Number) row[2]).longValue(), instant(row[3])));
        }
        return positions;
    }

    /** Whether a rebuild holds the {@link RebuildGate} closed, on any gateway instance. */
    @Transactional
    public boolean rebuilding() {
        return (Boolean) entityManager.createNativeQuery("select " + RebuildGate.CLOSED_BY_ANYONE).getSingleResult();
    }

    /**
     * The instant of the latest change the read model holds that was recorded at or before {@code reached}: an
     * answer as known at any instant from it to {@code reached} is the same answer.
     */
    @Transactional
    public Instant latestChangeUpTo(Instant reached) {
        Object latest = entityManager.createNativeQuery("""
                select greatest(
                    (select max(recorded_at) from report_version where recorded_at <= :reached),
                    (select max(recorded_at) from recommendation_version where recorded_at <= :reached),
                    (select max(recorded_at) from evidence_version where recorded_at <= :reached))
                """)
                .setParameter("reached", reached.atOffset(ZoneOffset.UTC))
                .getSingleResult();
        return Objects.requireNonNullElse(instant(latest), Instant.EPOCH);
    }

    /** A timestamp as the JDBC driver hands a native query's column over; null for SQL NULL. */
    static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case java.sql.Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalStateException("not a timestamp: " + value.getClass());
        };
    }
}
