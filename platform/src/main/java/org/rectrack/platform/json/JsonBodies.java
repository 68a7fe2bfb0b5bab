package org.rectrack.platform.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.OptionalInt;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;

import org.rectrack.platform.problem.ProblemException;
import org.rectrack.platform.validation.UnicodeText;

/**
 * Checks a JSON request body as text before it is read into a request, whatever the request's type (a record, a
 * tree, or a string the gateway passes on): it must be UTF-8 (RFC 8259 §8.1), every string and field name must be
 * Unicode text, and no object may name a field twice (RFC 8259 §4 leaves duplicates to the reader: Jackson keeps
 * the last, so {@code "visibility":"RESTRICTED", …, "visibility":"PUBLIC"} would publish), and no string may hold a
 * character rectrack's reports cannot print ({@link UnicodeText#unprintableAt}). Each refusal is a 400
 * naming the field as the other validation errors do ({@code recommendations[1].text}). A body that is not JSON at
 * all passes: the reader that follows says where it stops.
 */
public final class JsonBodies {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonBodies() {
    }

    /** @throws ProblemException 400 naming the first field that is not UTF-8, not Unicode, not printable, or given twice */
    public static void check(byte[] body) {
        OptionalInt malformed = UnicodeText.malformedUtf8At(body);
        if (malformed.isPresent()) {
            int at = malformed.getAsInt();
            throw ProblemException.badRequest(fieldAt(Arrays.copyOf(body, at)),
                    "is not UTF-8: the bytes from offset " + at + " of the body are no character");
        }
        try (JsonParser parser = JSON.createParser(body)) {
            // A duplicate is found here rather than by STRICT_DUPLICATE_DETECTION: Jackson reports that as a
            // plain parse error, which a caller could tell from a syntax error only by its message.
            Deque<Set<String>> objects = new ArrayDeque<>();
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                switch (token) {
                    case START_OBJECT -> objects.push(new HashSet<>());
                    case END_OBJECT -> objects.pop();
                    case FIELD_NAME -> {
                        String name = parser.currentName();
                        if (UnicodeText.unpairedSurrogateAt(name).isPresent()) {
                            throw ProblemException.badRequest(path(parser.getParsingContext()),
                                    "is not a valid field name: it holds half of a surrogate pair");
                        }
                        if (!objects.peek().add(name)) {
                            throw ProblemException.badRequest(path(parser.getParsingContext()),
                                    "is given more than once; give each field once");
                        }
                    }
                    case VALUE_STRING -> {
                        OptionalInt surrogate = UnicodeText.unpairedSurrogateAt(parser.getText());
                        if (surrogate.isPresent()) {
                            throw ProblemException.badRequest(path(parser.getParsingContext()),
                                    "is not Unicode text: character " + surrogate.getAsInt()
                                            + " is half of a surrogate pair (an escape such as \\ud800 alone)");
                        }
                        OptionalInt unprintable = UnicodeText.unprintableAt(parser.getText());
                        if (unprintable.isPresent()) {
                            throw ProblemException.badRequest(path(parser.getParsingContext()),
                                    UnicodeText.unprintableMessage(parser.getText(), unprintable.getAsInt()));
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (JsonProcessingException notJson) {
            // Left to the reader, whose answer names the line and column.
        } catch (IOException e) {
            throw new UncheckedIOException("reading a body held in memory", e);
        }
    }

    /** The field being read where {@code prefix} ends: where the first byte that is no UTF-8 stands. */
    private static String fieldAt(byte[] prefix) {
        try (JsonParser parser = JSON.createParser(prefix)) {
            try {
                while (parser.nextToken() != null) {
                    // read on to where the valid bytes end
                }
            } catch (JsonProcessingException endOfPrefix) {
                // expected: the prefix ends inside a value
            }
            return path(parser.getParsingContext());
        } catch (IOException e) {
            return "body";
        }
    }

    /** {@code recommendations[1].text}, the form ProblemMappers gives every field; {@code body} at the top. */
    static String path(JsonStreamContext context) {
        Deque<String> steps = new ArrayDeque<>();
        for (JsonStreamContext step = context; step != null && !step.inRoot(); step = step.getParent()) {
            if (step.inArray()) {
                steps.push("[" + Math.max(step.getCurrentIndex(), 0) + "]");
            } else if (step.getCurrentName() != null) {
                steps.push("." + UnicodeText.printable(step.getCurrentName()));
            }
        }
        String path = String.join("", steps);
        if (path.startsWith(".")) {
            path = path.substring(1);
        }
        return path.isEmpty() ? "body" : path;
    }
}
