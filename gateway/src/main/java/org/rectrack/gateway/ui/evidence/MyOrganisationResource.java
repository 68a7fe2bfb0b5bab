package org.rectrack.gateway.ui.evidence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import org.rectrack.events.evidence.EvidenceState;
import org.rectrack.gateway.readmodel.ReadModel;
import org.rectrack.gateway.readmodel.TimeFrame;
import org.rectrack.gateway.readmodel.TimeFrames;
import org.rectrack.gateway.status.RecommendationStatus;
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
 * "My organisation" ({@code /my-organisation}, role ngo): the organisation's own evidence by review state (a
 * rejection or retraction with its reason), and the current year's recommendations it has logged nothing on. Only
 * evidence its NGO submitted counts as its own (the {@code Viewer} rule), never an admin's draft under its name.
 */
@Path(Pages.ROOT + "/my-organisation")
@Produces(MediaType.TEXT_HTML)
public class MyOrganisationResource {

    /** The recommendations of a year are read in pages of this many. */
    private static final int PAGE = 100;

    @CheckedTemplate(basePath = "ui/evidence")
    static class Templates {
        static native TemplateInstance organisation(Chrome chrome, String organisation, String recorded,
                List<StateGroup> groups, Integer currentYear, List<RecommendationStatus> untouched);
    }

    /** The organisation's evidence in one review state, newest first. */
    public record StateGroup(EvidenceState state, List<EvidenceLine> evidence) {
    }

    private final PageContext context;
    private final EvidenceLines evidence;
    private final StatusService statuses;
    private final ReadModel readModel;
    private final TimeFrames frames;
    private final Caller caller;

    MyOrganisationResource(PageContext context, EvidenceLines evidence, StatusService statuses, ReadModel readModel,
            TimeFrames frames, Caller caller) {
        this.context = context;
        this.evidence = evidence;
        this.statuses = statuses;
        this.readModel = readModel;
        this.frames = frames;
        this.caller = caller;
    }

    /**
     * @param recorded the id of the evidence just recorded by the "log evidence" form, which this page confirms (and
     *                 whose draft it clears)
     * @param year     the year whose recommendations without the organisation's evidence are listed; default: the
     *                 year of the newest report published by today
     */
    @GET
    @RolesAllowed(Roles.NGO)
    @Operation(hidden = true)
    public TemplateInstance page(@QueryParam("recorded") String recorded, @QueryParam("year") String year) {
        String organisation = caller.organisation()
                .orElseThrow(() -> ProblemException.forbidden("your sign-in names no organisation"));
        TimeFrame frame = frames.resolve(null, null, TimeFrame.today());
        List<EvidenceLine> own = evidence.ofOrganisation(organisation, frame);
        List<StateGroup> groups = new ArrayList<>();
        for (EvidenceState state : EvidenceState.values()) {
            groups.add(new StateGroup(state, own.stream().filter(line -> line.state() == state).toList()));
        }
        Set<UUID> logged = new HashSet<>();
        own.forEach(line -> line.links().forEach(link -> logged.add(link.recommendationId())));
        Optional<Integer> currentYear = QueryValues.optionalInteger("year", year, 1900, 9999)
                .or(() -> currentYear(frame));
        List<RecommendationStatus> untouched = currentYear
                .map(shown -> yearOf(shown, frame).stream().filter(r -> !logged.contains(r.id())).toList())
                .orElse(List.of());
        String confirmed = recorded == null || !recorded.matches("[0-9a-fA-F-]{36}") ? null : recorded;
        return context.render(Templates.organisation(context.chrome(), organisation, confirmed, groups,
                currentYear.orElse(null), untouched));
    }

    /** The year of the newest report published by today: the year NGOs are logging evidence for. */
    private Optional<Integer> currentYear(TimeFrame frame) {
        return readModel.reports(Optional.empty(), Optional.empty(), frame, new PageRequest(0, 1)).items().stream()
                .map(report -> report.year).findFirst();
    }

    private List<RecommendationStatus> yearOf(int year, TimeFrame frame) {
        List<RecommendationStatus> all = new ArrayList<>();
        Page<RecommendationStatus> page;
        int number = 0;
        do {
            page = statuses.list(Optional.empty(), Optional.of(year), Optional.empty(), frame, Viewer.of(caller),
                    new PageRequest(number++, PAGE));
            all.addAll(page.items());
        } while (number < page.totalPages() && number < 20);
        return all;
    }
}
