package org.rectrack.events.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.rectrack.events.EventCodec;
import org.rectrack.events.EventEnvelope;
import org.rectrack.events.EventType;

/**
 * Where producers write their events: into the same database transaction as the state change, so
 * both commit or neither does. The relay sends them to Kafka once the transaction has committed.
 */
@ApplicationScoped
public class Outbox {

    private final EventCodec codec;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    Outbox(EventCodec codec, TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.codec = codec;
        this.transactions = transactions;
        this.relay = relay;
    }

    /**
     * Writes an event of its aggregate's own, keyed on Kafka by the aggregate id, in the caller's transaction.
     *
     * @param aggregateVersion 1, 2, 3… per aggregate; the relay sends an aggregate's versions in this order
     * @return the envelope as it will be sent
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> EventEnvelope<T> append(EventType<T> type, UUID aggregateId, long aggregateVersion, T data) {
        return append(type, aggregateId, aggregateVersion, null, data);
    }

    /**
     * Writes an event that must reach its consumers after another aggregate's events: it is keyed on Kafka by that
     * aggregate's id ({@code after}), so it goes to the same partition, which a consumer reads in order. Written
     * once the other aggregate's first version has committed, it has a higher {@code seq}; the relay sends that
     * version first if it still waits (each wave in {@code seq} order, {@link OutboxRelay#inWaves}) or has sent it
     * already, so on the partition this event comes after the aggregate's creation.
     *
     * @param after the aggregate whose partition this event joins; null keys it by its own aggregate id
     * @return the envelope as it will be sent
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> EventEnvelope<T> append(EventType<T> type, UUID aggregateId, long aggregateVersion, UUID after, T data) {
        EventEnvelope<T> envelope = new EventEnvelope<>(UUID.randomUUID(), type.name(), type.schemaVersion(),
                Instant.now(), aggregateId, aggregateVersion, data);
        OutboxEvent row = new OutboxEvent();
        row.eventId = envelope.eventId();
        row.topic = type.topic();
        row.eventType = type.name();
        row.aggregateId = aggregateId;
        row.aggregateVersion = aggregateVersion;
        row.partitionKey = after == null ? null : after.toString();
        row.payload = codec.encode(envelope);
        row.createdAt = envelope.occurredAt();
        row.persist();
        transactions.registerInterposedSynchronization(new WakeRelayAfterCommit(relay));
        return envelope;
    }

    private record WakeRelayAfterCommit(OutboxRelay relay) implements Synchronization {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.wakeUp();
            }
        }
    }
}
