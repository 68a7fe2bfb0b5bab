package org.rectrack.events;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;

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
     * Reads an event of a known type, in one pass over the JSON: the envelope's fields as they come, its data copied
     * into a {@link TokenBuffer} (not a tree of nodes: a rebuild's reader spent a sixth more time) and bound to the
     * type's class once the type is known, whichever of the two comes first. A field given twice counts by its last
     * value, as in a tree; what follows the envelope's object is ignored.
     *
     * @throws MalformedEventException when the JSON is not an envelope of a known type and version
     */
    public EventEnvelope<?> decode(String json) {
        Fields fields = new Fields();
        try (JsonParser parser = mapper.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedEventException("not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "type" -> fields.type = text(parser, value);
                    case "schemaVersion" ->
                        fields.schemaVersion = value.isScalarValue() ? parser.getValueAsInt(-1) : -1;
                    case "eventId" -> fields.eventId = text(parser, value);
                    case "aggregateId" -> fields.aggregateId = text(parser, value);
                    case "aggregateVersion" ->
                        fields.aggregateVersion = value.isScalarValue() ? parser.getValueAsLong(0) : 0;
                    case "occurredAt" -> fields.occurredAt = TokenBuffer.asCopyOfValue(parser);
                    case "data" -> fields.data = TokenBuffer.asCopyOfValue(parser);
                    default -> parser.skipChildren();
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedEventException("not JSON: " + e.getMessage());
        }
        EventType<?> type = EventType.byName(fields.type)
                .orElseThrow(() -> new MalformedEventException("unknown event type '" + fields.type + "'"));
        if (fields.schemaVersion != type.schemaVersion()) {
            throw new MalformedEventException(
                    "unsupported schemaVersion " + fields.schemaVersion + " of " + fields.type);
        }
        return decode(fields, type);
    }

    /** The envelope's fields as read: its scalars as text or numbers, its occurredAt and data still to be bound. */
    private static final class Fields {
        String type = "";
        int schemaVersion = -1;
        String eventId = "";
        String aggregateId = "";
        long aggregateVersion;
        TokenBuffer occurredAt;
        TokenBuffer data;
    }

    /** A scalar's text (a number's digits too); "" for an object, an array or null, as a tree's asText gives. */
    private static String text(JsonParser parser, JsonToken value) throws IOException {
        if (value.isStructStart()) {
            parser.skipChildren();
            return "";
        }
        return value == JsonToken.VALUE_NULL ? "" : parser.getValueAsString("");
    }

    private <T> EventEnvelope<T> decode(Fields fields, EventType<T> type) {
        try {
            T data = bind(fields.data, type.dataType());
            EventEnvelope<T> envelope = new EventEnvelope<>(
                    UUID.fromString(fields.eventId),
                    type.name(),
                    type.schemaVersion(),
                    bind(fields.occurredAt, Instant.class),
                    UUID.fromString(fields.aggregateId),
                    fields.aggregateVersion,
                    data);
            if (data == null || envelope.occurredAt() == null || envelope.aggregateVersion() < 1) {
                throw new MalformedEventException("missing data, occurredAt or aggregateVersion in " + type.name());
            }
            return envelope;
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedEventException("invalid " + type.name() + ": " + e.getMessage());
        }
    }

    /** The value copied into {@code buffer} as a {@code type}; null when it was absent or JSON null. */
    private <V> V bind(TokenBuffer buffer, Class<V> type) throws IOException {
        if (buffer == null) {
            return null;
        }
        try (JsonParser parser = buffer.asParserOnFirstToken()) {
            return parser.currentToken() == JsonToken.VALUE_NULL ? null : mapper.readValue(parser, type);
        }
    }

    /** An event no consumer can apply: it goes to the dead-letter topic with this message as reason. */
    public static class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }
    }
}
