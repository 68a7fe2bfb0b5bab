package org.rectrack.gateway.routing;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The two services behind the gateway, each call bounded by a timeout and each service behind its own circuit
 * breaker, so that one service down answers at once instead of tying up threads, and does not affect the other.
 * Writes are never retried here: the caller decides (evidence takes an Idempotency-Key for that). The calls are
 * asynchronous so that the timeout ends the wait itself: a blocking call does not heed the interruption.
 * Override the bounds with MicroProfile Fault Tolerance configuration, e.g.
 * {@code org.rectrack.gateway.routing.Downstream/evidence/Timeout/value=2000}.
 */
@ApplicationScoped
public class Downstream {

    /** Headers of a downstream answer that the caller needs too; Location is rewritten by {@link Routing}. */
    static final List<String> RELAYED_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER,
            HttpHeaders.WWW_AUTHENTICATE, "Idempotent-Replayed");

    private final RecommendationsClient recommendations;
    private final EvidenceClient evidence;

    Downstream(@RestClient RecommendationsClient recommendations, @RestClient EvidenceClient evidence) {
        this.recommendations = recommendations;
        this.evidence = evidence;
    }

    @Timeout(5000) // milliseconds, as is any override
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = WebApplicationException.class)
    public CompletionStage<Answer> recommendations(Function<RecommendationsClient, CompletionStage<Response>> call) {
        return call.apply(recommendations).thenApply(Downstream::read);
    }

    @Timeout(5000) // milliseconds, as is any override
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = WebApplicationException.class)
    public CompletionStage<Answer> evidence(Function<EvidenceClient, CompletionStage<Response>> call) {
        return call.apply(evidence).thenApply(Downstream::read);
    }

    static Answer read(Response response) {
        try (response) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header : RELAYED_HEADERS) {
                String value = response.getHeaderString(header);
                if (value != null) {
                    headers.put(header, value);
                }
            }
            byte[] body = response.hasEntity() ? response.readEntity(byte[].class) : new byte[0];
            String contentType = response.getMediaType() == null ? null : response.getMediaType().toString();
            return new Answer(response.getStatus(), contentType, Map.copyOf(headers), body);
        }
    }
}
