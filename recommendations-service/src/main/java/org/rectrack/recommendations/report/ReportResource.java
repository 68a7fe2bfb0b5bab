package org.rectrack.recommendations.report;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.rectrack.api.recommendations.CorrectReportRequest;
import org.rectrack.api.recommendations.PublishReportRequest;
import org.rectrack.platform.paging.Page;
import org.rectrack.platform.paging.PageParams;
import org.rectrack.platform.problem.Problem;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.platform.request.QueryValues;
import org.rectrack.platform.security.Caller;
import org.rectrack.platform.security.Roles;
import org.rectrack.recommendations.report.api.ReportResponse;

/** REST entry point for reports: publish one with its recommendations, correct its tier and metadata, find them. */
@Path("/reports")
@Tag(name = "Reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private final ReportService reports;
    private final Caller caller;

    ReportResource(ReportService reports, Caller caller) {
        this.reports = reports;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Publish a report with its ranked recommendations")
    @APIResponse(responseCode = "201", description = "Published; Location names the report",
            content = @Content(schema = @Schema(implementation = ReportResponse.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or wrong; errors names each",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "This publisher's report on the country for the year exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A continuesFromId names no earlier recommendation of the country",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<ReportResponse> publish(@NotNull(message = "a report is required") @Valid PublishReportRequest request) {
        ReportResponse report = reports.publish(request, caller.name());
        return RestResponse.ResponseBuilder.<ReportResponse> created(URI.create("reports/" + report.id()))
                .entity(report)
                .build();
    }

    @PUT
    @Path("/{id}/metadata")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Correct the report's tier and metadata (role admin)",
            description = "The tier, publisher, title, source URL, publication date and reporting period as they should"
                    + " be, as a whole: a field left out is cleared. Country and year cannot be corrected (they name the"
                    + " report's recommendations); recommendations are revised one by one. Each correction is a new"
                    + " version of the report and its event; sending the state it has already changes nothing.")
    @APIResponse(responseCode = "200", description = "Corrected (or already so); the report as it is now",
            content = @Content(schema = @Schema(implementation = ReportResponse.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or wrong, or given that cannot be corrected"
            + " (country, year, recommendations); errors names each",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such report",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The corrected publisher's report on the country for the year exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReportResponse correct(@PathParam("id") UUID id,
            @NotNull(message = "the corrected report is required") @Valid CorrectReportRequest request) {
        return reports.correct(id, request);
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.NGO, Roles.REVIEWER, Roles.DIPLOMAT, Roles.AUDITOR })
    @Operation(summary = "List reports, newest year first")
    @APIResponse(responseCode = "200", description = "One page of reports")
    public Page<ReportResponse> list(
            @Parameter(description = "ISO 3166-1 alpha-3", example = "LAO") @QueryParam("country") String country,
            @Parameter(example = "2023") @QueryParam("year") String year,
            @BeanParam PageParams page) {
        return reports.list(QueryValues.optionalCountry("country", country),
                QueryValues.optionalInteger("year", year, 2001, 2100), page.toRequest());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.NGO, Roles.REVIEWER, Roles.DIPLOMAT, Roles.AUDITOR })
    @Operation(summary = "One report with its recommendations in rank order")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "404", description = "No such report",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReportResponse get(@PathParam("id") UUID id) {
        return reports.find(id).orElseThrow(() -> ProblemException.notFound("report", id));
    }
}
