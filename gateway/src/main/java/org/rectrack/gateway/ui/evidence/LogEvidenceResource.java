package org.rectrack.gateway.ui.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rectrack.events.evidence.Assessment;
import org.rectrack.events.evidence.MetricKind;
import org.rectrack.gateway.readmodel.TimeFrame;
import org.rectrack.gateway.readmodel.TimeFrames;
import org.rectrack.gateway.routing.Owner;
import org.rectrack.gateway.status.RecommendationStatus;
import org.rectrack.gateway.status.StatusService;
import org.rectrack.gateway.status.Viewer;
import org.rectrack.gateway.ui.Chrome;
import org.rectrack.gateway.ui.PageContext;
import org.rectrack.gateway.ui.Pages;
import org.rectrack.gateway.ui.form.FormProblem;
import org.rectrack.gateway.ui.form.FormWrites;
import org.rectrack.platform.paging.PageRequest;
import org.rectrack.platform.security.Caller;
import org.rectrack.platform.security.Roles;

/**
 * The "log evidence" page ({@code /evidence/new}, role ngo): a form that works without JavaScript, posted to the
 * same evidence route as the JSON API ({@code Routing.write} to the evidence-service, with the form's
 * Idempotency-Key), so that validation, idempotency and the organisation come from one place. A problem the service
 * answers is shown beside the inputs it names, with everything typed kept; "find" and "add a row" show the form
 * again, as typed, with more in it. htmx only enhances: it adds a metric row in place and asks whether the source
 * was cited before as the URL is typed.
 */
@Path(Pages.ROOT + "/evidence/new")
@Produces(MediaType.TEXT_HTML)
public class LogEvidenceResource {

    /** How many recommendations the finder shows. */
    private static final int FOUND = 100;

    /** How many earlier citations of a source the hint lists. */
    private static final int CITED_BEFORE = 5;

    @CheckedTemplate(basePath = "ui/evidence")
    static class Templates {
        static native TemplateInstance log(Chrome chrome, EvidenceForm form, List<RecommendationRow> rows,
                List<MetricRow> metrics, FormProblem problem, List<EvidenceLine> citedBefore, Options options);

        static native TemplateInstance log$metric_row(MetricRow m, Options options);

        static native TemplateInstance add_metric(int next);

        static native TemplateInstance log$source_hint(List<EvidenceLine> citedBefore);
    }

    /** The choices the form's selects offer. */
    public record Options(List<Assessment> assessments, List<MetricKind> metricKinds) {
    }

    /** A recommendation the form shows, with its status, as row {@code index} of the form's recommendations. */
    public record RecommendationRow(int index, RecommendationStatus recommendation, EvidenceForm form,
            FormProblem problem) {

        public String name(String field) {
            return "recommendations[" + index + "]." + field;
        }

        public String id(String field) {
            return FormProblem.id(name(field));
        }

        public String value(String field) {
            return field.equals("recommendationId") ? recommendation.id().toString() : form.value(name(field));
        }

        public String error(String field) {
            return problem.error(name(field));
        }
    }

    /** Metric row {@code index} of the form. */
    public record MetricRow(int index, EvidenceForm form, FormProblem problem) {

        public String name(String field) {
            return "metrics[" + index + "]." + field;
        }

        public String id(String field) {
            return FormProblem.id(name(field));
        }

        public String value(String field) {
            return form.value(name(field));
        }

        public boolean is(String field, String option) {
            return form.is(name(field), option);
        }

        public String error(String field) {
            return problem.error(name(field));
        }

        /** The row's number as a person counts (1, 2, 3). */
        public int number() {
            return index + 1;
        }
    }

    private static final Options OPTIONS = new Options(List.of(Assessment.values()), List.of(MetricKind.values()));

    private final PageContext context;
    private final StatusService statuses;
    private final EvidenceLines evidence;
    private final FormWrites writes;
    private final TimeFrames frames;
    private final Caller caller;
    private final ObjectMapper json;

    LogEvidenceResource(PageContext context, StatusService statuses, EvidenceLines evidence, FormWrites writes,
            TimeFrames frames, Caller caller, ObjectMapper json) {
        this.context = context;
        this.statuses = statuses;
        this.evidence = evidence;
        this.writes = writes;
        this.frames = frames;
        this.caller = caller;
        this.json = json;
    }

    /** A new form, its finder filled from the link that led here (a board's {@code country} and {@code year}). */
    @GET
    @RolesAllowed(Roles.NGO)
    @Operation(hidden = true)
    public TemplateInstance form(@QueryParam("country") String country, @QueryParam("year") String year,
            @QueryParam("q") String words) {
        return page(EvidenceForm.blank(country, year, words), FormProblem.none());
    }

