package org.rectrack.api.recommendations;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rectrack.events.recommendations.Tier;
import org.rectrack.platform.validation.PlainText;

/**
 * A report's corrected tier and metadata, as a whole: what is left out is cleared (a wrong source URL is removed by
 * leaving it out), so that the answer is the same however often it is sent. Country and year name the report and
 * its recommendations' codes and are not corrected here; nor are the recommendations (revise each of them). The
 * fields and their rules are those of {@link PublishReportRequest}.
 */
@Schema(description = "The report's tier and metadata as they should be; a field left out is cleared")
public record CorrectReportRequest(
        @Schema(example = "TIER_2_WATCH_LIST") @NotNull Tier tier,
        @Schema(example = "U.S. Department of State") @NotBlank @Size(max = 200) @PlainText String publisher,
        @Schema(example = "2023 Trafficking in Persons Report: Laos") @NotBlank @Size(max = 500) @PlainText String title,
        @Schema(example = "https://www.state.gov/reports/2023-trafficking-in-persons-report/laos/")
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") String sourceUrl,
        @Schema(example = "2023-06-15") @PastOrPresent LocalDate publishedOn,
        @Valid ReportingPeriod reportingPeriod) {
}
