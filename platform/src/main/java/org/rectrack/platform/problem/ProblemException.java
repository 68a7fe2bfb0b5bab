package org.rectrack.platform.problem;

import java.util.List;

import org.rectrack.platform.problem.Problem.FieldError;

/**
 * Thrown by service code for an answer that is the caller's problem, not ours: it becomes a
 * problem+json response with this status, type and detail.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;

    public ProblemException(int status, String type, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException badRequest(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    /** A 400 naming every offending field; the detail lists them too, for a reader of logs. */
    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(400, "validation", "Request is not valid", detail(errors), errors);
    }

    /** Every field error as {@code field: message}, joined by "; ". */
    public static String detail(List<FieldError> errors) {
        return errors.stream().map(error -> error.field() + ": " + error.message())
                .reduce((a, b) -> a + "; " + b).orElse("the request is not valid");
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", "no " + what + " with id " + id, List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflicts with the current state", detail, List.of());
    }

    public static ProblemException unprocessable(String field, String message) {
        return new ProblemException(422, "unprocessable", "Request cannot be processed", field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, List.of());
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /**
     * The problem this exception answers with, as {@link ProblemMappers} writes it; for a failure kept to be shown
     * later (a country of an import job) rather than answered at once.
     *
     * @param instance the path of the request or resource the problem is about, or null
     */
    public Problem toProblem(String instance) {
        return new Problem(ProblemMappers.TYPE_PREFIX + type, title, status, getMessage(), instance, errors);
    }
}
