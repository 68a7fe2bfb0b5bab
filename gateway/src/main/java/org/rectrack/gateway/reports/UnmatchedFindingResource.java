package org.rectrack.gateway.reports;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rectrack.api.recommendations.AttachFindingRequest;
import org.rectrack.api.recommendations.UnmatchedFindingResponse;
import org.rectrack.gateway.routing.Owner;
import org.rectrack.gateway.routing.Routing;
import org.rectrack.platform.paging.PageParams;
import org.rectrack.platform.paging.PageRequest;
import org.rectrack.platform.problem.Problem;
import org.rectrack.platform.request.QueryValues;
import org.rectrack.platform.security.Roles;

/**
 * REST entry point for the imports' unmatched findings: figures and findings of a narrative that name no
 * recommendation, kept by the recommendations-service (which answers each request here, relayed unchanged) for an
 * admin to list and attach to the recommendations they bear on.
 */
@Path("/unmatched-findings")
@Tag(name = "Unmatched findings", description = "Figures and findings of imported narratives about a report that is"
        + " not stored, or whose recommendations none is alike: kept, never dropped. Attaching one to recommendations"
        + " proposes draft evidence to the evidence-service as an import does.")
@Produces(MediaType.APPLICATION_JSON)
public class UnmatchedFindingResource {

    private final Routing routing;

    UnmatchedFindingResource(Routing routing) {
        this.routing = routing;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "List the imports' unmatched findings, newest report first (role admin)")
    @APIResponse(responseCode = "200", description = "One page of unmatched findings ({items, page, size, totalItems,"
            + " totalPages}), each with the recommendations it was attached to")
    @APIResponse(responseCode = "400", description = "A parameter is wrong",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The recommendations-service is down or did not answer in time",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(
            @Parameter(description = "ISO 3166-1 alpha-3", example = "LAO") @QueryParam("country") String country,
            @Parameter(description = "the year of the report the findings bear on (the 2022 narrative's: 2021)",
                    example = "2021") @QueryParam("year") String year,
            @BeanParam PageParams page) {
        String countryCode = QueryValues.optionalCountry("country", country).orElse(null);
        Integer bearsOn = QueryValues.optionalInteger("year", year, 2000, 2100).orElse(null);
        PageRequest request = page.toRequest();
        return routing.read(Owner.RECOMMENDATIONS,
                client -> client.unmatchedFindings(countryCode, bearsOn, request.page(), request.size()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "One unmatched finding (role admin)")
    @APIResponse(responseCode = "200", description = "The finding",
            content = @Content(schema = @Schema(implementation = UnmatchedFindingResponse.class)))
    @APIResponse(responseCode = "404", description = "No such finding",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The recommendations-service is down or did not answer in time",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        return routing.read(Owner.RECOMMENDATIONS, client -> client.unmatchedFinding(id));
    }

    @POST
    @Path("/{id}/attach")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Attach an unmatched finding to the recommendations it bears on (role admin)",
            description = "Proposes one draft evidence item per recommendation to the evidence-service, as an import"
                    + " does (an event in the same transaction as the attachment); each becomes public SUBMITTED"
                    + " evidence of origin ADMIN for a reviewer shortly after (GET /evidence?state=SUBMITTED)."
                    + " Attaching it again to the same recommendation proposes nothing.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = AttachFindingRequest.class)))
    @APIResponse(responseCode = "200", description = "Attached; the finding with every recommendation it is attached to",
            content = @Content(schema = @Schema(implementation = UnmatchedFindingResponse.class)))
    @APIResponse(responseCode = "400", description = "The body is missing or wrong; errors names each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such finding",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A recommendation does not exist, is withdrawn or is of another"
            + " country; errors names each",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The recommendations-service is down or did not answer in time",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response attach(@PathParam("id") UUID id, String recommendations) {
        return routing.write(Owner.RECOMMENDATIONS, client -> client.attachFinding(id, recommendations));
    }
}
