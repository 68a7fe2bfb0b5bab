package org.rectrack.gateway.ui.changes;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rectrack.gateway.changes.ChangeRange;
import org.rectrack.gateway.changes.ChangeService;
import org.rectrack.gateway.changes.ChangesRenderer;
import org.rectrack.gateway.changes.api.StatusChange;
import org.rectrack.gateway.changes.api.YearOverYear;
import org.rectrack.gateway.compliance.ReportFormat;
import org.rectrack.gateway.readmodel.TimeFrame;
import org.rectrack.gateway.readmodel.TimeFrames;
import org.rectrack.gateway.status.Viewer;
import org.rectrack.gateway.ui.Chrome;
import org.rectrack.gateway.ui.PageContext;
import org.rectrack.gateway.ui.Pages;
import org.rectrack.platform.request.QueryValues;
import org.rectrack.platform.security.Caller;
import org.rectrack.platform.security.Roles;

/**
 * The "What changed" page ({@code /changes}, diplomat and auditor), with the API's parameters: {@code country} and
 * {@code year} (with {@code asOf}, {@code knownAt}) for a year's report against the previous one, as
 * {@code GET /api/v1/compliance-reports/{country}/{year}/changes} answers it, with its files; {@code country},
 * {@code from} and {@code to} for the status changes between two instants, as {@code GET
 * /api/v1/recommendations/changes} answers them. Both from {@link ChangeService} for the viewer.
 */
@Path(Pages.ROOT + "/changes")
public class ChangesPageResource {

    @CheckedTemplate(basePath = "ui/changes")
    static class Templates {
        static native TemplateInstance changes(Chrome chrome, String country, String year, String from, String to,
                YearOverYear yearOverYear, String pinnedQuery, ChangeRange range, List<StatusChange> statusChanges);
    }

    private final PageContext context;
    private final ChangeService changes;
    private final ChangesRenderer renderer;
    private final TimeFrames frames;
    private final Caller caller;

    ChangesPageResource(PageContext context, ChangeService changes, ChangesRenderer renderer, TimeFrames frames,
            Caller caller) {
        this.context = context;
        this.changes = changes;
        this.renderer = renderer;
        this.frames = frames;
        this.caller = caller;
    }

    /** The forms, and the answer to whichever question the parameters ask (both when they ask both). */
    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({ Roles.DIPLOMAT, Roles.AUDITOR })
    @Operation(hidden = true)
    public TemplateInstance page(@QueryParam("country") String country, @QueryParam("year") String year,
            @QueryParam("asOf") String asOf, @QueryParam("knownAt") String knownAt, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        Optional<String> code = QueryValues.optionalCountry("country", country);
        Optional<Integer> reportYear = QueryValues.optionalInteger("year", year, 2001, 2100);
        Viewer viewer = Viewer.of(caller);
        YearOverYear yearOverYear = null;
        TimeFrame frame = null;
        if (code.isPresent() && reportYear.isPresent()) {
            frame = frames.resolveToNow(asOf, knownAt, LocalDate.of(reportYear.get(), 12, 31));
            yearOverYear = changes.yearOverYear(code.get(), reportYear.get(), frame, viewer);
        }
        ChangeRange range = null;
        List<StatusChange> statusChanges = null;
        if (code.isPresent() && from != null && !from.isBlank()) {
            range = ChangeRange.of(from, to, frames);
            statusChanges = changes.statusChanges(code.get(), range.from(), range.to(), viewer);
        }
        return context.render(Templates.changes(frame == null ? context.chrome() : context.chrome(frame),
                code.orElse(country), reportYear.map(String::valueOf).orElse(year), from, to, yearOverYear,
                frame == null ? null : pinnedQuery(frame), range, statusChanges));
    }

    /**
     * A year's changes as a file, as an attachment: a browser's link cannot choose a type by {@code Accept} as the API
     * does. The same service, renderer and frame as the API's answer, so the same bytes.
     */
    @GET
    @Path("/{country}/{year}/{format: pdf|csv|json}")
    @RolesAllowed({ Roles.DIPLOMAT, Roles.AUDITOR })
    @Operation(hidden = true)
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("country") String country, @PathParam("year") String year,
            @PathParam("format") String format, @QueryParam("asOf") String asOf, @QueryParam("knownAt") String knownAt) {
        String code = QueryValues.optionalCountry("country", country).orElseThrow();
        int reportYear = QueryValues.optionalInteger("year", year, 2001, 2100).orElseThrow();
        TimeFrame frame = frames.resolveToNow(asOf, knownAt, LocalDate.of(reportYear, 12, 31));
        ReportFormat chosen = ReportFormat.valueOf(format.toUpperCase(Locale.ROOT));
        YearOverYear answer = changes.yearOverYear(code, reportYear, frame, Viewer.of(caller));
        return Response.ok(renderer.render(answer, chosen), chosen.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\""
                        + ChangesRenderer.fileName(answer, chosen) + "\"")
                .build();
    }

    private static String pinnedQuery(TimeFrame frame) {
        return "?asOf=" + frame.asOf() + "&knownAt=" + URLEncoder.encode(frame.knownAt().toString(), StandardCharsets.UTF_8);
    }
}
