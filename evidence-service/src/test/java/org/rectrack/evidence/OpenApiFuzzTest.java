package org.rectrack.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Set;
import java.util.UUID;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.deploy.infra.testing.fuzz.DatabaseFingerprint;
import org.rectrack.deploy.infra.testing.fuzz.FuzzReport;
import org.rectrack.deploy.infra.testing.fuzz.OpenApiFuzzer;

/**
 * Every operation of this service's OpenAPI document, driven with hostile input by {@link OpenApiFuzzer}: no 5xx,
 * every error problem+json, nothing accepted that is wrong whatever the data, and no write left behind by a 4xx
 * (row counts and version sums of the service's own tables; the outbox, which the relay empties, and the
 * recommendations replica and applied versions, which the consumer fills, are left out). Evidence names a
 * recommendation of this test's own, known to the replica, so valid submissions get past the replica check.
 *
 * <p>Run it alone, from the repository root:
 * <pre>
 * ./mvnw -pl evidence-service -am test -Dtest=OpenApiFuzzTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class OpenApiFuzzTest {

    @TestHTTPResource("/")
    URI root;

    @Test
    void noOperationAnswersHostileInputWithAServerErrorANonProblemOrALeftoverWrite() {
        UUID recommendation = TestRecommendations.active();
        Config config = ConfigProvider.getConfig();
        try (DatabaseFingerprint fingerprint = DatabaseFingerprint.of(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class),
                Set.of("outbox_event", "applied_version", "known_recommendation"))) {
            FuzzReport report = OpenApiFuzzer.against(root)
                    .maxBodyBytes(config.getValue("quarkus.http.limits.max-body-size", MemorySize.class).asLongValue())
                    .fingerprint(fingerprint)
                    .value("recommendationId", recommendation::toString)
                    .run();

            System.out.println(report.summary());
            assertThat(report.failures()).as(report.failuresText()).isEmpty();
        }
    }
}
