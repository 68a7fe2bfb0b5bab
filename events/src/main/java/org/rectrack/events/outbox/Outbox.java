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

    @Transactional(Transactional.TxType.MANDATORY)
    public <T> EventEnvelope<T> append(EventType<T> type, UUID aggregateId, long aggregateVersion, T data) {
        EventEnvelope<T> envelope = new EventEnvelope<>(UUID.randomUUID(), type.name(), type.schemaVersion(),
                Instant.now(), aggregateId, aggregateVersion, data);
        OutboxEvent row = new OutboxEvent();
        row.eventId = envelope.eventId();
        row.topic = type.topic();
        row.eventType = type.name();
        row.aggregateId = aggregateId;
        row.aggregateVersion = aggregateVersion;
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
