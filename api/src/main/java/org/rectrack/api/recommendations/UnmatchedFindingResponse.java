package org.rectrack.api.recommendations;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rectrack.events.evidence.Assessment;
import org.rectrack.events.evidence.MetricKind;
import org.rectrack.events.recommendations.Pillar;

/**
 * A figure or finding of an imported narrative that names no recommendation, because the report it bears on (the
 * previous one) is not stored or has none alike: kept for an admin to attach to the recommendations it bears on.
 *
 * @param year       the year of the report whose recommendations it bears on (the narrative's report's year less
 *                   one unless an earlier report was found)
 * @param reportId   the report whose narrative it is read from
 * @param reportYear that report's year
 * @param actionYear the year the government's action took place
 * @param reason     why it names no recommendation
 * @param attachedTo the recommendations an admin attached it to; each got a draft evidence item
 */
public record UnmatchedFindingResponse(
        UUID id,
        @Schema(example = "LAO") String country,
        @Schema(example = "2021") int year,
        String publisher,
        UUID reportId,
        @Schema(example = "2022") int reportYear,
        @Schema(description = "the sentence as the report prints it") String quote,
        Pillar pillar,
        Assessment assessment,
        @Schema(example = "2021") int actionYear,
        List<Figure> metrics,
        @Schema(example = "no LAO report of 2021 is stored") String reason,
        Instant keptAt,
        List<UUID> attachedTo) {

    public UnmatchedFindingResponse {
        metrics = List.copyOf(metrics);
        attachedTo = List.copyOf(attachedTo);
    }

    /** A figure the sentence states, with the year it is about. */
    public record Figure(MetricKind kind, BigDecimal value, String unit, String sex, String ageGroup, int year) {
    }
}
