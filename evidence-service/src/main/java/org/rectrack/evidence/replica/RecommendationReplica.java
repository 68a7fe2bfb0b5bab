package org.rectrack.evidence.replica;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.All;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.rectrack.events.EventCodec;
import org.rectrack.events.EventCodec.MalformedEventException;
import org.rectrack.events.EventEnvelope;
import org.rectrack.events.inbox.EventInbox;
import org.rectrack.events.inbox.PolledRecords;
import org.rectrack.events.inbox.ShuttingDown;
import org.rectrack.events.recommendations.RecommendationChanged;

/**
 * Keeps the table of known recommendations up to date from {@code rectrack.recommendations.v1}, so that
 * evidence for an unknown or withdrawn recommendation is refused without asking another service. Each poll's records
 * are applied together, a transaction for each run of them that no {@link AfterRecommendations follower} takes
 * (SmallRye's batch mode, {@code batch=true} in application.properties): one transaction per record, the replica
 * applied some 125 records a second on two busy cores, and evidence for a report just published was refused for as
 * long as the backlog before it took.
 *
 * <p>What each record gets is what it got one by one: when a run's transaction fails, it is rolled back and its
 * records are applied one by one ({@link #applyAlone}). An event that cannot be read then goes to the dead-letter
 * topic with the reason at once, alone, and the partition moves past it; any other failure (the database away) is
 * tried again, each time in a new transaction, until it succeeds: a valid event is never dead-lettered for an outage,
 * however long (the partition waits meanwhile). Other events on the topic that must follow the recommendations they
 * name (an import's draft evidence) go to the {@link AfterRecommendations} in the same order, one by one, after
 * everything before them is committed. Each record handled moves the {@link ReplicaProgress} on, in the transaction
 * that applies it.
 */
@ApplicationScoped
public class RecommendationReplica {

    static final String CHANNEL = "recommendations";

    /** Thrown by {@link #applyAlone} once the service is stopping: the record was not applied, nor skipped. */
    static final class Stopping extends RuntimeException {

        Stopping() {
            super("the evidence-service is stopping", null, false, false);
        }
    }

    private final EventCodec codec;
    private final EventInbox inbox;
    private final List<AfterRecommendations> followers;
    private final ReplicaProgress progress;
    private final ShuttingDown shuttingDown;

    RecommendationReplica(EventCodec codec, EventInbox inbox, @All List<AfterRecommendations> followers,
            ReplicaProgress progress, ShuttingDown shuttingDown) {
        this.codec = codec;
        this.inbox = inbox;
        this.followers = followers;
        this.progress = progress;
        this.shuttingDown = shuttingDown;
    }

    /**
     * Applies a poll's records in their order: each run of records no follower takes in one transaction, each record
     * a follower takes (or that cannot be read) alone; acknowledges each record applied (or already applied) and
     * nacks each that cannot be, which sends it alone to the dead-letter topic. Once the service is stopping, the rest
     * is neither.
     *
     * @return done once every record's acknowledgement (and dead letter) is
     */
    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> apply(KafkaRecordBatch<String, String> batch) {
        List<KafkaRecord<String, String>> messages = batch.getRecords();
        List<ConsumerRecord<String, String>> records = PolledRecords.records(messages);
        List<EventEnvelope<?>> events = records.stream().map(this::decodedOrNull).toList();
        List<CompletionStage<Void>> done = new ArrayList<>();
        int from = 0;
        while (from < records.size() && !shuttingDown.begun()) {
            int to = from;
            while (to < records.size() && events.get(to) != null && !followed(events.get(to))) {
                to++;
            }
            if (to == from) {
                to = from + 1; // a record a follower takes, or that cannot be read: alone
                done.addAll(oneByOne(messages.subList(from, to), records.subList(from, to)));
            } else {
                done.addAll(applyTogether(messages.subList(from, to), records.subList(from, to),
                        events.subList(from, to)));
            }
            from = to;
        }
        return PolledRecords.allOf(done);
    }

    /** A run of records no follower takes, in one transaction; one by one when that fails. */
    private List<CompletionStage<Void>> applyTogether(List<KafkaRecord<String, String>> messages,
            List<ConsumerRecord<String, String>> records, List<EventEnvelope<?>> events) {
        try {
            QuarkusTransaction.requiringNew().run(() -> applyInTransaction(records, events));
            return messages.stream().map(KafkaRecord::ack).toList();
        } catch (RuntimeException e) {
            // Rolled back: one by one, the record that cannot be applied goes alone to the dead-letter topic, and a
            // database away is waited for as before.
            Log.debugf("Applying %d records one by one: %s", records.size(), e.toString());
            return oneByOne(messages, records);
        }
    }

