package org.rectrack.recommendations.publishing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.deploy.infra.testing.KafkaBrokerControl;
import org.rectrack.deploy.infra.testing.TestTokens;
import org.rectrack.deploy.infra.testing.TopicReader;
import org.rectrack.events.EventCodec;
import org.rectrack.events.EventEnvelope;
import org.rectrack.events.Topics;
import org.rectrack.events.outbox.OutboxRelay;
import org.rectrack.recommendations.TestReports;

/** Changes made while events cannot be sent are delivered later: all of them, once, in order. */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class OutboxDeliveryTest {

    @Inject
    OutboxRelay relay;

    @Inject
    EventCodec codec;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void changesMadeWhileTheRelayIsStoppedAreAllDeliveredInVersionOrderWhenItRestarts() {
        relay.stop();
        Set<String> keys;
        try {
            keys = publishAndReviseTwice();
            assertThat(relay.pending()).isGreaterThanOrEqualTo(6);
            assertThat(TopicReader.read(kafka, Topics.RECOMMENDATIONS, keys, 1, Duration.ofSeconds(2))).isEmpty();
        } finally {
            relay.start();
        }

        assertDeliveredOnceInOrder(keys);
    }

    @Test
    void changesMadeWhileTheBrokerIsDownAreAllDeliveredWhenItIsBack() {
        KafkaBrokerControl broker = KafkaBrokerControl.fromConfig();
        broker.stop();
        Set<String> keys;
        try {
            keys = publishAndReviseTwice();
        } finally {
            broker.start();
        }

        assertDeliveredOnceInOrder(keys);
    }

    /**
     * Another instance of the service sending a batch holds the relay's lock; this instance's relay, woken by its own
     * commits meanwhile, must send them as soon as the lock is let go, not at its next poll (2 s later): with two
     * instances, every event written during the other's batch waited for that poll.
     */
    @Test
    void changesMadeWhileAnotherInstanceSendsGoOutAsSoonAsItLetsGo() throws SQLException {
        Set<String> keys;
        try (Connection otherInstance = dataSource.getConnection()) {
            otherInstance.setAutoCommit(false);
            try (PreparedStatement lock = otherInstance.prepareStatement("select pg_advisory_xact_lock(?)")) {
                lock.setLong(1, OutboxRelay.RELAY_LOCK);
                lock.execute();
            }
            keys = publishAndReviseTwice();
            assertThat(relay.pending()).as("events written while the other instance sends").isGreaterThanOrEqualTo(6);
            otherInstance.commit();
        }

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(relay.pending()).as("events still waiting").isZero());
        assertDeliveredOnceInOrder(keys);
    }

    /** One report with three recommendations, the first revised twice: six events in all. */
    private static Set<String> publishAndReviseTwice() {
        var published = TestReports.publish(TestReports.report(2023, "One", "Two", "Three"))
                .statusCode(201).extract().jsonPath();
        List<String> ids = published.getList("recommendations.id");
        for (String text : List.of("One, revised", "One, revised again")) {
            given().auth().oauth2(TestTokens.forRole("admin")).contentType(ContentType.JSON)
                    .body(Map.of("text", text, "reason", "wording"))
                    .post("/api/v1/recommendations/" + ids.getFirst() + "/revisions")
                    .then().statusCode(201);
        }
        Set<String> keys = new HashSet<>(ids);
        keys.add(published.getString("id"));
        return keys;
    }

    private void assertDeliveredOnceInOrder(Set<String> keys) {
        List<ConsumerRecord<String, String>> records = TopicReader.read(kafka, Topics.RECOMMENDATIONS, keys, 6,
                Duration.ofSeconds(60));

        Map<UUID, List<Long>> versions = records.stream()
                .map(record -> codec.decode(record.value()))
                .collect(Collectors.groupingBy(EventEnvelope::aggregateId,
                        Collectors.mapping(EventEnvelope::aggregateVersion, Collectors.toList())));
        assertThat(records).hasSize(6);
        assertThat(versions).hasSize(4);
        assertThat(versions.values()).allSatisfy(list -> assertThat(list).isSorted().doesNotHaveDuplicates());
        assertThat(versions.values()).anySatisfy(list -> assertThat(list).containsExactly(1L, 2L, 3L));
    }
}
