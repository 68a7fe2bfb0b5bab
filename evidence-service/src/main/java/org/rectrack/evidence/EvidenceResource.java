package org.rectrack.evidence;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.rectrack.api.evidence.EvidenceResponse;
import org.rectrack.api.evidence.SubmitEvidenceRequest;
import org.rectrack.events.evidence.EvidenceState;
import org.rectrack.evidence.api.Examples;
import org.rectrack.evidence.idempotency.IdempotencyKeys;
import org.rectrack.platform.paging.Page;
import org.rectrack.platform.paging.PageParams;
import org.rectrack.platform.problem.Problem;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.platform.request.QueryValues;
import org.rectrack.platform.security.Caller;
import org.rectrack.platform.security.Roles;
import org.rectrack.platform.validation.PlainText;

/** REST entry point for evidence: submit it, read it with its history, list it. */
@Path("/evidence")
@Tag(name = "Evidence", description = "Evidence of government action on recommendations, and its review history")
@Produces(MediaType.APPLICATION_JSON)
public class EvidenceResource {

    /** Set on an answer replayed for a retried Idempotency-Key. */
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final EvidenceService evidence;
    private final Caller caller;

    EvidenceResource(EvidenceService evidence, Caller caller) {
        this.evidence = evidence;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.NGO, Roles.ADMIN })
    @Operation(summary = "Submit evidence of government action (role ngo, or admin)",
            description = "The evidence is recorded for the organisation in the token's `org` claim, in state SUBMITTED."
                    + " An admin submits the draft evidence of an imported report (the gateway does so on import):"
                    + " recorded with origin ADMIN, which no organisation owns (no NGO may retract it or see it when"
                    + " restricted, whatever its organisation is called), shown under the token's `org`, or `"
                    + Actor.REPORT_IMPORT + "` when the token names none. Reviewers cannot submit."
                    + " Every recommendation must be known to this service and not withdrawn: an unknown one answers 422"
                    + " of type `urn:rectrack:problem:unknown-recommendation` (a recommendation published a moment ago"
                    + " may not have reached this service yet: try again shortly), a withdrawn one 422 `unprocessable`."
                    + " With an `Idempotency-Key`, a retry returns the first answer and creates nothing.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = SubmitEvidenceRequest.class),
            examples = {
                    @ExampleObject(name = "lao", summary = "One day, in Lao, public", value = Examples.SUBMIT_LAO),
                    @ExampleObject(name = "period", summary = "A period, a document reference, restricted",
                            value = Examples.SUBMIT_PERIOD) }))
    @APIResponse(responseCode = "201", description = "Recorded (or, for a retried Idempotency-Key, recorded before);"
            + " Location names the evidence",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = EvidenceResponse.class),
                    examples = @ExampleObject(name = "recorded", value = Examples.EVIDENCE)))
    @APIResponse(responseCode = "400", description = "A field is missing or wrong (a future date, an empty citation,"
            + " a negative metric, a unit that does not fit its kind, an unknown field…); errors names each",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "invalid", value = Examples.INVALID)))
    @APIResponse(responseCode = "403", description = "Neither an NGO nor an admin, or an NGO token names no organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "forbidden", value = Examples.FORBIDDEN)))
    @APIResponse(responseCode = "422", description = "A recommendation is unknown or withdrawn,"
            + " or the Idempotency-Key was used before for a different request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = {
                            @ExampleObject(name = "unknown", value = Examples.UNKNOWN_RECOMMENDATION),
                            @ExampleObject(name = "withdrawn", value = Examples.WITHDRAWN_RECOMMENDATION) }))
    public RestResponse<EvidenceResponse> submit(
            @Parameter(in = ParameterIn.HEADER, description = "a key of the client's choice (a UUID) that makes retries safe",
                    example = "5f1d7c2e-8a4b-4c3d-9e2f-1a0b9c8d7e6f")
            @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @NotNull(message = "evidence is required") @Valid SubmitEvidenceRequest request) {
        EvidenceService.Submission submission = evidence.submit(request, Actor.submitter(caller),
                IdempotencyKeys.parse(idempotencyKey));
        var response = RestResponse.ResponseBuilder.<EvidenceResponse> created(
                URI.create("evidence/" + submission.evidence().id()))
                .entity(submission.evidence());
        if (submission.replayed()) {
            response.header(REPLAYED_HEADER, "true");
        }
        return response.build();
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.NGO, Roles.REVIEWER, Roles.DIPLOMAT, Roles.AUDITOR })
    @Operation(summary = "List evidence, newest first (any signed-in role)",
            description = "Restricted evidence of other organisations is left out, except for reviewers and auditors."
                    + " `state=SUBMITTED` is the reviewers' queue; `organisation` an NGO's own submissions.")
    @APIResponse(responseCode = "200", description = "One page of evidence")
    public Page<EvidenceResponse> list(
            @Parameter(description = "only evidence bearing on this recommendation",
                    example = "0b7f3c52-6c1e-4a43-9d1f-2f6f1c4b9a10")
            @QueryParam("recommendationId") String recommendationId,
            @Parameter(description = "only evidence in this review state",
                    schema = @Schema(implementation = EvidenceState.class))
            @QueryParam("state") String state,
            @Parameter(description = "only evidence submitted by this organisation", example = "lao-anti-trafficking-network")
            @QueryParam("organisation") @PlainText String organisation,
            @BeanParam PageParams page) {
        return evidence.list(QueryValues.optionalUuid("recommendationId", recommendationId),
                QueryValues.optionalEnum("state", state, EvidenceState.class),
                Optional.ofNullable(organisation).filter(name -> !name.isBlank()).map(String::strip),
                Actor.of(caller), page.toRequest());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.NGO, Roles.REVIEWER, Roles.DIPLOMAT, Roles.AUDITOR })
    @Operation(summary = "One piece of evidence with its review history (any signed-in role)",
            description = "Restricted evidence is found only by its organisation, reviewers and auditors;"
                    + " to anyone else it does not exist (404).")
    @APIResponse(responseCode = "200", description = "The evidence",
            content = @Content(schema = @Schema(implementation = EvidenceResponse.class),
                    examples = @ExampleObject(name = "verified", value = Examples.EVIDENCE)))
    @APIResponse(responseCode = "404", description = "No such evidence, or none the caller may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    public EvidenceResponse get(@PathParam("id") UUID id) {
        return evidence.find(id, Actor.of(caller)).orElseThrow(() -> ProblemException.notFound("evidence", id));
    }
}
