package org.rectrack.gateway.changes;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rectrack.gateway.changes.api.StatusChange;
import org.rectrack.gateway.changes.api.StatusChanges;
import org.rectrack.gateway.readmodel.TimeFrames;
import org.rectrack.gateway.status.Viewer;
import org.rectrack.platform.problem.Problem;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.platform.request.QueryValues;
import org.rectrack.platform.security.Caller;
import org.rectrack.platform.security.Roles;

/**
 * REST entry point for status changes between two instants in the system, of a country's recommendations or of one;
 * {@code Content-Location} names the same question with {@code to} pinned.
 */
@Path("/recommendations")
@Tag(name = "What changed")
@Produces(MediaType.APPLICATION_JSON)
public class StatusChangesResource {

    private static final String FROM = "an instant in the system (2024-01-01T00:00:00Z; a date means the end of that day"
            + " in UTC): changes recorded after it count. Required";
    private static final String TO = "an instant in the system, after from: changes recorded up to it count, and the"
            + " statuses are as of its day. Default: the latest change the gateway holds; Content-Location pins it";

    private final ChangeService changes;
    private final TimeFrames frames;
    private final Caller caller;

    StatusChangesResource(ChangeService changes, TimeFrames frames, Caller caller) {
        this.changes = changes;
        this.frames = frames;
        this.caller = caller;
    }

    @GET
    @Path("/changes")
    @RolesAllowed({ Roles.ADMIN, Roles.NGO, Roles.REVIEWER, Roles.DIPLOMAT, Roles.AUDITOR })
    @Operation(summary = "Every status change of a country's recommendations between two instants, with the evidence"
            + " transitions that caused it (any signed-in role)",
            description = "Each change names when rectrack recorded it, the status before and after, the rule that"
                    + " decided the new one and the evidence transitions (submitted, verified, rejected, retracted)"
                    + " recorded since the recommendation's previous change, in order. Statuses are computed from the"
                    + " evidence the caller may see: restricted evidence the caller may not see is never listed, and"
                    + " a change it alone caused is no change to the caller. A range holding more than "
                    + ChangeService.MAX_TRANSITIONS + " evidence transitions is refused: ask for a shorter one.")
    @APIResponse(responseCode = "200", description = "The changes, oldest first",
            content = @Content(schema = @Schema(implementation = StatusChanges.class)))
    @APIResponse(responseCode = "400", description = "country, from or to is missing or not valid, from is not before"
            + " to, to is in the future, or the range is too large; errors names the parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The gateway has not yet caught up with to; Retry-After says when"
            + " to ask again",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response ofCountry(
            @Parameter(description = "ISO 3166-1 alpha-3", example = "LAO", required = true) @QueryParam("country") String country,
            @Parameter(description = FROM, example = "2024-01-01T00:00:00Z", required = true) @QueryParam("from") String from,
            @Parameter(description = TO, example = "2024-02-01T00:00:00Z") @QueryParam("to") String to,
            @Context UriInfo uri) {
        String code = QueryValues.optionalCountry("country", country)
                .orElseThrow(() -> ProblemException.badRequest("country", "is required"));
        ChangeRange range = ChangeRange.of(from, to, frames);
        List<StatusChange> found = changes.statusChanges(code, range.from(), range.to(), Viewer.of(caller));
        return answer(new StatusChanges(code, null, range.from(), range.to(), ChangeService.frameAt(range.to()).asOf(),
                found), range, uri);
    }

    @GET
    @Path("/{id}/changes")
    @RolesAllowed({ Roles.ADMIN, Roles.NGO, Roles.REVIEWER, Roles.DIPLOMAT, Roles.AUDITOR })
    @Operation(summary = "Every status change of one recommendation between two instants, with the evidence transitions"
            + " that caused it (any signed-in role)",
            description = "As for a country's recommendations.")
    @APIResponse(responseCode = "200", description = "The changes, oldest first",
            content = @Content(schema = @Schema(implementation = StatusChanges.class)))
    @APIResponse(responseCode = "400", description = "id, from or to is not valid, from is not before to, to is in the"
            + " future, or the range is too large; errors names the parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such recommendation as known at to",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The gateway has not yet caught up with to; Retry-After says when"
            + " to ask again",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response ofRecommendation(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
            @Parameter(description = FROM, example = "2024-01-01T00:00:00Z", required = true) @QueryParam("from") String from,
            @Parameter(description = TO, example = "2024-02-01T00:00:00Z") @QueryParam("to") String to,
            @Context UriInfo uri) {
        var recommendation = QueryValues.optionalUuid("id", id)
                .orElseThrow(() -> ProblemException.badRequest("id", "is required"));
        ChangeRange range = ChangeRange.of(from, to, frames);
        List<StatusChange> found = changes.statusChanges(recommendation, range.from(), range.to(), Viewer.of(caller));
        return answer(new StatusChanges(null, recommendation, range.from(), range.to(),
                ChangeService.frameAt(range.to()).asOf(), found), range, uri);
    }

    private static Response answer(StatusChanges answer, ChangeRange range, UriInfo uri) {
        return Response.ok(answer)
                .header(HttpHeaders.CONTENT_LOCATION, uri.getRequestUriBuilder()
                        .replaceQueryParam("to", range.to().toString()).build())
                .build();
    }
}
