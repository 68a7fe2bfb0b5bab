package org.rectrack.recommendations.report.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.rectrack.api.recommendations.RecommendationResponse;
import org.rectrack.api.recommendations.ReportingPeriod;
import org.rectrack.events.recommendations.Tier;
import org.rectrack.recommendations.Recommendation;
import org.rectrack.recommendations.recommendation.api.RecommendationResponses;
import org.rectrack.recommendations.Report;

/** A report with its recommendations in rank order. */
public record ReportResponse(
        UUID id,
        String country,
        int year,
        Tier tier,
        String publisher,
        String title,
        String sourceUrl,
        LocalDate publishedOn,
        ReportingPeriod reportingPeriod,
        List<RecommendationResponse> recommendations,
        long version,
        Instant createdAt) {

    public static ReportResponse of(Report report, List<Recommendation> recommendations) {
        ReportingPeriod period = report.periodFrom == null ? null : new ReportingPeriod(report.periodFrom, report.periodTo);
        return new ReportResponse(report.id, report.country, report.year, report.tier, report.publisher, report.title,
                report.sourceUrl, report.publishedOn, period,
                recommendations.stream().map(RecommendationResponses::of).toList(), report.version, report.createdAt);
    }
}
