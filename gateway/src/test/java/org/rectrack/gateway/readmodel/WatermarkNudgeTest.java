package org.rectrack.gateway.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
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

    @Inject
    AgroalDataSource dataSource;

    @Inject
    KnownAtWatermark watermark;

    @Test
    void aRecordAppliedByAnotherInstanceIsKnownWithoutWaitingForTheInterval() throws SQLException {
        TestEvents.awaitKnown(TestEvents.publish(TestEvents.report(UUID.randomUUID(), 1,
                TestEvents.uniqueCountryYear(), Tier.TIER_1, Instant.now())));
        Instant applied = Instant.now();

        // Another instance's consumers commit the progress of a partition they applied a record on.
        try (Connection otherInstance = dataSource.getConnection();
                PreparedStatement progress = otherInstance.prepareStatement(
                        "update read_model_progress set last_recorded_at = ? where (topic, partition) in"
                                + " (select topic, partition from read_model_progress limit 1)")) {
            progress.setObject(1, OffsetDateTime.ofInstant(applied, ZoneOffset.UTC));
            assertThat(progress.executeUpdate()).isOne();
        }

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(watermark.reached().watermark())
                .as("the watermark, measured every hour").isAfterOrEqualTo(applied));
    }

    @Test
    void aRecordAppliedByThisInstanceIsKnownWithoutWaitingForTheInterval() {
        var sent = TestEvents.publish(TestEvents.report(UUID.randomUUID(), 1, TestEvents.uniqueCountryYear(), Tier.TIER_1,
                Instant.now()));

        TestEvents.awaitKnown(sent);
    }

    @Test
    void anAnswerAsKnownNowIsGivenWithoutWaitingForTheInterval() {
        TestEvents.awaitKnown(TestEvents.publish(TestEvents.report(UUID.randomUUID(), 1,
                TestEvents.uniqueCountryYear(), Tier.TIER_1, Instant.now())));
        // A compliance report leaves knownAt to now: it waits until the read model has reached this instant.
        Instant now = Instant.now();

        assertThat(watermark.await(now, Duration.ofSeconds(5))).as("reached within 5 s, measured every hour").isTrue();
        assertThat(watermark.reached().watermark()).isAfterOrEqualTo(now);
    }
}
