package org.rectrack.deploy.infra.testing.fuzz;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The operations of a service's OpenAPI 3.x document as {@code /q/openapi?format=json} serves it, read with
 * Jackson's tree model: paths, methods, parameters, request bodies (schema and example) and the roles of each
 * operation (the scopes of its security requirement, as Quarkus adds them from {@code @RolesAllowed}).
 */
final class ApiDocument {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final String COMPONENT_PREFIX = "#/components/schemas/";

    private final JsonNode root;

    ApiDocument(JsonNode root) {
        this.root = root;
    }

    /**
     * Every operation of the document in a repeatable order: those without path parameters first (they create
     * what the others find by id), then by path and method.
     */
    List<ApiOperation> operations() {
        List<ApiOperation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            List<JsonNode> shared = list(path.getValue().path("parameters"));
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (METHODS.contains(method.getKey())) {
                    operations.add(operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(), method.getValue(), shared));
                }
            }
        }
        operations.sort(Comparator.comparingLong((ApiOperation operation) -> operation.path().chars().filter(c -> c == '{').count())
                .thenComparing(ApiOperation::path).thenComparing(ApiOperation::method));
        return operations;
    }

    /**
     * The schema with its {@code $ref} followed (to {@code #/components/schemas/…}, repeatedly); keywords written
     * beside the reference (OpenAPI 3.1 allows them) win over the referenced schema's.
     */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema == null ? JsonNodeFactory.instance.objectNode() : schema;
        for (int depth = 0; current.has("$ref") && depth < 32; depth++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith(COMPONENT_PREFIX)) {
                break;
            }
            ObjectNode merged = root.path("components").path("schemas").path(ref.substring(COMPONENT_PREFIX.length()))
                    .deepCopy() instanceof ObjectNode target ? target : JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> keywords = current.fields(); keywords.hasNext(); ) {
                Map.Entry<String, JsonNode> keyword = keywords.next();
                if (!keyword.getKey().equals("$ref")) {
                    merged.set(keyword.getKey(), keyword.getValue());
                }
            }
            current = merged;
        }
        return current;
    }

    private ApiOperation operation(String method, String path, JsonNode operation, List<JsonNode> sharedParameters) {
        List<ApiParameter> parameters = new ArrayList<>();
        List<JsonNode> declared = new ArrayList<>(sharedParameters);
        declared.addAll(list(operation.path("parameters")));
        for (JsonNode parameter : declared) {
            JsonNode schema = resolve(parameter.path("schema"));
            JsonNode example = parameter.has("example") ? parameter.get("example") : firstExample(schema);
            parameters.add(new ApiParameter(parameter.path("name").asText(), parameter.path("in").asText(), schema, example,
                    parameter.path("required").asBoolean(false)));
        }
        return new ApiOperation(method, path, roles(operation), parameters, body(operation.path("requestBody")));
    }

    private ApiBody body(JsonNode requestBody) {
        Iterator<Map.Entry<String, JsonNode>> contents = requestBody.path("content").fields();
        if (!contents.hasNext()) {
            return null;
        }
        Map.Entry<String, JsonNode> content = contents.next();
        JsonNode schema = resolve(content.getValue().path("schema"));
        JsonNode example = null;
        Iterator<JsonNode> examples = content.getValue().path("examples").elements();
        if (examples.hasNext()) {
            example = examples.next().get("value");
        } else if (content.getValue().has("example")) {
            example = content.getValue().get("example");
        }
        return new ApiBody(content.getKey(), schema, example, requestBody.path("required").asBoolean(false));
    }

    private static List<String> roles(JsonNode operation) {
        Set<String> roles = new LinkedHashSet<>();
        for (JsonNode requirement : list(operation.path("security"))) {
            requirement.elements().forEachRemaining(scopes -> scopes.elements().forEachRemaining(role -> roles.add(role.asText())));
        }
        return List.copyOf(roles);
    }

    /** The schema's first {@code examples} entry or its {@code example}; null when it has neither. */
    static JsonNode firstExample(JsonNode schema) {
        if (schema.path("examples").isArray() && !schema.path("examples").isEmpty()) {
            return schema.path("examples").get(0);
        }
        return schema.get("example");
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.elements().forEachRemaining(items::add);
        return items;
    }

    /**
     * One operation of the document.
     *
     * @param roles the roles its security requirement names; empty for an operation open to anyone
     * @param body  its request body, or null when it takes none
     */
    record ApiOperation(String method, String path, List<String> roles, List<ApiParameter> parameters, ApiBody body) {

        /** {@code POST /api/v1/evidence}, as the report prints it. */
        String name() {
            return method + " " + path;
        }
    }

    /**
     * A path, query or header parameter.
     *
     * @param in      {@code path}, {@code query} or {@code header}
     * @param example the document's example for it, or null
     */
    record ApiParameter(String name, String in, JsonNode schema, JsonNode example, boolean required) {
    }

    /**
     * A request body: the first media type the operation consumes.
     *
     * @param example the document's first example of the whole body, or null
     */
    record ApiBody(String mediaType, JsonNode schema, JsonNode example, boolean required) {
    }
}
