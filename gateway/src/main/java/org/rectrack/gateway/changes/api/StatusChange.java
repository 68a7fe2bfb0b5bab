package org.rectrack.gateway.changes.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rectrack.events.evidence.Assessment;
import org.rectrack.events.evidence.EvidenceState;
import org.rectrack.gateway.status.Status;
import org.rectrack.gateway.status.StatusRule;

/**
 * One change of a recommendation's status between two instants in the system, as the viewer sees it (issue 11,
 * "Between two dates"), with the evidence transitions recorded since the recommendation's previous change that led to
 * it.
 *
 * @param knownAt when rectrack recorded what changed the status: from this instant on, a read as known at it shows
 *                {@code to}
 * @param asOf    the day in the world both statuses are as of
 * @param causes  the evidence transitions the viewer may see, recorded after the previous change of this
 *                recommendation's status (or after {@code from}) and up to {@code knownAt}, oldest first
 */
@Schema(description = "A change of a recommendation's status as the caller sees it (computed from the evidence the"
        + " caller may see), with the evidence transitions that led to it, oldest first")
public record StatusChange(
        UUID recommendationId,
        @Schema(example = "LAO-2023-01") String code,
        @Schema(example = "2023") int year,
        @Schema(example = "1") int rank,
        @Schema(example = "2024-01-15T09:00:00Z") Instant knownAt,
        @Schema(example = "2024-01-15") LocalDate asOf,
        @Schema(example = "NO_EVIDENCE") Status from,
        @Schema(example = "IN_PROGRESS") Status to,
        @Schema(description = "the rule that decided the new status", example = "SOME_ADVANCES") StatusRule rule,
        List<Cause> causes) {

    /**
     * One step of a piece of evidence's review history: what happened to it, when, and how it bears on the
     * recommendation.
     *
     * @param transition SUBMITTED, VERIFIED, REJECTED or RETRACTED: the state it moved to
     * @param at         when the evidence-service made the transition
     * @param recordedAt when rectrack recorded it (the instant knownAt compares with)
     */
    public record Cause(
            UUID evidenceId,
            @Schema(example = "VERIFIED") EvidenceState transition,
            Instant at,
            Instant recordedAt,
            @Schema(example = "ADVANCES") Assessment assessment,
            String summary,
            @Schema(example = "lo") String language) {
    }
}
