package org.rectrack.gateway.endtoend;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.rectrack.deploy.infra.testing.TopicReader;

/**
 * Each piece of evidence's events on the evidence topic: versions 1..n, each first seen after the one before, and one
 * event per version. A version may be on the topic twice as the same event (same {@code event-id}): at least once, a
 * relay killed between Kafka's acknowledgement and its own commit sends its rows again, and consumers ignore the
 * second copy by aggregate version.
 *
 * @param records     records read for these pieces of evidence
 * @param redelivered records that repeat an event already on the topic
 * @param outOfOrder  evidence whose versions on the topic, as first seen, are not 1..n in order
 * @param conflicting evidence with two different events (different event ids) for one version
 */
record TopicCheck(long records, long redelivered, List<String> outOfOrder, List<String> conflicting) {

    static final String EVIDENCE_TOPIC = "rectrack.evidence.v1";

    /** Reads the topic until it holds every version of {@code owned} (the evidence-service's own view), 30 s at most. */
    static TopicCheck read(String bootstrapServers, Map<UUID, JsonNode> owned) {
        Set<String> keys = owned.keySet().stream().map(UUID::toString).collect(Collectors.toSet());
        int expected = (int) owned.values().stream().mapToLong(evidence -> evidence.path("version").asLong()).sum();
        List<ConsumerRecord<String, String>> records = TopicReader.read(bootstrapServers, EVIDENCE_TOPIC, keys,
                expected, Duration.ofSeconds(30));
        Map<String, List<Long>> versions = new LinkedHashMap<>();
        Map<String, Set<String>> eventIds = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            long version = Http.parse(record.value()).path("aggregateVersion").asLong();
            versions.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(version);
            Header eventId = record.headers().lastHeader("event-id");
            eventIds.computeIfAbsent(record.key() + " v" + version, key -> new TreeSet<>())
                    .add(eventId == null ? "(none)" : new String(eventId.value(), StandardCharsets.UTF_8));
        }
        long redelivered = 0;
        List<String> outOfOrder = new ArrayList<>();
        for (Map.Entry<UUID, JsonNode> evidence : owned.entrySet()) {
            List<Long> published = versions.getOrDefault(evidence.getKey().toString(), List.of());
            List<Long> firstSeen = published.stream().distinct().toList();
            redelivered += published.size() - firstSeen.size();
            List<Long> complete = new ArrayList<>();
            for (long v = 1; v <= evidence.getValue().path("version").asLong(); v++) {
                complete.add(v);
            }
            if (!firstSeen.equals(complete)) {
                outOfOrder.add(evidence.getKey() + " published " + published + ", owner at v" + complete.size());
            }
        }
        List<String> conflicting = eventIds.entrySet().stream().filter(version -> version.getValue().size() > 1)
                .map(version -> version.getKey() + " as events " + version.getValue()).toList();
        return new TopicCheck(records.size(), redelivered, outOfOrder, conflicting);
    }
}
