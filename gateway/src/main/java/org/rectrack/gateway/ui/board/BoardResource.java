package org.rectrack.gateway.ui.board;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
import org.rectrack.events.recommendations.Pillar;
import org.rectrack.gateway.compliance.ComplianceCsv;
import org.rectrack.gateway.readmodel.TimeFrame;
import org.rectrack.gateway.readmodel.TimeFrames;
import org.rectrack.gateway.status.RecommendationStatus;
import org.rectrack.gateway.status.Status;
import org.rectrack.gateway.status.StatusService;
import org.rectrack.gateway.status.Viewer;
import org.rectrack.gateway.ui.Chrome;
import org.rectrack.gateway.ui.PageContext;
import org.rectrack.gateway.ui.Pages;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.platform.request.QueryValues;
import org.rectrack.platform.security.Caller;
import org.rectrack.platform.security.Roles;

/**
 * The country-year board ({@code /countries/LAO/2023}), for everyone signed in: where a country stands on a year's
 * recommendations, from the same {@link StatusService} the API answers from, for the same viewer. Filters
 * ({@code status}, {@code pillar}, {@code targetGroup}) are query parameters, so every view is a link; an htmx request
 * gets only the results it swaps (distribution, chart, list). The same list as CSV is {@code …/recommendations.csv} with the same query.
 */
@Path(Pages.ROOT + "/countries/{country}/{year}")
public class BoardResource {

    @CheckedTemplate(basePath = "ui/board")
    static class Templates {
        static native TemplateInstance board(Chrome chrome, Board board, StatusChart chart);

        static native TemplateInstance board$results(Chrome chrome, Board board, StatusChart chart);
    }

    private final StatusService statuses;
    private final TimeFrames frames;
    private final PageContext context;
    private final Caller caller;

    BoardResource(StatusService statuses, TimeFrames frames, PageContext context, Caller caller) {
        this.statuses = statuses;
        this.frames = frames;
        this.context = context;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({ Roles.ADMIN, Roles.NGO, Roles.REVIEWER, Roles.DIPLOMAT, Roles.AUDITOR })
    @Operation(hidden = true)
    public TemplateInstance board(@PathParam("country") String country, @PathParam("year") String year,
            @QueryParam("status") String status, @QueryParam("pillar") String pillar,
            @QueryParam("targetGroup") String targetGroup, @QueryParam("asOf") String asOf,
            @QueryParam("knownAt") String knownAt) {
        TimeFrame frame = frames.resolve(asOf, knownAt, TimeFrame.today());
        Board board = board(country, year, status, pillar, targetGroup, frame);
        Chrome chrome = context.chrome(frame);
        StatusChart chart = StatusChart.of(board.years());
        return context.render(context.htmx() ? Templates.board$results(chrome, board, chart)
                : Templates.board(chrome, board, chart));
    }

    @GET
    @Path("/recommendations.csv")
    @Produces("text/csv")
    @RolesAllowed({ Roles.ADMIN, Roles.NGO, Roles.REVIEWER, Roles.DIPLOMAT, Roles.AUDITOR })
    @Operation(hidden = true)
    public Response csv(@PathParam("country") String country, @PathParam("year") String year,
            @QueryParam("status") String status, @QueryParam("pillar") String pillar,
            @QueryParam("targetGroup") String targetGroup, @QueryParam("asOf") String asOf,
            @QueryParam("knownAt") String knownAt) {
        TimeFrame frame = frames.resolve(asOf, knownAt, TimeFrame.today());
        Board board = board(country, year, status, pillar, targetGroup, frame);
        StringBuilder csv = new StringBuilder("\uFEFF");
        row(csv, Stream.of("country", "year", "as of", "known at", "rank", "code", "status", "rule", "explanation",
                "outstanding since", "evidence", "pending", "pillars", "target groups", "text"));
        for (Board.Row row : board.rows()) {
            RecommendationStatus r = row.recommendation();
            row(csv, Stream.of(r.country(), String.valueOf(r.year()), frame.asOf().toString(),
                    frame.knownAt().toString(), String.valueOf(r.rank()), r.code(), r.status().name(), r.rule().name(),
                    r.explanation(), r.outstandingSince() == null ? "" : String.valueOf(r.outstandingSince()),
                    String.valueOf(row.evidenceCount()), String.valueOf(r.pendingCount()),
                    r.pillars().stream().map(Enum::name).collect(Collectors.joining(" ")),
                    String.join("; ", r.targetGroups()), r.text()));
        }
        String file = board.country() + "-" + board.year() + "-recommendations.csv";
        return Response.ok(csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .build();
    }

    private Board board(String country, String year, String status, String pillar, String targetGroup,
            TimeFrame frame) {
        String code = QueryValues.optionalCountry("country", country)
                .orElseThrow(() -> ProblemException.badRequest("country", "is required"));
        int reportYear = QueryValues.optionalInteger("year", year, 2001, 2100)
                .orElseThrow(() -> ProblemException.badRequest("year", "is required"));
        var filters = new Board.Filters(QueryValues.optionalEnum("status", status, Status.class),
                QueryValues.optionalEnum("pillar", pillar, Pillar.class),
                targetGroup == null || targetGroup.isBlank() ? java.util.Optional.empty()
                        : java.util.Optional.of(targetGroup.strip()));
        Viewer viewer = Viewer.of(caller);
        var tiers = statuses.tierHistory(code, frame);
        List<RecommendationStatus> all = statuses.forCountry(code, frame, viewer);
        if (tiers.stream().noneMatch(tier -> tier.year() == reportYear)
                && all.stream().noneMatch(recommendation -> recommendation.year() == reportYear)) {
            throw new ProblemException(404, "not-found", "Not found", "no report on " + code + " for " + reportYear
                    + " is published as of " + frame.asOf() + " (as known at " + frame.knownAt() + ")", List.of());
        }
        return Board.of(code, reportYear, tiers, all, filters, frame.asOf());
    }

    private static void row(StringBuilder csv, Stream<String> cells) {
        csv.append(cells.map(ComplianceCsv::quoted).collect(Collectors.joining(","))).append("\r\n");
    }
}
