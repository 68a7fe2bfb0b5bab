package org.rectrack.platform.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.rectrack.platform.problem.Problem.FieldError;
import org.rectrack.platform.security.InvalidTokenException;

/** Turns every failure of a request into problem+json; the one place a service's errors are shaped. */
public class ProblemMappers {

    static final String TYPE_PREFIX = "urn:rectrack:problem:";

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.status(), e.type(), e.title(), e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new FieldError(field(violation), violation.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return validation(errors, uri);
    }

    @ServerExceptionMapper
    public Response unreadable(MismatchedInputException e, UriInfo uri) {
        String field = jsonPath(e);
        if (field.isEmpty() && e.getMessage() != null && e.getMessage().startsWith("Trailing token")) {
            // DeserializationFeature.FAIL_ON_TRAILING_TOKENS (StrictJsonBodies) names this case only in its message.
            return validation(List.of(new FieldError("body", "holds more than one JSON value")), uri);
        }
        String message = switch (e) {
            case UnrecognizedPropertyException unknown -> "is not a field of this request";
            case InvalidFormatException format -> "'" + format.getValue() + "' is not " + JsonTypes.describe(e.getTargetType());
            default -> "must be " + JsonTypes.describe(e.getTargetType());
        };
        return validation(List.of(new FieldError(field.isEmpty() ? "body" : field, message)), uri);
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e, UriInfo uri) {
        return respond(400, "malformed-json", "Body is not valid JSON",
                "the body is not valid JSON near line " + e.getLocation().getLineNr()
                        + ", column " + e.getLocation().getColumnNr(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response unmappable(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping) : "";
        String reason = e.getCause() instanceof IllegalArgumentException cause ? cause.getMessage() : "cannot be read";
        return validation(List.of(new FieldError(field.isEmpty() ? "body" : field, reason)), uri);
    }

    /**
     * Jackson's "this type cannot be built from that input" (a record's creator property given twice, say):
     * Quarkus's own mapper would answer a bare 500; it is an unexpected failure of ours, answered as one.
     */
    @ServerExceptionMapper
    public Response undefined(InvalidDefinitionException e, UriInfo uri) {
        return unexpected(e, uri);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class, InvalidTokenException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        // A signed token with a claim of the wrong shape says which claim; any other failure says nothing more,
        // so a caller probing keys and issuers learns nothing from the answer (RFC 6750, section 3.1).
        InvalidTokenException invalid = invalidToken(e);
        return Response.fromResponse(respond(401, "unauthenticated", "Not signed in",
                invalid != null ? invalid.getMessage() : "a valid bearer token is required", uri, List.of()))
                .header(HttpHeaders.WWW_AUTHENTICATE, invalid != null ? "Bearer error=\"invalid_token\"" : "Bearer")
                .build();
    }

    private static InvalidTokenException invalidToken(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidTokenException invalid) {
                return invalid;
            }
        }
        return null;
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, "forbidden", "Forbidden", "your role does not allow this operation", uri, List.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        // The JSON reader wraps some parse failures, and JAX-RS a parameter converter's refusal in a 404;
        // answer them as if they had reached us directly.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            switch (cause) {
                case ProblemException problem -> {
                    return problem(problem, uri);
                }
                case JsonParseException parse -> {
                    return malformed(parse, uri);
                }
                case MismatchedInputException mismatch -> {
                    return unreadable(mismatch, uri);
                }
                case JsonProcessingException other -> {
                    return unmappable(other, uri);
                }
                default -> {
                }
            }
        }
        int status = e.getResponse().getStatus();
        Response.StatusType statusInfo = Response.Status.fromStatusCode(status);
        String title = statusInfo == null ? "HTTP " + status : statusInfo.getReasonPhrase();
        String detail = e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? title : e.getMessage();
        if (status >= 500) {
            Log.errorf(e, "Request to %s failed with %d", uri.getPath(), status);
        }
        Response response = respond(status, slug(title), title, detail, uri, List.of());
        return copyHeaders(e.getResponse(), response);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        // Never leak internals to the caller; the log holds the cause under this id.
        UUID incident = UUID.randomUUID();
        Log.errorf(e, "Unexpected failure %s on %s", incident, uri.getPath());
        return respond(500, "internal", "Internal error",
                "the request failed on our side; incident " + incident, uri, List.of());
    }

    private Response validation(List<FieldError> errors, UriInfo uri) {
        return problem(ProblemException.invalid(errors), uri);
    }

    static Response respond(int status, String type, String title, String detail, UriInfo uri, List<FieldError> errors) {
        String instance = uri == null ? null : uri.getPath();
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(TYPE_PREFIX + type, title, status, detail, instance, errors))
                .build();
    }

    private static Response copyHeaders(Response from, Response to) {
        Response.ResponseBuilder builder = Response.fromResponse(to);
        for (String header : List.of(HttpHeaders.ALLOW, HttpHeaders.RETRY_AFTER, HttpHeaders.WWW_AUTHENTICATE)) {
            String value = from.getHeaderString(header);
            if (value != null) {
                builder.header(header, value);
            }
        }
        return builder.build();
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /** {@code create.request.recommendations[1].rank} → {@code recommendations[1].rank}; a query parameter keeps its name. */
    static String field(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            boolean lastNode = i == nodes.size() - 1;
            // A node in a list or map carries the index of that element: it belongs to the node before it.
            if (node.isInIterable() && !path.isEmpty()) {
                if (node.getIndex() != null) {
                    path.append('[').append(node.getIndex()).append(']');
                } else if (node.getKey() != null) {
                    path.append('[').append(node.getKey()).append(']');
                }
            }
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR
                    || (node.getKind() == ElementKind.PARAMETER && !lastNode)
                    || node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getName() == null) {
                continue;
            }
            if (!path.isEmpty()) {
                path.append('.');
            }
            path.append(node.getName());
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
