package org.rectrack.gateway.readmodel;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.rectrack.events.EventCodec.MalformedEventException;
import org.rectrack.events.inbox.PolledRecords;
import org.rectrack.events.inbox.ShuttingDown;

/**
 * Feeds the read model from {@code rectrack.recommendations.v1} and {@code rectrack.evidence.v1}, each poll's records
 * in one transaction ({@link ReadModelProjector#apply(List)}; SmallRye's batch mode, {@code batch=true} in
 * application.properties). Record by record, a transaction and its commit each, the gateway applied a backlog at 300
 * to 700 events a second; the rebuild, a poll a transaction, at about 9,000.
 *
 * <p>What each record gets is what it got one by one: when the batch's transaction fails, it is rolled back and its
 * records are applied one by one, each in its own transaction ({@link #applyAlone}). An event that cannot be read
 * then goes to the channel's dead-letter topic with the reason at once, alone (its record nacked, not the batch, whose
 * nack would dead-letter every record of it), and the partition moves past it; any other failure (the database away
 * for a moment) is tried again, each time in a new transaction, until it succeeds: a valid event is never
 * dead-lettered because the database was away for a while (the partition waits meanwhile, and the lag says so).
 *
 * <p>Once the gateway begins to stop ({@link ShuttingDown}), the consumers apply nothing more and stop trying again:
 * what they have not applied is neither acknowledged nor skipped, and whichever instance consumes the partition next
 * reads it again from the read model's progress ({@link SeekToReadModelProgress}). Trying on would only meet a
 * database connection pool already closed, and hold the stop back (with two gateways, some 16 s).
 */
@ApplicationScoped
public class ReadModelConsumer {

    static final String RECOMMENDATIONS = "recommendations";
    static final String EVIDENCE = "evidence";

    /** Thrown by {@link #applyAlone} once the gateway is stopping: the record was not applied, nor skipped. */
    static final class Stopping extends RuntimeException {

        Stopping() {
            super("the gateway is stopping", null, false, false);
        }
    }

    private final ReadModelProjector projector;
    private final RebuildGate gate;
    private final KnownAtWatermark watermark;
    private final ReadYourWrites readYourWrites;
    private final ShuttingDown shuttingDown;

    ReadModelConsumer(ReadModelProjector projector, RebuildGate gate, KnownAtWatermark watermark,
            ReadYourWrites readYourWrites, ShuttingDown shuttingDown) {
        this.projector = projector;
        this.gate = gate;
        this.watermark = watermark;
        this.readYourWrites = readYourWrites;
        this.shuttingDown = shuttingDown;
    }

    @Incoming(RECOMMENDATIONS)
    @Blocking
    public CompletionStage<Void> recommendations(KafkaRecordBatch<String, String> batch) {
        return apply(batch);
    }

    @Incoming(EVIDENCE)
    @Blocking
    public CompletionStage<Void> evidence(KafkaRecordBatch<String, String> batch) {
        return apply(batch);
    }

    /**
     * Applies a poll's records in one transaction, or, when it fails, one by one; acknowledges each record applied
     * (or already applied) and nacks each that cannot be, which sends it alone to the dead-letter topic.
     *
     * @return done once every record's acknowledgement (and dead letter) is
     */
    private CompletionStage<Void> apply(KafkaRecordBatch<String, String> batch) {
        List<KafkaRecord<String, String>> messages = batch.getRecords();
        List<ConsumerRecord<String, String>> records = PolledRecords.records(messages);
        if (shuttingDown.begun() || records.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        if (records.size() > 1) {
            try {
                gate.whileOpen(() -> projector.apply(records));
                committed(ReadModelProjector.latestRecordedAt(records));
                return PolledRecords.allOf(messages.stream().map(KafkaRecord::ack).toList());
            } catch (RuntimeException e) {
                // Rolled back: one by one, the record that cannot be applied goes alone to the dead-letter topic, and
                // a database away is waited for as before.
                Log.debugf("Applying a batch of %d records one by one: %s", records.size(), e.toString());
            }
        }
        List<CompletionStage<Void>> done = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            try {
                applyAlone(records.get(i));
                done.add(messages.get(i).ack());
            } catch (MalformedEventException e) {
                done.add(messages.get(i).nack(e));
            } catch (Stopping e) {
                break; // the rest is read again, from the read model's progress, by whoever consumes it next
            }
        }
        return PolledRecords.allOf(done);
    }

    /**
     * Applies one record in a transaction of its own, trying again until it is applied: a record that cannot be is
     * recorded as skipped and thrown for the dead-letter topic, and once the gateway is stopping nothing is tried.
     * Not private: SmallRye Fault Tolerance intercepts it (Quarkus intercepts a bean's calls to itself).
     *
     * @throws MalformedEventException if the record's event cannot be applied (the partition has moved past it)
     * @throws Stopping                if the gateway began to stop before it was applied
     */
    @Retry(maxRetries = -1, delay = 200, maxDuration = 0,
            abortOn = { MalformedEventException.class, Stopping.class })
    @ExponentialBackoff(maxDelay = 10, maxDelayUnit = ChronoUnit.SECONDS)
    void applyAlone(ConsumerRecord<String, String> record) {
        if (shuttingDown.begun()) {
            throw new Stopping();
        }
        try {
            gate.whileOpen(() -> projector.apply(record));
        } catch (MalformedEventException e) {
            // Off to the dead-letter topic: the partition moves past it all the same.
            gate.whileOpen(() -> {
                projector.skipped(record);
                return null;
            });
            throw e;
        } finally {
            committed(ReadModelProjector.recordedAt(record));
        }
    }

    /** Committed (or moved past): waiting writes look again, and the watermark may pass it now, not at its interval. */
    private void committed(Instant latestRecordedAt) {
        readYourWrites.recordCommitted();
        watermark.nudge(latestRecordedAt);
    }

}
