package org.rectrack.gateway.reports.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rectrack.events.recommendations.Pillar;
import org.rectrack.events.recommendations.Tier;

/**
 * The body of {@code POST /reports}, for the OpenAPI document only: the gateway passes the body on unread, and
 * the recommendations-service validates it (its 400 problem names each offending field).
 */
@Schema(name = "PublishReportRequest", description = "A report with its ranked recommendations")
public record PublishReportRequest(
        @Schema(example = "LAO", required = true) String country,
        @Schema(example = "2023", required = true) Integer year,
        @Schema(example = "TIER_2", required = true) Tier tier,
        @Schema(example = "U.S. Department of State", required = true) String publisher,
        @Schema(example = "2023 Trafficking in Persons Report: Laos", required = true) String title,
        @Schema(example = "https://www.state.gov/reports/2023-trafficking-in-persons-report/laos/") String sourceUrl,
        @Schema(example = "2023-06-15") LocalDate publishedOn,
        ReportResponse.ReportingPeriod reportingPeriod,
        @Schema(required = true) List<Draft> recommendations) {

    /** One recommendation of the report, at its rank. */
    public record Draft(
            @Schema(example = "1", required = true) Integer rank,
            @Schema(example = "Vigorously investigate and prosecute traffickers and seek adequate penalties for convicted traffickers.",
                    required = true) String text,
            List<Pillar> pillars,
            List<String> targetGroups,
            @Schema(description = "the same recommendation in an earlier year's report of the same country")
            UUID continuesFromId) {
    }
}
