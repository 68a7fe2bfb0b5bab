package org.rectrack.evidence.api;

import java.util.List;

import org.rectrack.api.evidence.Citation;
import org.rectrack.api.evidence.EvidenceResponse;
import org.rectrack.api.evidence.Metric;
import org.rectrack.api.evidence.Sex;
import org.rectrack.evidence.Evidence;
import org.rectrack.evidence.review.EvidenceTransition;

/** The evidence entity as the contract's {@link EvidenceResponse} (rectrack-api): the entity never leaves as JSON. */
public final class EvidenceResponses {

    private EvidenceResponses() {
    }

    /** The evidence as it stands, with its review history, the first step first. */
    public static EvidenceResponse of(Evidence evidence, List<EvidenceTransition> history) {
        return new EvidenceResponse(evidence.id, evidence.organisation, evidence.origin,
                evidence.recommendations.stream()
                        .map(link -> new EvidenceResponse.Link(link.recommendationId, link.assessment)).toList(),
                EvidenceResponse.actionDate(evidence.actionFrom, evidence.actionTo),
                EvidenceResponse.actionPeriod(evidence.actionFrom, evidence.actionTo),
                evidence.summary, evidence.language, citation(evidence.source),
                evidence.metrics.stream().map(metric -> new Metric(metric.kind(), metric.value(), metric.unit(),
                        metric.sex() == null ? null : Sex.valueOf(metric.sex()), metric.ageGroup(), metric.year()))
                        .toList(),
                evidence.visibility, evidence.state, evidence.version, evidence.createdAt, evidence.updatedAt,
                history.stream().map(EvidenceResponses::transition).toList());
    }

    private static Citation citation(Evidence.Citation source) {
        return new Citation(source.title, source.publisher, source.url, source.documentReference, source.publishedOn,
                source.quote);
    }

    private static EvidenceResponse.Transition transition(EvidenceTransition transition) {
        return new EvidenceResponse.Transition(transition.state, transition.actor, transition.organisation,
                transition.at, transition.reason);
    }
}
