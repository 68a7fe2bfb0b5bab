package org.rectrack.recommendations.report.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.rectrack.api.recommendations.RecommendationResponse;
import org.rectrack.api.recommendations.ReportingPeriod;
import org.rectrack.events.recommendations.Tier;

/** A report with its recommendations in rank order ({@code ReportResponses} makes it of the entities). */
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
}
