package org.rectrack.gateway.ui.evidence;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.rectrack.api.evidence.Citation;
import org.rectrack.api.evidence.Metric;
import org.rectrack.events.evidence.Assessment;
import org.rectrack.events.evidence.EvidenceState;
import org.rectrack.events.evidence.Visibility;
import org.rectrack.gateway.readmodel.EvidenceVersion;

/**
 * One piece of evidence as the work pages list it, read whole inside the read model's transaction (its links,
 * history and metrics are loaded when it is made, never while a page renders).
 *
 * @param submittedAt when it was submitted (the first step of its history)
 * @param reason      the reason given for its current state (a rejection's or retraction's), or null
 * @param decidedBy   who made the last transition, or null
 */
public record EvidenceLine(UUID id, EvidenceState state, String organisation, Visibility visibility,
        LocalDate actionFrom, LocalDate actionTo, String summary, String language, Citation source,
        List<Metric> metrics, List<Link> links, Instant submittedAt, String reason, String decidedBy) {

    /** A recommendation the evidence bears on, and how. */
    public record Link(UUID recommendationId, Assessment assessment) {
    }

    static EvidenceLine of(EvidenceVersion evidence) {
        EvidenceVersion.Transition last = evidence.history.isEmpty() ? null : evidence.history.getLast();
        return new EvidenceLine(evidence.evidenceId, evidence.state, evidence.organisation, evidence.visibility,
                evidence.actionFrom, evidence.actionTo, evidence.summary, evidence.language, evidence.source(),
                List.copyOf(evidence.metrics),
                evidence.links.stream().map(link -> new Link(link.recommendationId, link.assessment)).toList(),
                evidence.createdAt, last == null ? null : last.reason, last == null ? null : last.actor);
    }

    /** Whether the action took more than its first day. */
    public boolean period() {
        return !actionFrom.equals(actionTo);
    }

    /** Whole days since it was submitted, at {@code now}: how long it has waited for a reviewer. */
    public long ageInDays(Instant now) {
        return Math.max(0, Duration.between(submittedAt, now).toDays());
    }

    /** Whole hours beyond the whole days, for an age under a day to read as more than "0 days". */
    public long ageHours(Instant now) {
        return Math.max(0, Duration.between(submittedAt, now).toHoursPart());
    }
}
