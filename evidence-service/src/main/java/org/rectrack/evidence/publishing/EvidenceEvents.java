package org.rectrack.evidence.publishing;

import jakarta.enterprise.context.ApplicationScoped;

import org.rectrack.events.EventType;
import org.rectrack.events.evidence.EvidenceChanged;
import org.rectrack.events.outbox.Outbox;

/**
 * Writes the full state of changed evidence, its history included, to the outbox in the caller's transaction. The
 * evidence states itself as its event ({@code Evidence.changed}); this class knows the outbox, not the entity, so
 * the dependency runs one way: the evidence's features use publishing, never the reverse.
 */
@ApplicationScoped
public class EvidenceEvents {

    private final Outbox outbox;

    EvidenceEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Appends the event of one change of the evidence.
     *
     * @param evidence the evidence's full state after the change (its change: SUBMITTED, VERIFIED, REJECTED or
     *                 RETRACTED)
     * @param version  the evidence's aggregate version after the change: 1 when submitted, +1 for every transition
     */
    public void evidenceChanged(EvidenceChanged evidence, long version) {
        outbox.append(EventType.EVIDENCE_CHANGED, evidence.id(), version, evidence);
    }
}
