package org.rectrack.evidence.review;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rectrack.api.evidence.EvidenceResponse;
import org.rectrack.evidence.Actor;
import org.rectrack.evidence.ReviewAction;
import org.rectrack.evidence.api.Examples;
import org.rectrack.evidence.review.api.VerifyRequest;
import org.rectrack.platform.problem.Problem;
import org.rectrack.platform.request.ReasonRequest;
import org.rectrack.platform.security.Caller;
import org.rectrack.platform.security.Roles;

/** REST entry point for the review workflow: verify, reject, retract; each answers the evidence in its new state. */
@Path("/evidence")
@Tag(name = "Review", description = "Transitions of evidence: SUBMITTED → VERIFIED or REJECTED; SUBMITTED or VERIFIED → RETRACTED")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {

    private final ReviewService review;
    private final Caller caller;

    ReviewResource(ReviewService review, Caller caller) {
        this.review = review;
        this.caller = caller;
    }

    @POST
    @Path("/{id}/verify")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Verify submitted evidence, with an optional note (role reviewer)")
    @APIResponse(responseCode = "200", description = "Verified; the evidence in its new state",
            content = @Content(schema = @Schema(implementation = EvidenceResponse.class),
                    examples = @ExampleObject(name = "verified", value = Examples.EVIDENCE)))
    @APIResponse(responseCode = "400", description = "The note is too long or not plain text",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such evidence",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The evidence is not SUBMITTED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "conflict", value = Examples.CONFLICT)))
    public EvidenceResponse verify(@PathParam("id") UUID id,
            @RequestBody(required = false, description = "may be left out") @Valid VerifyRequest request) {
        return review.apply(id, ReviewAction.VERIFY, request == null ? null : request.note(), Actor.of(caller));
    }

    /** The same without a body: a POST without one (as {@code curl -X POST} sends it) has no Content-Type either. */
    @POST
    @Path("/{id}/verify")
    @RolesAllowed(Roles.REVIEWER)
    @Operation(hidden = true)
    public EvidenceResponse verifyWithoutNote(@PathParam("id") UUID id) {
        return review.apply(id, ReviewAction.VERIFY, null, Actor.of(caller));
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Reject submitted evidence, saying why (role reviewer)")
    @APIResponse(responseCode = "200", description = "Rejected; the evidence in its new state",
            content = @Content(schema = @Schema(implementation = EvidenceResponse.class)))
    @APIResponse(responseCode = "400", description = "The reason is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such evidence",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The evidence is not SUBMITTED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "conflict", value = Examples.CONFLICT)))
    public EvidenceResponse reject(@PathParam("id") UUID id,
            @NotNull(message = "a reason is required") @Valid ReasonRequest request) {
        return review.apply(id, ReviewAction.REJECT, request.reason(), Actor.of(caller));
    }

    @POST
    @Path("/{id}/retract")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.NGO)
    @Operation(summary = "Retract one's own organisation's evidence, saying why (role ngo)",
            description = "Submitted or verified evidence may be retracted; it stays on record with its history.")
    @APIResponse(responseCode = "200", description = "Retracted; the evidence in its new state",
            content = @Content(schema = @Schema(implementation = EvidenceResponse.class)))
    @APIResponse(responseCode = "400", description = "The reason is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an NGO, or public evidence of another organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such evidence, or restricted evidence of another organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The evidence is rejected or retracted already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EvidenceResponse retract(@PathParam("id") UUID id,
            @NotNull(message = "a reason is required") @Valid ReasonRequest request) {
        return review.apply(id, ReviewAction.RETRACT, request.reason(), Actor.of(caller));
    }
}
