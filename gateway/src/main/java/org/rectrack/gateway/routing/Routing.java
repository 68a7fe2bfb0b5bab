package org.rectrack.gateway.routing;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.vertx.core.VertxException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.rectrack.gateway.readmodel.ReadYourWrites;

/**
 * Routes a write to the service that owns it, as the caller: its bearer token goes along (the REST clients pass it
 * on). The service's answer comes back as it is (status, problem+json body, Idempotent-Replayed), with its Location
 * rewritten to the gateway's URL. A service that is down or too slow gives a 503 problem+json with Retry-After
 * instead.
 *
 * <p>Every write a client sends the gateway goes through {@link #write}: what must happen to every write's answer
 * happens there, once. A 2xx answer waits until the read model shows what was written ({@link ReadYourWrites}).
 */
@ApplicationScoped
public class Routing {

    private final Downstream downstream;
    private final RoutingConfig config;
    private final UriInfo request;
    private final ReadYourWrites readYourWrites;
    private final ObjectMapper json;

    Routing(Downstream downstream, RoutingConfig config, UriInfo request, ReadYourWrites readYourWrites,
            ObjectMapper json) {
        this.downstream = downstream;
        this.config = config;
        this.request = request;
        this.readYourWrites = readYourWrites;
        this.json = json;
    }

    /**
     * Sends a client's write to its owner and answers with the owner's answer, relayed.
     *
     * @param owner the service that owns what is written
     * @param call  the write, through the owner's REST client
     * @return the owner's answer as the gateway's (see {@link #relay(Answer)}); a 503 with Retry-After when the
     *         owner is down or too slow
     */
    public <C> Response write(Owner<C> owner, Function<C, CompletionStage<Response>> call) {
        Answer answer = answer(owner, call);
        if (answer.status() / 100 == 2) {
            // Read your writes: what the answer says was written shows in the next read through the gateway.
            readYourWrites.await(written(answer));
        }
        return relay(answer);
    }

    /**
     * The aggregate versions an owner's answer names: every JSON object in it with a UUID {@code id} and a numeric
     * {@code version} (a report, its recommendations, evidence), as every owner's answer shapes them.
     */
    List<ReadYourWrites.Written> written(Answer answer) {
        if (answer.body().length == 0 || answer.contentType() == null || !answer.contentType().contains("json")) {
            return List.of();
        }
        List<ReadYourWrites.Written> written = new ArrayList<>();
        try {
            collect(json.readTree(answer.body()), written);
        } catch (IOException e) {
            Log.debugf("The owner's answer is no JSON to find written versions in: %s", e.getMessage());
        }
        return written;
    }

    private static void collect(JsonNode node, List<ReadYourWrites.Written> written) {
        if (node.isObject() && node.path("id").isTextual() && node.path("version").canConvertToLong()
                && node.path("version").isIntegralNumber()) {
            try {
                written.add(new ReadYourWrites.Written(UUID.fromString(node.get("id").asText()), node.get("version").asLong()));
            } catch (IllegalArgumentException notAnId) {
                // An id that is no UUID names nothing of the read model's.
            }
        }
        node.forEach(child -> collect(child, written));
    }

    /**
     * Sends a client's read to the owner, for what the read model does not hold (a recommendation's revisions),
     * and answers with the owner's answer, relayed.
     */
    public <C> Response read(Owner<C> owner, Function<C, CompletionStage<Response>> call) {
        return relay(answer(owner, call));
    }

    /**
     * The owner's answer, not yet relayed: for a page that renders what a service says rather than relaying it.
     *
     * @throws WebApplicationException 503 with Retry-After when the service is down or too slow
     */
    public <C> Answer answer(Owner<C> owner, Function<C, CompletionStage<Response>> call) {
        try {
            return await(() -> owner.call().apply(downstream, call));
        } catch (TimeoutException e) {
            throw unavailable(owner.name() + " did not answer in time; nothing is known to have changed, try again shortly", e);
        } catch (CircuitBreakerOpenException e) {
            throw unavailable(owner.name() + " is unavailable (it failed repeatedly just now); try again shortly", e);
        } catch (ProcessingException e) {
            throw unavailable(owner.name() + " cannot be reached; try again shortly", e);
        } catch (WebApplicationException e) {
            // The client's default mapper is off; should one still throw, its response is the service's answer.
            return Downstream.read(e.getResponse());
        }
    }

    /** A service's answer as the gateway's: status, body and relayed headers, Location rewritten to the gateway. */
    private Response relay(Answer answer) {
        URI gatewayBase = request.getBaseUri();
        Response.ResponseBuilder response = Response.status(answer.status());
        if (answer.body().length > 0) {
            response.entity(answer.body());
            if (answer.contentType() != null) {
                response.type(answer.contentType());
            }
        }
        answer.headers().forEach((name, value) -> response.header(name,
                HttpHeaders.LOCATION.equals(name) ? rewrite(value, gatewayBase) : value));
        return response.build();
    }

    /** The answer, or the failure that ended the wait for it, as thrown by the call itself. */
    private static Answer await(Supplier<CompletionStage<Answer>> call) {
        try {
            return call.get().toCompletableFuture().get();
        } catch (ExecutionException e) {
            // The HTTP client's own failure (the connection closed under an answer half read, the service killed
            // mid-request) is the service unreachable, as a refused connection is.
            if (e.getCause() instanceof RuntimeException cause && !(cause instanceof VertxException)) {
                throw cause;
            }
            throw new ProcessingException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProcessingException(e);
        }
    }

    /** {@code http://evidence:8082/api/v1/evidence/42} → {@code <gateway base>/evidence/42}: the same resource here. */
    static String rewrite(String location, URI gatewayBase) {
        URI downstreamLocation = URI.create(location);
        String path = downstreamLocation.getRawPath() == null ? "" : downstreamLocation.getRawPath();
        String apiPrefix = "/api/v1/";
        String relative = path.startsWith(apiPrefix) ? path.substring(apiPrefix.length()) : path.replaceFirst("^/", "");
        if (downstreamLocation.getRawQuery() != null) {
            relative += "?" + downstreamLocation.getRawQuery();
        }
        String base = gatewayBase.toString().endsWith("/") ? gatewayBase.toString() : gatewayBase + "/";
        return URI.create(base).resolve(relative).toString();
    }

    private WebApplicationException unavailable(String detail, Exception cause) {
        Log.warnf("Routing failed: %s (%s)", detail, cause.toString());
        Duration retryAfter = config.retryAfter();
        return new WebApplicationException(detail, cause, Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())))
                .build());
    }
}
