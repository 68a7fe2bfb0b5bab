package org.rectrack.recommendations.importing;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How whole-report import jobs are run ({@code rectrack.import-jobs.*}). */
@ConfigMapping(prefix = "rectrack.import-jobs")
public interface ImportJobConfig {

    /**
     * A running job whose runner gave no sign of life for this long is taken over by another instance (or by this
     * one after a restart): its runner writes one after every country, which takes well under a second.
     */
    @WithDefault("30s")
    Duration silentAfter();

    /** How often each instance looks for jobs to take over. */
    @WithDefault("10s")
    Duration lookEvery();

    /**
     * How many times a job may be taken over; past that it fails instead (a country that stops every runner that
     * tries it must not be tried forever).
     */
    @WithDefault("3")
    int maxResumes();
}
