package org.rectrack.gateway.recommendations;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rectrack.gateway.api.Examples;
import org.rectrack.gateway.routing.Owner;
import org.rectrack.gateway.routing.Routing;
import org.rectrack.platform.problem.Problem;
import org.rectrack.platform.request.ReasonRequest;
import org.rectrack.platform.security.Roles;

/**
 * REST entry point for changes to a recommendation: revise, withdraw, link to an earlier year and unlink, each passed
 * on to the recommendations-service, whose answer (the recommendation as it is now, or a problem) comes back
 * unchanged; and its revisions, read from that service, since the read model keeps only the current text.
 */
@Path("/recommendations")
@Tag(name = "Recommendation changes", description = "Corrections an admin makes to a published recommendation. Each is"
        + " a new version of it, shown by the read side once its event reaches the read model (normally within a"
        + " second), and by a knownAt from then on. A withdrawn recommendation stays in every answer and in the"
        + " compliance report, marked WITHDRAWN.")
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationChangesResource {

    private final Routing routing;

    RecommendationChangesResource(Routing routing) {
        this.routing = routing;
    }

    @GET
    @Path("/{id}/revisions")
    @RolesAllowed({ Roles.ADMIN, Roles.NGO, Roles.REVIEWER, Roles.DIPLOMAT, Roles.AUDITOR })
    @Operation(summary = "Every text the recommendation has had, the published one first (any signed-in role)",
            description = "Each revision with its number, text, classification, reason, who made it and when. Read from"
                    + " the recommendations-service.")
    @APIResponse(responseCode = "200", description = "The revisions, oldest first")
    @APIResponse(responseCode = "404", description = "No such recommendation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The recommendations-service is down or did not answer in time;"
            + " Retry-After says when to try again",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response revisions(@PathParam("id") UUID id) {
        return routing.read(Owner.RECOMMENDATIONS, client -> client.revisions(id));
    }

    @POST
    @Path("/{id}/revisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Revise the text or classification, saying why (role admin)",
            description = "The earlier text stays as a revision. Pillars or target groups left out keep their value.")
    @RequestBody(required = true, content = @Content(schema = @Schema(type = SchemaType.OBJECT,
            requiredProperties = { "text", "reason" }),
            examples = @ExampleObject(name = "typing error", value = Examples.REVISE_RECOMMENDATION)))
    @APIResponse(responseCode = "201", description = "Revised; Location names the new revision at the gateway; the"
            + " recommendation as it is now",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")))
    @APIResponse(responseCode = "400", description = "A field is missing or wrong; errors names each",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such recommendation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The recommendation is withdrawn",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The recommendations-service is down or did not answer in time;"
            + " Retry-After says when to try again",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response revise(@PathParam("id") UUID id, String revision) {
        return routing.write(Owner.RECOMMENDATIONS, client -> client.revise(id, revision));
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Withdraw the recommendation, saying why (role admin)",
            description = "Its record and evidence stay, and it stays in every answer and compliance report, marked"
                    + " WITHDRAWN; new evidence on it is refused and it counts in no summary figure.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ReasonRequest.class),
            examples = @ExampleObject(name = "duplicate", value = Examples.REASON)))
    @APIResponse(responseCode = "200", description = "Withdrawn; the recommendation as it is now")
    @APIResponse(responseCode = "400", description = "The reason is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such recommendation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already withdrawn",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The recommendations-service is down or did not answer in time;"
            + " Retry-After says when to try again",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response withdraw(@PathParam("id") UUID id, String reason) {
        return routing.write(Owner.RECOMMENDATIONS, client -> client.withdraw(id, reason));
    }

    @PUT
    @Path("/{id}/continues-from")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Link the recommendation to the same one in an earlier year's report (role admin)",
            description = "Also how an admin accepts an import's lineage proposal that was not linked: its"
                    + " continuesFromId. (A proposal not accepted needs nothing: proposals are advice in the import's"
                    + " answer, not stored.) Linking again to the same one changes nothing.")
    @RequestBody(required = true, content = @Content(schema = @Schema(type = SchemaType.OBJECT,
            requiredProperties = "continuesFromId"), examples = @ExampleObject(name = "link", value = Examples.LINK)))
    @APIResponse(responseCode = "200", description = "Linked; the recommendation as it is now")
    @APIResponse(responseCode = "400", description = "continuesFromId is missing or not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such recommendation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The earlier one is unknown, of another country or not earlier",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The recommendations-service is down or did not answer in time;"
            + " Retry-After says when to try again",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response link(@PathParam("id") UUID id, String link) {
        return routing.write(Owner.RECOMMENDATIONS, client -> client.link(id, link));
    }

    @DELETE
    @Path("/{id}/continues-from")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Remove the link to an earlier year's recommendation (role admin)",
            description = "For a link made in error, by hand or by an import. A recommendation without a link is left"
                    + " as it is.")
    @APIResponse(responseCode = "200", description = "Unlinked (or never linked); the recommendation as it is now")
    @APIResponse(responseCode = "404", description = "No such recommendation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The recommendations-service is down or did not answer in time;"
            + " Retry-After says when to try again",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response unlink(@PathParam("id") UUID id) {
        return routing.write(Owner.RECOMMENDATIONS, client -> client.unlink(id));
    }
}
