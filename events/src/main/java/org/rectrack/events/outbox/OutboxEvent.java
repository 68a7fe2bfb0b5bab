package org.rectrack.events.outbox;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An event committed with its state change and not yet acknowledged by Kafka. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    /**
     * Order of insertion, not of commit: a transaction that drew a lower number may commit after one that drew a
     * higher. Only a key here; the relay keeps each aggregate's versions in order by {@link #aggregateVersion}.
     */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "aggregate_id", nullable = false)
    public UUID aggregateId;

    @Column(name = "aggregate_version", nullable = false)
    public long aggregateVersion;

    /**
     * The Kafka key when it is not the aggregate id: the aggregate whose partition this event must follow (see
     * {@link Outbox#append(org.rectrack.events.EventType, UUID, long, UUID, Object)}); null for the aggregate's own.
     */
    @Column(name = "partition_key")
    public String partitionKey;

    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The record's Kafka key: the partition key if there is one, else the aggregate id. */
    public String kafkaKey() {
        return partitionKey != null ? partitionKey : aggregateId.toString();
    }
}
