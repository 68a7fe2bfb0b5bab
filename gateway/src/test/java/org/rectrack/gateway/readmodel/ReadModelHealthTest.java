package org.rectrack.gateway.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.rectrack.events.Topics;

/**
 * The read model's readiness: the lag and the watermark as detail, and down only past the configured lag limit. One
 * class alone: the lag and the watermark are given, as last measured.
 */
class ReadModelHealthTest {

    private static final Instant WATERMARK = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void withoutALimitAnyLagIsReady() {
        HealthCheckResponse response = health(Optional.empty(), 5_000_000).call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData().orElseThrow()).containsEntry("lag " + Topics.EVIDENCE, 5_000_000L)
                .containsEntry("known-at watermark", WATERMARK.toString());
    }

    @Test
    void aLagPastTheLimitIsNotReadyAndOneAtItIs() {
        assertThat(health(Optional.of(1000L), 1001).call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(health(Optional.of(1000L), 1000).call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(health(Optional.of(1000L), 1001).call().getData().orElseThrow())
                .containsEntry("ready lag limit", 1000L);
    }

    private static ReadModelHealth health(Optional<Long> limit, long evidenceLag) {
        ConsumerLag lag = new ConsumerLag(null, null) {
            @Override
            public Map<String, Long> lastMeasured() {
                return Map.of(Topics.RECOMMENDATIONS, 0L, Topics.EVIDENCE, evidenceLag);
            }
        };
        KnownAtWatermark watermark = new KnownAtWatermark(null, null, null, null) {
            @Override
            public Reached reached() {
                return new Reached(WATERMARK, WATERMARK.minusSeconds(1));
            }
        };
        ReadModelConfig config = (ReadModelConfig) Proxy.newProxyInstance(ReadModelConfig.class.getClassLoader(),
                new Class<?>[] {ReadModelConfig.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("readyLagLimit")) {
                        return limit;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new ReadModelHealth(lag, watermark, config);
    }
}
