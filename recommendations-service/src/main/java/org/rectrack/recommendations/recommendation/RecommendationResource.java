package org.rectrack.recommendations.recommendation;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.rectrack.api.recommendations.LinkRequest;
import org.rectrack.api.recommendations.RecommendationResponse;
import org.rectrack.api.recommendations.ReviseRecommendationRequest;
import org.rectrack.api.recommendations.RevisionResponse;
import org.rectrack.platform.paging.Page;
import org.rectrack.platform.paging.PageParams;
import org.rectrack.platform.problem.Problem;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.platform.request.QueryValues;
import org.rectrack.platform.request.ReasonRequest;
import org.rectrack.platform.security.Caller;
import org.rectrack.platform.security.Roles;

/** REST entry point for recommendations: read, revise, withdraw, link to an earlier year and unlink. */
@Path("/recommendations")
@Tag(name = "Recommendations")
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationResource {

    private final RecommendationService recommendations;
    private final Caller caller;

    RecommendationResource(RecommendationService recommendations, Caller caller) {
        this.recommendations = recommendations;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.NGO, Roles.REVIEWER, Roles.DIPLOMAT, Roles.AUDITOR })
    @Operation(summary = "List recommendations: newest year first, then in rank order")
    @APIResponse(responseCode = "200", description = "One page of recommendations")
    public Page<RecommendationResponse> list(
            @Parameter(description = "ISO 3166-1 alpha-3", example = "LAO") @QueryParam("country") String country,
            @Parameter(example = "2023") @QueryParam("year") String year,
            @QueryParam("reportId") String reportId,
            @BeanParam PageParams page) {
        return recommendations.list(QueryValues.optionalCountry("country", country),
                QueryValues.optionalInteger("year", year, 2001, 2100),
                QueryValues.optionalUuid("reportId", reportId), page.toRequest());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.NGO, Roles.REVIEWER, Roles.DIPLOMAT, Roles.AUDITOR })
    @Operation(summary = "One recommendation as it stands now")
    @APIResponse(responseCode = "200", description = "The recommendation")
    @APIResponse(responseCode = "404", description = "No such recommendation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RecommendationResponse get(@PathParam("id") UUID id) {
        return recommendations.find(id).orElseThrow(() -> ProblemException.notFound("recommendation", id));
    }

    @GET
    @Path("/{id}/revisions")
    @RolesAllowed({ Roles.ADMIN, Roles.NGO, Roles.REVIEWER, Roles.DIPLOMAT, Roles.AUDITOR })
    @Operation(summary = "Every text the recommendation has had, the published one first")
    @APIResponse(responseCode = "200", description = "The revisions")
    @APIResponse(responseCode = "404", description = "No such recommendation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<RevisionResponse> revisions(@PathParam("id") UUID id) {
        return recommendations.revisions(id);
    }

    @POST
    @Path("/{id}/revisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Revise the text or classification; the earlier text stays as a revision")
    @APIResponse(responseCode = "201", description = "Revised; Location names the new revision",
            content = @Content(schema = @Schema(implementation = RecommendationResponse.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or wrong",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such recommendation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The recommendation is withdrawn",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<RecommendationResponse> revise(@PathParam("id") UUID id,
            @NotNull(message = "a revision is required") @Valid ReviseRecommendationRequest request) {
        RecommendationResponse revised = recommendations.revise(id, request, caller.name());
        return RestResponse.ResponseBuilder.<RecommendationResponse> created(
                URI.create("recommendations/" + id + "/revisions/" + revised.revision()))
                .entity(revised)
                .build();
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Withdraw the recommendation; its record and evidence stay, new evidence is refused")
    @APIResponse(responseCode = "200", description = "Withdrawn")
    @APIResponse(responseCode = "400", description = "The reason is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such recommendation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already withdrawn",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RecommendationResponse withdraw(@PathParam("id") UUID id,
            @NotNull(message = "a reason is required") @Valid ReasonRequest request) {
        return recommendations.withdraw(id, request.reason());
    }

    @PUT
    @Path("/{id}/continues-from")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Link the recommendation to the same one in an earlier year's report (role admin)",
            description = "Linking by hand accepts a stored lineage proposal of the same pair, if there is one (and a"
                    + " proposal of the link it replaces is marked rejected). Linking again to the same one changes"
                    + " nothing.")
    @APIResponse(responseCode = "200", description = "Linked")
    @APIResponse(responseCode = "404", description = "No such recommendation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The earlier one is of another country or not earlier",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RecommendationResponse link(@PathParam("id") UUID id,
            @NotNull(message = "a link is required") @Valid LinkRequest request) {
        return recommendations.link(id, request.continuesFromId(), caller.name());
    }

    @DELETE
    @Path("/{id}/continues-from")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Remove the link to an earlier year's recommendation (role admin)",
            description = "For a link made in error, by hand or by an import; an accepted lineage proposal of the"
                    + " removed link is marked rejected, so that no import proposes it again. A recommendation without"
                    + " a link is left as it is.")
    @APIResponse(responseCode = "200", description = "Unlinked (or never linked); the recommendation as it is now",
            content = @Content(schema = @Schema(implementation = RecommendationResponse.class)))
    @APIResponse(responseCode = "404", description = "No such recommendation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RecommendationResponse unlink(@PathParam("id") UUID id) {
        return recommendations.unlink(id, caller.name());
    }
}
