package org.rectrack.events.kafka;

import java.util.Map;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.common.annotation.Identifier;

/**
 * The settings of every Kafka client that rectrack creates by hand (the outbox relay's producer, the gateway's
 * lag and rebuild clients): the same {@code kafka.*} configuration as the Quarkus messaging channels
 * ({@code bootstrap.servers}, {@code security.protocol}, {@code sasl.*}, {@code ssl.*}…), so a secured production
 * cluster needs its settings once. Quarkus exposes that configuration as the {@code default-kafka-broker} map.
 */
@ApplicationScoped
public class KafkaClientSettings {

    private final Map<String, Object> broker;

    KafkaClientSettings(@Identifier("default-kafka-broker") Map<String, Object> broker) {
        this.broker = broker;
    }

    /**
     * A new set of client properties: the shared {@code kafka.*} settings, then the client's own on top.
     *
     * @param clientId the {@code client.id} the broker sees in its logs and quotas
     * @param own settings that only this client needs (serializers, acks…); they win over the shared ones
     */
    public Properties forClient(String clientId, Map<String, Object> own) {
        Properties properties = new Properties();
        broker.forEach((key, value) -> {
            if (value != null) {
                properties.put(key, value);
            }
        });
        properties.put("client.id", clientId);
        properties.putAll(own);
        return properties;
    }
}
