package org.rectrack.gateway.readmodel;

import java.time.Instant;

import org.rectrack.events.EventEnvelope;

/**
 * Told of each event the read model's consumers apply, inside the transaction that applies it, so that what it writes
 * commits (or rolls back) with the read model's row: how subscriptions announce a change once. Not told of a duplicate,
 * of an older version arriving late, nor of anything a rebuild replays (a rebuild tells the same history again; it is
 * no news). Implementations are CDI beans; the read model does not know them (no package depends on its observers).
 */
public interface AppliedEventObserver {

    /**
     * Called before the event's row is written, the read model still as it was; answers what to do once the row is
     * written (flushed), in the same transaction.
     *
     * @param event      the event, its data one of the read model's (a report, a recommendation, evidence)
     * @param recordedAt the instant its record was appended to its topic (the row's {@code recordedAt})
     * @return run after the row is written; throwing rolls the whole application back (and the consumer retries)
     */
    Runnable applying(EventEnvelope<?> event, Instant recordedAt);

    /**
     * Whether {@link #applying} may do anything for an event recorded at or before {@code recordedAt}, asked in the
     * transaction that applies a batch of records before any of them: when no observer may, the batch's rows are
     * written in bulk, as a rebuild writes them, and no observer is told of its events. True is always safe (it only
     * costs the batch its bulk write); false must mean that {@link #applying} would do nothing for any such event.
     *
     * @param recordedAt the latest append time among the batch's records (the events recorded by then)
     * @return false only if {@link #applying} would do nothing for any event recorded by then
     */
    default boolean mayAct(Instant recordedAt) {
        return true;
    }
}
