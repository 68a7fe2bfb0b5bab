package org.rectrack.gateway.ui.compliance;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rectrack.gateway.compliance.ComplianceReport;
import org.rectrack.gateway.compliance.RenderedReport;
import org.rectrack.gateway.compliance.ReportFormat;
import org.rectrack.gateway.compliance.ReportRenderer;
import org.rectrack.gateway.compliance.issued.IssuedReport;
import org.rectrack.gateway.compliance.issued.IssuedReports;
import org.rectrack.gateway.compliance.issued.api.IssueRequest;
import org.rectrack.gateway.readmodel.TimeFrame;
import org.rectrack.gateway.readmodel.TimeFrames;
import org.rectrack.gateway.ui.Chrome;
import org.rectrack.gateway.ui.PageContext;
import org.rectrack.gateway.ui.Pages;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.platform.request.QueryValues;
import org.rectrack.platform.security.Caller;
import org.rectrack.platform.security.Roles;

/**
 * The compliance report page ({@code /compliance-reports}, role auditor): country, year, {@code asOf} (default 31
 * December of the year) and {@code knownAt} (default now, then pinned in every link and form of the page); the report
 * in HTML; its downloads in PDF, CSV and JSON, each rendered by the one {@link ReportRenderer} in the same pinned frame
 * (so their bytes, and SHA-256, are those of the API's answer) with its SHA-256 shown; and issuing it (signing it off)
 * through {@link IssuedReports}, the issue route's own service, after which the issued report's hash is shown.
 */
@Path(Pages.ROOT + "/compliance-reports")
@Produces(MediaType.TEXT_HTML)
public class CompliancePagesResource {

    @CheckedTemplate(basePath = "ui/compliance")
    static class Templates {
        static native TemplateInstance report(Chrome chrome, String country, String year, ComplianceReport report,
                Map<ReportFormat, String> sha256, String pinnedQuery, IssuedReport issued, String idempotencyKey);
    }

    private final PageContext context;
    private final ReportRenderer renderer;
    private final IssuedReports issuedReports;
    private final TimeFrames frames;
    private final Caller caller;
    private final JsonWebToken token;

    CompliancePagesResource(PageContext context, ReportRenderer renderer, IssuedReports issuedReports,
            TimeFrames frames, Caller caller, JsonWebToken token) {
        this.context = context;
        this.renderer = renderer;
        this.issuedReports = issuedReports;
        this.frames = frames;
        this.caller = caller;
        this.token = token;
    }

    /**
     * The form, and with a country and year the report in the frame, pinned.
     *
     * @param issued the id of a report just issued from this page, whose hash the page shows
     */
    @GET
    @RolesAllowed(Roles.AUDITOR)
    @Operation(hidden = true)
    public TemplateInstance page(@QueryParam("country") String country, @QueryParam("year") String year,
            @QueryParam("asOf") String asOf, @QueryParam("knownAt") String knownAt,
            @QueryParam("issued") String issued) {
        Optional<String> code = QueryValues.optionalCountry("country", country);
        Optional<Integer> reportYear = QueryValues.optionalInteger("year", year, 2001, 2100);
        IssuedReport issuedReport = QueryValues.optionalUuid("issued", issued).flatMap(issuedReports::find).orElse(null);
        if (code.isEmpty() || reportYear.isEmpty()) {
            return context.render(Templates.report(context.chrome(), country, year, null, Map.of(), null, issuedReport,
                    null));
        }
        TimeFrame frame = frames.resolveToNow(asOf, knownAt, LocalDate.of(reportYear.get(), 12, 31));
        Map<ReportFormat, String> sha256 = new EnumMap<>(ReportFormat.class);
        ComplianceReport report = null;
        for (ReportFormat format : ReportFormat.values()) {
            RenderedReport rendered = renderer.render(code.get(), reportYear.get(), frame.asOf(), frame.knownAt(), format);
            sha256.put(format, rendered.sha256());
            report = rendered.report();
        }
        return context.render(Templates.report(context.chrome(frame), code.get(), reportYear.get().toString(), report,
                sha256, pinnedQuery(frame), issuedReport, UUID.randomUUID().toString()));
    }

    /**
     * The report's file in a format, as an attachment: a browser's link cannot choose a type by {@code Accept}, as
     * the API does. The same renderer and frame as the API's answer, so the same bytes.
     */
    @GET
    @Path("/{country}/{year}/{format: pdf|csv|json}")
    @RolesAllowed(Roles.AUDITOR)
    @Operation(hidden = true)
    // Whatever the browser's Accept says: the link names its format, the answer says its type.
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("country") String country, @PathParam("year") String year,
            @PathParam("format") String format, @QueryParam("asOf") String asOf, @QueryParam("knownAt") String knownAt) {
        String code = QueryValues.optionalCountry("country", country).orElseThrow();
        int reportYear = QueryValues.optionalInteger("year", year, 2001, 2100).orElseThrow();
        TimeFrame frame = frames.resolveToNow(asOf, knownAt, LocalDate.of(reportYear, 12, 31));
        ReportFormat chosen = ReportFormat.valueOf(format.toUpperCase(Locale.ROOT));
        RenderedReport rendered = renderer.render(code, reportYear, frame.asOf(), frame.knownAt(), chosen);
        return Response.ok(rendered.bytes(), chosen.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rectrack-" + code + "-" + reportYear
                        + "-" + frame.asOf() + "." + chosen.extension() + "\"")
                .build();
    }

    /**
     * Issues (signs off) the report of the form's country, year, pinned times and format, once per parameters and safe
     * to retry with the form's Idempotency-Key; then 303 back to the report, which shows the issued hash.
     */
    @POST
    @Path("/issue")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.AUDITOR)
    @Operation(hidden = true)
    public Response issue(MultivaluedMap<String, String> form, @Context UriInfo uri) {
        Optional<ReportFormat> format = QueryValues.optionalEnum("format", form.getFirst("format"), ReportFormat.class);
        IssueRequest request = new IssueRequest(form.getFirst("country"),
                QueryValues.optionalInteger("year", form.getFirst("year"), 2001, 2100).orElse(null),
                QueryValues.optionalDay("asOf", form.getFirst("asOf")).orElse(null), form.getFirst("knownAt"),
                format.orElseThrow(() -> ProblemException.badRequest("format", "is required: PDF, CSV or JSON")));
        IssuedReports.Issuer issuer = new IssuedReports.Issuer(
                token.getSubject() != null ? token.getSubject() : caller.name(), caller.name());
        IssuedReport issued = issuedReports.issue(request, issuer,
                IssuedReports.idempotencyKey(form.getFirst("idempotencyKey"))).report();
        String back = "/compliance-reports?country=" + Pages.queryValue(issued.country) + "&year=" + issued.year + "&asOf="
                + issued.asOf + "&knownAt=" + Pages.queryValue(issued.knownAt.toString()) + "&issued=" + issued.id;
        return Response.seeOther(uri.getBaseUri().resolve(back)).build();
    }

    private static String pinnedQuery(TimeFrame frame) {
        return "?asOf=" + frame.asOf() + "&knownAt=" + Pages.queryValue(frame.knownAt().toString());
    }
}
