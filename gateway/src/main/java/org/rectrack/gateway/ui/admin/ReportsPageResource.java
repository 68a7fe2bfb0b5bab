package org.rectrack.gateway.ui.admin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.concurrent.CompletionStage;

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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rectrack.events.recommendations.Tier;
import org.rectrack.gateway.readmodel.TimeFrame;
import org.rectrack.gateway.readmodel.TimeFrames;
import org.rectrack.gateway.routing.Owner;
import org.rectrack.gateway.routing.RecommendationsClient;
import org.rectrack.gateway.status.RecommendationStatus;
import org.rectrack.gateway.status.StatusService;
import org.rectrack.gateway.status.Viewer;
import org.rectrack.gateway.ui.Chrome;
import org.rectrack.gateway.ui.PageContext;
import org.rectrack.gateway.ui.Pages;
import org.rectrack.gateway.ui.form.FormProblem;
import org.rectrack.gateway.ui.form.FormWrites;
import org.rectrack.platform.paging.PageRequest;
import org.rectrack.platform.request.QueryValues;
import org.rectrack.platform.security.Roles;

/**
 * "Reports" ({@code /reports}, role admin): publish a report with its ranked recommendations (a form for the fields
 * of {@code POST /reports}), and, for a country and year, revise a recommendation's text (the old text stays, as a
 * revision) or withdraw it. Every write goes through {@link Routing#write} to the recommendations-service, as the
 * API's routes do; a problem is shown beside the field it names, with what was typed kept.
 */
@Path(Pages.ROOT + "/reports")
@Produces(MediaType.TEXT_HTML)
public class ReportsPageResource {

    /** The recommendation rows a new publish form shows; "add a row" adds one. */
    private static final int FIRST_ROWS = 3;
    private static final int MAX_ROWS = 100;

    /** The report's own fields, in the order the form shows them. */
    private static final List<String> REPORT_FIELDS = List.of("country", "year", "tier", "title", "publisher",
            "sourceUrl", "publishedOn");

    @CheckedTemplate(basePath = "ui/admin")
    static class Templates {
        static native TemplateInstance reports(Chrome chrome, Map<String, String> typed, int rows, FormProblem problem,
                String country, String year, List<RecommendationStatus> recommendations, UUID changed,
                FormProblem changeProblem, List<String> fields, List<Tier> tiers);
    }

    private final PageContext context;
    private final FormWrites writes;
    private final StatusService statuses;
    private final TimeFrames frames;
    private final ObjectMapper json;

    ReportsPageResource(PageContext context, FormWrites writes, StatusService statuses, TimeFrames frames,
            ObjectMapper json) {
        this.context = context;
        this.writes = writes;
        this.statuses = statuses;
        this.frames = frames;
        this.json = json;
    }

    /** The publish form, and the recommendations of {@code country} and {@code year} to revise or withdraw. */
    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(hidden = true)
    public TemplateInstance page(@QueryParam("country") String country, @QueryParam("year") String year) {
        return page(Map.of("publisher", "U.S. Department of State"), FIRST_ROWS, FormProblem.none(), country, year,
                null, FormProblem.none());
    }

    /** Publishes the report ({@code action=add-row} shows the form again with one more recommendation row). */
    @POST
    @Path("/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.ADMIN)
    @Operation(hidden = true)
    public Response publish(MultivaluedMap<String, String> form, @Context UriInfo uri) {
        int rows = Math.max(FIRST_ROWS, Math.min(MAX_ROWS,
                QueryValues.optionalInteger("rows", form.getFirst("rows"), 1, MAX_ROWS).orElse(FIRST_ROWS)));
        Map<String, String> typed = new HashMap<>();
        form.forEach((name, values) -> typed.put(name, String.join(",", values)));
        if ("add-row".equals(form.getFirst("action"))) {
            return Response.ok(page(typed, Math.min(rows + 1, MAX_ROWS), FormProblem.none(), null, null, null,
                    FormProblem.none())).build();
        }
        ObjectNode body = json.createObjectNode();
        for (String field : List.of("country", "title", "publisher", "sourceUrl", "publishedOn", "tier")) {
            text(body, field, form.getFirst(field));
        }
        number(body, "year", form.getFirst("year"));
        ArrayNode recommendations = body.putArray("recommendations");
        List<Integer> sentRows = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            String row = "recommendations[" + i + "].";
            String text = form.getFirst(row + "text");
            if (text == null || text.isBlank()) {
                continue;
            }
            ObjectNode recommendation = recommendations.addObject();
            number(recommendation, "rank", Optional.ofNullable(form.getFirst(row + "rank")).orElse(""));
            recommendation.put("text", text.strip());
            ArrayNode pillars = recommendation.putArray("pillars");
            Optional.ofNullable(form.get(row + "pillars")).orElse(List.of()).stream()
                    .filter(pillar -> !pillar.isBlank()).forEach(pillars::add);
            ArrayNode groups = recommendation.putArray("targetGroups");
            Arrays.stream(Optional.ofNullable(form.getFirst(row + "targetGroups")).orElse("").split(","))
                    .map(String::strip).filter(group -> !group.isEmpty()).forEach(groups::add);
            sentRows.add(i);
        }
        Function<String, String> rowOfField = field -> {
            var matcher = java.util.regex.Pattern.compile("^recommendations\\[(\\d{1,3})](.*)$").matcher(field);
            if (matcher.matches() && Integer.parseInt(matcher.group(1)) < sentRows.size()) {
                return "recommendations[" + sentRows.get(Integer.parseInt(matcher.group(1))) + "]" + matcher.group(2);
            }
            return field;
        };
        return write(client -> client.publish(write(body)), answer -> {
            String published = answer.getLocation() == null ? "" : "&published=" + lastSegment(answer.getLocation().getPath());
            return Response.seeOther(uri.getBaseUri().resolve("/reports?country=" + body.path("country").asText()
                    + "&year=" + body.path("year").asText() + published)).build();
        }, problem -> page(typed, rows, problem, null, null, null, FormProblem.none()), rowOfField::apply);
    }

