package org.rectrack.gateway.changes;

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
import org.rectrack.gateway.changes.api.YearOverYear;
import org.rectrack.gateway.compliance.Negotiation;
import org.rectrack.gateway.compliance.ReportFormat;
import org.rectrack.gateway.readmodel.TimeFrame;
import org.rectrack.gateway.readmodel.TimeFrames;
import org.rectrack.gateway.status.Viewer;
import org.rectrack.platform.problem.Problem;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.platform.request.QueryValues;
import org.rectrack.platform.security.Caller;
import org.rectrack.platform.security.Roles;

/**
 * REST entry point for a year's changes against the previous report, in JSON, CSV or PDF by {@code Accept}, in the
 * compliance report's frame ({@code asOf} 31 December of the year, {@code knownAt} now, then pinned in
 * {@code Content-Location}).
 */
@Path("/compliance-reports/{country}/{year}/changes")
@Tag(name = "What changed", description = "A year's report against the previous one, and status changes between two"
        + " instants. Statuses are computed from the evidence the caller may see.")
public class YearOverYearResource {

    /** What is offered, in order of preference, with the parameters each is sent with (as the compliance report). */
    private static final List<MediaType> OFFERED = List.of(ReportFormat.JSON.mediaType(), ReportFormat.CSV.mediaType(),
            ReportFormat.PDF.mediaType());
    private static final String AS_OF = "a day in the world: the statuses now are as of it. Default: 31 December of"
            + " the year";
    private static final String KNOWN_AT = "an instant in the system: only what rectrack had recorded by then counts,"
            + " on both sides. Default: now; the answer's Content-Location pins it";

    private final ChangeService changes;
    private final TimeFrames frames;
    private final Caller caller;
    private final ChangesRenderer renderer;

    YearOverYearResource(ChangeService changes, TimeFrames frames, Caller caller, ChangesRenderer renderer) {
        this.changes = changes;
        this.frames = frames;
        this.caller = caller;
        this.renderer = renderer;
    }

    /**
     * The changes in the type {@code Accept} prefers among JSON, CSV and PDF (JSON without a preference), negotiated as
     * the compliance report is ({@link Negotiation}): 406 naming the types when none is admitted, 400 when a parameter
     * or {@code Accept} cannot be read, 404 when no report on the country for the year counts in the frame.
     */
    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.NGO, Roles.REVIEWER, Roles.DIPLOMAT, Roles.AUDITOR })
    @Operation(summary = "A year's report against the country's previous one: tier change, new, repeated (with a"
            + " word-level text difference, status then and now) and dropped recommendations; JSON, CSV or PDF by"
            + " Accept (any signed-in role)",
            description = "The previous report is the country's latest of an earlier year; without one, previous is"
                    + " null and every recommendation is new. Repeated means continuing an earlier recommendation"
                    + " (its continuesFrom link); the status then is as of 31 December of the previous report's year,"
                    + " as known at the same knownAt. The CSV is one table, a record per recommendation, the text"
                    + " difference in word-diff notation ([-removed-] {+added+}).")
    @APIResponse(responseCode = "200", description = "The changes",
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = YearOverYear.class)),
                    @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "400", description = "Country, year, asOf, knownAt or the Accept header is not valid;"
            + " errors names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No report on the country for the year counts in the frame",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = "Accept admits none of application/json, text/csv and"
            + " application/pdf; errors names them",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response changes(
            @Parameter(example = "LAO") @PathParam("country") String country,
            @Parameter(example = "2023") @PathParam("year") String year,
            @Parameter(description = AS_OF, example = "2023-12-31") @QueryParam("asOf") String asOf,
            @Parameter(description = KNOWN_AT, example = "2024-01-15T09:00:00Z") @QueryParam("knownAt") String knownAt,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        MediaType chosen = Negotiation.choose(headers, OFFERED).orElseThrow(() -> Negotiation.notAcceptable(OFFERED));
        String code = QueryValues.optionalCountry("country", country)
                .orElseThrow(() -> ProblemException.badRequest("country", "is required"));
        int reportYear = QueryValues.optionalInteger("year", year, 2001, 2100)
                .orElseThrow(() -> ProblemException.badRequest("year", "is required"));
        TimeFrame frame = frames.resolveToNow(asOf, knownAt, LocalDate.of(reportYear, 12, 31));
        YearOverYear answer = changes.yearOverYear(code, reportYear, frame, Viewer.of(caller));
        ReportFormat format = ReportFormat.of(chosen).orElseThrow();
        byte[] body = renderer.render(answer, format);
        Response.ResponseBuilder response = Response.ok(body, chosen)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .header(HttpHeaders.CONTENT_LOCATION, FramedAnswers.pinned(uri.getRequestUriBuilder(), frame));
        if (format != ReportFormat.JSON) {
            response.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ChangesRenderer.fileName(answer, format) + "\"");
        }
        return response.build();
    }
}
