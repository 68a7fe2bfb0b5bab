package org.rectrack.deploy.infra.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.Kafka;

class InfrastructureTestResourceTest {

    @Test
    void givesEachStartAFreshDatabaseOnTheSharedServer() throws Exception {
        Map<String, String> first = startWith(Map.of("database", "fresh"));
        Map<String, String> second = startWith(Map.of("database", "fresh"));

        assertTrue(first.get("quarkus.datasource.jdbc.url").endsWith("/fresh"));
        assertTrue(second.get("quarkus.datasource.jdbc.url").endsWith("/fresh_2"));
        assertEquals(first.get("kafka.bootstrap.servers"), second.get("kafka.bootstrap.servers"));
        try (Connection connection = DriverManager.getConnection(second.get("quarkus.datasource.jdbc.url"),
                second.get("quarkus.datasource.username"), second.get("quarkus.datasource.password"))) {
            assertTrue(connection.isValid(2));
        }
    }

    @Test
    void pointsJwtVerificationAtTheDevelopmentKeyOnTheClasspath() throws Exception {
        Map<String, String> config = startWith(Map.of());

        assertEquals(TestTokens.ISSUER, config.get("mp.jwt.verify.issuer"));
        try (InputStream key = getClass().getClassLoader().getResourceAsStream(config.get("mp.jwt.verify.publickey.location"))) {
            assertNotNull(key, "the public key is a classpath resource");
        }
    }

    @Test
    void controlStopsAndRestartsTheBrokerFromItsConfigValue() throws Exception {
        Map<String, String> config = startWith(Map.of());
        String bootstrap = config.get("kafka.bootstrap.servers");
        Kafka.send(bootstrap, "control", "key-1", "sent before the outage");

        KafkaBrokerControl broker = KafkaBrokerControl.fromConfig(config.get(KafkaBrokerControl.CONFIG_KEY));
        broker.stop();
        assertNotEquals(true, broker.isRunning());
        long begin = System.nanoTime();
        broker.start();
        System.out.printf("Kafka restart through KafkaBrokerControl: %d ms%n", (System.nanoTime() - begin) / 1_000_000);

        assertEquals(bootstrap, broker.bootstrapServers());
        assertEquals("sent before the outage", Kafka.receiveFirst(bootstrap, "control"));
    }

    private static Map<String, String> startWith(Map<String, String> initArgs) {
        InfrastructureTestResource resource = new InfrastructureTestResource();
        resource.init(initArgs);
        return resource.start();
    }
}
