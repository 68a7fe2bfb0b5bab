package org.rectrack.gateway.reports;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
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
import org.rectrack.api.recommendations.PublishReportRequest;
import org.rectrack.gateway.api.Examples;
import org.rectrack.gateway.api.FramedAnswers;
import org.rectrack.gateway.readmodel.ReadModel;
import org.rectrack.gateway.readmodel.TimeFrame;
import org.rectrack.gateway.readmodel.TimeFrames;
import org.rectrack.gateway.reports.api.ImportAnswer;
import org.rectrack.gateway.reports.api.ImportJobAnswer;
import org.rectrack.gateway.reports.api.ReportResponse;
import org.rectrack.gateway.routing.Owner;
import org.rectrack.gateway.routing.RecommendationsClient;
import org.rectrack.gateway.routing.Routing;
import org.rectrack.gateway.status.StatusService;
import org.rectrack.gateway.status.Viewer;
import org.rectrack.platform.paging.Page;
import org.rectrack.platform.paging.PageParams;
import org.rectrack.platform.problem.Problem;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.platform.request.QueryValues;
import org.rectrack.platform.security.Caller;
import org.rectrack.platform.security.Roles;

/**
 * REST entry point for reports: read from the read model; publish, import and correct go to the
 * recommendations-service.
 */
