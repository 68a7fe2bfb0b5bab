package org.rectrack.gateway.recommendations;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rectrack.gateway.api.Examples;
import org.rectrack.gateway.status.RecommendationStatus;
import org.rectrack.gateway.status.StatusService;
import org.rectrack.gateway.status.Viewer;
import org.rectrack.platform.paging.Page;
import org.rectrack.platform.paging.PageParams;
import org.rectrack.platform.problem.Problem;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.platform.request.QueryValues;
import org.rectrack.platform.security.Caller;
import org.rectrack.platform.security.Roles;

/** REST entry point for recommendations with their explained status, now or as of any instant. */
@Path("/recommendations")
@Tag(name = "Recommendations", description = "Recommendations with their status, the rule that decided it and the"
        + " evidence behind it. Only verified evidence counts; submitted evidence is counted apart as pending. A"
        + " caller who may not see restricted evidence gets the status computed from the evidence it may see.")
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationResource {

    private static final String AS_OF = "an instant (2023-12-31T23:59:59Z) or a day (meaning the end of that day, UTC):"
            + " the answer then uses only what the system knew at that instant, and stays the same however much"
            + " happens later. Without it: the latest the gateway knows.";

    private final StatusService statuses;
    private final Caller caller;

    RecommendationResource(StatusService statuses, Caller caller) {
        this.statuses = statuses;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.NGO, Roles.REVIEWER, Roles.DIPLOMAT, Roles.AUDITOR })
    @Operation(summary = "List recommendations in rank order, each with its status (any signed-in role)",
            description = "Newest year first, then in rank order. Restricted evidence the caller may not see counts in"
                    + " no status and no pending count.")
    @APIResponse(responseCode = "200", description = "One page of recommendations with their status")
    public Page<RecommendationStatus> list(
            @Parameter(description = "ISO 3166-1 alpha-3", example = "LAO") @QueryParam("country") String country,
            @Parameter(example = "2023") @QueryParam("year") String year,
            @Parameter(description = "only the recommendations of this report") @QueryParam("reportId") String reportId,
            @Parameter(description = AS_OF, example = "2023-12-31") @QueryParam("asOf") String asOf,
            @BeanParam PageParams page) {
        return statuses.list(QueryValues.optionalCountry("country", country),
                QueryValues.optionalInteger("year", year, 2001, 2100), QueryValues.optionalUuid("reportId", reportId),
                QueryValues.optionalInstant("asOf", asOf).orElse(null), Viewer.of(caller), page.toRequest());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.NGO, Roles.REVIEWER, Roles.DIPLOMAT, Roles.AUDITOR })
    @Operation(summary = "One recommendation: text, status, the rule and evidence behind it, lineage (any signed-in role)",
            description = "The evidence listed is the evidence the caller may see, in any review state; the status rests"
                    + " on the verified part of it.")
    @APIResponse(responseCode = "200", description = "The recommendation with its status",
            content = @Content(schema = @Schema(implementation = RecommendationStatus.class),
                    examples = @ExampleObject(name = "in progress", value = Examples.RECOMMENDATION_STATUS)))
    @APIResponse(responseCode = "400", description = "asOf is not an instant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such recommendation (as of asOf)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    public RecommendationStatus get(@PathParam("id") UUID id,
            @Parameter(description = AS_OF, example = "2023-12-31") @QueryParam("asOf") String asOf) {
        return statuses.of(id, QueryValues.optionalInstant("asOf", asOf).orElse(null), Viewer.of(caller))
                .orElseThrow(() -> ProblemException.notFound("recommendation", id));
    }
}
