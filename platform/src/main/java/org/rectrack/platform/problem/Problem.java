package org.rectrack.platform.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail: the body of every error response of every rectrack service.
 *
 * @param type     a URI naming the kind of problem, stable for clients to switch on
 * @param errors   for validation problems: each offending field and what is wrong with it
 */
@Schema(name = "Problem", description = "RFC 9457 problem details")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        @Schema(example = "urn:rectrack:problem:validation") String type,
        @Schema(example = "Request is not valid") String title,
        @Schema(example = "400") int status,
        @Schema(example = "recommendations[1].rank: must be unique within the report") String detail,
        @Schema(example = "/reports") String instance,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One offending field: a JSON path such as {@code recommendations[1].rank}, and the reason. */
    public record FieldError(String field, String message) {
    }
}
