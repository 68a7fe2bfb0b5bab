package org.rectrack.gateway.readmodel;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the read model's consumers, lag measurement and rebuild. */
@ConfigMapping(prefix = "rectrack.read-model")
public interface ReadModelConfig {

    /** The consumer group of both channels; must match {@code mp.messaging.incoming.*.group.id}. */
    @WithDefault("gateway")
    String groupId();

    /** Bound on one question to Kafka when measuring the lag. */
    @WithDefault("3s")
    Duration lagTimeout();

    /** Bound on a whole rebuild; past it the rebuild fails and the gate opens again. */
    @WithDefault("10m")
    Duration rebuildTimeout();

    /**
     * How long a rebuild waits for the consumers' transactions under way to end before it closes the
     * {@link RebuildGate}; past it the rebuild fails, and may be started again.
     */
    @WithDefault("10s")
    Duration rebuildGateWait();

    /**
     * How long a consumer's transaction waits at a closed {@link RebuildGate} before it gives up and its retry tries
     * again: well under the transaction timeout (60 s by default).
     */
    @WithDefault("30s")
    Duration consumerWait();

    /**
     * A rebuild that has not yet closed the gate (STARTED) and has given no sign of life for this long is taken as
     * abandoned (its instance stopped): FAILED, so another may start. More than {@link #rebuildGateWait()}.
     */
    @WithDefault("60s")
    Duration rebuildAbandonedAfter();
}
