package org.rectrack.gateway.readmodel;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The read model's consumer lag and {@code knownAt} watermark, as readiness. A lag makes the gateway unready only past
 * {@code rectrack.read-model.ready-lag-limit} (unset: never): below it the gateway still answers, only from a slightly
 * older state. Kafka being away is reported by the Kafka connector's own check. The watermark (the instant up to which
 * the read model holds everything recorded, ISO-8601) and the latest change at or before it tell an operator whether
 * answers move on: a watermark that stays behind while the lag is zero points at the measurement, a lag that grows at
 * the consumers.
 */
@Readiness
@ApplicationScoped
public class ReadModelHealth implements HealthCheck {

    private final ConsumerLag lag;
    private final KnownAtWatermark watermark;
    private final ReadModelConfig config;

    ReadModelHealth(ConsumerLag lag, KnownAtWatermark watermark, ReadModelConfig config) {
        this.lag = lag;
        this.watermark = watermark;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("read-model").up();
        // The last measurement (every few seconds): a probe never waits on Kafka.
        var measured = lag.lastMeasured();
        long limit = config.readyLagLimit().orElse(Long.MAX_VALUE);
        for (String topic : ConsumerLag.TOPICS) {
            String key = "lag " + topic;
            Long value = measured.get(topic);
            if (value == null) {
                response.withData(key, "unknown");
            } else {
                response.withData(key, value);
                if (value > limit) {
                    response.down();
                }
            }
        }
        config.readyLagLimit().ifPresent(set -> response.withData("ready lag limit", set));
        KnownAtWatermark.Reached reached = watermark.reached();
        response.withData("known-at watermark", reached.watermark().toString());
        response.withData("latest change", reached.latestChange().toString());
        return response.build();
    }
}
