package org.rectrack.gateway.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;

/**
 * The read model's questions are planned for the values they are asked with. PostgreSQL plans a prepared statement
 * (the JDBC driver prepares one on the server from its fifth use) afresh for its first five executions, then may keep
 * one generic plan for any values; for the questions of the evidence on a country's recommendations that plan took
 * 14 s where a plan for the values took 0.1 s, so a compliance report took 0.3 s five times on a connection and 14 s
 * ever after. The gateway's connections set {@code plan_cache_mode=force_custom_plan} (platform's shared settings).
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class QueryPlansTest {

    @Inject
    ReadModel readModel;

    @Inject
    EntityManager entityManager;

    @Test
    @Transactional
    void aQuestionAskedAgainAndAgainIsPlannedForItsValuesEachTime() {
        List<UUID> recommendations = Stream.generate(UUID::randomUUID).limit(12).toList();
        for (int asked = 0; asked < 20; asked++) {
            TimeFrame frame = new TimeFrame(LocalDate.now(), Instant.now());
            readModel.evidenceOn(recommendations, frame);
            readModel.verifiedEvidenceOn(recommendations, frame);
        }

        // One transaction, one connection: the server-side statements of its session include the one just used.
        Object[] plans = (Object[]) entityManager.createNativeQuery("select coalesce(sum(custom_plans), 0),"
                + " coalesce(sum(generic_plans), 0) from pg_prepared_statements"
                + " where statement like '%evidence_version_link%' and cardinality(parameter_types) > 0")
                .getSingleResult();
        assertThat(((Number) plans[0]).longValue()).as("executions planned for their values").isPositive();
        assertThat(((Number) plans[1]).longValue()).as("executions with a generic plan").isZero();
    }
}
