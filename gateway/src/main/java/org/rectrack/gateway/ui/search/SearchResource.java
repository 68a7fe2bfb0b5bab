package org.rectrack.gateway.ui.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rectrack.events.recommendations.Pillar;
import org.rectrack.gateway.readmodel.TimeFrame;
import org.rectrack.gateway.readmodel.TimeFrames;
import org.rectrack.gateway.status.RecommendationStatus;
import org.rectrack.gateway.status.RecommendationStatus.EvidenceItem;
import org.rectrack.gateway.status.Status;
import org.rectrack.gateway.status.StatusService;
import org.rectrack.gateway.status.Viewer;
import org.rectrack.gateway.ui.Chrome;
import org.rectrack.gateway.ui.PageContext;
import org.rectrack.gateway.ui.Pages;
import org.rectrack.platform.paging.Page;
import org.rectrack.platform.paging.PageRequest;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.platform.request.QueryValues;
import org.rectrack.platform.security.Caller;
import org.rectrack.platform.security.Roles;

/**
 * Search ({@code /search?q=…}): words across recommendations and the evidence on them, with the board's filters
 * ({@code country}, {@code year}, {@code status}, {@code pillar}, {@code targetGroup}). It reads the recommendations
 * with their status from {@link StatusService} for the viewer, so the evidence it searches is only what the viewer may
 * see; words match as substrings ({@link TextMatch}), which is what Lao, written without spaces, needs.
 */
@Path(Pages.ROOT + "/search")
public class SearchResource {

    /** At most this many recommendations are searched (pages of 100 from the read model); the page says so. */
    static final int SEARCHED = 2000;
    private static final int SHOWN = 50;

    @CheckedTemplate(basePath = "ui/search")
    static class Templates {
        static native TemplateInstance search(Chrome chrome, Query query, Results results);
    }

    /** What was asked, as the form shows it again. */
    public record Query(String q, String country, Integer year, Status status, Pillar pillar, String targetGroup) {
    }

    /** What matched: recommendations and evidence, each at most {@value #SHOWN}. */
    public record Results(boolean asked, List<RecommendationStatus> recommendations, int recommendationCount,
            List<Found> evidence, int evidenceCount, boolean truncated) {
    }

    /** Evidence that matched, with a recommendation it bears on. */
    public record Found(EvidenceItem evidence, RecommendationStatus recommendation) {
    }

    private final StatusService statuses;
    private final TimeFrames frames;
    private final PageContext context;
    private final Caller caller;

    SearchResource(StatusService statuses, TimeFrames frames, PageContext context, Caller caller) {
        this.statuses = statuses;
        this.frames = frames;
        this.context = context;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({ Roles.ADMIN, Roles.NGO, Roles.REVIEWER, Roles.DIPLOMAT, Roles.AUDITOR })
    @Operation(hidden = true)
    public TemplateInstance search(@QueryParam("q") String q, @QueryParam("country") String country,
            @QueryParam("year") String year, @QueryParam("status") String status,
            @QueryParam("pillar") String pillar, @QueryParam("targetGroup") String targetGroup,
            @QueryParam("asOf") String asOf, @QueryParam("knownAt") String knownAt) {
        if (q != null && q.length() > 200) {
            throw ProblemException.badRequest("q", "must be at most 200 characters");
        }
        var countryCode = QueryValues.optionalCountry("country", country);
        var reportYear = QueryValues.optionalInteger("year", year, 2001, 2100);
        var wanted = QueryValues.optionalEnum("status", status, Status.class);
        var inPillar = QueryValues.optionalEnum("pillar", pillar, Pillar.class);
        Optional<String> group = targetGroup == null || targetGroup.isBlank() ? Optional.empty()
                : Optional.of(targetGroup.strip());
        TimeFrame frame = frames.resolve(asOf, knownAt, TimeFrame.today());
        Query query = new Query(q == null ? "" : q.strip(), countryCode.orElse(null), reportYear.orElse(null),
                wanted.orElse(null), inPillar.orElse(null), group.orElse(null));
        TextMatch words = TextMatch.of(query.q());
        Results results = words.isEmpty() ? new Results(false, List.of(), 0, List.of(), 0, false)
                : search(words, countryCode, reportYear, wanted, inPillar, group, frame);
        return context.render(Templates.search(context.chrome(frame), query, results));
    }

    private Results search(TextMatch words, Optional<String> country, Optional<Integer> year, Optional<Status> status,
            Optional<Pillar> pillar, Optional<String> group, TimeFrame frame) {
        Viewer viewer = Viewer.of(caller);
        List<RecommendationStatus> recommendations = new ArrayList<>();
        Map<UUID, Found> evidence = new LinkedHashMap<>();
        int page = 0;
        int searched = 0;
        Page<RecommendationStatus> batch;
        do {
            batch = statuses.list(country, year, Optional.empty(), frame, viewer, new PageRequest(page++, 100));
            for (RecommendationStatus recommendation : batch.items()) {
                searched++;
                if (status.isPresent() && recommendation.status() != status.get()
                        || pillar.isPresent() && !recommendation.pillars().contains(pillar.get())
                        || group.isPresent() && !recommendation.targetGroups().contains(group.get())) {
                    continue;
                }
                if (words.matches(recommendation.text(), recommendation.code())) {
                    recommendations.add(recommendation);
                }
                for (EvidenceItem item : recommendation.evidence()) {
                    if (!evidence.containsKey(item.id()) && words.matches(item.summary(),
                            item.source() == null ? null : item.source().title(),
                            item.source() == null ? null : item.source().quote())) {
                        evidence.put(item.id(), new Found(item, recommendation));
                    }
                }
            }
        } while (page < batch.totalPages() && searched < SEARCHED);
        boolean truncated = page < batch.totalPages();
        List<Found> found = List.copyOf(evidence.values());
        return new Results(true, recommendations.stream().limit(SHOWN).toList(), recommendations.size(),
                found.stream().limit(SHOWN).toList(), found.size(), truncated);
    }
}
