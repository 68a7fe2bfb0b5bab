package org.rectrack.api.evidence;

import java.math.BigDecimal;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rectrack.events.evidence.MetricKind;
import org.rectrack.platform.validation.PlainText;

/**
 * A typed figure: counts take a count unit (PERSONS, CASES, CALLS as fits the kind) and whole numbers;
 * BUDGET takes an ISO 4217 currency code such as LAK or USD. One shape as submitted and as answered (the constraints
 * apply where a request is validated, in the evidence-service).
 */
public record Metric(
        @Schema(example = "OFFICIALS_TRAINED") @NotNull MetricKind kind,
        @Schema(example = "300") @NotNull @PositiveOrZero
        @Digits(integer = 15, fraction = 2, message = "must have at most 15 digits and 2 decimals") BigDecimal value,
        @Schema(example = "PERSONS") @NotBlank @Size(max = 10) String unit,
        @Schema(description = "breakdown by sex, if the source gives one") Sex sex,
        @Schema(description = "breakdown by age group, as the source names it", example = "under 18")
        @Size(max = 40) @PlainText String ageGroup,
        @Schema(description = "the year the figure is about, if not the year of the action", example = "2022")
        @Min(2000) @Max(2100) Integer year) {
}
