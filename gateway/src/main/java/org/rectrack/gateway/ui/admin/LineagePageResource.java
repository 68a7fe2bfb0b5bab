package org.rectrack.gateway.ui.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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
import org.rectrack.gateway.routing.RecommendationsClient;
import org.rectrack.gateway.routing.Routing;
import org.rectrack.gateway.status.RecommendationStatus;
import org.rectrack.gateway.status.StatusService;
import org.rectrack.gateway.status.Viewer;
import org.rectrack.gateway.ui.Chrome;
import org.rectrack.gateway.ui.PageContext;
import org.rectrack.gateway.ui.Pages;
import org.rectrack.gateway.ui.form.FormProblem;
import org.rectrack.platform.request.QueryValues;
import org.rectrack.platform.security.Roles;

/**
 * "Lineage" ({@code /lineage}, role admin): a country-year's recommendations, each with the earlier one it continues,
 * linked or unlinked by hand through the {@code continues-from} route ({@link Routing#write} to the
 * recommendations-service). The recommendations-service stores no proposals yet: those, with their similarity, are
 * what an import's dry run shows (the import page), and a link it did not make is made here.
 */
@Path(Pages.ROOT + "/lineage")
@Produces(MediaType.TEXT_HTML)
public class LineagePageResource {

    @CheckedTemplate(basePath = "ui/admin")
    static class Templates {
        static native TemplateInstance lineage(Chrome chrome, String country, String year,
                List<RecommendationStatus> recommendations, List<RecommendationStatus> earlier, UUID changed,
                FormProblem problem);
    }

    private final PageContext context;
    private final Routing routing;
    private final StatusService statuses;
    private final TimeFrames frames;
    private final ObjectMapper json;

    LineagePageResource(PageContext context, Routing routing, StatusService statuses, TimeFrames frames,
            ObjectMapper json) {
        this.context = context;
        this.routing = routing;
        this.statuses = statuses;
        this.frames = frames;
        this.json = json;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(hidden = true)
    public TemplateInstance page(@QueryParam("country") String country, @QueryParam("year") String year) {
        return page(country, year, null, FormProblem.none());
    }

    /** Links the recommendation to the earlier one it continues ({@code continuesFromId}), or unlinks it. */
    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.ADMIN)
    @Operation(hidden = true)
    public Response link(@PathParam("id") UUID id, MultivaluedMap<String, String> form, @Context UriInfo uri) {
        String country = form.getFirst("country");
        String year = form.getFirst("year");
        Function<RecommendationsClient, CompletionStage<Response>> call;
        if ("unlink".equals(form.getFirst("action"))) {
            call = client -> client.unlink(id);
        } else {
            String continuesFrom = Optional.ofNullable(form.getFirst("continuesFromId")).orElse("");
            String body;
            try {
                body = json.writeValueAsString(Map.of("continuesFromId", continuesFrom));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a map of strings always writes", e);
            }
            call = client -> client.link(id, body);
        }
        FormProblem problem;
        try {
            Response answer = routing.write(Owner.RECOMMENDATIONS, call);
            if (answer.getStatus() / 100 == 2) {
                return Response.seeOther(uri.getBaseUri().resolve("/lineage?country=" + country + "&year=" + year
                        + "#r-" + id)).build();
            }
            problem = FormProblem.of(answer, field -> field);
        } catch (WebApplicationException unavailable) {
            problem = FormProblem.of(unavailable);
        }
        Response.ResponseBuilder page = Response.status(problem.status()).entity(page(country, year, id, problem));
        if (problem.retryAfter() != null) {
            page.header(HttpHeaders.RETRY_AFTER, problem.retryAfter());
        }
        return page.build();
    }

    private TemplateInstance page(String country, String year, UUID changed, FormProblem problem) {
        Optional<String> code = QueryValues.optionalCountry("country", country);
        Optional<Integer> reportYear = QueryValues.optionalInteger("year", year, 2001, 2100);
        List<RecommendationStatus> recommendations = List.of();
        List<RecommendationStatus> earlier = List.of();
        if (code.isPresent() && reportYear.isPresent()) {
            List<RecommendationStatus> all = statuses.forCountry(code.get(),
                    frames.resolve(null, null, TimeFrame.today()), Viewer.publicOnly());
            recommendations = all.stream().filter(r -> r.year() == reportYear.get()).toList();
            earlier = all.stream().filter(r -> r.year() < reportYear.get()).toList().reversed();
        }
        return context.render(Templates.lineage(context.chrome(), country, year, recommendations, earlier, changed,
                problem));
    }
}
