package org.rectrack.evidence.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.rectrack.evidence.TestEvidence.newOrganisation;
import static org.rectrack.evidence.TestEvidence.request;
import static org.rectrack.evidence.TestEvidence.reviewer;
import static org.rectrack.evidence.TestEvidence.submitted;
import static org.rectrack.evidence.TestEvidence.transition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import io.quarkus.logging.Log;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.InfrastructureTestResource;
import org.rectrack.evidence.TestRecommendations;
import org.rectrack.evidence.TopicRecords;
import org.rectrack.events.EventCodec;
import org.rectrack.events.Topics;
import org.rectrack.events.outbox.OutboxRelay;

/**
 * Many transactions writing at once commit in an order other than the one in which they took their outbox
 * sequence numbers; the relay must still send every row. Counts every event on the real topic against what the
 * service answered, round after round (20 reviewers verifying at once, as the outbox defect was first seen).
 */
@QuarkusTest
@WithTestResource(InfrastructureTestResource.class)
class OutboxConcurrencyTest {

    private static final int ROUNDS = 8;
    private static final int PER_ROUND = 20;

    @Inject
    EventCodec codec;

    @Inject
    OutboxRelay relay;

    @Test
    void everyVerificationAnsweredAtOnceFromManyThreadsReachesTheTopic() throws Exception {
        UUID recommendation = TestRecommendations.active();
        String organisation = newOrganisation();
        List<String> ids = new ArrayList<>();
        ExecutorService reviewers = Executors.newFixedThreadPool(PER_ROUND);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                List<String> batch = inParallel(reviewers, Collections.nCopies(PER_ROUND,
                        () -> submitted(organisation, request(recommendation))));
                inParallel(reviewers, batch.stream()
                        .<Callable<Integer>> map(id -> () -> transition(reviewer(), id, "verify", Map.of())
                                .statusCode(200).extract().statusCode())
                        .toList());
                ids.addAll(batch);
            }
        } finally {
            reviewers.shutdownNow();
        }
        int written = ids.size() * 2;

        List<ConsumerRecord<String, String>> records = TopicRecords.read(Topics.EVIDENCE, ids, written,
                Duration.ofSeconds(30));
        Map<String, List<Long>> versions = new TreeMap<>();
        records.forEach(record -> versions.computeIfAbsent(record.key(), key -> new ArrayList<>())
                .add(codec.decode(record.value()).aggregateVersion()));
        long lost = ids.stream().mapToLong(id -> 2 - versions.getOrDefault(id, List.of()).stream().distinct().count()).sum();
        long doubled = records.size() - (written - lost);
        Log.infof("Outbox under concurrency: %d writes answered, %d events on the topic, %d lost, %d sent twice",
                written, records.size(), lost, doubled);

        assertThat(lost).as("events answered 2xx but never published").isZero();
        ids.forEach(id -> assertThat(versions.get(id)).as("versions of " + id).isSorted()
                .containsAll(LongStream.rangeClosed(1, 2).boxed().toList()));
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.pending() == 0);
    }

    /** Runs the tasks at once and returns their results, or throws the first failure. */
    private static <T> List<T> inParallel(ExecutorService pool, List<Callable<T>> tasks) throws Exception {
        List<T> results = new ArrayList<>(tasks.size());
        for (Future<T> future : pool.invokeAll(tasks)) {
            results.add(future.get());
        }
        return results;
    }
}
