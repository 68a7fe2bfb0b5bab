package org.rectrack.events;

import java.time.Instant;
import java.util.UUID;

/**
 * What travels on a rectrack topic: the aggregate's full current state, wrapped with what a
 * consumer needs to apply it once and in order.
 *
 * @param eventId          unique per event; the same change re-sent keeps its id
 * @param type             stable type string, see {@link EventType#name()}
 * @param schemaVersion    version of the data's JSON Schema
 * @param occurredAt       when the change was committed by its owner
 * @param aggregateId      the Kafka key: one aggregate's events stay on one partition, in order
 * @param aggregateVersion 1, 2, 3… per aggregate; consumers ignore what they have already applied
 * @param data             the aggregate's full state after the change
 */
public record EventEnvelope<T>(
        UUID eventId,
        String type,
        int schemaVersion,
        Instant occurredAt,
        UUID aggregateId,
        long aggregateVersion,
        T data) {
}
