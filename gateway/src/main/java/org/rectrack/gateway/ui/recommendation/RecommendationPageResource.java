package org.rectrack.gateway.ui.recommendation;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rectrack.api.recommendations.RevisionResponse;
import org.rectrack.gateway.readmodel.TimeFrame;
import org.rectrack.gateway.readmodel.TimeFrames;
import org.rectrack.gateway.routing.Answer;
import org.rectrack.gateway.routing.Owner;
import org.rectrack.gateway.routing.Routing;
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
 * A recommendation's page ({@code /recommendations/{id}}), for everyone signed in: its text and revisions, why it has
 * its status (the rule and the verified evidence behind it), its lineage, the evidence by action date and each metric
 * over the years. Status and evidence come from {@link StatusService} for the viewer, as {@code GET
 * /api/v1/recommendations/{id}} answers; the revisions from the recommendations-service, as {@code …/revisions} relays
 * them (when that service is down the page says so and shows the rest).
 */
@Path(Pages.ROOT + "/recommendations/{id}")
public class RecommendationPageResource {

    @CheckedTemplate(basePath = "ui/recommendation")
    static class Templates {
        static native TemplateInstance recommendation(Chrome chrome, RecommendationStatus recommendation,
                List<RevisionResponse> revisions, List<MetricSeries> metrics);
    }

    private static final TypeReference<List<RevisionResponse>> REVISIONS = new TypeReference<>() {
    };

    private final StatusService statuses;
    private final TimeFrames frames;
    private final PageContext context;
    private final Caller caller;
    private final Routing routing;
    private final ObjectMapper json;

    RecommendationPageResource(StatusService statuses, TimeFrames frames, PageContext context, Caller caller,
            Routing routing, ObjectMapper json) {
        this.statuses = statuses;
        this.frames = frames;
        this.context = context;
        this.caller = caller;
        this.routing = routing;
        this.json = json;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({ Roles.ADMIN, Roles.NGO, Roles.REVIEWER, Roles.DIPLOMAT, Roles.AUDITOR })
    @Operation(hidden = true)
    public TemplateInstance recommendation(@PathParam("id") String id, @QueryParam("asOf") String asOf,
            @QueryParam("knownAt") String knownAt) {
        UUID recommendationId = QueryValues.optionalUuid("id", id)
                .orElseThrow(() -> ProblemException.badRequest("id", "is required"));
        TimeFrame frame = frames.resolve(asOf, knownAt, TimeFrame.today());
        RecommendationStatus recommendation = statuses.of(recommendationId, frame, Viewer.of(caller))
                .orElseThrow(() -> ProblemException.notFound("recommendation", recommendationId));
        return context.render(Templates.recommendation(context.chrome(frame), recommendation,
                revisions(recommendationId), MetricSeries.of(recommendation.evidence())));
    }

    /** The revisions, or null when the recommendations-service cannot say now. */
    private List<RevisionResponse> revisions(UUID id) {
        try {
            Answer answer = routing.answer(Owner.RECOMMENDATIONS, client -> client.revisions(id));
            if (answer.status() != 200) {
                Log.debugf("revisions of %s answered %d", id, answer.status());
                return null;
            }
            return json.readValue(answer.body(), REVISIONS);
        } catch (WebApplicationException | IOException unavailable) {
            // The page still answers from the read model; it says the revisions cannot be shown now.
            Log.debugf("revisions of %s unavailable: %s", id, unavailable.getMessage());
            return null;
        }
    }
}
