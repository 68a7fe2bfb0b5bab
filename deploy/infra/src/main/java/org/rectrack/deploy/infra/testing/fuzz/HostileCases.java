package org.rectrack.deploy.infra.testing.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import org.rectrack.deploy.infra.testing.fuzz.ApiDocument.ApiBody;
import org.rectrack.deploy.infra.testing.fuzz.ApiDocument.ApiOperation;
import org.rectrack.deploy.infra.testing.fuzz.ApiDocument.ApiParameter;
import org.rectrack.deploy.infra.testing.fuzz.FuzzCase.Auth;

/**
 * Plans the hostile requests for one operation: a valid-looking request (the document's example, or one built
 * from the schema) sent once per role, then that request with one thing wrong in each: one body field
 * mutated (wrong type, null, left out, huge or negative or overflowing numbers, NUL, unpaired surrogates,
 * invalid UTF-8, very long text, non-dates, deep nesting, a duplicate key), an unknown field, a body that
 * is not JSON or over the size limit, an odd media type, a bad path, query or header parameter, or bad
 * credentials. A case is marked {@code mustRefuse} when the input is wrong whatever the data holds (RFC 8259
 * and RFC 3629 for the text, the schema for types and required fields, the issue's rules for dates,
 * duplicate keys and repeated parameters): anything but a 4xx answer to it is a failure.
 */
final class HostileCases {

    static final String UNKNOWN_FIELD = "fuzzUnknownField";
    private static final String INVALID_UTF8_MARKER = "@@fuzz-invalid-utf8@@";
    /** A lone continuation byte, an overlong encoding of '/', and a byte that never occurs in UTF-8. */
    private static final byte[] INVALID_UTF8 = { 'a', (byte) 0x80, (byte) 0xC0, (byte) 0xAF, (byte) 0xFF, 'b' };
    private static final int DEEP = 5_000;
    private static final int LONG_TEXT = 100_000;
    /**
     * Long, yet within the HTTP server's request line and header limits (Vert.x: 4096 and 8192 bytes): past them
     * the connection's decoder answers a bare 414 or 431 before any handler of the service runs.
     */
    private static final int LONG_PARAMETER = 2_000;

    private final ApiDocument document;
    private final ObjectMapper json;
    private final Random random;
    private final Map<String, Supplier<?>> values;
    private final Map<String, Supplier<String>> exampleBodies;
    private final long maxBodyBytes;

