package org.rectrack.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

/** Turns envelopes into the JSON that goes on the wire, and back; one mapper for every service. */
@ApplicationScoped
public class EventCodec {

    private final ObjectMapper mapper;

    public EventCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String encode(EventEnvelope<?> envelope) {
        try {
            return mapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + envelope.eventId() + " cannot be written as JSON", e);
        }
    }

    /**
     * Reads an event of a known type.
     *
     * @throws MalformedEventException when the JSON is not an envelope of a known type and version
     */
    public EventEnvelope<?> decode(String json) {
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("not JSON: " + e.getMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new MalformedEventException("not a JSON object");
        }
        String typeName = tree.path("type").asText("");
        EventType<?> type = EventType.byName(typeName)
                .orElseThrow(() -> new MalformedEventException("unknown event type '" + typeName + "'"));
        int schemaVersion = tree.path("schemaVersion").asInt(-1);
        if (schemaVersion != type.schemaVersion()) {
            throw new MalformedEventException("unsupported schemaVersion " + schemaVersion + " of " + typeName);
        }
        return decode(tree, type);
    }

    private <T> EventEnvelope<T> decode(JsonNode tree, EventType<T> type) {
        try {
            T data = mapper.treeToValue(tree.get("data"), type.dataType());
            EventEnvelope<T> envelope = new EventEnvelope<>(
                    UUID.fromString(tree.path("eventId").asText()),
                    type.name(),
                    type.schemaVersion(),
                    mapper.treeToValue(tree.get("occurredAt"), Instant.class),
                    UUID.fromString(tree.path("aggregateId").asText()),
                    tree.path("aggregateVersion").asLong(),
                    data);
            if (data == null || envelope.occurredAt() == null || envelope.aggregateVersion() < 1) {
                throw new MalformedEventException("missing data, occurredAt or aggregateVersion in " + type.name());
            }
            return envelope;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("invalid " + type.name() + ": " + e.getMessage());
        }
    }

    /** An event no consumer can apply: it goes to the dead-letter topic with this message as reason. */
    public static class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }
    }
}
