package org.rectrack.recommendations.lineage;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
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
import org.rectrack.api.recommendations.LineageProposalResponse;
import org.rectrack.api.recommendations.LineageProposalResponse.State;
import org.rectrack.platform.paging.Page;
import org.rectrack.platform.paging.PageParams;
import org.rectrack.platform.problem.Problem;
import org.rectrack.platform.request.QueryValues;
import org.rectrack.platform.security.Caller;
import org.rectrack.platform.security.Roles;

/** REST entry point for the lineage proposals imports keep: list, accept (link), reject. */
@Path("/lineage-proposals")
@Tag(name = "Lineage proposals", description = "Which new recommendations likely continue earlier ones, for an admin to decide")
@Produces(MediaType.APPLICATION_JSON)
public class LineageProposalResource {

    private final LinkProposals proposals;
    private final Caller caller;

    LineageProposalResource(LinkProposals proposals, Caller caller) {
        this.proposals = proposals;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "List lineage proposals (role admin)",
            description = "Each import keeps, for every new recommendation that likely continues an earlier one of the"
                    + " same country (similarity from 0.3), a proposal: ACCEPTED when the import linked them (from 0.6),"
                    + " else PROPOSED for an admin to accept or reject. Newest year first.")
    @APIResponse(responseCode = "200", description = "One page of proposals")
    @APIResponse(responseCode = "400", description = "A parameter is not in its documented form",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<LineageProposalResponse> list(
            @Parameter(description = "ISO 3166-1 alpha-3 of the new recommendation's report", example = "LAO")
            @QueryParam("country") String country,
            @Parameter(description = "the new recommendation's report's year", example = "2023") @QueryParam("year") String year,
            @Parameter(description = "PROPOSED, ACCEPTED or REJECTED", example = "PROPOSED") @QueryParam("state") String state,
            @BeanParam PageParams page) {
        return proposals.list(QueryValues.optionalCountry("country", country),
                QueryValues.optionalInteger("year", year, 2001, 2100),
                QueryValues.optionalEnum("state", state, State.class), page.toRequest());
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Accept a lineage proposal: link the recommendation to the earlier one (role admin)",
            description = "The same link as PUT /recommendations/{id}/continues-from: a new version of the recommendation"
                    + " and its event (none when it is so linked already). Accepting again changes nothing; a rejected"
                    + " proposal may still be accepted.")
    @APIResponse(responseCode = "200", description = "Accepted; the proposal with the recommendation as it is now",
            content = @Content(schema = @Schema(implementation = LineageProposalResponse.class)))
    @APIResponse(responseCode = "404", description = "No such proposal",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The earlier recommendation cannot be continued by this one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public LineageProposalResponse accept(@PathParam("id") UUID id) {
        return proposals.accept(id, caller.name());
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Reject a lineage proposal (role admin)",
            description = "Kept as REJECTED, so that no later import proposes the pair again; the recommendation is not"
                    + " changed. Rejecting again changes nothing.")
    @APIResponse(responseCode = "200", description = "Rejected",
            content = @Content(schema = @Schema(implementation = LineageProposalResponse.class)))
    @APIResponse(responseCode = "404", description = "No such proposal",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The proposal was accepted: remove its link instead",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public LineageProposalResponse reject(@PathParam("id") UUID id) {
        return proposals.reject(id, caller.name());
    }
}
