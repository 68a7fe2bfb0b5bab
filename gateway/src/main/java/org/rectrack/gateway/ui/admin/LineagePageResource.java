package org.rectrack.gateway.ui.admin;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Collectors;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.rectrack.api.recommendations.LineageProposalResponse;
import org.rectrack.gateway.readmodel.TimeFrame;
import org.rectrack.gateway.readmodel.TimeFrames;
import org.rectrack.gateway.routing.Answer;
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
import org.rectrack.gateway.ui.form.FormWrites;
import org.rectrack.platform.paging.Page;
import org.rectrack.platform.paging.PageParams;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.platform.request.QueryValues;
import org.rectrack.platform.security.Roles;

/**
 * "Lineage" ({@code /lineage}, role admin): a country-year's recommendations, each with the earlier one it continues
 * and the lineage proposals the recommendations-service keeps for it (with their similarity and state). An admin
 * accepts or rejects a proposal, or links and unlinks by hand through the {@code continues-from} route; every change
 * is a {@link Routing#write} to the recommendations-service, as through the JSON API.
 */
@Path(Pages.ROOT + "/lineage")
@Produces(MediaType.TEXT_HTML)
public class LineagePageResource {

    @CheckedTemplate(basePath = "ui/admin")
    static class Templates {
        static native TemplateInstance lineage(Chrome chrome, String country, String year,
                List<RecommendationStatus> recommendations, List<RecommendationStatus> earlier,
                Map<UUID, List<LineageProposalResponse>> proposals, boolean proposalsUnavailable, UUID changed,
                FormProblem problem);
    }

    /** Pages of proposals read for a country-year at most (an import proposes a few per recommendation). */
    static final int PROPOSAL_PAGES = 10;
    private static final TypeReference<Page<LineageProposalResponse>> PROPOSALS = new TypeReference<>() {
    };

    private final PageContext context;
    private final Routing routing;
    private final FormWrites writes;
    private final StatusService statuses;
    private final TimeFrames frames;
    private final ObjectMapper json;

    LineagePageResource(PageContext context, Routing routing, FormWrites writes, StatusService statuses,
            TimeFrames frames, ObjectMapper json) {
        this.context = context;
        this.routing = routing;
        this.writes = writes;
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

    /** Accepts ({@code action=accept}) or rejects ({@code action=reject}) a stored lineage proposal. */
    @POST
    @Path("/proposals/{proposal}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.ADMIN)
    @Operation(hidden = true)
    public Response decide(@PathParam("proposal") UUID proposal, MultivaluedMap<String, String> form,
            @Context UriInfo uri) {
        UUID recommendation = QueryValues.optionalUuid("recommendation", form.getFirst("recommendation")).orElse(null);
        Function<RecommendationsClient, CompletionStage<Response>> call = switch (String.valueOf(form.getFirst("action"))) {
            case "accept" -> client -> client.acceptProposal(proposal);
            case "reject" -> client -> client.rejectProposal(proposal);
            default -> throw ProblemException.badRequest("action", "must be accept or reject");
        };
        return submit(call, form, recommendation, uri);
    }

    /** Links the recommendation to the earlier one it continues ({@code continuesFromId}), or unlinks it. */
    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.ADMIN)
    @Operation(hidden = true)
    public Response link(@PathParam("id") UUID id, MultivaluedMap<String, String> form, @Context UriInfo uri) {
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
        return submit(call, form, id, uri);
    }

    /** Sends the change; back to the page at the recommendation, or the page again with the problem beside it. */
    private Response submit(Function<RecommendationsClient, CompletionStage<Response>> call,
            MultivaluedMap<String, String> form, UUID id, UriInfo uri) {
        String country = form.getFirst("country");
        String year = form.getFirst("year");
        return writes.send(Owner.RECOMMENDATIONS, call, field -> field,
                answer -> Response.seeOther(uri.getBaseUri().resolve("/lineage?country=" + Pages.queryValue(country)
                        + "&year=" + Pages.queryValue(year) + (id == null ? "" : "#r-" + id))).build(),
                problem -> page(country, year, id, problem));
    }

    private TemplateInstance page(String country, String year, UUID changed, FormProblem problem) {
        Optional<String> code = QueryValues.optionalCountry("country", country);
        Optional<Integer> reportYear = QueryValues.optionalInteger("year", year, 2001, 2100);
        List<RecommendationStatus> recommendations = List.of();
        List<RecommendationStatus> earlier = List.of();
        Map<UUID, List<LineageProposalResponse>> proposals = Map.of();
        boolean proposalsUnavailable = false;
        if (code.isPresent() && reportYear.isPresent()) {
            Optional<List<LineageProposalResponse>> stored = proposals(code.get(), reportYear.get());
            proposalsUnavailable = stored.isEmpty();
            proposals = stored.orElse(List.of()).stream().collect(Collectors.groupingBy(
                    proposal -> proposal.recommendation().id()));
            List<RecommendationStatus> all = statuses.forCountry(code.get(),
                    frames.resolve(null, null, TimeFrame.today()), Viewer.publicOnly());
            recommendations = all.stream().filter(r -> r.year() == reportYear.get()).toList();
            earlier = all.stream().filter(r -> r.year() < reportYear.get()).toList().reversed();
        }
        return context.render(Templates.lineage(context.chrome(), country, year, recommendations, earlier, proposals,
                proposalsUnavailable, changed, problem));
    }

    /** A proposal's similarity as a whole percentage, for reading ({@code {p.percent}} in the page). */
    @TemplateExtension
    static long percent(LineageProposalResponse proposal) {
        return Math.round(proposal.similarity() * 100);
    }

    /**
     * The country-year's stored proposals, most alike first, read a page of {@link PageParams#MAX_SIZE} at a time up
     * to {@link #PROPOSAL_PAGES} pages; empty when the recommendations-service cannot say now.
     */
    private Optional<List<LineageProposalResponse>> proposals(String country, int year) {
        List<LineageProposalResponse> read = new ArrayList<>();
        try {
            for (int page = 0; page < PROPOSAL_PAGES; page++) {
                String pageNumber = String.valueOf(page);
                Answer answer = routing.answer(Owner.RECOMMENDATIONS, client -> client.lineageProposals(country,
                        String.valueOf(year), null, pageNumber, String.valueOf(PageParams.MAX_SIZE)));
                if (answer.status() != 200) {
                    Log.debugf("lineage proposals of %s %d answered %d", country, year, answer.status());
                    return Optional.empty();
                }
                Page<LineageProposalResponse> proposals = json.readValue(answer.body(), PROPOSALS);
                read.addAll(proposals.items());
                if (page + 1 >= proposals.totalPages()) {
                    break;
                }
            }
        } catch (WebApplicationException | IOException unavailable) {
            // The page still shows the links from the read model, and says the proposals cannot be shown now.
            Log.debugf("lineage proposals of %s %d unavailable: %s", country, year, unavailable.getMessage());
            return Optional.empty();
        }
        read.sort(Comparator.comparingDouble(LineageProposalResponse::similarity).reversed());
        return Optional.of(read);
    }
}
