package org.rectrack.gateway.readmodel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import org.apache.kafka.common.TopicPartition;
import org.rectrack.events.Topics;

/**
 * How far the read model is behind the topics: per topic, the records published but not yet handled by the
 * consumers. Measured against the topics' end offsets every few seconds; the position of each partition is the read
 * model's own progress ({@link ReadModelProgress}, shared by every gateway instance and the one the consumers start
 * from), not the group's committed offset, which is committed apart. Published as the gauge
 * {@value #GAUGE} (per topic) and in the readiness check.
 */
@ApplicationScoped
public class ConsumerLag {

    public static final String GAUGE = "rectrack.gateway.consumer.lag";
    public static final List<String> TOPICS = List.of(Topics.RECOMMENDATIONS, Topics.EVIDENCE);

    private final TopicOffsets offsets;
    private final ReadModelProgress progress;
    private volatile Map<String, Long> lastMeasured = Map.of();
    private final List<Meter> gauges = new ArrayList<>();
    private MeterRegistry registry;

    ConsumerLag(TopicOffsets offsets, ReadModelProgress progress) {
        this.offsets = offsets;
        this.progress = progress;
    }

    /**
     * Registers the gauges of this instance. The registry may be older than this application: Micrometer's global
     * registry lives as long as its class loader, which a restarted application can share (Quarkus tests restart it
     * for another set of test resources). A gauge already there would be kept, bound to an earlier instance, and
     * Micrometer holds a gauge's object only weakly, so once that instance is collected the new registries get no
     * gauge at all: hence the gauges are replaced here, hold this instance strongly, and go with it.
     */
    synchronized void registerGauges(@Observes StartupEvent start, MeterRegistry registry) {
        this.registry = registry;
        for (String topic : TOPICS) {
            registry.find(GAUGE).tag("topic", topic).meters().forEach(registry::remove);
            gauges.add(Gauge.builder(GAUGE, this, lag -> lag.lastMeasured().getOrDefault(topic, -1L).doubleValue())
                    .tag("topic", topic)
                    .description("records of the topic not yet applied to the gateway's read model (-1: unknown)")
                    .strongReference(true)
                    .register(registry));
        }
    }

    /** The lag per topic as last measured; a topic missing is one whose lag is not known. */
    public Map<String, Long> lastMeasured() {
        return lastMeasured;
    }

    @Scheduled(every = "${rectrack.read-model.lag-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        measure();
    }

    /**
     * How many records each dead-letter topic holds (what the read model could not apply, with the reason in each
     * record's headers), asked of Kafka now; a topic never created counts 0. Empty when Kafka does not answer in time.
     *
     * @param topics the dead-letter topics, as the channels' {@code dead-letter-queue.topic} name them
     */
    public Optional<Map<String, Long>> deadLetters(List<String> topics) {
        try {
            Set<TopicPartition> partitions = offsets.partitions(topics);
            Map<TopicPartition, Long> ends = offsets.ends(partitions);
            Map<TopicPartition, Long> starts = offsets.starts(partitions);
            Map<String, Long> counts = new HashMap<>();
            topics.forEach(topic -> counts.put(topic, 0L));
            partitions.forEach(partition -> counts.merge(partition.topic(),
                    ends.get(partition) - starts.get(partition), Long::sum));
            return Optional.of(Map.copyOf(counts));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            Log.debugf("Cannot count the dead letters: %s", e.toString());
            return Optional.empty();
        }
    }

    /** Asks Kafka now; empty when it does not answer in time. */
    public Optional<Map<String, Long>> measure() {
        try {
            Set<TopicPartition> partitions = offsets.partitions(TOPICS);
            if (!partitions.stream().map(TopicPartition::topic).collect(Collectors.toSet()).containsAll(TOPICS)) {
                // A topic not created yet: its lag is unknown, which the health check says.
                lastMeasured = Map.of();
                return Optional.empty();
            }
            Map<TopicPartition, Long> ends = offsets.ends(partitions);
            Map<TopicPartition, Long> starts = offsets.starts(partitions);
            Map<TopicPartition, ReadModelProgress.Position> positions = progress.positions();
            Map<String, Long> lag = new HashMap<>();
            TOPICS.forEach(topic -> lag.put(topic, 0L));
            for (TopicPartition partition : partitions) {
                ReadModelProgress.Position handled = positions.get(partition);
                long position = Math.max(starts.get(partition), handled == null ? 0L : handled.nextOffset());
                lag.merge(partition.topic(), Math.max(0, ends.get(partition) - position), Long::sum);
            }
            lastMeasured = Map.copyOf(lag);
            return Optional.of(lastMeasured);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (Exception e) {
            // Kafka away: the lag is unknown, which the health check says.
            Log.debugf("Cannot measure the consumer lag: %s", e.toString());
            lastMeasured = Map.of();
            return Optional.empty();
        }
    }

    @PreDestroy
    synchronized void close() {
        if (registry != null) {
            gauges.forEach(registry::remove);
            gauges.clear();
        }
    }
}
