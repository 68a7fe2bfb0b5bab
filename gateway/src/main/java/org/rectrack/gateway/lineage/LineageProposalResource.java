package org.rectrack.gateway.lineage;

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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rectrack.api.recommendations.LineageProposalResponse;
import org.rectrack.platform.paging.PageParams;
import org.rectrack.platform.problem.Problem;
import org.rectrack.platform.request.QueryValues;
import org.rectrack.platform.security.Roles;
import org.rectrack.gateway.routing.Owner;
import org.rectrack.gateway.routing.Routing;

/**
 * REST entry point for the lineage proposals the recommendations-service keeps: listed from it (the read model holds
 * no proposals), accepted and rejected through it as every write is ({@link Routing#write}).
 */
@Path("/lineage-proposals")
@Tag(name = "Lineage proposals", description = "Which new recommendations likely continue earlier ones, for an admin to decide")
@Produces(MediaType.APPLICATION_JSON)
public class LineageProposalResource {

    private final Routing routing;

    LineageProposalResource(Routing routing) {
        this.routing = routing;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "List lineage proposals (role admin)",
            description = "For every new recommendation an import found likely to continue an earlier one of the same"
                    + " country (similarity from 0.3): ACCEPTED when the import linked them (from 0.6) or an admin did,"
                    + " PROPOSED while waiting for an admin, REJECTED. Newest year first. Passed on to the"
                    + " recommendations-service.")
    @APIResponse(responseCode = "200", description = "One page of proposals: {items, page, size, totalItems, totalPages}")
    @APIResponse(responseCode = "400", description = "A parameter is not in its documented form",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The recommendations-service is down or did not answer in time",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(
            @Parameter(description = "ISO 3166-1 alpha-3 of the new recommendation's report", example = "LAO")
            @QueryParam("country") String country,
            @Parameter(description = "the new recommendation's report's year", example = "2023") @QueryParam("year") String year,
            @Parameter(description = "PROPOSED, ACCEPTED or REJECTED", example = "PROPOSED") @QueryParam("state") String state,
            @BeanParam PageParams page) {
        var countryCode = QueryValues.optionalCountry("country", country);
        var reportYear = QueryValues.optionalInteger("year", year, 2001, 2100);
        var proposalState = QueryValues.optionalEnum("state", state, LineageProposalResponse.State.class);
        var pageRequest = page.toRequest();
        return routing.read(Owner.RECOMMENDATIONS, client -> client.lineageProposals(countryCode.orElse(null),
                reportYear.map(String::valueOf).orElse(null), proposalState.map(Enum::name).orElse(null),
                String.valueOf(pageRequest.page()), String.valueOf(pageRequest.size())));
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Accept a lineage proposal: link the recommendation to the earlier one (role admin)",
            description = "The same link as PUT /recommendations/{id}/continues-from: a new version of the recommendation"
                    + " and its event; its status then shows it outstanding since the earlier one's year. Accepting again"
                    + " changes nothing; a rejected proposal may still be accepted.")
    @APIResponse(responseCode = "200", description = "Accepted; the proposal with the recommendation as it is now",
            content = @Content(schema = @Schema(implementation = LineageProposalResponse.class)))
    @APIResponse(responseCode = "404", description = "No such proposal",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The earlier recommendation cannot be continued by this one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The recommendations-service is down or did not answer in time",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response accept(@PathParam("id") UUID id) {
        return routing.write(Owner.RECOMMENDATIONS, client -> client.acceptProposal(id));
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
    @APIResponse(responseCode = "503", description = "The recommendations-service is down or did not answer in time",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response reject(@PathParam("id") UUID id) {
        return routing.write(Owner.RECOMMENDATIONS, client -> client.rejectProposal(id));
    }
}
