package org.rectrack.gateway.reports;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long an import waits for the evidence-service to learn of the recommendations its draft evidence names. */
@ConfigMapping(prefix = "rectrack.import.draft-evidence")
public interface DraftEvidenceConfig {

    /** The first wait after an "unknown recommendation"; each further wait is twice the one before. */
    @WithDefault("200ms")
    Duration firstBackoff();

    /** The most one import waits in all; after that each remaining draft is tried once. */
    @WithDefault("10s")
    Duration maxWait();
}
