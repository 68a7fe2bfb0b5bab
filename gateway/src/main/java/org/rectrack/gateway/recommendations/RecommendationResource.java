package org.rectrack.gateway.recommendations;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.rectrack.gateway.api.Examples;
import org.rectrack.gateway.api.FramedAnswers;
import org.rectrack.gateway.readmodel.TimeFrame;
import org.rectrack.gateway.readmodel.TimeFrames;
import org.rectrack.gateway.status.RecommendationStatus;
import org.rectrack.gateway.status.StatusService;
import org.rectrack.gateway.status.Viewer;
import org.rectrack.platform.paging.Page;
import org.rectrack.platform.paging.PageParams;
import org.rectrack.platform.problem.Problem;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.platform.request.QueryValues;
import org.rectrack.platform.security.Caller;
import org.rectrack.platform.security.Roles;

/**
 * REST entry point for recommendations with their explained status, as of any day and as known at any instant
 * ({@link TimeFrames}); each answer pins both in its {@code Content-Location} and carries an ETag
 * ({@link FramedAnswers}).
 */
@Path("/recommendations")
@Tag(name = "Recommendations", description = "Recommendations with their status, the rule that decided it and the"
        + " evidence behind it. Only verified evidence counts; submitted evidence is counted apart as pending. A"
        + " caller who may not see restricted evidence gets the status computed from the evidence it may see.")
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationResource {

    private final StatusService statuses;
    private final TimeFrames frames;
    private final FramedAnswers answers;
    private final Caller caller;

    RecommendationResource(StatusService statuses, TimeFrames frames, Caller caller, FramedAnswers answers) {
        this.statuses = statuses;
        this.frames = frames;
        this.answers = answers;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.NGO, Roles.REVIEWER, Roles.DIPLOMAT, Roles.AUDITOR })
    @Operation(summary = "List recommendations in rank order, each with its status (any signed-in role)",
            description = "Newest year first, then in rank order. Restricted evidence the caller may not see counts in"
                    + " no status and no pending count.")
    @APIResponse(responseCode = "200", description = "One page of recommendations with their status")
    public RestResponse<Page<RecommendationStatus>> list(
            @Parameter(description = "ISO 3166-1 alpha-3", example = "LAO") @QueryParam("country") String country,
            @Parameter(example = "2023") @QueryParam("year") String year,
            @Parameter(description = "only the recommendations of this report") @QueryParam("reportId") String reportId,
            @Parameter(description = TimeFrames.AS_OF, example = "2023-12-31") @QueryParam("asOf") String asOf,
            @Parameter(description = TimeFrames.KNOWN_AT, example = "2024-01-15T09:00:00Z") @QueryParam("knownAt") String knownAt,
            @BeanParam PageParams page,
            @Context Request request, @Context UriInfo uri) {
        var countryCode = QueryValues.optionalCountry("country", country);
        var reportYear = QueryValues.optionalInteger("year", year, 2001, 2100);
        var report = QueryValues.optionalUuid("reportId", reportId);
        var pageRequest = page.toRequest();
        TimeFrame frame = frames.resolve(asOf, knownAt, TimeFrame.today());
        Viewer viewer = Viewer.of(caller);
        return answers.of(request, uri, frame, viewer,
                () -> statuses.list(countryCode, reportYear, report, frame, viewer, pageRequest));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.NGO, Roles.REVIEWER, Roles.DIPLOMAT, Roles.AUDITOR })
    @Operation(summary = "One recommendation: text, status, the rule and evidence behind it, lineage (any signed-in role)",
            description = "The evidence listed is the evidence the caller may see, in any review state; the status rests"
                    + " on the verified part of it.")
    @APIResponse(responseCode = "200", description = "The recommendation with its status",
            content = @Content(schema = @Schema(implementation = RecommendationStatus.class),
                    examples = @ExampleObject(name = "in progress", value = Examples.RECOMMENDATION_STATUS)))
    @APIResponse(responseCode = "400", description = "asOf or knownAt cannot be read, or knownAt is in the future",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such recommendation in the frame (its report not published by"
            + " asOf, or not recorded by knownAt)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    public RestResponse<RecommendationStatus> get(@PathParam("id") UUID id,
            @Parameter(description = TimeFrames.AS_OF, example = "2023-12-31") @QueryParam("asOf") String asOf,
            @Parameter(description = TimeFrames.KNOWN_AT, example = "2024-01-15T09:00:00Z") @QueryParam("knownAt") String knownAt,
            @Context Request request, @Context UriInfo uri) {
        TimeFrame frame = frames.resolve(asOf, knownAt, TimeFrame.today());
        Viewer viewer = Viewer.of(caller);
        return answers.of(request, uri, frame, viewer, () -> statuses.of(id, frame, viewer)
                .orElseThrow(() -> ProblemException.notFound("recommendation", id)));
    }
}
