package org.rectrack.gateway.readmodel;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.rectrack.platform.problem.Problem;
import org.rectrack.platform.security.Roles;

/** REST entry point for operating the read model: rebuild it from the topics. */
@Path("/admin")
@Tag(name = "Administration", description = "Operating the gateway's read model")
@Produces(MediaType.APPLICATION_JSON)
public class RebuildResource {

    private final ReadModelRebuild rebuild;

    RebuildResource(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @Path("/rebuild")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Rebuild the read model from the topics (role admin)",
            description = "Wipes the read model and replays rectrack.recommendations.v1 and rectrack.evidence.v1 from"
                    + " their beginning; answers when done. Reads wait for nothing but may see a partial model"
                    + " while it runs; events published meanwhile are applied right after.")
    @APIResponse(responseCode = "200", description = "Rebuilt; how many events were applied, ignored and skipped",
            content = @Content(schema = @Schema(implementation = ReadModelRebuild.Result.class)))
    @APIResponse(responseCode = "503", description = "The topics could not be replayed in time",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ReadModelRebuild.Result rebuild() {
        return rebuild.rebuild();
    }
}
