package org.rectrack.api.evidence;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rectrack.events.evidence.Assessment;

/** One recommendation the evidence bears on, and how. */
public record LinkRequest(
        @Schema(example = "0b7f3c52-6c1e-4a43-9d1f-2f6f1c4b9a10") @NotNull UUID recommendationId,
        @Schema(example = "ADVANCES") @NotNull Assessment assessment) {
}