    /**
     * Each record alone ({@link #applyAlone}), in order, until the service is stopping: the rest is then read again,
     * from the replica's progress, by whoever consumes the partition next.
     *
     * @return each record's acknowledgement, or its dead letter
     */
    private List<CompletionStage<Void>> oneByOne(List<KafkaRecord<String, String>> messages,
            List<ConsumerRecord<String, String>> records) {
        List<CompletionStage<Void>> done = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            CompletionStage<Void> handled = applyOne(messages.get(i), records.get(i));
            if (handled == null) {
                break;
            }
            done.add(handled);
        }
        return done;
    }

    /** @return the record's acknowledgement, or its dead letter; null when the service is stopping */
    private CompletionStage<Void> applyOne(KafkaRecord<String, String> message, ConsumerRecord<String, String> record) {
        try {
            applyAlone(record);
            return message.ack();
        } catch (MalformedEventException e) {
            return message.nack(e);
        } catch (Stopping e) {
            return null;
        }
    }

    /**
     * Applies one record in a transaction of its own (a follower's in its own), trying again until it is applied: a
     * record that cannot be is recorded as handled and thrown for the dead-letter topic, and once the service is
     * stopping nothing is tried. Not private: SmallRye Fault Tolerance intercepts it (Quarkus intercepts a bean's calls
     * to itself).
     *
     * @throws MalformedEventException if the record's event cannot be applied (the partition has moved past it)
     * @throws Stopping                if the service began to stop before it was applied
     */
    @Retry(maxRetries = -1, delay = 200, maxDuration = 0,
            abortOn = { MalformedEventException.class, Stopping.class })
    @ExponentialBackoff(maxDelay = 10, maxDelayUnit = ChronoUnit.SECONDS)
    void applyAlone(ConsumerRecord<String, String> record) {
        if (shuttingDown.begun()) {
            // Nothing more is applied, nor tried again, once the service stops (the database closes under it).
            throw new Stopping();
        }
        try {
            applyEvent(record);
        } catch (MalformedEventException e) {
            // Off to the dead-letter topic: the partition moves past it all the same.
            QuarkusTransaction.requiringNew().run(() -> progress.handled(List.of(record)));
            throw e;
        }
    }

    private void applyEvent(ConsumerRecord<String, String> record) {
        EventEnvelope<?> event = codec.decode(record.value());
        if (!(event.data() instanceof RecommendationChanged)) {
            // Reports share the topic and are not needed here; draft evidence is, after its recommendation. The
            // followers commit on their own, so the position follows them (a crash between the two hands the record
            // to them again, which a follower ignores as it ignores any redelivery).
            followers.forEach(follower -> follower.apply(event));
        }
        QuarkusTransaction.requiringNew().run(() -> applyInTransaction(List.of(record), List.of(event)));
    }

    /**
     * Applies the recommendations' states these events carry (the others were a follower's, or nobody's), once each
     * ({@link EventInbox}), and moves the progress past the records, in the caller's transaction.
     *
     * @throws MalformedEventException when an event's state cannot be stored; the transaction must be rolled back
     */
    private void applyInTransaction(List<ConsumerRecord<String, String>> records, List<EventEnvelope<?>> events) {
        List<EventEnvelope<?>> changes = new ArrayList<>();
        for (EventEnvelope<?> event : events) {
            if (event.data() instanceof RecommendationChanged recommendation) {
                check(event, recommendation);
                changes.add(event);
            }
        }
        inbox.applyOnce(changes, claimed -> known(changes, claimed));
        progress.handled(records);
    }

    /**
     * Writes the claimed recommendations' states, in the order given (a later version of the same recommendation after
     * an earlier one), each row read once.
     */
    private static void known(List<EventEnvelope<?>> changes, boolean[] claimed) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            if (claimed[i]) {
                ids.add(changes.get(i).aggregateId());
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        Map<UUID, KnownRecommendation> rows = new HashMap<>();
        KnownRecommendation.<KnownRecommendation> list("id in ?1", ids).forEach(row -> rows.put(row.id, row));
        for (int i = 0; i < changes.size(); i++) {
            if (!claimed[i]) {
                continue;
            }
            EventEnvelope<?> event = changes.get(i);
            RecommendationChanged recommendation = (RecommendationChanged) event.data();
            KnownRecommendation known = rows.get(recommendation.id());
            boolean first = known == null;
            if (first) {
                known = new KnownRecommendation();
                known.id = recommendation.id();
                rows.put(known.id, known);
            }
            known.code = recommendation.code();
            known.country = recommendation.country();
            known.year = recommendation.year();
            known.state = recommendation.state();
            known.version = event.aggregateVersion();
            known.updatedAt = recommendation.changedAt() != null ? recommendation.changedAt() : event.occurredAt();
            if (first) {
                known.persist();
            }
        }
    }

    /** Whether a follower takes the event: it is then applied alone, after everything before it is committed. */
    private boolean followed(EventEnvelope<?> event) {
        return followers.stream().anyMatch(follower -> follower.follows(event));
    }

    /** The record's event, or null when it cannot be read (it is then applied alone, and dead-lettered). */
    private EventEnvelope<?> decodedOrNull(ConsumerRecord<String, String> record) {
        try {
            return codec.decode(record.value());
        } catch (MalformedEventException e) {
            return null;
        }
    }

    /** What the table needs and the codec cannot know: the state belongs to the aggregate the envelope names. */
    private static void check(EventEnvelope<?> event, RecommendationChanged recommendation) {
        if (!event.aggregateId().equals(recommendation.id())) {
            throw new MalformedEventException("aggregateId " + event.aggregateId() + " differs from data.id " + recommendation.id());
        }
        if (recommendation.code() == null || recommendation.country() == null || recommendation.state() == null) {
            throw new MalformedEventException("recommendation " + recommendation.id() + " lacks code, country or state");
        }
    }
}
