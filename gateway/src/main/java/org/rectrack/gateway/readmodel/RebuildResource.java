package org.rectrack.gateway.readmodel;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;
import org.rectrack.platform.problem.Problem;
import org.rectrack.platform.problem.ProblemException;
import org.rectrack.platform.security.Caller;
import org.rectrack.platform.security.Roles;

/** REST entry point for operating the read model: rebuild it from the topics, as a job (see {@link RebuildJobs}). */
@Path("/admin/rebuilds")
@Tag(name = "Administration", description = "Operating the gateway's read model")
@Produces(MediaType.APPLICATION_JSON)
public class RebuildResource {

    private final RebuildJobs jobs;
    private final Caller caller;

    RebuildResource(RebuildJobs jobs, Caller caller) {
        this.jobs = jobs;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Start a rebuild of the read model from the topics (role admin)",
            description = "Answers at once; the rebuild runs on this gateway instance: it waits for the consumers'"
                    + " transactions under way, wipes the read model and replays rectrack.recommendations.v1 and"
                    + " rectrack.evidence.v1 from their beginning. The consumers of every instance wait meanwhile and"
                    + " apply what was published during it right after. Reads are answered throughout, from a partial"
                    + " model while it replays. Follow it at the Location.")
    @APIResponse(responseCode = "202", description = "Started; Location names the rebuild",
            headers = @Header(name = "Location", schema = @Schema(type = SchemaType.STRING, format = "uri")),
            content = @Content(schema = @Schema(implementation = RebuildJobResponse.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A rebuild is under way (on any gateway instance); the detail"
            + " names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RestResponse<RebuildJobResponse> start() {
        RebuildJob job = jobs.start(caller.name());
        return RestResponse.ResponseBuilder.<RebuildJobResponse> accepted(RebuildJobResponse.of(job))
                .location(URI.create("admin/rebuilds/" + job.id)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "How a rebuild goes (role admin)",
            description = "Its state, when it started and finished, the records replayed per topic of those there were,"
                    + " who started it, and why it failed. A rebuild whose gateway instance died is FAILED.")
    @APIResponse(responseCode = "200", description = "The rebuild")
    @APIResponse(responseCode = "400", description = "The id is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such rebuild",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RebuildJobResponse get(@PathParam("id") UUID id) {
        return jobs.find(id).map(RebuildJobResponse::of).orElseThrow(() -> ProblemException.notFound("rebuild", id));
    }
}
