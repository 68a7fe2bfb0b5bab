package org.rectrack.events.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the outbox relay. */
@ConfigMapping(prefix = "rectrack.outbox")
public interface OutboxConfig {

    /** Off only where a test drives the relay by hand. */
    @WithDefault("true")
    boolean enabled();

    @WithDefault("200")
    int batchSize();

    /** The relay wakes on every commit; this poll only catches rows left by a crash or an outage. */
    @WithDefault("2s")
    Duration pollInterval();

    /** How long the relay waits after a failed send before it tries again, at most. */
    @WithDefault("15s")
    Duration maxBackoff();

    /** Bound on one send before it counts as failed (and the rows stay for the next try). */
    @WithDefault("10s")
    Duration deliveryTimeout();
}
