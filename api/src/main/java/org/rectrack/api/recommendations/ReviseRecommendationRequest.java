package org.rectrack.api.recommendations;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rectrack.events.recommendations.Pillar;
import org.rectrack.platform.validation.PlainText;

/** A corrected text (or classification); the earlier one stays as a revision. Absent lists keep their value. */
public record ReviseRecommendationRequest(
        @NotBlank @Size(max = 5000) @PlainText String text,
        @Size(max = 4) List<@NotNull Pillar> pillars,
        @Size(max = 20) List<@NotBlank @Size(max = 100) @PlainText String> targetGroups,
        @Schema(example = "Typing error in the published text") @NotBlank @Size(max = 2000) @PlainText String reason) {
}
