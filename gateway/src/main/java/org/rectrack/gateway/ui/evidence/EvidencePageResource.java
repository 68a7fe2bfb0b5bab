package org.rectrack.gateway.ui.evidence;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rectrack.api.evidence.EvidenceResponse;
import org.rectrack.gateway.evidence.EvidenceQueries;
import org.rectrack.gateway.evidence.api.EvidenceResponses;
import org.rectrack.gateway.readmodel.TimeFrame;
import org.rectrack.gateway.readmodel.TimeFrames;
import org.rectrack.gateway.status.RecommendationStatus;
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
 * A piece of evidence ({@code /evidence/{id}}), for everyone it is visible to: the claim in its own language, its
 * source, metrics, the recommendations it bears on and how, and its review history. Found through
 * {@link EvidenceQueries} and shaped by {@link EvidenceResponses}, as {@code GET /api/v1/evidence/{id}} is: restricted
 * evidence the viewer may not see does not exist (the same 404).
 */
@Path(Pages.ROOT + "/evidence/{id}")
public class EvidencePageResource {

    @CheckedTemplate(basePath = "ui/evidence")
    static class Templates {
        static native TemplateInstance evidence(Chrome chrome, EvidenceResponse evidence, List<Bearing> bearings);
    }

    /** A recommendation the evidence bears on, as the viewer sees it now in the frame, and how it bears on it. */
    public record Bearing(EvidenceResponse.Link link, RecommendationStatus recommendation) {
    }

    private final EvidenceQueries queries;
    private final StatusService statuses;
    private final TimeFrames frames;
    private final PageContext context;
    private final Caller caller;

    EvidencePageResource(EvidenceQueries queries, StatusService statuses, TimeFrames frames, PageContext context,
            Caller caller) {
        this.queries = queries;
        this.statuses = statuses;
        this.frames = frames;
        this.context = context;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({ Roles.ADMIN, Roles.NGO, Roles.REVIEWER, Roles.DIPLOMAT, Roles.AUDITOR })
    @Operation(hidden = true)
    @Transactional
    public TemplateInstance evidence(@PathParam("id") String id, @QueryParam("asOf") String asOf,
            @QueryParam("knownAt") String knownAt) {
        UUID evidenceId = QueryValues.optionalUuid("id", id)
                .orElseThrow(() -> ProblemException.badRequest("id", "is required"));
        TimeFrame frame = frames.resolve(asOf, knownAt, TimeFrame.today());
        Viewer viewer = Viewer.of(caller);
        EvidenceResponse evidence = queries.find(evidenceId, frame, viewer).map(EvidenceResponses::of)
                .orElseThrow(() -> ProblemException.notFound("evidence", evidenceId));
        List<Bearing> bearings = evidence.recommendations().stream()
                .map(link -> new Bearing(link, statuses.of(link.recommendationId(), frame, viewer).orElse(null)))
                .toList();
        return context.render(Templates.evidence(context.chrome(frame), evidence, bearings));
    }
}
