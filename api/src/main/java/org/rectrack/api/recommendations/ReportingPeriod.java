package org.rectrack.api.recommendations;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The period a report covers; for the TIP Report, April to March before publication. */
public record ReportingPeriod(
        @Schema(example = "2022-04-01") @NotNull LocalDate from,
        @Schema(example = "2023-03-31") @NotNull LocalDate to) {
}
