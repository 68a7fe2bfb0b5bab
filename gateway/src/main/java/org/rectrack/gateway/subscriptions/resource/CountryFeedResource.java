package org.rectrack.gateway.subscriptions.resource;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rectrack.gateway.status.Viewer;
import org.rectrack.gateway.subscriptions.service.AtomFeeds;
import org.rectrack.platform.problem.Problem;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.platform.request.QueryValues;
import org.rectrack.platform.security.Caller;
import org.rectrack.platform.security.Roles;

/** REST entry point for a country's Atom feed: its news, as the caller may see it, for readers of feeds. */
@Path("/countries/{country}/feed")
@Tag(name = "Subscriptions")
public class CountryFeedResource {

    private final AtomFeeds feeds;
    private final Caller caller;

    CountryFeedResource(AtomFeeds feeds, Caller caller) {
        this.feeds = feeds;
        this.caller = caller;
    }

    @GET
    @Produces(AtomFeeds.MEDIA_TYPE)
    @RolesAllowed({ Roles.ADMIN, Roles.NGO, Roles.REVIEWER, Roles.DIPLOMAT, Roles.AUDITOR })
    @Operation(summary = "A country's Atom feed (any signed-in role): reports published, evidence submitted and verified",
            description = "Newest first, bounded; restricted evidence only for those who may see it (its organisation,"
                    + " reviewers, auditors). Entry ids are urn:uuid: of the event that made the change.")
    @APIResponse(responseCode = "200", description = "The feed",
            content = @Content(mediaType = AtomFeeds.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Not an ISO 3166-1 alpha-3 country code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The token carries no rectrack role",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response feed(
            @Parameter(description = "ISO 3166-1 alpha-3", example = "LAO") @PathParam("country") String country,
            @Context UriInfo uri) {
        String code = QueryValues.optionalCountry("country", country)
                .orElseThrow(() -> ProblemException.badRequest("country", "is required"));
        return Response.ok(feeds.country(code, Viewer.of(caller), uri.getRequestUri().toString()), AtomFeeds.MEDIA_TYPE)
                .build();
    }
}