    /** Revises a recommendation's text (with a reason); the old text stays as a revision. */
    @POST
    @Path("/recommendations/{id}/revise")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.ADMIN)
    @Operation(hidden = true)
    public Response revise(@PathParam("id") UUID id, MultivaluedMap<String, String> form, @Context UriInfo uri) {
        ObjectNode body = json.createObjectNode();
        text(body, "text", form.getFirst("text"));
        text(body, "reason", form.getFirst("reason"));
        return change(id, form, uri, client -> client.revise(id, write(body)));
    }

    /** Withdraws a recommendation, saying why; it stays in reports, marked withdrawn. */
    @POST
    @Path("/recommendations/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.ADMIN)
    @Operation(hidden = true)
    public Response withdraw(@PathParam("id") UUID id, MultivaluedMap<String, String> form, @Context UriInfo uri) {
        ObjectNode body = json.createObjectNode();
        text(body, "reason", form.getFirst("reason"));
        return change(id, form, uri, client -> client.withdraw(id, write(body)));
    }

    private Response change(UUID id, MultivaluedMap<String, String> form, UriInfo uri,
            Function<RecommendationsClient, CompletionStage<Response>> call) {
        String country = form.getFirst("country");
        String year = form.getFirst("year");
        return write(call, answer -> Response.seeOther(uri.getBaseUri().resolve("/reports?country=" + Pages.queryValue(country)
                + "&year=" + Pages.queryValue(year) + "#r-" + id)).build(),
                problem -> page(Map.of(), FIRST_ROWS, FormProblem.none(), country, year, id, problem), field -> field);
    }

    private Response write(Function<RecommendationsClient, CompletionStage<Response>> call,
            Function<Response, Response> done, Function<FormProblem, TemplateInstance> again,
            java.util.function.UnaryOperator<String> rename) {
        return writes.send(Owner.RECOMMENDATIONS, call, rename, done, again::apply);
    }

    private TemplateInstance page(Map<String, String> typed, int rows, FormProblem problem, String country,
            String year, UUID changed, FormProblem changeProblem) {
        List<RecommendationStatus> recommendations = List.of();
        Optional<String> code = QueryValues.optionalCountry("country", country);
        Optional<Integer> reportYear = QueryValues.optionalInteger("year", year, 2001, 2100);
        if (code.isPresent() && reportYear.isPresent()) {
            recommendations = statuses.list(code, reportYear, Optional.empty(), frames.resolve(null, null,
                    TimeFrame.today()), Viewer.publicOnly(), new PageRequest(0, MAX_ROWS)).items();
        }
        return context.render(Templates.reports(context.chrome(), typed, rows, problem, country, year, recommendations,
                changed, changeProblem, REPORT_FIELDS, List.of(Tier.values())));
    }

    private String write(ObjectNode body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
    }

    private static void text(ObjectNode node, String name, String typed) {
        if (typed != null && !typed.isBlank()) {
            node.put(name, typed.strip());
        }
    }

    private static void number(ObjectNode node, String name, String typed) {
        if (typed == null || typed.isBlank()) {
            return;
        }
        try {
            node.put(name, new BigDecimal(typed.strip()));
        } catch (NumberFormatException notANumber) {
            node.put(name, typed.strip());
        }
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
