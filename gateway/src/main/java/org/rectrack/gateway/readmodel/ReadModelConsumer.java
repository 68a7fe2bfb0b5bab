package org.rectrack.gateway.readmodel;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.rectrack.events.EventCodec.MalformedEventException;

/**
 * Feeds the read model from {@code rectrack.recommendations.v1} and {@code rectrack.evidence.v1}, each record in
 * its own transaction (see {@link ReadModelProjector}). An event that cannot be read goes to the channel's
 * dead-letter topic with the reason at once; any other failure (the database away for a moment) is tried again,
 * each time in a new transaction, until it succeeds: a valid event is never dead-lettered because the
 * database was away for a while (the partition waits meanwhile, and the lag says so). An unreadable one moves on.
 */
@ApplicationScoped
public class ReadModelConsumer {

    static final String RECOMMENDATIONS = "recommendations";
    static final String EVIDENCE = "evidence";

    private final ReadModelProjector projector;
    private final RebuildGate gate;
    private final KnownAtWatermark watermark;
    private final ReadYourWrites readYourWrites;

    ReadModelConsumer(ReadModelProjector projector, RebuildGate gate, KnownAtWatermark watermark,
            ReadYourWrites readYourWrites) {
        this.projector = projector;
        this.gate = gate;
        this.watermark = watermark;
        this.readYourWrites = readYourWrites;
    }

    @Incoming(RECOMMENDATIONS)
    @Blocking
    @Retry(maxRetries = -1, delay = 200, maxDuration = 0,
            abortOn = MalformedEventException.class)
    @ExponentialBackoff(maxDelay = 10, maxDelayUnit = ChronoUnit.SECONDS)
    public void recommendations(ConsumerRecord<String, String> record) {
        apply(record);
    }

    @Incoming(EVIDENCE)
    @Blocking
    @Retry(maxRetries = -1, delay = 200, maxDuration = 0,
            abortOn = MalformedEventException.class)
    @ExponentialBackoff(maxDelay = 10, maxDelayUnit = ChronoUnit.SECONDS)
    public void evidence(ConsumerRecord<String, String> record) {
        apply(record);
    }

    private void apply(ConsumerRecord<String, String> record) {
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
            // Committed (or moved past): the watermark may pass it now, not only at its next interval.
            readYourWrites.recordCommitted();
            watermark.nudge(ReadModelProjector.recordedAt(record));
        }
    }
}
