package org.rectrack.evidence.publishing;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.rectrack.evidence.Evidence;
import org.rectrack.evidence.review.EvidenceTransition;
import org.rectrack.events.EventType;
import org.rectrack.events.evidence.EvidenceChanged;
import org.rectrack.events.outbox.Outbox;

/** Writes the full state of changed evidence, its history included, to the outbox in the caller's transaction. */
@ApplicationScoped
public class EvidenceEvents {

    private final Outbox outbox;

    EvidenceEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The change is the state the evidence has just entered: SUBMITTED, VERIFIED, REJECTED or RETRACTED. */
    public void evidenceChanged(Evidence evidence, List<EvidenceTransition> history) {
        outbox.append(EventType.EVIDENCE_CHANGED, evidence.id, evidence.version, new EvidenceChanged(
                evidence.id,
                evidence.organisation,
                evidence.recommendations.stream()
                        .map(link -> new EvidenceChanged.Link(link.recommendationId, link.assessment))
                        .toList(),
                evidence.actionFrom,
                evidence.actionTo,
                evidence.summary,
                evidence.language,
                new EvidenceChanged.Source(evidence.source.title, evidence.source.publisher, evidence.source.url,
                        evidence.source.documentReference, evidence.source.publishedOn, evidence.source.quote),
                evidence.metrics.stream()
                        .map(metric -> new EvidenceChanged.Metric(metric.kind(), metric.value(), metric.unit(),
                                metric.sex(), metric.ageGroup(), metric.year()))
                        .toList(),
                evidence.visibility,
                evidence.state,
                history.stream()
                        .map(step -> new EvidenceChanged.Transition(step.state, step.actor, step.organisation, step.at,
                                step.reason))
                        .toList(),
                evidence.state.name(),
                evidence.updatedAt,
                evidence.origin));
    }
}
