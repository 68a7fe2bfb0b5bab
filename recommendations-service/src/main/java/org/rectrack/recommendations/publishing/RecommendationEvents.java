package org.rectrack.recommendations.publishing;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.rectrack.events.EventType;
import org.rectrack.events.outbox.Outbox;
import org.rectrack.events.recommendations.RecommendationChanged;
import org.rectrack.events.recommendations.ReportChanged;
import org.rectrack.recommendations.Recommendation;
import org.rectrack.recommendations.Report;

/** Writes the full state of a changed report or recommendation to the outbox, in the caller's transaction. */
@ApplicationScoped
public class RecommendationEvents {

    /** What happened to a recommendation; consumers may show it, but always apply the full state. */
    public enum Change {
        CREATED,
        REVISED,
        LINKED,
        WITHDRAWN
    }

    private final Outbox outbox;

    RecommendationEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void reportChanged(Report report, int recommendationCount) {
        outbox.append(EventType.REPORT_CHANGED, report.id, report.version, new ReportChanged(report.id, report.country,
                report.year, report.tier, report.publisher, report.title, report.sourceUrl, report.publishedOn,
                report.periodFrom, report.periodTo, recommendationCount, report.updatedAt));
    }

    public void recommendationChanged(Recommendation recommendation, Change change) {
        outbox.append(EventType.RECOMMENDATION_CHANGED, recommendation.id, recommendation.version,
                new RecommendationChanged(recommendation.id, recommendation.report.id, recommendation.code,
                        recommendation.report.country, recommendation.report.year, recommendation.rank,
                        recommendation.text, recommendation.revision, List.copyOf(recommendation.pillars),
                        List.copyOf(recommendation.targetGroups), recommendation.continuesFromId, recommendation.state,
                        change.name(), recommendation.updatedAt));
    }
}
