package org.rectrack.gateway.readmodel;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.events.recommendations.Tier;
import org.rectrack.gateway.TestEvents;

/**
 * The {@code knownAt} watermark moves as soon as this instance has applied a record, not at its next interval: with the
 * interval an hour, a record published now is still counted within the wait (30 s) of {@link TestEvents#awaitKnown}.
 */
@QuarkusTest
@TestProfile(WatermarkNudgeTest.IntervalOfAnHour.class)
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class WatermarkNudgeTest {

    /** The periodic measurement once an hour: only the consumers' nudges can move the watermark in a test's time. */
    public static class IntervalOfAnHour implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rectrack.read-model.watermark-interval", "1h");
        }
    }

    @Test
    void aRecordAppliedByThisInstanceIsKnownWithoutWaitingForTheInterval() {
        var sent = TestEvents.publish(TestEvents.report(UUID.randomUUID(), 1, TestEvents.uniqueCountryYear(), Tier.TIER_1,
                Instant.now()));

        TestEvents.awaitKnown(sent);
    }
}
