package org.rectrack.gateway.compliance;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

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
import org.rectrack.gateway.api.FramedAnswers;
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
    /** The summary and the figures come as CSV only: the JSON and the PDF of the report hold them already. */
    private static final List<MediaType> CSV_ONLY = List.of(MediaType.valueOf(CSV + "; charset=UTF-8; header=present"));
    private static final String AS_OF = "a day in the world: evidence of actions begun by then counts. Default: 31"
            + " December of the year";
    private static final String KNOWN_AT = "an instant in the system: only what rectrack had recorded by then counts."
            + " Default: now; the answer's Content-Location pins it, and asking that again gives the same bytes";

    private final ReportRenderer renderer;
    private final ComplianceReportService reports;
    private final TimeFrames frames;

    ComplianceReportResource(ReportRenderer renderer, ComplianceReportService reports, TimeFrames frames) {
        this.renderer = renderer;
        this.reports = reports;
        this.frames = frames;
    }

    /** The country and year asked for, and the frame the answer is in. */
    private record Question(String country, int year, TimeFrame frame) {
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
                    + " CSV is one table, a record per recommendation; its summary and figures are the CSVs of"
                    + " ./summary and ./figures (its Link header names them, in the same frame).")
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
            @Parameter(description = AS_OF, example = "2023-12-31") @QueryParam("asOf") String asOf,
            @Parameter(description = KNOWN_AT, example = "2024-01-15T09:00:00Z") @QueryParam("knownAt") String knownAt,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        MediaType chosen = Negotiation.choose(headers, OFFERED).orElseThrow(() -> Negotiation.notAcceptable(OFFERED));
        Question question = frame(country, year, asOf, knownAt);
        TimeFrame frame = question.frame();
        ReportFormat format = ReportFormat.of(chosen).orElseThrow();
        RenderedReport rendered = renderer.render(question.country(), question.year(), frame.asOf(), frame.knownAt(),
                format);
        ComplianceReport report = rendered.report();
        Response.ResponseBuilder response = switch (format) {
            // The summary and the figures are tables of their own, for the same frame.
            case CSV -> file(rendered.bytes(), chosen, report, "")
                    .link(related(uri, report.year() + "/summary", frame), "related")
                    .link(related(uri, report.year() + "/figures", frame), "related");
            case PDF -> file(rendered.bytes(), chosen, report, "");
            case JSON -> Response.ok(rendered.bytes(), chosen).tag(report.dataSha256() + "-json");
        };
        return pinned(response, uri, frame);
    }

    /**
     * A part of the report as a CSV table of its own, for an auditor who works in a spreadsheet (the JSON and the PDF
     * hold both with the rest): {@code summary}, one record per measure (the count of each status, the total, the share
     * implemented or in progress, last year's share and the change); {@code figures}, one record per metric and unit
     * with a column per year shown. Errors as {@link #report}.
     */
    @GET
    @Path("{part: summary|figures}")
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "The compliance report's summary or figures as one CSV table (UTF-8 with BOM, RFC 4180)",
            description = "summary: one record per measure (each status's count, total, share implemented or in"
                    + " progress, the previous year's share and the change). figures: one record per metric and unit,"
                    + " summed over the verified evidence, a column per year shown (the report's year and the two"
                    + " before it; empty where no evidence gave a figure). Every record names the report's country,"
                    + " year, asOf, knownAt and data SHA-256, as the report it belongs to does.")
    @APIResponse(responseCode = "200", description = "The table",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Country, year, asOf, knownAt or the Accept header is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No report on the country for the year counts in the frame",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = "Accept does not admit text/csv",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response part(
            @Parameter(example = "LAO") @PathParam("country") String country,
            @Parameter(example = "2023") @PathParam("year") String year,
            @Parameter(example = "summary", schema = @Schema(enumeration = { "summary", "figures" }))
            @PathParam("part") String part,
            @Parameter(description = AS_OF, example = "2023-12-31") @QueryParam("asOf") String asOf,
            @Parameter(description = KNOWN_AT, example = "2024-01-15T09:00:00Z") @QueryParam("knownAt") String knownAt,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        MediaType chosen = Negotiation.choose(headers, CSV_ONLY).orElseThrow(() -> Negotiation.notAcceptable(CSV_ONLY));
        Question question = frame(country, year, asOf, knownAt);
        ComplianceReport report = reports.report(question.country(), question.year(), question.frame());
        byte[] table = "summary".equals(part) ? ComplianceCsv.summary(report) : ComplianceCsv.figures(report);
        return pinned(file(table, chosen, report, part), uri, question.frame());
    }

    private Question frame(String country, String year, String asOf, String knownAt) {
        String code = QueryValues.optionalCountry("country", country)
                .orElseThrow(() -> ProblemException.badRequest("country", "is required"));
        int reportYear = QueryValues.optionalInteger("year", year, 2001, 2100)
                .orElseThrow(() -> ProblemException.badRequest("year", "is required"));
        return new Question(code, reportYear, frames.resolveToNow(asOf, knownAt, LocalDate.of(reportYear, 12, 31)));
    }

    /** The answer with {@code Vary} and the same question with both times pinned: it gives these bytes again, for ever. */
    private static Response pinned(Response.ResponseBuilder response, UriInfo uri, TimeFrame frame) {
        return response.header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .header(HttpHeaders.CONTENT_LOCATION, FramedAnswers.pinned(uri.getRequestUriBuilder(), frame))
                .build();
    }

    /** Another part of the same report, in the same frame. */
    private static URI related(UriInfo uri, String part, TimeFrame frame) {
        return FramedAnswers.pinned(uri.getBaseUriBuilder().path("compliance-reports")
                .path(uri.getPathParameters().getFirst("country")).path(part), frame);
    }

    private static Response.ResponseBuilder file(byte[] body, MediaType type, ComplianceReport report, String part) {
        String extension = type.getSubtype();
        String suffix = part.isEmpty() ? "" : "-" + part;
        String name = "compliance-%s-%d-as-of-%s-known-at-%s%s.%s".formatted(report.country(), report.year(),
                report.asOf(), report.knownAt().toString().replace(":", ""), suffix, extension);
        return Response.ok(body, type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .tag(report.dataSha256() + "-" + extension + suffix);
    }
}
