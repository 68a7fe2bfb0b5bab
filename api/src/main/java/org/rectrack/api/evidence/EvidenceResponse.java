package org.rectrack.api.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rectrack.events.evidence.Assessment;
import org.rectrack.events.evidence.EvidenceState;
import org.rectrack.events.evidence.Origin;
import org.rectrack.events.evidence.Visibility;

/**
 * One piece of evidence as it stands now, with every review state it has been in: the answer of the evidence-service
 * and, filled from its read model, of the gateway.
 */
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

    /** One step of the history: the state entered, who moved it there, when and why. */
    public record Transition(
            EvidenceState state,
            @Schema(example = "reviewer-1") String actor,
            @Schema(example = "rectrack-review-board") String organisation,
            Instant at,
            @Schema(example = "Confirmed against the ministry's press release") String reason) {
    }

    /** The day of an action from its first and last day: one day is an actionDate, a longer one an actionPeriod. */
    public static LocalDate actionDate(LocalDate from, LocalDate to) {
        return from.equals(to) ? from : null;
    }

    /** The period of an action from its first and last day; null when it took one day (see {@link #actionDate}). */
    public static ActionPeriod actionPeriod(LocalDate from, LocalDate to) {
        return from.equals(to) ? null : new ActionPeriod(from, to);
    }
}
