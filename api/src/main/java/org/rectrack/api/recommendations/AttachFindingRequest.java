package org.rectrack.api.recommendations;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Attaches an unmatched finding to the recommendations it bears on: each becomes draft evidence about one of them,
 * proposed to the evidence-service as an import's drafts are.
 */
public record AttachFindingRequest(
        @Schema(description = "the recommendations the finding bears on, each of the finding's country, active;"
                + " one draft evidence item each", example = "[\"0b9d7c1e-3f2a-4d5b-8c6e-7a8b9c0d1e2f\"]")
        @NotNull @Size(min = 1, max = 20) List<@NotNull UUID> recommendationIds) {
}
