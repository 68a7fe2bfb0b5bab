package org.rectrack.api.evidence;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An action that took more than a day, such as a training programme: its first and last day. */
public record ActionPeriod(
        @Schema(example = "2023-01-09") @NotNull LocalDate from,
        @Schema(example = "2023-03-31") @NotNull LocalDate to) {
}
