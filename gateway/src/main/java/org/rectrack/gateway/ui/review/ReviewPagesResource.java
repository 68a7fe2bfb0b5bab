package org.rectrack.gateway.ui.review;

import java.time.Instant;
import java.util.List;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rectrack.gateway.readmodel.TimeFrame;
import org.rectrack.gateway.readmodel.TimeFrames;
import org.rectrack.gateway.routing.Owner;
import org.rectrack.gateway.status.StatusService;
import org.rectrack.gateway.status.Viewer;
import org.rectrack.gateway.ui.Chrome;
import org.rectrack.gateway.ui.PageContext;
import org.rectrack.gateway.ui.Pages;
import org.rectrack.gateway.ui.evidence.EvidenceLine;
import org.rectrack.gateway.ui.evidence.EvidenceLines;
import org.rectrack.gateway.ui.form.FormProblem;
import org.rectrack.gateway.ui.form.FormWrites;
import org.rectrack.platform.paging.Page;
import org.rectrack.platform.paging.PageParams;
import org.rectrack.platform.paging.PageRequest;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.platform.security.Caller;
import org.rectrack.platform.security.Roles;

/**
 * The review queue ({@code /review}) and a review item ({@code /review/{id}}), role reviewer. The queue is the
 * submitted evidence, oldest submission first, with how long each has waited; an item shows the claim beside its
 * source, each linked recommendation's status now and if the evidence were verified ({@link StatusService#ifVerified}),
 * and the forms to verify or reject it, which go through the same review route as the JSON API. When someone else
 * decided first (the evidence-service's 409), the item says so plainly and shows the decision.
 */
@Path(Pages.ROOT + "/review")
@Produces(MediaType.TEXT_HTML)
public class ReviewPagesResource {

    /** The neighbours of an item are looked for among this many of the queue's oldest. */
    private static final int NEIGHBOURHOOD = 100;

    @CheckedTemplate(basePath = "ui/review")
    static class Templates {
        static native TemplateInstance queue(Chrome chrome, ReviewQueue filters, Page<EvidenceLine> items,
                Instant now, String decided);

        static native TemplateInstance item(Chrome chrome, ReviewQueue filters, EvidenceLine evidence,
                List<StatusService.Outcome> outcomes, String previous, String next, Instant now, FormProblem problem,
                Map<String, String> typed, boolean decidedElsewhere);
    }

    private final PageContext context;
    private final EvidenceLines evidence;
    private final StatusService statuses;
    private final FormWrites writes;
    private final TimeFrames frames;
    private final Caller caller;
    private final ObjectMapper json;

    ReviewPagesResource(PageContext context, EvidenceLines evidence, StatusService statuses, FormWrites writes,
            TimeFrames frames, Caller caller, ObjectMapper json) {
        this.context = context;
        this.evidence = evidence;
        this.statuses = statuses;
        this.writes = writes;
        this.frames = frames;
        this.caller = caller;
        this.json = json;
    }

    /**
     * The queue, filtered; {@code decided} names the evidence just verified or rejected, which the page confirms.
     */
    @GET
    @RolesAllowed(Roles.REVIEWER)
    @Operation(hidden = true)
    public TemplateInstance queue(@QueryParam("country") String country, @QueryParam("year") String year,
            @QueryParam("organisation") String organisation, @QueryParam("language") String language,
            @QueryParam("decided") String decided, @jakarta.ws.rs.BeanParam PageParams page) {
        ReviewQueue filters = ReviewQueue.of(country, year, organisation, language);
        Page<EvidenceLine> items = evidence.queue(filters.filter(), now(), Viewer.of(caller), page.toRequest());
        String confirmed = decided != null && decided.matches("[0-9a-fA-F-]{36}") ? decided : null;
        return context.render(Templates.queue(context.chrome(), filters, items, Instant.now(), confirmed));
    }

    /** One submitted item, with the forms to decide it (or, decided already, what was decided). */
    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.REVIEWER)
    @Operation(hidden = true)
    public TemplateInstance item(@PathParam("id") UUID id, @QueryParam("country") String country,
            @QueryParam("year") String year, @QueryParam("organisation") String organisation,
            @QueryParam("language") String language) {
        return item(id, ReviewQueue.of(country, year, organisation, language), FormProblem.none(), Map.of(), false);
    }

    /**
     * Verifies ({@code action=verify}, with an optional {@code note}) or rejects ({@code action=reject}, with a
     * {@code reason}) the item, through the review route. Decided: 303 to the next item of the queue, or to the
     * queue. Someone else decided first: the item again, 409, saying so. Refused otherwise: the item again in the
     * problem's status, the message beside the field, what was typed kept.
     */
    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.REVIEWER)
    @Operation(hidden = true)
    public Response decide(@PathParam("id") UUID id, MultivaluedMap<String, String> form, @Context UriInfo uri) {
        ReviewQueue filters = ReviewQueue.of(form.getFirst("country"), form.getFirst("year"),
                form.getFirst("organisation"), form.getFirst("language"));
        String action = form.getFirst("action");
        if (!"verify".equals(action) && !"reject".equals(action)) {
            throw ProblemException.badRequest("action", "must be verify or reject");
        }
        String field = action.equals("verify") ? "note" : "reason";
        String text = Optional.ofNullable(form.getFirst(field)).orElse("").strip();
        Map<String, String> typed = Map.of(field, text);
        List<UUID> queue = queueIds(filters);
        String body;
        try {
            body = text.isEmpty() && action.equals("verify") ? null : json.writeValueAsString(Map.of(field, text));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always writes", e);
        }
        return writes.send(Owner.EVIDENCE, client -> client.transition(id, action, body), name -> name, answer -> {
            UUID next = ReviewQueue.neighbours(queue, id).next();
            String to = next != null ? filters.item(next) : "/review" + filters.query()
                    + (filters.query().isEmpty() ? "?" : "&") + "decided=" + id;
            return Response.seeOther(uri.getBaseUri().resolve(to)).build();
        }, problem -> item(id, filters, problem, typed, problem.status() == 409));
    }

    private TemplateInstance item(UUID id, ReviewQueue filters, FormProblem problem, Map<String, String> typed,
            boolean decidedElsewhere) {
        TimeFrame frame = now();
        Viewer viewer = Viewer.of(caller);
        EvidenceLine line = evidence.find(id, frame, viewer).orElseThrow(() -> ProblemException.notFound("evidence", id));
        List<StatusService.Outcome> outcomes = statuses.ifVerified(id,
                line.links().stream().map(EvidenceLine.Link::recommendationId).toList(), frame, viewer);
        ReviewQueue.Neighbours neighbours = ReviewQueue.neighbours(queueIds(filters), id);
        return context.render(Templates.item(context.chrome(), filters, line, outcomes,
                neighbours.previous() == null ? null : filters.item(neighbours.previous()),
                neighbours.next() == null ? null : filters.item(neighbours.next()), Instant.now(), problem, typed,
                decidedElsewhere));
    }

    private List<UUID> queueIds(ReviewQueue filters) {
        return evidence.queue(filters.filter(), now(), Viewer.of(caller), new PageRequest(0, NEIGHBOURHOOD)).items()
                .stream().map(EvidenceLine::id).toList();
    }

    private TimeFrame now() {
        return frames.resolve(null, null, TimeFrame.today());
    }
}
