package org.rectrack.gateway.compliance;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rectrack.gateway.readmodel.TimeFrame;
import org.rectrack.gateway.readmodel.TimeFrames;
import org.rectrack.platform.problem.Problem;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.platform.request.QueryValues;
import org.rectrack.platform.security.Roles;

/**
 * REST entry point for year-end compliance reports: one report, three formats negotiated from {@code Accept}.
 * The bytes depend only on country, year, {@code asOf} and {@code knownAt}, so an auditor can reproduce a signed report.
 */
@Path("/compliance-reports/{country}/{year}")
@Tag(name = "Compliance reports")
public class ComplianceReportResource {

    static final String CSV = "text/csv";
    static final String PDF = "application/pdf";
    /**
     * What is offered, in order of preference (when Accept ranks them alike, JSON, the API's default, wins), with the
     * parameters each is sent with: a client may ask for {@code text/csv; header=present} (RFC 4180).
     */
    private static final List<MediaType> OFFERED = List.of(
            MediaType.valueOf(MediaType.APPLICATION_JSON + "; charset=UTF-8"),
            MediaType.valueOf(CSV + "; charset=UTF-8; header=present"),
            MediaType.valueOf(PDF));
    private final ReportRenderer renderer;
    private final TimeFrames frames;

    ComplianceReportResource(ReportRenderer renderer, TimeFrames frames) {
        this.renderer = renderer;
        this.frames = frames;
    }

    /**
     * The report in the type the caller's {@code Accept} prefers (RFC 9110, section 12.5.1, q-values included) among
     * JSON, CSV and PDF; JSON when it has no preference (no {@code Accept}, or {@code *}{@code /*}). Chosen by
     * {@link Negotiation} rather than by matching {@code @Produces} per method, which answered a PDF to
     * {@code application/pdf;q=0}. Throws a 406 problem naming the types offered when {@code Accept} admits none, a
     * 400 when {@code Accept} cannot be read.
     */
    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "The year-end compliance report as JSON, CSV (UTF-8 with BOM, RFC 4180) or PDF, by Accept",
            description = "The type is negotiated from Accept with its q-values; JSON when Accept is absent or */*. The"
                    + " JSON and CSV have one row per recommendation, then the figures; the PDF adds a chart of them.")
    @APIResponse(responseCode = "200", description = "The report; dataSha256 fingerprints the data it rests on",
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComplianceReport.class)),
                    @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "400", description = "Country, year, asOf, knownAt or the Accept header is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No report on the country for the year counts in the frame",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = "Accept admits none of application/json, text/csv and"
            + " application/pdf; errors names them",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response report(
            @Parameter(example = "LAO") @PathParam("country") String country,
            @Parameter(example = "2023") @PathParam("year") String year,
            @Parameter(description = "a day in the world: evidence of actions begun by then counts. Default: 31 December"
                    + " of the year", example = "2023-12-31") @QueryParam("asOf") String asOf,
            @Parameter(description = "an instant in the system: only what rectrack had recorded by then counts. Default:"
                    + " now; the answer's Content-Location pins it, and asking that again gives the same bytes",
                    example = "2024-01-15T09:00:00Z") @QueryParam("knownAt") String knownAt,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        MediaType chosen = Negotiation.choose(headers, OFFERED)
                .orElseThrow(ComplianceReportResource::notAcceptable);
        String code = QueryValues.optionalCountry("country", country)
                .orElseThrow(() -> ProblemException.badRequest("country", "is required"));
        int reportYear = QueryValues.optionalInteger("year", year, 2001, 2100)
                .orElseThrow(() -> ProblemException.badRequest("year", "is required"));
        TimeFrame frame = frames.resolveToNow(asOf, knownAt, LocalDate.of(reportYear, 12, 31));
        ReportFormat format = ReportFormat.of(chosen).orElseThrow();
        RenderedReport rendered = renderer.render(code, reportYear, frame.asOf(), frame.knownAt(), format);
        Response.ResponseBuilder response = switch (format) {
            case CSV, PDF -> file(rendered, chosen);
            case JSON -> Response.ok(rendered.bytes(), chosen).tag(rendered.report().dataSha256() + "-json");
        };
        // The same question, both times pinned: it gives these bytes again, for ever.
        return response.header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .header(HttpHeaders.CONTENT_LOCATION, uri.getRequestUriBuilder()
                        .replaceQueryParam("asOf", frame.asOf().toString())
                        .replaceQueryParam("knownAt", frame.knownAt().toString())
                        .build())
                .build();
    }

    /** 406 (RFC 9110, section 15.5.7), listing what is offered so that the client can ask again. */
    private static ProblemException notAcceptable() {
        String offered = OFFERED.stream().map(type -> type.getType() + "/" + type.getSubtype())
                .collect(Collectors.joining(", "));
        return new ProblemException(Response.Status.NOT_ACCEPTABLE.getStatusCode(), "not-acceptable", "Not Acceptable",
                "Accept admits none of the types this report comes in: " + offered,
                List.of(new Problem.FieldError(HttpHeaders.ACCEPT, "must admit one of " + offered)));
    }

    private static Response.ResponseBuilder file(RenderedReport rendered, MediaType type) {
        ComplianceReport report = rendered.report();
        String extension = rendered.format().extension();
        String name = "compliance-%s-%d-as-of-%s-known-at-%s.%s".formatted(report.country(), report.year(),
                report.asOf(), report.knownAt().toString().replace(":", ""), extension);
        return Response.ok(rendered.bytes(), type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .tag(report.dataSha256() + "-" + extension);
    }
}
