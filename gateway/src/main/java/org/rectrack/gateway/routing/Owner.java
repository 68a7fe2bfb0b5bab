package org.rectrack.gateway.routing;

import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Function;

import jakarta.ws.rs.core.Response;

/**
 * A service behind the gateway that owns writes, with the REST client a route calls it through.
 *
 * @param <C>  the service's REST client
 * @param name the service's name, as a 503 names it
 * @param call how {@link Downstream} calls it: under this service's own timeout and circuit breaker
 */
public record Owner<C>(String name,
        BiFunction<Downstream, Function<C, CompletionStage<Response>>, CompletionStage<Answer>> call) {

    /** Reports and recommendations. */
    public static final Owner<RecommendationsClient> RECOMMENDATIONS = new Owner<>("recommendations-service",
            Downstream::recommendations);

    /** Evidence and its review. */
    public static final Owner<EvidenceClient> EVIDENCE = new Owner<>("evidence-service", Downstream::evidence);
}
