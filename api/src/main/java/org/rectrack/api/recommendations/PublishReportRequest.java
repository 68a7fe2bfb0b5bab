package org.rectrack.api.recommendations;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rectrack.events.recommendations.Pillar;
import org.rectrack.events.recommendations.Tier;
import org.rectrack.platform.validation.CountryCode;
import org.rectrack.platform.validation.PlainText;

/** A report as an admin publishes it, with its ranked recommendations (the body of {@code POST /reports}). */
@Schema(description = "A report with its ranked recommendations")
public record PublishReportRequest(
        @Schema(example = "LAO") @NotNull @CountryCode String country,
        @Schema(example = "2023") @NotNull @Min(2001) @Max(2100) Integer year,
        @Schema(example = "TIER_2") @NotNull Tier tier,
        @Schema(example = "U.S. Department of State") @NotBlank @Size(max = 200) @PlainText String publisher,
        @Schema(example = "2023 Trafficking in Persons Report: Laos") @NotBlank @Size(max = 500) @PlainText String title,
        @Schema(example = "https://www.state.gov/reports/2023-trafficking-in-persons-report/laos/")
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") String sourceUrl,
        @Schema(example = "2023-06-15") @PastOrPresent LocalDate publishedOn,
        @Valid ReportingPeriod reportingPeriod,
        @NotNull @Size(max = 100) List<@NotNull @Valid Draft> recommendations) {

    /** One recommendation of the report, at its rank. */
    public record Draft(
            @Schema(example = "1") @NotNull @Min(1) @Max(100) Integer rank,
            @Schema(example = "Vigorously investigate and prosecute traffickers and seek adequate penalties for convicted traffickers.")
            @NotBlank @Size(max = 5000) @PlainText String text,
            @Size(max = 4) List<@NotNull Pillar> pillars,
            @Size(max = 20) List<@NotBlank @Size(max = 100) @PlainText String> targetGroups,
            @Schema(description = "the same recommendation in an earlier year's report of the same country")
            UUID continuesFromId) {
    }
}
