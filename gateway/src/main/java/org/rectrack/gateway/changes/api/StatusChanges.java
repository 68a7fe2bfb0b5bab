package org.rectrack.gateway.changes.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Every status change of a country's recommendations, or of one recommendation, between two instants in the system:
 * the answer of {@code GET /recommendations/changes} and {@code GET /recommendations/{id}/changes}.
 *
 * @param country          the country asked for, or null when one recommendation was
 * @param recommendationId the recommendation asked for, or null when a country was
 * @param from             the instant after which changes count (exclusive)
 * @param to               the instant up to which they count (inclusive)
 * @param asOf             the day in the world the statuses are as of: the day of {@code to} in UTC
 * @param changes          oldest first, then by recommendation code
 */
@Schema(description = "Status changes between two instants in the system (knownAt), oldest first, each with the"
        + " evidence transitions that caused it. Only what the caller may see counts.")
public record StatusChanges(
        @Schema(example = "LAO") String country,
        UUID recommendationId,
        @Schema(example = "2024-01-01T00:00:00Z") Instant from,
        @Schema(example = "2024-02-01T00:00:00Z") Instant to,
        @Schema(example = "2024-02-01") LocalDate asOf,
        List<StatusChange> changes) {
}
