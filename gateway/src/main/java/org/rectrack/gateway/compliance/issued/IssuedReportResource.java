package org.rectrack.gateway.compliance.issued;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
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
import org.rectrack.gateway.compliance.RenderedReport;
import org.rectrack.gateway.compliance.issued.IssuedReports.Issued;
import org.rectrack.gateway.compliance.issued.IssuedReports.Issuer;
import org.rectrack.gateway.compliance.issued.api.IssueRequest;
import org.rectrack.gateway.compliance.issued.api.IssuedExamples;
import org.rectrack.gateway.compliance.issued.api.IssuedReportResponse;
import org.rectrack.platform.paging.Page;
import org.rectrack.platform.paging.PageParams;
import org.rectrack.platform.problem.Problem;
import org.rectrack.platform.problem.Problem.FieldError;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.platform.request.QueryValues;
import org.rectrack.platform.security.Caller;
import org.rectrack.platform.security.Roles;

/**
 * REST entry point for issued compliance reports: an auditor issues (signs off) a report; anyone signed in lists
 * them. A literal path of its own, so that {@code issued} is never read as the country of
 * {@code /compliance-reports/{country}/{year}} (JAX-RS prefers the class path with more literal characters).
 */
@Path("/compliance-reports/issued")
@Tag(name = "Compliance reports")
@Produces(MediaType.APPLICATION_JSON)
public class IssuedReportResource {

    private final IssuedReports issued;
    private final Verifier verifier;
    private final Caller caller;

    IssuedReportResource(IssuedReports issued, Verifier verifier, Caller caller) {
        this.issued = issued;
        this.verifier = verifier;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "Issue (sign off) a compliance report (role auditor)",
            description = "Renders the report of the country and year as of `asOf` with what had been recorded by"
                    + " `knownAt`, in the format asked, and records the SHA-256 of its exact bytes, who issued it and"
                    + " when. The same parameters are issued once: asking again answers the first issue (200), whoever"
                    + " asks. With an `Idempotency-Key`, a retry answers the first issue too, also when `knownAt` was"
                    + " left to default to now. The bytes are `GET /compliance-reports/issued/{id}/document`.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = IssueRequest.class),
            examples = @ExampleObject(name = "lao-2023-pdf", summary = "Laos 2023, year-end, as known on 15 January",
                    value = IssuedExamples.ISSUE)))
    @APIResponse(responseCode = "201", description = "Issued; Location names the issued report",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = IssuedReportResponse.class),
                    examples = @ExampleObject(name = "issued", value = IssuedExamples.ISSUED)))
    @APIResponse(responseCode = "200", description = "Issued before with the same parameters or Idempotency-Key: the"
            + " first issue; Location names it",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = IssuedReportResponse.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or wrong (knownAt in the future too); errors"
            + " names each", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an auditor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No report on the country for the year is known",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before for a different request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response issue(
            @Parameter(in = ParameterIn.HEADER, description = "a key of the client's choice (a UUID) that makes retries safe",
                    example = "5f1d7c2e-8a4b-4c3d-9e2f-1a0b9c8d7e6f")
            @HeaderParam(IssuedReports.IDEMPOTENCY_KEY) String idempotencyKey,
            IssueRequest request, @Context UriInfo uri) {
        Issuer issuer = new Issuer(caller.subject(), caller.name());
        Issued answer = issued.issue(request, issuer, IssuedReports.idempotencyKey(idempotencyKey));
        return Response.status(answer.created() ? Response.Status.CREATED : Response.Status.OK)
                .location(uri.getBaseUriBuilder().path(IssuedReportResource.class).path(answer.report().id.toString()).build())
                .entity(answer.report().response())
                .build();
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.NGO, Roles.REVIEWER, Roles.DIPLOMAT, Roles.AUDITOR })
    @Operation(summary = "List issued compliance reports, newest first (any signed-in role)",
            description = "What was issued, its SHA-256, who issued it and when; never the report's content.")
    @APIResponse(responseCode = "200", description = "One page of issued reports")
    @APIResponse(responseCode = "400", description = "A query parameter is wrong",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token carries no rectrack role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<IssuedReportResponse> list(
            @Parameter(description = "only reports on this country (ISO 3166-1 alpha-3)", example = "LAO")
            @QueryParam("country") String country,
            @Parameter(description = "only reports of this year", example = "2023") @QueryParam("year") String year,
            @BeanParam PageParams page) {
        return issued.list(QueryValues.optionalCountry("country", country),
                QueryValues.optionalInteger("year", year, 2001, 2100), page.toRequest())
                .map(IssuedReport::response);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.NGO, Roles.REVIEWER, Roles.DIPLOMAT, Roles.AUDITOR })
    @Operation(summary = "One issued compliance report (any signed-in role)")
    @APIResponse(responseCode = "200", description = "The issued report",
            content = @Content(schema = @Schema(implementation = IssuedReportResponse.class),
                    examples = @ExampleObject(name = "issued", value = IssuedExamples.ISSUED)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token carries no rectrack role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No report was issued with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public IssuedReportResponse get(@PathParam("id") UUID id) {
        return issued.find(id).map(IssuedReport::response)
                .orElseThrow(() -> ProblemException.notFound("issued report", id));
    }

    /**
     * The issued bytes, regenerated and checked against the recorded SHA-256 before they are answered: never bytes
     * that differ from what was issued. Auditors only, as the compliance report itself: it shows restricted evidence.
     */
    @GET
    @Path("/{id}/document")
    @Produces({ MediaType.APPLICATION_JSON, "text/csv", "application/pdf" })
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "The issued report's bytes, regenerated and checked against its SHA-256 (role auditor)",
            description = "In the format it was issued in; ETag is its SHA-256 in hex, Repr-Digest (RFC 9530) the"
                    + " same in base64.")
    @APIResponse(responseCode = "200", description = "The bytes issued, in the format issued",
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "400", description = "The id is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an auditor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No report was issued with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = "Accept does not admit the type the report was issued in",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Regenerating the report now gives other bytes than were issued;"
            + " the detail says how (POST /compliance-reports/verify says the same)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response document(@PathParam("id") UUID id, @Context HttpHeaders headers) {
        IssuedReport issue = issued.find(id).orElseThrow(() -> ProblemException.notFound("issued report", id));
        MediaType type = issue.format.mediaType();
        if (!admits(headers.getAcceptableMediaTypes(), type)) {
            String offered = type.getType() + "/" + type.getSubtype();
            throw new ProblemException(406, "not-acceptable", "Not Acceptable",
                    "this report was issued as " + offered + ", which the Accept header does not admit",
                    List.of(new FieldError(HttpHeaders.ACCEPT, "must admit " + offered)));
        }
        RenderedReport rendered = verifier.document(id);
        String name = "compliance-%s-%d-as-of-%s-known-at-%s.%s".formatted(issue.country, issue.year, issue.asOf,
                issue.knownAt.toString().replace(":", ""), issue.format.extension());
        return Response.ok(rendered.bytes(), type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .header(HttpHeaders.ETAG, "\"" + issue.sha256 + "\"")
                // RFC 9530: the SHA-256 of the content, base64 in a structured-field byte sequence.
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(issue.sha256))
                        + ":")
                .build();
    }

    /** Whether an entry of Accept with a quality above 0 admits {@code type} (RFC 9110, 12.4.2); no Accept: anything. */
    private static boolean admits(List<MediaType> accepted, MediaType type) {
        return accepted.isEmpty() || accepted.stream().anyMatch(range -> range.isCompatible(type)
                && !range.getParameters().getOrDefault("q", "1").matches("0(\\.0{0,3})?"));
    }
}
