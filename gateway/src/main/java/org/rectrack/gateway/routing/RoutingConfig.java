package org.rectrack.gateway.routing;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the routing of writes; the services' instances are {@code rectrack.services.*.addresses} (Stork). */
@ConfigMapping(prefix = "rectrack.routing")
public interface RoutingConfig {

    /** What a 503 tells the caller to wait before trying again: about as long as the circuit breaker stays open. */
    @WithDefault("5s")
    Duration retryAfter();
}
