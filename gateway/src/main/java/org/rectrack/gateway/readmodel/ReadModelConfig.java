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
}
