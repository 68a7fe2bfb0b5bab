package org.rectrack.evidence.replica;

import java.time.temporal.ChronoUnit;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.All;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.rectrack.events.EventCodec;
import org.rectrack.events.EventCodec.MalformedEventException;
import org.rectrack.events.EventEnvelope;
import org.rectrack.events.EventType;
import org.rectrack.events.inbox.EventInbox;
import org.rectrack.events.inbox.ShuttingDown;
import org.rectrack.events.recommendations.RecommendationChanged;

/**
 * Keeps the table of known recommendations up to date from {@code rectrack.recommendations.v1}, so that
 * evidence for an unknown or withdrawn recommendation is refused without asking another service. An event
 * that cannot be read goes to the dead-letter topic with the reason at once; any other failure (the database
 * away) is tried again, each time in a new transaction, until it succeeds: a valid event is never dead-lettered
 * for an outage, however long (the partition waits meanwhile). Other events on the topic that must follow the
 * recommendations they name (an import's draft evidence) go to the {@link AfterRecommendations} in the same order.
 * Each record handled moves the {@link ReplicaProgress} on, with the recommendation it applies.
 */
@ApplicationScoped
public class RecommendationReplica {

    static final String CHANNEL = "recommendations";

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

    @Incoming(CHANNEL)
    @Blocking
    @Retry(maxRetries = -1, delay = 200, maxDuration = 0,
            abortOn = MalformedEventException.class)
    @ExponentialBackoff(maxDelay = 10, maxDelayUnit = ChronoUnit.SECONDS)
    public void apply(ConsumerRecord<String, String> record) {
        if (shuttingDown.begun()) {
            // Nothing more is applied, nor tried again, once the service stops (the database closes under it).
            // Neither applied nor moved past: read again from the replica's progress by whoever consumes it next.
            return;
        }
        try {
            applyEvent(record);
        } catch (MalformedEventException e) {
            // Off to the dead-letter topic: the partition moves past it all the same.
            QuarkusTransaction.requiringNew().run(() -> progress.handled(record));
            throw e;
        }
    }

    private void applyEvent(ConsumerRecord<String, String> record) {
        EventEnvelope<?> event = codec.decode(record.value());
        if (!(event.data() instanceof RecommendationChanged recommendation)) {
            // Reports share the topic and are not needed here; draft evidence is, after its recommendation. The
            // followers commit on their own, so the position follows them (a crash between the two hands the record
            // to them again, which a follower ignores as it ignores any redelivery).
            followers.forEach(follower -> follower.apply(event));
            QuarkusTransaction.requiringNew().run(() -> progress.handled(record));
            return;
        }
        check(event, recommendation);
        boolean applied = QuarkusTransaction.requiringNew().call(() -> {
            boolean changed = inbox.applyOnce(event, () -> {
                KnownRecommendation known = KnownRecommendation.<KnownRecommendation> findByIdOptional(recommendation.id())
                        .orElseGet(KnownRecommendation::new);
                known.id = recommendation.id();
                known.code = recommendation.code();
                known.country = recommendation.country();
                known.year = recommendation.year();
                known.state = recommendation.state();
                known.version = event.aggregateVersion();
                known.updatedAt = recommendation.changedAt() != null ? recommendation.changedAt() : event.occurredAt();
                known.persist();
            });
            progress.handled(record);
            return changed;
        });
        Log.debugf("%s %s version %d of recommendation %s", applied ? "Applied" : "Ignored already applied",
                EventType.RECOMMENDATION_CHANGED.name(), event.aggregateVersion(), recommendation.id());
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
