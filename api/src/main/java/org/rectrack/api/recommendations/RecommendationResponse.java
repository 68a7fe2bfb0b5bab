package org.rectrack.api.recommendations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rectrack.events.recommendations.Pillar;
import org.rectrack.events.recommendations.RecommendationState;

/** One recommendation as it stands now, as the recommendations-service answers it. */
public record RecommendationResponse(
        UUID id,
        UUID reportId,
        @Schema(example = "LAO-2023-03") String code,
        @Schema(example = "LAO") String country,
        @Schema(example = "2023") int year,
        @Schema(example = "3") int rank,
        String text,
        @Schema(description = "1 as published, +1 for each revision of the text") int revision,
        List<Pillar> pillars,
        List<String> targetGroups,
        UUID continuesFromId,
        RecommendationState state,
        String withdrawnReason,
        long version,
        Instant updatedAt) {
}
