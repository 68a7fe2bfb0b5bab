package org.rectrack.gateway.compliance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.rectrack.platform.problem.Problem;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.platform.request.QueryValues;
import org.rectrack.platform.security.Roles;

/**
 * REST entry point for year-end compliance reports: one report, three formats chosen by {@code Accept}.
 * The bytes depend only on country, year and {@code asOf}, so an auditor can reproduce a signed report.
 */
@Path("/compliance-reports/{country}/{year}")
@Tag(name = "Compliance reports")
public class ComplianceReportResource {

    static final String CSV = "text/csv";
    static final String PDF = "application/pdf";
    private static final String AS_OF = "the cut-off: an instant (2023-12-31T23:59:59Z) or a day (2023-12-31 means its"
            + " end, UTC); only what rectrack knew then counts. Default: now, to the second";

    private final ComplianceReportService reports;

    ComplianceReportResource(ComplianceReportService reports) {
        this.reports = reports;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "The year-end compliance report as JSON")
    @APIResponse(responseCode = "200", description = "The report; dataSha256 fingerprints the data it rests on",
            content = @Content(schema = @Schema(implementation = ComplianceReport.class)))
    @APIResponse(responseCode = "400", description = "Country, year or asOf is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No report on the country for the year was known as of asOf",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ComplianceReport json(
            @Parameter(example = "LAO") @PathParam("country") String country,
            @Parameter(example = "2023") @PathParam("year") String year,
            @Parameter(description = AS_OF, example = "2023-12-31") @QueryParam("asOf") String asOf) {
        return report(country, year, asOf);
    }

    @GET
    @Produces(CSV)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "The year-end compliance report as CSV (UTF-8 with BOM, RFC 4180)")
    @APIResponse(responseCode = "200", description = "One row per recommendation, then the figures",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    public RestResponse<byte[]> csv(@PathParam("country") String country, @PathParam("year") String year,
            @QueryParam("asOf") String asOf) {
        ComplianceReport report = report(country, year, asOf);
        return file(ComplianceCsv.render(report), CSV + "; charset=UTF-8", report, "csv");
    }

    @GET
    @Produces(PDF)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(summary = "The year-end compliance report as PDF, with a chart of the figures")
    @APIResponse(responseCode = "200", description = "The report, ready to sign",
            content = @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public RestResponse<byte[]> pdf(@PathParam("country") String country, @PathParam("year") String year,
            @QueryParam("asOf") String asOf) {
        ComplianceReport report = report(country, year, asOf);
        return file(CompliancePdf.render(report), PDF, report, "pdf");
    }

    private ComplianceReport report(String country, String year, String asOf) {
        String code = QueryValues.optionalCountry("country", country)
                .orElseThrow(() -> ProblemException.badRequest("country", "is required"));
        int reportYear = QueryValues.optionalInteger("year", year, 2001, 2100)
                .orElseThrow(() -> ProblemException.badRequest("year", "is required"));
        Instant now = Instant.now();
        Instant cutOff = QueryValues.optionalInstant("asOf", asOf).orElseGet(() -> now.truncatedTo(ChronoUnit.SECONDS));
        if (cutOff.isAfter(now)) {
            // What is not known yet could still change the report: it would not be reproducible.
            throw ProblemException.badRequest("asOf", "must not be in the future");
        }
        return reports.report(code, reportYear, cutOff);
    }

    private static RestResponse<byte[]> file(byte[] body, String type, ComplianceReport report, String extension) {
        String name = "compliance-%s-%d-as-of-%s.%s".formatted(report.country(), report.year(),
                report.asOf().toString().replace(":", ""), extension);
        return RestResponse.ResponseBuilder.ok(body, type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .header(HttpHeaders.ETAG, "\"" + report.dataSha256() + "-" + extension + "\"")
                .build();
    }
}
