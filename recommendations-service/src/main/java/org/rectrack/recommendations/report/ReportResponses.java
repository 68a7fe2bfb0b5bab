package org.rectrack.recommendations.report;

import java.util.List;

import org.rectrack.api.recommendations.ReportingPeriod;
import org.rectrack.recommendations.Recommendation;
import org.rectrack.recommendations.Report;
import org.rectrack.recommendations.report.api.ReportResponse;

/** The report entities as the service's {@link ReportResponse}: the entities never leave as JSON. */
public final class ReportResponses {

    private ReportResponses() {
    }

    /**
     * The report as it is now.
     *
     * @param recommendations its recommendations, in rank order
     */
    public static ReportResponse of(Report report, List<Recommendation> recommendations) {
        ReportingPeriod period = report.periodFrom() == null ? null
                : new ReportingPeriod(report.periodFrom(), report.periodTo());
        return new ReportResponse(report.id(), report.country(), report.year(), report.tier(), report.publisher(),
                report.title(), report.sourceUrl(), report.publishedOn(), period,
                recommendations.stream().map(Recommendation::response).toList(), report.version(), report.createdAt());
    }
}
