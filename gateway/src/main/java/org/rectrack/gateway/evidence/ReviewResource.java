package org.rectrack.gateway.evidence;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rectrack.api.evidence.EvidenceResponse;
import org.rectrack.gateway.routing.Owner;
import org.rectrack.gateway.routing.Routing;
import org.rectrack.platform.problem.Problem;
import org.rectrack.platform.request.ReasonRequest;
import org.rectrack.platform.security.Roles;

/**
 * REST entry point for the review workflow: verify, reject, retract, each passed on to the evidence-service,
 * whose answer (the evidence in its new state, or a problem) comes back unchanged.
 */
@Path("/evidence")
@Tag(name = "Review", description = "Transitions of evidence: SUBMITTED → VERIFIED or REJECTED; SUBMITTED or VERIFIED → RETRACTED")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    private final Routing routing;

    ReviewResource(Routing routing) {
        this.routing = routing;
    }

    @POST
    @Path("/{id}/verify")
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Verify submitted evidence, with an optional note (role reviewer)",
            description = "The status it changes shows within about a second, once the event reaches the read model.")
    @RequestBody(required = false, description = "may be left out: {\"note\": \"…\"}",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "200", description = "Verified; the evidence in its new state",
            content = @Content(schema = @Schema(implementation = EvidenceResponse.class)))
    @APIResponse(responseCode = "400", description = "The note is too long or not plain text",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such evidence",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The evidence is not SUBMITTED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The evidence-service is down or did not answer in time",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response verify(@PathParam("id") UUID id, String body) {
        return transition(id, "verify", body);
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Reject submitted evidence, saying why (role reviewer)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReasonRequest.class)))
    @APIResponse(responseCode = "200", description = "Rejected; the evidence in its new state",
            content = @Content(schema = @Schema(implementation = EvidenceResponse.class)))
    @APIResponse(responseCode = "400", description = "The reason is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such evidence",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The evidence is not SUBMITTED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The evidence-service is down or did not answer in time",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response reject(@PathParam("id") UUID id, String body) {
        return transition(id, "reject", body);
    }

    @POST
    @Path("/{id}/retract")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.NGO)
    @Operation(summary = "Retract one's own organisation's evidence, saying why (role ngo)",
            description = "Submitted or verified evidence may be retracted; it stays on record with its history, and no"
                    + " longer counts towards any status.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReasonRequest.class)))
    @APIResponse(responseCode = "200", description = "Retracted; the evidence in its new state",
            content = @Content(schema = @Schema(implementation = EvidenceResponse.class)))
    @APIResponse(responseCode = "400", description = "The reason is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an NGO, or public evidence of another organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such evidence, or restricted evidence of another organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The evidence is rejected or retracted already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The evidence-service is down or did not answer in time",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response retract(@PathParam("id") UUID id, String body) {
        return transition(id, "retract", body);
    }

    private Response transition(UUID id, String action, String body) {
        String passed = body == null || body.isBlank() ? null : body;
        return routing.write(Owner.EVIDENCE, client -> client.transition(id, action, passed));
    }
}
