package org.rectrack.events.inbox;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A poll's records as SmallRye's batch mode hands them to a consumer that applies them together ({@code batch=true}
 * on its channel): the Kafka records, in the order polled, beside the messages each is acknowledged (or dead-lettered)
 * through. The one way the services' consumers read a batch.
 */
public final class PolledRecords {

    private PolledRecords() {
    }

    /**
     * The Kafka record each message of a poll ({@link KafkaRecordBatch#getRecords()}) carries: topic, partition,
     * offset, key, value, timestamp; in the same order.
     */
    public static List<ConsumerRecord<String, String>> records(List<KafkaRecord<String, String>> messages) {
        return messages.stream().map(PolledRecords::record).toList();
    }

    /** @return done once every one of {@code stages} is (each record's acknowledgement, or dead letter) */
    public static CompletionStage<Void> allOf(List<CompletionStage<Void>> stages) {
        return CompletableFuture.allOf(stages.stream().map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture[]::new));
    }

    private static ConsumerRecord<String, String> record(KafkaRecord<String, String> message) {
        @SuppressWarnings("unchecked")
        ConsumerRecord<String, String> record = (ConsumerRecord<String, String>) message
                .getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow().getRecord();
        return record;
    }
}
