package org.rectrack.evidence.evidence.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rectrack.evidence.evidence.Evidence;
import org.rectrack.evidence.review.EvidenceTransition;
import org.rectrack.events.evidence.Assessment;
import org.rectrack.events.evidence.EvidenceState;
import org.rectrack.events.evidence.MetricKind;
import org.rectrack.events.evidence.Origin;
import org.rectrack.events.evidence.Visibility;

/** One piece of evidence as it stands now, with every review state it has been in. */
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

    /** A typed figure. */
    public record Metric(MetricKind kind, BigDecimal value, String unit, Sex sex, String ageGroup, Integer year) {
    }

    /** One step of the history: the state entered, who moved it there, when and why. */
    public record Transition(
            EvidenceState state,
            @Schema(example = "reviewer-1") String actor,
            @Schema(example = "rectrack-review-board") String organisation,
            Instant at,
            @Schema(example = "Confirmed against the ministry's press release") String reason) {

        public static Transition of(EvidenceTransition transition) {
            return new Transition(transition.state, transition.actor, transition.organisation, transition.at,
                    transition.reason);
        }
    }

    public static EvidenceResponse of(Evidence evidence, List<EvidenceTransition> history) {
        boolean oneDay = evidence.actionFrom.equals(evidence.actionTo);
        return new EvidenceResponse(evidence.id, evidence.organisation, evidence.origin,
                evidence.recommendations.stream().map(link -> new Link(link.recommendationId, link.assessment)).toList(),
                oneDay ? evidence.actionFrom : null,
                oneDay ? null : new ActionPeriod(evidence.actionFrom, evidence.actionTo),
                evidence.summary, evidence.language, Citation.of(evidence.source),
                evidence.metrics.stream().map(metric -> new Metric(metric.kind(), metric.value(), metric.unit(),
                        metric.sex() == null ? null : Sex.valueOf(metric.sex()), metric.ageGroup(), metric.year()))
                        .toList(),
                evidence.visibility, evidence.state, evidence.version, evidence.createdAt, evidence.updatedAt,
                history.stream().map(Transition::of).toList());
    }
}