    HostileCases(ApiDocument document, ObjectMapper json, Random random, Map<String, Supplier<?>> values,
            Map<String, Supplier<String>> exampleBodies, long maxBodyBytes) {
        this.document = document;
        this.json = json;
        this.random = random;
        this.values = values;
        this.exampleBodies = exampleBodies;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Every case for {@code operation}: first the valid request once per role, then the hostile ones. */
    List<FuzzCase> plan(ApiOperation operation, List<String> otherRoles) {
        Plan plan = new Plan(operation);
        for (String role : operation.roles()) {
            plan.add(plan.draft("valid request as " + role).role(role));
        }
        if (operation.roles().isEmpty()) {
            plan.add(plan.draft("valid request"));
        }
        credentials(plan, otherRoles);
        parameters(plan);
        if (operation.body() == null) {
            bodyless(plan);
        } else if (isJson(operation.body().mediaType())) {
            jsonBody(plan);
        } else {
            textBody(plan);
        }
        acceptHeaders(plan);
        return plan.cases;
    }

    // ---- credentials ----

    private void credentials(Plan plan, List<String> otherRoles) {
        if (plan.operation.roles().isEmpty()) {
            return;
        }
        plan.add(plan.draft("no token").auth(Auth.NONE).refuse());
        plan.add(plan.draft("a bearer token that is not a JWT").auth(Auth.GARBAGE).refuse());
        plan.add(plan.draft("an expired token").auth(Auth.EXPIRED).refuse());
        plan.add(plan.draft("Basic credentials").auth(Auth.BASIC).refuse());
        for (String other : otherRoles) {
            if (!plan.operation.roles().contains(other)) {
                plan.add(plan.draft("a token of role " + other + ", which this operation does not accept")
                        .auth(Auth.OTHER_ROLE).role(other).refuse());
                break;
            }
        }
    }

    // ---- path, query and header parameters ----

    private void parameters(Plan plan) {
        for (ApiParameter parameter : plan.operation.parameters()) {
            switch (parameter.in()) {
                case "path" -> {
                    for (Hostile value : parameterValues(parameter)) {
                        plan.add(plan.draft("path " + parameter.name() + ": " + value.label)
                                .path(parameter.name(), value.encoded).refuseIf(value.mustRefuse));
                    }
                }
                case "query" -> {
                    for (Hostile value : parameterValues(parameter)) {
                        plan.add(plan.draft("query " + parameter.name() + ": " + value.label)
                                .query(parameter.name(), value.encoded).refuseIf(value.mustRefuse));
                    }
                    String first = queryValue(parameter);
                    plan.add(plan.draft("query " + parameter.name() + " given twice, with different values")
                            .query(parameter.name(), encode(first), encode(different(first))).refuse());
                }
                case "header" -> {
                    for (String value : List.of("not-a-uuid", "", " ", "x".repeat(LONG_PARAMETER), "a, b")) {
                        plan.add(plan.draft("header " + parameter.name() + ": " + describe(value))
                                .header(parameter.name(), value));
                    }
                }
                default -> {
                }
            }
        }
        plan.add(plan.draft("an unknown query parameter").extraQuery(UNKNOWN_FIELD, "1"));
    }

    private List<Hostile> parameterValues(ApiParameter parameter) {
        boolean uuid = "uuid".equals(parameter.schema().path("format").asText());
        List<Hostile> hostile = new ArrayList<>(List.of(
                new Hostile("not-a-uuid", "not-a-uuid", uuid),
                new Hostile("a random UUID", UUID.nameUUIDFromBytes(longBytes(random.nextLong())).toString(), false),
                new Hostile("the nil UUID", "00000000-0000-0000-0000-000000000000", false),
                new Hostile("empty", "", false),
                new Hostile("-1", "-1", uuid),
                new Hostile("2147483648 (over int)", "2147483648", uuid),
                new Hostile("99999999999999999999 (over long)", "99999999999999999999", uuid),
                new Hostile("1e400", "1e400", uuid),
                new Hostile("NaN", "NaN", uuid),
                new Hostile("a NUL byte", "a%00b", uuid),
                new Hostile("an unpaired surrogate (CESU-8 bytes)", "%ED%A0%80", true),
                new Hostile("invalid UTF-8 bytes", "%80%C0%AF%FF", true),
                new Hostile("Lao text", encode("\u0ea5\u0eb2\u0ea7"), uuid),
                new Hostile(LONG_PARAMETER + " characters", "x".repeat(LONG_PARAMETER), uuid),
                new Hostile("an encoded slash", "..%2F..%2Fetc", uuid),
                new Hostile("spaces", "%20%20", uuid)));
        if (parameter.in().equals("path")) {
            // An empty path segment names another route; it says nothing about this parameter.
            hostile.removeIf(value -> value.encoded.isEmpty());
        }
        return hostile;
    }

    // ---- bodies ----

    private void bodyless(Plan plan) {
        plan.add(plan.draft("a JSON body the operation does not take").body("application/json",
                "{\"x\":1}".getBytes(StandardCharsets.UTF_8)));
        oversized(plan, "application/json");
    }

    private void textBody(Plan plan) {
        String type = plan.operation.body().mediaType();
        boolean required = plan.operation.body().required();
        List<Object[]> texts = List.of(
                new Object[] { "empty", new byte[0], false },
                new Object[] { "a NUL character", utf8(plan.text() + "\u0000 after NUL"), false },
                new Object[] { "an unpaired surrogate (CESU-8 bytes)", concat(utf8(plan.text()), new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }), true },
                new Object[] { "invalid UTF-8 bytes", concat(utf8(plan.text()), INVALID_UTF8), true },
                new Object[] { "a byte order mark", concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, utf8(plan.text())), false },
                new Object[] { "just under the size limit", utf8("x".repeat((int) maxBodyBytes - 64)), false },
                new Object[] { "JSON", utf8("{\"text\": \"" + plan.text().replace("\"", "'").replace("\n", " ") + "\"}"), false });
        for (Object[] text : texts) {
            plan.add(plan.draft("text body: " + text[0]).body(type, (byte[]) text[1]).refuseIf((boolean) text[2]));
        }
        plan.add(plan.draft("text body sent as UTF-16").body(type + "; charset=UTF-16", plan.text().getBytes(StandardCharsets.UTF_16)));
        plan.add(plan.draft("text body declared latin1").body(type + "; charset=ISO-8859-1", utf8(plan.text())));
        mediaTypes(plan, utf8(plan.text()), List.of("application/json", "text/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=fuzz"), required);
        oversized(plan, type);
    }

    private void jsonBody(Plan plan) {
        ApiBody body = plan.operation.body();
        JsonNode base = plan.baseBody();
        List<Location> locations = new ArrayList<>();
        walk(base, body.schema(), JsonPointer.empty(), "", false, null, locations);
        for (Location location : locations) {
            for (Mutation mutation : mutations(location)) {
                plan.add(plan.draft("body " + location.label + ": " + mutation.label)
                        .jsonBody(root -> mutation.apply.apply(root)).refuseIf(mutation.mustRefuse));
            }
        }
        for (Location object : objects(base, body.schema(), locations)) {
            plan.add(plan.draft("body " + (object.label.isEmpty() ? "(top level)" : object.label) + ": an unknown field")
                    .jsonBody(root -> {
                        ((ObjectNode) root.at(object.pointer)).put(UNKNOWN_FIELD, "x");
                        return root;
                    }).refuseIf(!allowsAdditional(object.schema)));
        }
        boolean required = body.required();
        String type = body.mediaType();
        plan.add(plan.draft("empty body").body(type, new byte[0]).refuseIf(required));
        plan.add(plan.draft("body null").body(type, utf8("null")).refuseIf(required));
        plan.add(plan.draft("body cut short").body(type, truncated(plan.serialize(base))).refuse());
        plan.add(plan.draft("body followed by a second JSON value").body(type,
                concat(plan.serialize(base), utf8(" {\"" + UNKNOWN_FIELD + "\":1}"))).refuse());
        plan.add(plan.draft("body a JSON array").body(type, utf8("[]")).refuseIf(isObject(body.schema())));
        plan.add(plan.draft("body a JSON string").body(type, utf8("\"x\"")).refuseIf(isObject(body.schema())));
        plan.add(plan.draft("body a JSON number").body(type, utf8("42")).refuseIf(isObject(body.schema())));
        plan.add(plan.draft("body nested " + DEEP + " objects deep").body(type,
                utf8("{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP))).refuse());
        plan.add(plan.draft("body nested " + DEEP + " arrays deep").body(type, utf8("[".repeat(DEEP) + "]".repeat(DEEP))).refuse());
        plan.add(plan.draft("body with a byte order mark").body(type,
                concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, plan.serialize(base))));
        plan.add(plan.draft("body in UTF-16").body(type + "; charset=UTF-16",
                new String(plan.serialize(base), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16BE)));
        plan.add(plan.draft("body with a NUL byte outside strings").body(type,
                concat(plan.serialize(base), new byte[] { 0 })).refuse());
        mediaTypes(plan, plan.serialize(base), List.of("text/xml", "application/xml", "text/plain",
                "application/x-www-form-urlencoded", "multipart/form-data; boundary=fuzz"), required);
        plan.add(plan.draft("media type application/json;charset=latin1").body("application/json;charset=latin1", plan.serialize(base)));
        oversized(plan, type);
    }

    private void mediaTypes(Plan plan, byte[] body, List<String> refused, boolean required) {
        plan.add(plan.draft("no Content-Type").body(null, body));
        for (String type : refused) {
            plan.add(plan.draft("media type " + type).body(type, body).refuseIf(required));
        }
        for (String type : List.of("not a media type", "application/json;;;", "*/*", "application/json; charset=no-such-charset")) {
            plan.add(plan.draft("media type " + type).body(type, body));
        }
    }

    private void oversized(Plan plan, String type) {
        byte[] big = oversizedBody(type);
        plan.add(plan.draft("body over the size limit, with Content-Length").body(type, big).refuse());
        plan.add(plan.draft("body over the size limit, chunked").body(type, big).chunked().refuse());
    }

    private byte[] oversizedBody(String type) {
        int size = (int) Math.min(Integer.MAX_VALUE - 64L, maxBodyBytes + 64 * 1024);
        if (isJson(type)) {
            return utf8("{\"" + UNKNOWN_FIELD + "\":\"" + "x".repeat(size) + "\"}");
        }
        return utf8("x".repeat(size));
    }

    private void acceptHeaders(Plan plan) {
        for (String accept : List.of("text/xml", "application/xml;q=1, */*;q=0", "not a media type", "application/json;q=0")) {
            plan.add(plan.draft("Accept " + accept).header("Accept", accept));
        }
    }

    // ---- the body's fields and their mutations ----

    /** One place in the base body: a field of an object or an element of an array, and its schema. */
    private record Location(JsonPointer pointer, String label, JsonNode schema, boolean required, String fieldName,
            JsonNode value) {
    }

    private record Mutation(String label, boolean mustRefuse, Function<JsonNode, JsonNode> apply) {
    }

    private record Hostile(String label, String encoded, boolean mustRefuse) {
    }

    private void walk(JsonNode node, JsonNode schema, JsonPointer pointer, String label, boolean required, String fieldName,
            List<Location> out) {
        if (!pointer.matches()) {
            out.add(new Location(pointer, label, schema, required, fieldName, node));
        }
        if (node.isObject()) {
            List<String> requiredFields = new ArrayList<>();
            schema.path("required").elements().forEachRemaining(name -> requiredFields.add(name.asText()));
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                walk(field.getValue(), document.resolve(schema.path("properties").get(field.getKey())),
                        pointer.append(JsonPointer.compile("/" + escape(field.getKey()))),
                        label.isEmpty() ? field.getKey() : label + "." + field.getKey(),
                        requiredFields.contains(field.getKey()), field.getKey(), out);
            }
        } else if (node.isArray()) {
            JsonNode items = document.resolve(schema.path("items"));
            // The first element stands for the others: the same code reads every element.
            if (!node.isEmpty()) {
                walk(node.get(0), items, pointer.append(JsonPointer.compile("/0")), label + "[0]", false, null, out);
            }
        }
    }

    private List<Location> objects(JsonNode base, JsonNode schema, List<Location> locations) {
        List<Location> objects = new ArrayList<>();
        if (base.isObject()) {
            objects.add(new Location(JsonPointer.empty(), "", schema, true, null, base));
        }
        locations.stream().filter(location -> location.value.isObject()).forEach(objects::add);
        return objects;
    }

    private List<Mutation> mutations(Location at) {
        List<Mutation> mutations = new ArrayList<>();
        mutations.add(replace("null", at.required, JsonNodeFactory.instance.nullNode(), at));
        if (at.fieldName != null) {
            mutations.add(new Mutation("left out", at.required, root -> {
                ((ObjectNode) root.at(at.pointer.head())).remove(at.fieldName);
                return root;
            }));
            mutations.add(new Mutation("given twice (duplicate key)", true, root -> {
                JsonNode value = root.at(at.pointer);
                return set(root, at.pointer, raw(text(value) + "," + text(JsonNodeFactory.instance.textNode(at.fieldName))
                        + ":" + text(value)));
            }));
        }
        mutations.add(rawReplace("nested " + DEEP + " arrays deep", true, "[".repeat(DEEP) + "]".repeat(DEEP), at));
        JsonNode value = at.value;
        if (value.isTextual()) {
            mutations.add(rawReplace("an object instead of a string", true, "{}", at));
            mutations.add(rawReplace("an array instead of a string", true, "[]", at));
            texts(at, mutations);
        } else if (value.isNumber()) {
            mutations.add(replace("a word instead of a number", true, JsonNodeFactory.instance.textNode("many"), at));
            mutations.add(rawReplace("an object instead of a number", true, "{}", at));
            mutations.add(rawReplace("an array instead of a number", true, "[]", at));
            numbers(at, mutations);
        } else if (value.isBoolean()) {
            mutations.add(replace("a word instead of true or false", true, JsonNodeFactory.instance.textNode("maybe"), at));
            mutations.add(rawReplace("an object instead of true or false", true, "{}", at));
        } else if (value.isObject()) {
            mutations.add(replace("a string instead of an object", true, JsonNodeFactory.instance.textNode("x"), at));
            mutations.add(rawReplace("an array instead of an object", true, "[]", at));
            mutations.add(rawReplace("a number instead of an object", true, "42", at));
        } else if (value.isArray()) {
            mutations.add(rawReplace("an object instead of an array", true, "{}", at));
            mutations.add(replace("a string instead of an array", true, JsonNodeFactory.instance.textNode("x"), at));
            if (!value.isEmpty()) {
                mutations.add(new Mutation("10000 elements", false, root -> {
                    ArrayNode many = JsonNodeFactory.instance.arrayNode();
                    for (int i = 0; i < 10_000; i++) {
                        many.add(root.at(at.pointer).get(0).deepCopy());
                    }
                    return set(root, at.pointer, many);
                }));
            }
        }
        return mutations;
    }

    private void texts(Location at, List<Mutation> mutations) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        mutations.add(replace("empty", false, nodes.textNode(""), at));
        mutations.add(replace("only spaces", false, nodes.textNode("   "), at));
        mutations.add(replace("a NUL character", false, nodes.textNode("a\u0000b"), at));
        mutations.add(replace("control characters", false, nodes.textNode("a\u0001\u001f\u007fb"), at));
        mutations.add(replace(LONG_TEXT + " characters", false, nodes.textNode("x".repeat(LONG_TEXT)), at));
        mutations.add(replace("an emoji (a valid surrogate pair)", false, nodes.textNode("\ud83d\ude00"), at));
        mutations.add(replace("a right-to-left override", false, nodes.textNode("\u202egnp.exe"), at));
        mutations.add(replace("a spreadsheet formula", false, nodes.textNode("=HYPERLINK(\"http://x\")"), at));
        mutations.add(rawReplace("an unpaired high surrogate \\ud800", true, "\"\\ud800\"", at));
        mutations.add(rawReplace("an unpaired low surrogate \\udc00", true, "\"x\\udc00\"", at));
        mutations.add(rawReplace("a high surrogate before a letter \\ud800A", true, "\"\\ud800A\"", at));
        mutations.add(rawReplace("invalid UTF-8 bytes", true, "\"" + INVALID_UTF8_MARKER + "\"", at));
        mutations.add(rawReplace("a raw control character in the string", true, "\"a\u0001b\"", at));
        String format = at.schema.path("format").asText();
        if (format.equals("date")) {
            mutations.add(replace("a negative year -2023-03-01", true, nodes.textNode("-2023-03-01"), at));
            mutations.add(replace("a date-time 2023-03-01T23:30:00Z", true, nodes.textNode("2023-03-01T23:30:00Z"), at));
            mutations.add(replace("an epoch-day number 19417", true, nodes.numberNode(19417), at));
            mutations.add(replace("30 February", true, nodes.textNode("2023-02-30"), at));
            mutations.add(replace("a five-digit year +10000-01-01", true, nodes.textNode("+10000-01-01"), at));
            mutations.add(replace("a two-digit year 23-03-01", true, nodes.textNode("23-03-01"), at));
            mutations.add(replace("year 1", false, nodes.textNode("0001-01-01"), at));
            mutations.add(replace("year 9999", false, nodes.textNode("9999-12-31"), at));
        } else if (format.equals("date-time")) {
            mutations.add(replace("hour 25", true, nodes.textNode("2023-12-31T25:00:00Z"), at));
            mutations.add(replace("a number", false, nodes.numberNode(1_700_000_000L), at));
        } else if (format.equals("uuid")) {
            mutations.add(replace("not-a-uuid", true, nodes.textNode("not-a-uuid"), at));
            mutations.add(replace("a UUID in braces", true, nodes.textNode("{" + UUID.randomUUID() + "}"), at));
            mutations.add(replace("an unknown UUID", false, nodes.textNode(UUID.nameUUIDFromBytes(longBytes(random.nextLong())).toString()), at));
            mutations.add(replace("the nil UUID", false, nodes.textNode("00000000-0000-0000-0000-000000000000"), at));
        }
        if (at.schema.has("enum")) {
            mutations.add(replace("not one of the allowed values", true, nodes.textNode("NOT_A_VALUE"), at));
            mutations.add(replace("in lower case", false, nodes.textNode(at.value.asText().toLowerCase()), at));
        }
    }

    private void numbers(Location at, List<Mutation> mutations) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        for (String number : List.of("-1", "0", "2147483648", "-2147483649", "9223372036854775808", "-9223372036854775809",
                "1e400", "-1e400", "1e-400", "1.5", "0.001", "123456789012345678901234567890.123456789", "-0")) {
            mutations.add(rawReplace(number, false, number, at));
        }
        mutations.add(rawReplace("NaN", true, "NaN", at));
        mutations.add(rawReplace("Infinity", true, "Infinity", at));
        mutations.add(rawReplace("a leading zero 0300", true, "0300", at));
        mutations.add(replace("a number in a string", false, nodes.textNode(at.value.asText()), at));
    }

    private Mutation replace(String label, boolean mustRefuse, JsonNode replacement, Location at) {
        return new Mutation(label, mustRefuse, root -> set(root, at.pointer, replacement.deepCopy()));
    }

    private Mutation rawReplace(String label, boolean mustRefuse, String raw, Location at) {
        return new Mutation(label, mustRefuse, root -> set(root, at.pointer, raw(raw)));
    }

    private static JsonNode raw(String raw) {
        return JsonNodeFactory.instance.rawValueNode(new RawValue(raw));
    }

    private static JsonNode set(JsonNode root, JsonPointer pointer, JsonNode value) {
        JsonNode parent = root.at(pointer.head());
        String last = pointer.last().getMatchingProperty();
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(pointer.last().getMatchingIndex(), value);
        }
        return root;
    }

    private String text(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- values ----

    /** The base body: the operation's example (or one given to the fuzzer), or one built from the schema. */
    JsonNode exampleBody(ApiOperation operation) {
        Supplier<String> given = exampleBodies.get(operation.name());
        try {
            JsonNode body;
            if (given != null) {
                body = json.readTree(given.get());
            } else if (operation.body().example() != null) {
                body = operation.body().example().deepCopy();
            } else {
                body = sample(operation.body().schema(), null, 0);
            }
            return withValues(body, operation.body().schema());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the example body of " + operation.name() + " is not JSON", e);
        }
    }

    /** The base text of a text body: the one given to the fuzzer, the document's example, or a line of text. */
    String exampleText(ApiOperation operation) {
        Supplier<String> given = exampleBodies.get(operation.name());
        if (given != null) {
            return given.get();
        }
        JsonNode example = operation.body().example() != null ? operation.body().example()
                : ApiDocument.firstExample(operation.body().schema());
        return example == null ? "fuzz" : example.asText();
    }

    /** A valid-looking value for a query parameter: one given to the fuzzer, the document's example, or a sample. */
    String queryValue(ApiParameter parameter) {
        Supplier<?> given = values.get(parameter.name());
        if (given != null) {
            return String.valueOf(given.get());
        }
        if (parameter.example() != null) {
            return parameter.example().asText();
        }
        return sample(parameter.schema(), parameter.name(), 0).asText();
    }

    private JsonNode withValues(JsonNode node, JsonNode schema) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                Supplier<?> given = values.get(field.getKey());
                if (given != null) {
                    field.setValue(json.valueToTree(given.get()));
                } else {
                    field.setValue(withValues(field.getValue(), document.resolve(schema.path("properties").get(field.getKey()))));
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, withValues(array.get(i), document.resolve(schema.path("items"))));
            }
        }
        return node;
    }

    /** A value the schema accepts, as far as its keywords tell: examples first, then enum, format and bounds. */
    private JsonNode sample(JsonNode schema, String name, int depth) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (name != null && values.containsKey(name)) {
            return json.valueToTree(values.get(name).get());
        }
        JsonNode example = ApiDocument.firstExample(schema);
        if (example != null) {
            return example.deepCopy();
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0).deepCopy();
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object" -> {
                ObjectNode object = nodes.objectNode();
                List<String> required = new ArrayList<>();
                schema.path("required").elements().forEachRemaining(field -> required.add(field.asText()));
                for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = properties.next();
                    JsonNode resolved = document.resolve(property.getValue());
                    boolean described = ApiDocument.firstExample(resolved) != null || values.containsKey(property.getKey());
                    if (depth < 8 && (required.contains(property.getKey()) || described)) {
                        object.set(property.getKey(), sample(resolved, property.getKey(), depth + 1));
                    }
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = nodes.arrayNode();
                if (depth < 8) {
                    array.add(sample(document.resolve(schema.path("items")), null, depth + 1));
                }
                return array;
            }
            case "integer" -> {
                return nodes.numberNode(schema.path("minimum").asLong(1));
            }
            case "number" -> {
                return nodes.numberNode(schema.path("minimum").asDouble(1));
            }
            case "boolean" -> {
                return nodes.booleanNode(true);
            }
            default -> {
                return nodes.textNode(switch (schema.path("format").asText()) {
                    case "date" -> "2023-03-01";
                    case "date-time" -> "2023-12-31T23:59:59Z";
                    case "uuid" -> UUID.nameUUIDFromBytes(longBytes(random.nextLong())).toString();
                    case "uri", "url" -> "https://example.org/fuzz";
                    default -> "fuzz text";
                });
            }
        }
    }

    private static String different(String value) {
        if (value.matches("-?\\d{1,9}")) {
            return Long.toString(Long.parseLong(value) + 1);
        }
        if (value.matches("[0-9a-fA-F-]{36}")) {
            return UUID.nameUUIDFromBytes(utf8(value)).toString();
        }
        return value + "x";
    }

    private static boolean isJson(String mediaType) {
        String type = mediaType.toLowerCase().split(";")[0].trim();
        return type.equals("application/json") || type.endsWith("+json");
    }

    private static boolean isObject(JsonNode schema) {
        return schema.path("type").asText().equals("object") || schema.has("properties");
    }

    private static boolean allowsAdditional(JsonNode schema) {
        JsonNode additional = schema.get("additionalProperties");
        return additional != null && !(additional.isBoolean() && !additional.asBoolean());
    }

    private static String escape(String field) {
        return field.replace("~", "~0").replace("/", "~1");
    }

    /** Percent-encodes every byte of the UTF-8 form except RFC 3986's unreserved characters. */
    static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return encoded.toString();
    }

    private static String describe(String value) {
        return value.length() > 40 ? value.length() + " characters" : "'" + value + "'";
    }

    private static byte[] truncated(byte[] body) {
        return Arrays.copyOf(body, Math.max(1, body.length / 2));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] longBytes(long value) {
        return java.nio.ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] joined = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, joined, first.length, second.length);
        return joined;
    }

    /** {@code body} with every occurrence of {@code marker}'s UTF-8 bytes replaced by {@code replacement}. */
    static byte[] replaceBytes(byte[] body, String marker, byte[] replacement) {
        byte[] pattern = marker.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
        for (int i = 0; i < body.length; ) {
            if (i <= body.length - pattern.length && Arrays.equals(body, i, i + pattern.length, pattern, 0, pattern.length)) {
                out.writeBytes(replacement);
                i += pattern.length;
            } else {
                out.write(body[i++]);
            }
        }
        return out.toByteArray();
    }

    // ---- building cases ----

    /** The cases of one operation, and the drafts they start from. */
    private final class Plan {

        private final ApiOperation operation;
        private final List<FuzzCase> cases = new ArrayList<>();

        Plan(ApiOperation operation) {
            this.operation = operation;
        }

        Draft draft(String label) {
            Draft draft = new Draft(label);
            if (operation.body() != null) {
                if (isJson(operation.body().mediaType())) {
                    draft.jsonBody(Function.identity());
                } else {
                    draft.body(operation.body().mediaType(), utf8(text()));
                }
            }
            return draft;
        }

        void add(Draft draft) {
            cases.add(draft.build(operation));
        }

        JsonNode baseBody() {
            return exampleBody(operation);
        }

        String text() {
            return exampleText(operation);
        }

        byte[] serialize(JsonNode body) {
            try {
                return replaceBytes(json.writeValueAsBytes(body), INVALID_UTF8_MARKER, INVALID_UTF8);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        /** One case being put together; what it does not set stays valid. */
        final class Draft {
            private final String label;
            private Auth auth = Auth.ROLE;
            private String role;
            private final Map<String, String> pathValues = new LinkedHashMap<>();
            private final Map<String, List<String>> queryValues = new LinkedHashMap<>();
            private final List<Map.Entry<String, String>> extraQuery = new ArrayList<>();
            private final Map<String, String> headers = new LinkedHashMap<>();
            private String contentType;
            private byte[] body;
            private boolean chunked;
            private boolean mustRefuse;

            Draft(String label) {
                this.label = label;
            }

            Draft auth(Auth auth) {
                this.auth = auth;
                return this;
            }

            Draft role(String role) {
                this.role = role;
                return this;
            }

            Draft path(String name, String encoded) {
                pathValues.put(name, encoded);
                return this;
            }

            Draft query(String name, String... encoded) {
                queryValues.put(name, List.of(encoded));
                return this;
            }

            Draft extraQuery(String name, String encoded) {
                extraQuery.add(Map.entry(name, encoded));
                return this;
            }

            Draft header(String name, String value) {
                headers.put(name, value);
                return this;
            }

            Draft body(String contentType, byte[] body) {
                this.contentType = contentType;
                this.body = body;
                return this;
            }

            Draft jsonBody(Function<JsonNode, JsonNode> mutation) {
                return body(operation.body() == null ? "application/json" : operation.body().mediaType(),
                        serialize(mutation.apply(baseBody())));
            }

            Draft chunked() {
                this.chunked = true;
                return this;
            }

            Draft refuse() {
                return refuseIf(true);
            }

            Draft refuseIf(boolean mustRefuse) {
                this.mustRefuse = this.mustRefuse || mustRefuse;
                return this;
            }

            FuzzCase build(ApiOperation operation) {
                List<Map.Entry<String, String>> query = new ArrayList<>();
                for (ApiParameter parameter : operation.parameters()) {
                    if (!parameter.in().equals("query")) {
                        continue;
                    }
                    List<String> set = queryValues.get(parameter.name());
                    if (set != null) {
                        set.forEach(value -> query.add(Map.entry(parameter.name(), value)));
                    } else if (values.containsKey(parameter.name()) || parameter.required()) {
                        query.add(Map.entry(parameter.name(), encode(queryValue(parameter))));
                    }
                }
                query.addAll(extraQuery);
                return new FuzzCase(label, auth, role, Map.copyOf(pathValues), List.copyOf(query), Map.copyOf(headers),
                        contentType, body, chunked, mustRefuse);
            }
        }
    }
}
