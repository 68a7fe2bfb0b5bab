package org.rectrack.gateway.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.gateway.TestEvents;

/**
 * Every table the migrations create is sorted into what a rebuild wipes and what it keeps, so that a table added later
 * is not silently left out of the rebuild (stale rows beside replayed ones) nor wiped by it (records no topic brings
 * back).
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class ReadModelTablesTest {

    @Test
    void everyTableIsEitherRebuiltFromTheTopicsOrKeptAndNeverBoth() {
        List<String> tables = QuarkusTransaction.requiringNew().call(() -> TestEvents.entityManager()
                .createNativeQuery("select table_name from information_schema.tables where table_schema = current_schema()"
                        + " and table_type = 'BASE TABLE'", String.class)
                .getResultList().stream().map(String.class::cast).toList());
        List<String> sorted = new ArrayList<>(ReadModelTables.FROM_THE_TOPICS);
        sorted.addAll(ReadModelTables.NOT_FROM_THE_TOPICS);

        assertThat(sorted).as("tables named in ReadModelTables").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(tables);
    }
}
