package org.rectrack.gateway.evidence.api;

import org.rectrack.api.evidence.EvidenceResponse;
import org.rectrack.gateway.readmodel.EvidenceVersion;

/**
 * A version of evidence in the read model as the evidence-service's {@link EvidenceResponse} (rectrack-api): a client
 * reads the same shape from the gateway as from the service.
 */
public final class EvidenceResponses {

    private EvidenceResponses() {
    }

    /** The evidence as this version states it, with its review history, the first step first. */
    public static EvidenceResponse of(EvidenceVersion evidence) {
        return new EvidenceResponse(evidence.evidenceId, evidence.organisation, evidence.origin,
                evidence.links.stream()
                        .map(link -> new EvidenceResponse.Link(link.recommendationId, link.assessment)).toList(),
                EvidenceResponse.actionDate(evidence.actionFrom, evidence.actionTo),
                EvidenceResponse.actionPeriod(evidence.actionFrom, evidence.actionTo),
                evidence.summary, evidence.language, evidence.source(), evidence.metrics,
                evidence.visibility, evidence.state, evidence.version, evidence.createdAt, evidence.changedAt,
                evidence.history.stream().map(step -> new EvidenceResponse.Transition(step.state, step.actor,
                        step.organisation, step.at, step.reason)).toList());
    }
}
