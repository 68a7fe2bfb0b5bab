package org.rectrack.gateway.readmodel;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the read model's consumers, lag measurement and rebuild. */
@ConfigMapping(prefix = "rectrack.read-model")
public interface ReadModelConfig {

    /** Bound on one question to Kafka when measuring the lag. */
    @WithDefault("3s")
    Duration lagTimeout();

    /** How often the instant the read model has reached on every partition is measured ({@link KnownAtWatermark}). */
    @WithDefault("100ms")
    Duration watermarkInterval();

    /**
     * How far the broker's clock may be behind the gateway's: an instant is claimed as reached only this long after it,
     * so that a record the broker stamps with a slightly earlier instant cannot arrive after the claim.
     */
    @WithDefault("20ms")
    Duration clockSkew();

    /**
     * The consumer lag (records not yet applied, on either topic) past which the gateway reports itself not ready
     * ({@link ReadModelHealth}), so that a load balancer sends readers elsewhere or says 503 rather than answers known
     * only long ago: a read model replaying from empty, or stuck. Unset (the default): a lag never makes it unready.
     * Gateways share one read model, so they pass the limit together; set it well above a burst of writes.
     */
    Optional<Long> readyLagLimit();

    /** How long a question about a {@code knownAt} the read model has not reached yet waits before a 503. */
    @WithDefault("2s")
    Duration knownAtWait();

    /** How long a write's answer waits for the read model to show what it wrote ({@link ReadYourWrites}). */
    @WithDefault("5s")
    Duration readYourWritesWait();

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
