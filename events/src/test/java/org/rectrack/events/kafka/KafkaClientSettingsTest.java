package org.rectrack.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** Hand-made clients get the channels' kafka.* settings, security included, and their own on top. */
class KafkaClientSettingsTest {

    private final KafkaClientSettings settings = new KafkaClientSettings(Map.of(
            "bootstrap.servers", "kafka-0.example:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "acks", "1"));

    @Test
    void aClientTakesTheSharedSecuritySettings() {
        Properties properties = settings.forClient("outbox-relay", Map.of());

        assertThat(properties).containsEntry("bootstrap.servers", "kafka-0.example:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("client.id", "outbox-relay");
    }

    @Test
    void aClientsOwnSettingsWinOverTheSharedOnes() {
        Properties properties = settings.forClient("outbox-relay", Map.of("acks", "all"));

        assertThat(properties).containsEntry("acks", "all");
    }
}
