package org.rectrack.recommendations.drafts;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.rectrack.api.recommendations.AttachFindingRequest;
import org.rectrack.api.recommendations.UnmatchedFindingResponse;
import org.rectrack.platform.paging.Page;
import org.rectrack.platform.paging.PageParams;
import org.rectrack.platform.problem.Problem;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.platform.request.QueryValues;
import org.rectrack.platform.security.Caller;
import org.rectrack.platform.security.Roles;

/** REST entry point for unmatched findings: list them, and attach one to the recommendations it bears on. */
@Path("/unmatched-findings")
@Tag(name = "Unmatched findings")
@Produces(MediaType.APPLICATION_JSON)
public class UnmatchedFindingResource {

    private final DraftProposals drafts;
    private final Caller caller;

    UnmatchedFindingResource(DraftProposals drafts, Caller caller) {
        this.drafts = drafts;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "List the imports' findings that name no recommendation (role admin)",
            description = "Figures and findings of imported narratives about a report that is not stored (or has no"
                    + " recommendation alike), newest report first, each with the recommendations it was attached to.")
    @APIResponse(responseCode = "200", description = "One page of unmatched findings")
    @APIResponse(responseCode = "400", description = "A parameter is wrong",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<UnmatchedFindingResponse> list(
            @Parameter(description = "ISO 3166-1 alpha-3", example = "LAO") @QueryParam("country") String country,
            @Parameter(description = "the year of the report the findings bear on (the 2022 narrative's: 2021)",
                    example = "2021") @QueryParam("year") String year,
            @BeanParam PageParams page) {
        return drafts.list(QueryValues.optionalCountry("country", country),
                QueryValues.optionalInteger("year", year, 2000, 2100), page.toRequest());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "One unmatched finding (role admin)")
    @APIResponse(responseCode = "200", description = "The finding")
    @APIResponse(responseCode = "404", description = "No such finding",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UnmatchedFindingResponse get(@PathParam("id") UUID id) {
        return drafts.find(id).orElseThrow(() -> ProblemException.notFound("unmatched finding", id));
    }

    @POST
    @Path("/{id}/attach")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Attach an unmatched finding to the recommendations it bears on (role admin)",
            description = "Proposes one draft evidence item per recommendation to the evidence-service, as an import"
                    + " does (an event in this write's transaction); each becomes SUBMITTED evidence of origin ADMIN"
                    + " for a reviewer shortly after. Attaching it again to the same recommendation proposes nothing.")
    @APIResponse(responseCode = "200", description = "Attached; the finding with every recommendation it is attached to")
    @APIResponse(responseCode = "400", description = "The body is missing or wrong",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such finding",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A recommendation does not exist, is withdrawn or is of another"
            + " country; errors names each",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UnmatchedFindingResponse attach(@PathParam("id") UUID id,
            @NotNull(message = "a body naming recommendationIds is required") @Valid AttachFindingRequest request) {
        return drafts.attach(id, request.recommendationIds(), caller.name());
    }
}
