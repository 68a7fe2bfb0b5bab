package org.rectrack.gateway.evidence;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

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
import org.rectrack.gateway.api.Examples;
import org.rectrack.gateway.api.FramedAnswers;
import org.rectrack.gateway.evidence.api.EvidenceResponses;
import org.rectrack.gateway.readmodel.TimeFrame;
import org.rectrack.gateway.readmodel.TimeFrames;
import org.rectrack.gateway.routing.EvidenceClient;
import org.rectrack.gateway.routing.Owner;
import org.rectrack.gateway.routing.Routing;
import org.rectrack.gateway.status.Viewer;
import org.rectrack.platform.paging.Page;
import org.rectrack.platform.paging.PageParams;
import org.rectrack.platform.problem.Problem;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.platform.request.QueryValues;
import org.rectrack.platform.security.Caller;
import org.rectrack.platform.security.Roles;

/** REST entry point for evidence: read from the read model; submissions go to the evidence-service. */
@Path("/evidence")
@Tag(name = "Evidence", description = "Evidence of government action on recommendations, and its review history")
@Produces(MediaType.APPLICATION_JSON)
public class EvidenceResource {

    private final EvidenceQueries evidence;
    private final Routing routing;
    private final TimeFrames frames;
    private final FramedAnswers answers;
    private final Caller caller;

    EvidenceResource(EvidenceQueries evidence, Routing routing, TimeFrames frames, Caller caller, FramedAnswers answers) {
        this.evidence = evidence;
        this.routing = routing;
        this.frames = frames;
        this.answers = answers;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.NGO)
    @Operation(summary = "Submit evidence of government action (role ngo)",
            description = "Passed on to the evidence-service, whose answer comes back unchanged. The evidence is recorded"
                    + " for the organisation in the token's `org` claim, in state SUBMITTED. With an `Idempotency-Key`, a"
                    + " retry returns the first answer and creates nothing. The evidence shows in GET /evidence once its"
                    + " event has reached the gateway's read model (normally within a second).")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = SubmitEvidenceRequest.class),
            examples = @ExampleObject(name = "lao", summary = "One day, in Lao, public", value = Examples.SUBMIT_EVIDENCE)))
    @APIResponse(responseCode = "201", description = "Recorded (or, for a retried Idempotency-Key, recorded before);"
            + " Location names the evidence at the gateway",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = EvidenceResponse.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or wrong; errors names each",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an NGO, or the token names no organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A recommendation is unknown or withdrawn, or the Idempotency-Key"
            + " was used before for a different request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The evidence-service is down or did not answer in time;"
            + " Retry-After says when to try again (with the same Idempotency-Key, safely)",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unavailable", value = Examples.UNAVAILABLE)))
    public Response submit(
            @Parameter(in = ParameterIn.HEADER, description = "a key of the client's choice (a UUID) that makes retries safe",
                    example = "5f1d7c2e-8a4b-4c3d-9e2f-1a0b9c8d7e6f")
            @HeaderParam(EvidenceClient.IDEMPOTENCY_KEY) String idempotencyKey,
            String body) {
        return routing.write(Owner.EVIDENCE, client -> client.submit(idempotencyKey, body));
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.NGO, Roles.REVIEWER, Roles.DIPLOMAT, Roles.AUDITOR })
    @Operation(summary = "List evidence, newest first (any signed-in role)",
            description = "Restricted evidence of other organisations is left out, except for reviewers and auditors,"
                    + " and counts in no total. `state=SUBMITTED` is the reviewers' queue.")
    @APIResponse(responseCode = "200", description = "One page of evidence")
    @Transactional
    public RestResponse<Page<EvidenceResponse>> list(
            @Parameter(description = "only evidence bearing on this recommendation",
                    example = "0b7f3c52-6c1e-4a43-9d1f-2f6f1c4b9a10")
            @QueryParam("recommendationId") String recommendationId,
            @Parameter(description = "only evidence in this review state", schema = @Schema(implementation = EvidenceState.class))
            @QueryParam("state") String state,
            @Parameter(description = TimeFrames.AS_OF, example = "2023-12-31") @QueryParam("asOf") String asOf,
            @Parameter(description = TimeFrames.KNOWN_AT, example = "2024-01-15T09:00:00Z") @QueryParam("knownAt") String knownAt,
            @BeanParam PageParams page,
            @Context Request request, @Context UriInfo uri) {
        var recommendation = QueryValues.optionalUuid("recommendationId", recommendationId);
        var reviewState = QueryValues.optionalEnum("state", state, EvidenceState.class);
        var pageRequest = page.toRequest();
        TimeFrame frame = frames.resolve(asOf, knownAt, TimeFrame.today());
        Viewer viewer = Viewer.of(caller);
        return answers.of(request, uri, frame, viewer, () -> evidence.list(recommendation, reviewState, frame,
                viewer, pageRequest).map(EvidenceResponses::of));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.NGO, Roles.REVIEWER, Roles.DIPLOMAT, Roles.AUDITOR })
    @Operation(summary = "One piece of evidence with its review history (any signed-in role)",
            description = "Restricted evidence is found only by its organisation, reviewers and auditors; to anyone else"
                    + " it does not exist (404).")
    @APIResponse(responseCode = "200", description = "The evidence",
            content = @Content(schema = @Schema(implementation = EvidenceResponse.class)))
    @APIResponse(responseCode = "400", description = "asOf or knownAt cannot be read, or knownAt is in the future",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such evidence in the frame, or none the caller may see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Transactional
    public RestResponse<EvidenceResponse> get(@PathParam("id") UUID id,
            @Parameter(description = TimeFrames.AS_OF, example = "2023-12-31") @QueryParam("asOf") String asOf,
            @Parameter(description = TimeFrames.KNOWN_AT, example = "2024-01-15T09:00:00Z") @QueryParam("knownAt") String knownAt,
            @Context Request request, @Context UriInfo uri) {
        TimeFrame frame = frames.resolve(asOf, knownAt, TimeFrame.today());
        Viewer viewer = Viewer.of(caller);
        return answers.of(request, uri, frame, viewer, () -> evidence.find(id, frame, viewer)
                .map(EvidenceResponses::of).orElseThrow(() -> ProblemException.notFound("evidence", id)));
    }
}
