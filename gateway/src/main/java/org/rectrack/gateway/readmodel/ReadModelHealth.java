package org.rectrack.gateway.readmodel;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The read model's consumer lag, as readiness detail. A lag does not make the gateway unready: it still
 * answers, only from a slightly older state; Kafka being away is reported by the Kafka connector's own check.
 */
@Readiness
@ApplicationScoped
public class ReadModelHealth implements HealthCheck {

    private final ConsumerLag lag;

    ReadModelHealth(ConsumerLag lag) {
        this.lag = lag;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("read-model").up();
        // The last measurement (every few seconds): a probe never waits on Kafka.
        var measured = lag.lastMeasured();
        for (String topic : ConsumerLag.TOPICS) {
            String key = "lag " + topic;
            Long value = measured.get(topic);
            if (value == null) {
                response.withData(key, "unknown");
            } else {
                response.withData(key, value);
            }
        }
        return response.build();
    }
}
