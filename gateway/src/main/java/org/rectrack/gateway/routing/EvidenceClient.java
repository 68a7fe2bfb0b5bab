package org.rectrack.gateway.routing;

import java.util.UUID;
import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The writes the evidence-service owns; bodies and answers pass through unchanged. Each call goes as the caller:
 * {@link CallerAuthorization} passes the caller's Authorization on (its bearer token, or its browser session's).
 */
@RegisterRestClient(configKey = "evidence")
@RegisterClientHeaders(CallerAuthorization.class)
@Path("/evidence")
@Produces(MediaType.APPLICATION_JSON)
public interface EvidenceClient {

    String IDEMPOTENCY_KEY = "Idempotency-Key";

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    CompletionStage<Response> submit(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, String evidence);

    /** verify, reject or retract. */
    @POST
    @Path("/{id}/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    CompletionStage<Response> transition(@PathParam("id") UUID id, @PathParam("action") String action, String body);
}
