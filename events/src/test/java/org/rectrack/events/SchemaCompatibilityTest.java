package org.rectrack.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fails when an event's JSON Schema changes in a way its consumers cannot follow, or drifts away
 * from the record that producers serialise. A deliberate break needs a new schema version (and
 * topic version), not an edit of the baseline.
 */
class SchemaCompatibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<EventType<?>> eventTypes() {
        return EventType.ALL;
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void schemaStaysCompatibleWithItsPublishedBaseline(EventType<?> type) {
        JsonNode baseline = read("schema-baseline/" + type.name() + ".v" + type.schemaVersion() + ".json");
        JsonNode current = read(type.schemaResource());

        List<String> breaks = new ArrayList<>();
        compare("", baseline, current, breaks);

        assertThat(breaks).as("incompatible changes to " + type.schemaResource()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void schemaDescribesEveryFieldOfTheRecordAndNoOther(EventType<?> type) {
        JsonNode schema = read(type.schemaResource());
        List<String> mismatches = new ArrayList<>();
        matchRecord("data", type.dataType(), schema.path("properties").path("data"), schema, mismatches);
        assertThat(mismatches).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void schemaNamesTheTypeStringAndVersionOfItsEventType(EventType<?> type) {
        JsonNode properties = read(type.schemaResource()).path("properties");
        assertThat(properties.path("type").path("const").asText()).isEqualTo(type.name());
        assertThat(properties.path("schemaVersion").path("const").asInt()).isEqualTo(type.schemaVersion());
    }

    /** Compatible = nothing removed, nothing newly required, no type, format or allowed value changed. */
    private static void compare(String path, JsonNode before, JsonNode after, List<String> breaks) {
        for (String keyword : List.of("type", "format", "const", "enum", "$ref", "pattern")) {
            if (!before.path(keyword).equals(after.path(keyword))) {
                breaks.add(path + ": '" + keyword + "' changed from " + before.path(keyword) + " to " + after.path(keyword));
            }
        }
        if (!names(before.path("required")).equals(names(after.path("required")))) {
            breaks.add(path + ": required changed from " + before.path("required") + " to " + after.path("required"));
        }
        before.path("properties").fieldNames().forEachRemaining(name -> {
            JsonNode afterProperty = after.path("properties").path(name);
            if (afterProperty.isMissingNode()) {
                breaks.add(path + "/" + name + ": removed");
            } else {
                compare(path + "/" + name, before.path("properties").path(name), afterProperty, breaks);
            }
        });
        if (before.has("items")) {
            compare(path + "[]", before.path("items"), after.path("items"), breaks);
        }
        before.path("$defs").fieldNames().forEachRemaining(name ->
                compare(path + "$defs/" + name, before.path("$defs").path(name), after.path("$defs").path(name), breaks));
    }

    private static void matchRecord(String path, Class<?> record, JsonNode schema, JsonNode root, List<String> mismatches) {
        JsonNode resolved = resolve(schema, root);
        Set<String> fields = new HashSet<>(Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList());
        Set<String> described = names(resolved.path("properties"));
        if (!fields.equals(described)) {
            mismatches.add(path + ": record has " + fields + ", schema describes " + described);
            return;
        }
        for (RecordComponent component : record.getRecordComponents()) {
            Class<?> nested = nestedRecord(component.getGenericType());
            if (nested != null) {
                JsonNode property = resolved.path("properties").path(component.getName());
                JsonNode nestedSchema = Collection.class.isAssignableFrom(component.getType()) ? property.path("items") : property;
                matchRecord(path + "." + component.getName(), nested, nestedSchema, root, mismatches);
            }
        }
    }

    private static Class<?> nestedRecord(Type type) {
        if (type instanceof Class<?> c && c.isRecord()) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c && c.isRecord()) {
            return c;
        }
        return null;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode root) {
        String ref = schema.path("$ref").asText("");
        return ref.startsWith("#/") ? root.at(ref.substring(1)) : schema;
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new HashSet<>();
        if (node.isArray()) {
            node.forEach(item -> names.add(item.asText()));
        } else {
            node.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = SchemaCompatibilityTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