@Path("/reports")
@Tag(name = "Reports", description = "Monitoring reports and their ranked recommendations")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private final ReadModel readModel;
    private final StatusService statuses;
    private final Routing routing;
    private final TimeFrames frames;
    private final FramedAnswers answers;
    private final Caller caller;

    ReportResource(ReadModel readModel, StatusService statuses, Routing routing, TimeFrames frames, Caller caller,
            FramedAnswers answers) {
        this.readModel = readModel;
        this.frames = frames;
        this.answers = answers;
        this.statuses = statuses;
        this.routing = routing;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Publish a report with its ranked recommendations (role admin)",
            description = "Passed on to the recommendations-service, whose answer comes back unchanged; the report shows"
                    + " in GET /reports once its event has reached the gateway's read model (normally within a second).")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PublishReportRequest.class),
            examples = @ExampleObject(name = "lao-2023", value = Examples.PUBLISH_REPORT)))
    @APIResponse(responseCode = "201", description = "Published; Location names the report at the gateway",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")))
    @APIResponse(responseCode = "400", description = "A field is missing or wrong; errors names each",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "This publisher's report on the country for the year exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A continuesFromId names no earlier recommendation of the country",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The recommendations-service is down or did not answer in time;"
            + " Retry-After says when to try again",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unavailable", value = Examples.UNAVAILABLE)))
    public Response publish(String report) {
        return routing.write(Owner.RECOMMENDATIONS, client -> client.publish(report));
    }

    @PUT
    @Path("/{id}/metadata")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Correct a report's tier and metadata (role admin)",
            description = "The tier, publisher, title, source URL, publication date and reporting period as they should"
                    + " be, as a whole: a field left out is cleared. Country and year cannot be corrected; recommendations"
                    + " are revised one by one. Passed on to the recommendations-service, whose answer (the report as it"
                    + " is now) comes back unchanged; each correction is a new version of the report, shown by GET"
                    + " /reports once its event reaches the read model, and by a knownAt from then on. Sending the state"
                    + " the report has already changes nothing.")
    @RequestBody(required = true, content = @Content(schema = @Schema(type = SchemaType.OBJECT,
            requiredProperties = { "tier", "publisher", "title" }),
            examples = @ExampleObject(name = "watch list", value = Examples.CORRECT_REPORT)))
    @APIResponse(responseCode = "200", description = "Corrected (or already so); the report as it is now")
    @APIResponse(responseCode = "400", description = "A field is missing or wrong, or one that cannot be corrected"
            + " (country, year, recommendations) is given; errors names each",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such report",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The corrected publisher's report on the country for the year exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The recommendations-service is down or did not answer in time;"
            + " Retry-After says when to try again",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unavailable", value = Examples.UNAVAILABLE)))
    public Response correct(@PathParam("id") UUID id, String metadata) {
        return routing.write(Owner.RECOMMENDATIONS, client -> client.correct(id, metadata));
    }

    @POST
    @Path("/import")
    @Consumes({ MediaType.TEXT_PLAIN, RecommendationsClient.PDF })
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Import a report: one country's chapter at once, a whole report (text or PDF) as a job (role admin)",
            description = "Text (UTF-8) or a PDF, of at most 32 MiB; passed on to the recommendations-service."
                    + " A body of one country's narrative is imported at once (201; 200 for a dry run or a repeat). A body"
                    + " of several (a whole report, cut at each country's heading) starts a job: 202 with Location"
                    + " /reports/import-jobs/{id}, where each country's answer or problem shows as it is imported (each"
                    + " country as its own report; a dry run writes none). A repeat of the same body while its job runs,"
                    + " or with the same Idempotency-Key, answers the same job (Idempotent-Replayed: true)."
                    + " With dryRun=true it answers what it would publish, and publishes nothing."
                    + " An import that creates its report (201) proposes the narrative's draft evidence in the same"
                    + " transaction as the report, as events (rectrack.evidence.proposed) the evidence-service reads"
                    + " after the recommendations they name: each draft that names one of the previous report's"
                    + " recommendations becomes public SUBMITTED evidence for a reviewer to verify shortly after"
                    + " (GET /evidence?state=SUBMITTED), of origin ADMIN (no organisation owns it), shown under"
                    + " `report-import`; the answer's `drafts` lists them. Each draft that names none is kept as an"
                    + " unmatched finding (GET /unmatched-findings), for an admin to attach later; `findingMatches`"
                    + " proposes which recommendation of the new report earlier imports' unmatched findings bear on."
                    + " Importing the same text again (200) proposes nothing again.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = RecommendationsClient.PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")) })
    @APIResponse(responseCode = "200", description = "A dry run (the report the text would make), or this text was"
            + " imported before: nothing written")
    @APIResponse(responseCode = "201", description = "Imported; Location names the report at the gateway;"
            + " drafts says which draft evidence was proposed and which kept as unmatched findings",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = ImportAnswer.class)))
    @APIResponse(responseCode = "202", description = "A whole report: its job started, or the one this request repeats;"
            + " Location names the job at the gateway",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = ImportJobAnswer.class)))
    @APIResponse(responseCode = "400", description = "The body is empty, not UTF-8 or binary, no PDF or a locked one,"
            + " or a parameter is wrong",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A different text of the same report is already stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "More than a whole report: the body, its pages or its text",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The text is no report (no recommendations, no country or year),"
            + " a PDF without text, or an Idempotency-Key used for another request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The recommendations-service is down or did not answer in time",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response importText(
            @Parameter(description = "true: only show what would be published", example = "true")
            @QueryParam("dryRun") String dryRun,
            @Parameter(description = "ISO 3166-1 alpha-3, when the text names no country", example = "LAO")
            @QueryParam("country") String country,
            @Parameter(description = "the report's year, when the text names none", example = "2023")
            @QueryParam("year") String year,
            @Parameter(description = "the tier, when the text names none", example = "TIER_2") @QueryParam("tier") String tier,
            @Parameter(description = "whose report it is", example = "U.S. Department of State")
            @QueryParam("publisher") String publisher,
            @Parameter(description = "where the text was taken from") @QueryParam("sourceUrl") String sourceUrl,
            @Parameter(description = "publication date", example = "2023-06-15") @QueryParam("publishedOn") String publishedOn,
            @Parameter(description = "for a whole report: a key of the caller's (such as a UUID); a repeat with it"
                    + " answers the job it started") @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] text) {
        RecommendationsClient.ImportParameters parameters = new RecommendationsClient.ImportParameters();
        parameters.dryRun = dryRun;
        parameters.country = country;
        parameters.year = year;
        parameters.tier = tier;
        parameters.publisher = publisher;
        parameters.sourceUrl = sourceUrl;
        parameters.publishedOn = publishedOn;
        parameters.idempotencyKey = idempotencyKey;
        boolean pdf = contentType != null
                && MediaType.valueOf(contentType).isCompatible(MediaType.valueOf(RecommendationsClient.PDF));
        return routing.write(Owner.RECOMMENDATIONS, client -> pdf ? client.importPdf(parameters, text)
                : client.importText(parameters, text));
    }

    @GET
    @Path("/import-jobs/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "A whole-report import job: progress and one page of its countries (role admin)",
            description = "Passed on to the recommendations-service: countries total, done, failed and pending, and each"
                    + " country's answer (its report's id; on a dry run what would be written) or problem. A country's"
                    + " report shows in GET /reports once its event has reached the read model.")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(schema = @Schema(implementation = ImportJobAnswer.class)))
    @APIResponse(responseCode = "400", description = "page or size is not in its documented form",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such job",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The recommendations-service is down or did not answer in time",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response importJob(@PathParam("id") UUID id, @BeanParam PageParams page) {
        var pageRequest = page.toRequest();
        return routing.read(Owner.RECOMMENDATIONS, client -> client.importJob(id, String.valueOf(pageRequest.page()),
                String.valueOf(pageRequest.size())));
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.NGO, Roles.REVIEWER, Roles.DIPLOMAT, Roles.AUDITOR })
    @Operation(summary = "List reports, newest year first (any signed-in role)")
    @APIResponse(responseCode = "200", description = "One page of reports (without their recommendations)")
    @Transactional
    public RestResponse<Page<ReportResponse>> list(
            @Parameter(description = "ISO 3166-1 alpha-3", example = "LAO") @QueryParam("country") String country,
            @Parameter(example = "2023") @QueryParam("year") String year,
            @Parameter(description = TimeFrames.AS_OF, example = "2023-12-31") @QueryParam("asOf") String asOf,
            @Parameter(description = TimeFrames.KNOWN_AT, example = "2024-01-15T09:00:00Z") @QueryParam("knownAt") String knownAt,
            @BeanParam PageParams page,
            @Context Request request, @Context UriInfo uri) {
        var countryCode = QueryValues.optionalCountry("country", country);
        var reportYear = QueryValues.optionalInteger("year", year, 2001, 2100);
        var pageRequest = page.toRequest();
        TimeFrame frame = frames.resolve(asOf, knownAt, TimeFrame.today());
        return answers.of(request, uri, frame, Viewer.of(caller), () -> readModel.reports(countryCode, reportYear,
                frame, pageRequest).map(report -> ReportResponse.of(report, null)));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.NGO, Roles.REVIEWER, Roles.DIPLOMAT, Roles.AUDITOR })
    @Operation(summary = "One report with its recommendations in rank order, each with its status (any signed-in role)",
            description = "Each status is computed from the evidence the caller may see.")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "400", description = "asOf or knownAt cannot be read, or knownAt is in the future",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such report (as of asOf)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Transactional
    public RestResponse<ReportResponse> get(@PathParam("id") UUID id,
            @Parameter(description = TimeFrames.AS_OF, example = "2023-12-31") @QueryParam("asOf") String asOf,
            @Parameter(description = TimeFrames.KNOWN_AT, example = "2024-01-15T09:00:00Z") @QueryParam("knownAt") String knownAt,
            @Context Request request, @Context UriInfo uri) {
        TimeFrame frame = frames.resolve(asOf, knownAt, TimeFrame.today());
        Viewer viewer = Viewer.of(caller);
        return answers.of(request, uri, frame, viewer, () -> {
            var report = readModel.report(id, frame).orElseThrow(() -> ProblemException.notFound("report", id));
            return ReportResponse.of(report, statuses.ofReport(id, frame, viewer));
        });
    }
}