    /**
     * The form posted: {@code action=find} or {@code action=add-metric} show it again as typed (with what was found,
     * or one more metric row); anything else submits it. Submitted and recorded: 303 to "my organisation", where the
     * evidence shows. Refused: the form again, in the problem's status, each message beside its input.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.NGO)
    @Operation(hidden = true)
    public Response post(MultivaluedMap<String, String> posted, @Context UriInfo uri) {
        EvidenceForm form = EvidenceForm.posted(posted);
        String action = Optional.ofNullable(posted.getFirst("action")).orElse("submit");
        if (action.equals("find")) {
            return Response.ok(page(form, FormProblem.none())).build();
        }
        if (action.equals("add-metric")) {
            return Response.ok(page(form.withMetricRow(), FormProblem.none())).build();
        }
        EvidenceForm.Request request = form.request();
        String body;
        try {
            body = json.writeValueAsString(request.body());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
        String key = form.value("idempotencyKey").isBlank() ? null : form.value("idempotencyKey");
        return writes.send(Owner.EVIDENCE, client -> client.submit(key, body), request::formField,
                answer -> Response.seeOther(uri.getBaseUri().resolve("/my-organisation?recorded=" + recordedId(answer)))
                        .build(),
                problem -> page(form, problem));
    }

    /** One more metric row, for htmx to add in place, and the "add a row" button that adds the next. */
    @GET
    @Path("/metric-row")
    @RolesAllowed(Roles.NGO)
    @Operation(hidden = true)
    public String metricRow(@QueryParam("index") int index) {
        int row = Math.max(0, Math.min(index, EvidenceForm.MAX_METRIC_ROWS - 1));
        EvidenceForm empty = new EvidenceForm(Map.of(), List.of(), row + 1, false);
        return context.render(Templates.log$metric_row(new MetricRow(row, empty, FormProblem.none()), OPTIONS))
                .render() + context.render(Templates.add_metric(row + 1)).render();
    }

    /** Whether the source URL was cited before, among the evidence the viewer may see (htmx asks as it is typed). */
    @GET
    @Path("/source-hint")
    @RolesAllowed(Roles.NGO)
    @Operation(hidden = true)
    public TemplateInstance sourceHint(@QueryParam("source.url") String url) {
        return context.render(Templates.log$source_hint(citedBefore(url)));
    }

    private TemplateInstance page(EvidenceForm typed, FormProblem problem) {
        TimeFrame frame = frames.resolve(null, null, TimeFrame.today());
        Viewer viewer = Viewer.of(caller);
        List<RecommendationStatus> shown = new ArrayList<>();
        for (UUID kept : typed.assessed()) {
            statuses.of(kept, frame, viewer).ifPresent(shown::add);
        }
        found(typed, frame, viewer).stream()
                .filter(candidate -> shown.stream().noneMatch(kept -> kept.id().equals(candidate.id())))
                .forEach(shown::add);
        EvidenceForm form = typed.withRecommendations(shown.stream().map(RecommendationStatus::id).toList());
        List<RecommendationRow> rows = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            rows.add(new RecommendationRow(i, shown.get(i), form, problem));
        }
        List<MetricRow> metrics = new ArrayList<>();
        for (int i = 0; i < form.metricRows(); i++) {
            metrics.add(new MetricRow(i, form, problem));
        }
        return context.render(Templates.log(context.chrome(), form, rows, metrics, problem,
                citedBefore(form.value("source.url")), OPTIONS));
    }

    /** The recommendations of the finder's country and year whose rank is the words, or whose text holds them. */
    private List<RecommendationStatus> found(EvidenceForm form, TimeFrame frame, Viewer viewer) {
        String country = form.value("country").strip().toUpperCase(Locale.ROOT);
        Optional<Integer> year = year(form.value("year"));
        if (!country.matches("[A-Z]{3}") || year.isEmpty()) {
            return List.of();
        }
        String words = form.value("q").strip().toLowerCase(Locale.ROOT);
        return statuses.list(Optional.of(country), year, Optional.empty(), frame, viewer, new PageRequest(0, FOUND))
                .items().stream()
                .filter(recommendation -> words.isEmpty() || words.equals(Integer.toString(recommendation.rank()))
                        || recommendation.text().toLowerCase(Locale.ROOT).contains(words))
                .toList();
    }

    private static Optional<Integer> year(String typed) {
        return typed.strip().matches("\\d{4}") ? Optional.of(Integer.parseInt(typed.strip())) : Optional.empty();
    }

    private List<EvidenceLine> citedBefore(String url) {
        if (url == null || url.isBlank() || url.length() > 2000) {
            return List.of();
        }
        return evidence.citing(url.strip(), frames.resolve(null, null, TimeFrame.today()), Viewer.of(caller),
                CITED_BEFORE);
    }

    private String recordedId(Response answer) {
        try {
            JsonNode recorded = json.readTree((byte[]) answer.getEntity());
            return UUID.fromString(recorded.path("id").asText()).toString();
        } catch (java.io.IOException | IllegalArgumentException | ClassCastException e) {
            // Recorded all the same: the page says so without naming it.
            return "";
        }
    }
}
