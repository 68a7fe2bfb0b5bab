package org.rectrack.gateway.evidence.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rectrack.events.evidence.Assessment;
import org.rectrack.events.evidence.EvidenceState;
import org.rectrack.events.evidence.Origin;
import org.rectrack.events.evidence.Visibility;
import org.rectrack.gateway.readmodel.EvidenceVersion;
import org.rectrack.gateway.status.RecommendationStatus.Citation;
import org.rectrack.gateway.status.RecommendationStatus.Metric;

/** One piece of evidence as it stands now, with every review state it has been in: the evidence-service's shape. */
public record EvidenceResponse(
        UUID id,
        @Schema(example = "lao-anti-trafficking-network") String organisation,
        @Schema(description = "who stands behind it: ORGANISATION (an NGO, for its organisation) or ADMIN"
                + " (an admin, such as an imported report's draft evidence; no organisation owns it)") Origin origin,
        List<Link> recommendations,
        @Schema(description = "the day of the action, when it took one day", example = "2023-03-01") LocalDate actionDate,
        @Schema(description = "the first and last day of the action, when it took longer") ActionPeriod actionPeriod,
        String summary,
        @Schema(example = "lo") String language,
        Citation source,
        List<Metric> metrics,
        Visibility visibility,
        EvidenceState state,
        @Schema(description = "1 when submitted, +1 for each transition") long version,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "every state the evidence has been in, the first one first") List<Transition> history) {

    /** The evidence bears on this recommendation in this way. */
    public record Link(UUID recommendationId, Assessment assessment) {
    }

    /** An action that took more than a day. */
    public record ActionPeriod(LocalDate from, LocalDate to) {
    }

    /** One step of the history: the state entered, who moved it there, when and why. */
    public record Transition(EvidenceState state, String actor, String organisation, Instant at, String reason) {
    }

    public static EvidenceResponse of(EvidenceVersion evidence) {
        boolean oneDay = evidence.actionFrom.equals(evidence.actionTo);
        return new EvidenceResponse(evidence.evidenceId, evidence.organisation, evidence.origin,
                evidence.links.stream().map(link -> new Link(link.recommendationId, link.assessment)).toList(),
                oneDay ? evidence.actionFrom : null,
                oneDay ? null : new ActionPeriod(evidence.actionFrom, evidence.actionTo),
                evidence.summary, evidence.language,
                new Citation(evidence.sourceTitle, evidence.sourcePublisher, evidence.sourceUrl,
                        evidence.sourceDocumentReference, evidence.sourcePublishedOn, evidence.sourceQuote),
                evidence.metrics.stream().map(metric -> new Metric(metric.kind(), metric.value(), metric.unit(),
                        metric.sex(), metric.ageGroup(), metric.year())).toList(),
                evidence.visibility, evidence.state, evidence.version, evidence.createdAt, evidence.changedAt,
                evidence.history.stream().map(step -> new Transition(step.state, step.actor, step.organisation, step.at,
                        step.reason)).toList());
    }
}
