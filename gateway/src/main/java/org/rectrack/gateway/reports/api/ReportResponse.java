package org.rectrack.gateway.reports.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rectrack.api.recommendations.ReportingPeriod;
import org.rectrack.events.recommendations.Tier;
import org.rectrack.gateway.readmodel.ReportVersion;
import org.rectrack.gateway.status.RecommendationStatus;

/** A report as the read model knows it; with its recommendations and their status when asked for one report. */
public record ReportResponse(
        UUID id,
        @Schema(example = "LAO") String country,
        @Schema(example = "2023") int year,
        @Schema(example = "TIER_2") Tier tier,
        @Schema(example = "U.S. Department of State") String publisher,
        @Schema(example = "2023 Trafficking in Persons Report: Laos") String title,
        String sourceUrl,
        @Schema(example = "2023-06-15") LocalDate publishedOn,
        ReportingPeriod reportingPeriod,
        int recommendationCount,
        @Schema(description = "the report's aggregate version") long version,
        Instant updatedAt,
        @Schema(description = "in rank order, each with its status; only in the answer for one report")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<RecommendationStatus> recommendations) {

    public static ReportResponse of(ReportVersion report, List<RecommendationStatus> recommendations) {
        ReportingPeriod period = report.periodFrom == null ? null : new ReportingPeriod(report.periodFrom, report.periodTo);
        return new ReportResponse(report.reportId, report.country, report.year, report.tier, report.publisher,
                report.title, report.sourceUrl, report.publishedOn, period, report.recommendationCount, report.version,
                report.changedAt, recommendations);
    }
}
