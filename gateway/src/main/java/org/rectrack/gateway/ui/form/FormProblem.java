package org.rectrack.gateway.ui.form;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.rectrack.platform.problem.Problem;

/**
 * A problem (RFC 9457) that a write answered a page's form, as the form shows it: each {@code errors[{field,
 * message}]} beside the input of that name (the form's inputs are named by the same JSON paths as the request's
 * fields), and the title and detail above the form. The form is shown again with everything typed, in the problem's
 * status (a 400 stays a 400, a 503 keeps its Retry-After).
 *
 * @param status     the HTTP status of the problem
 * @param title      the problem's title
 * @param detail     the problem's detail, or null
 * @param fields     the message for each field the problem names, in the problem's order
 * @param retryAfter the Retry-After of a 503, or null
 */
public record FormProblem(int status, String title, String detail, Map<String, String> fields, String retryAfter) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** No problem: a form shown for the first time, or again after "add a row". */
    public static FormProblem none() {
        return new FormProblem(200, null, null, Map.of(), null);
    }

    /**
     * The problem of a write's answer, as {@code Routing.write} relays it (status and problem+json bytes).
     *
     * @param answer a non-2xx answer
     * @param rename maps a field the service names to the form's input of it (an index in a list of rows the form
     *               sent only in part), or returns it unchanged
     */
    public static FormProblem of(Response answer, UnaryOperator<String> rename) {
        Map<String, String> fields = new LinkedHashMap<>();
        String title = Response.Status.fromStatusCode(answer.getStatus()) == null ? "HTTP " + answer.getStatus()
                : Response.Status.fromStatusCode(answer.getStatus()).getReasonPhrase();
        String detail = null;
        if (answer.getEntity() instanceof byte[] body && body.length > 0) {
            try {
                JsonNode problem = JSON.readTree(body);
                title = problem.path("title").asText(title);
                detail = problem.path("detail").isTextual() ? problem.path("detail").asText() : null;
                for (JsonNode error : problem.path("errors")) {
                    // Two messages on one field are both shown.
                    fields.merge(rename.apply(error.path("field").asText()), error.path("message").asText(),
                            (first, second) -> first + "; " + second);
                }
            } catch (IOException notJson) {
                detail = null;
            }
        } else if (answer.getEntity() instanceof Problem problem) {
            title = problem.title();
            detail = problem.detail();
            if (problem.errors() != null) {
                problem.errors().forEach(error -> fields.merge(rename.apply(error.field()), error.message(),
                        (first, second) -> first + "; " + second));
            }
        }
        return new FormProblem(answer.getStatus(), title, detail, fields, answer.getHeaderString(HttpHeaders.RETRY_AFTER));
    }

    /** A write that could not be made at all (its owner down or too slow: {@code Routing}'s 503). */
    public static FormProblem of(WebApplicationException unavailable) {
        Response response = unavailable.getResponse();
        return new FormProblem(response.getStatus(), Response.Status.fromStatusCode(response.getStatus())
                .getReasonPhrase(), unavailable.getMessage(), Map.of(), response.getHeaderString(HttpHeaders.RETRY_AFTER));
    }

    /** A problem the page finds itself, before anything is sent (a row that is not a number, say). */
    public static FormProblem invalid(Map<String, String> fields) {
        return new FormProblem(400, "Request is not valid", null, Map.copyOf(fields), null);
    }

    public boolean any() {
        return title != null;
    }

    /** The message for the input named {@code field}, or null. */
    public String error(String field) {
        return fields.get(field);
    }

    /** Every named field with its message, for the summary above the form (each a link to its input). */
    public List<Map.Entry<String, String>> summary() {
        return new ArrayList<>(fields.entrySet());
    }

    /** The id of the input named {@code field} (for the summary's links). */
    public String idOf(String field) {
        return id(field);
    }

    /** The id of a field's input: its name with every character an id selector would have to escape as '-'. */
    public static String id(String field) {
        return "f-" + field.replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
