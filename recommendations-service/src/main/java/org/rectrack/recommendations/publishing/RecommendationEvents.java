package org.rectrack.recommendations.publishing;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.rectrack.events.EventType;
import org.rectrack.events.outbox.Outbox;
import org.rectrack.events.recommendations.EvidenceProposed;
import org.rectrack.events.recommendations.RecommendationChanged;
import org.rectrack.events.recommendations.ReportChanged;

/**
 * Writes the full state of a changed report or recommendation to the outbox, in the caller's transaction. The
 * entities state themselves as their events ({@code Report.changed}, {@code Recommendation.changed}); this class knows
 * the outbox, not the entities, so the dependency runs one way: reports and recommendations use publishing.
 */
@ApplicationScoped
public class RecommendationEvents {

    private final Outbox outbox;

    RecommendationEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Appends the event of one change of a report.
     *
     * @param version the report's aggregate version after the change: 1 when published, +1 for every correction
     */
    public void reportChanged(ReportChanged report, long version) {
        outbox.append(EventType.REPORT_CHANGED, report.id(), version, report);
    }

    /**
     * Appends the event of one change of a recommendation.
     *
     * @param version the recommendation's aggregate version after the change: 1 when published, +1 for every change
     */
    public void recommendationChanged(RecommendationChanged recommendation, long version) {
        outbox.append(EventType.RECOMMENDATION_CHANGED, recommendation.id(), version, recommendation);
    }

    /**
     * Appends an import's draft evidence about one recommendation. Its aggregate is the draft (always version 1), but
     * it is keyed by the recommendation it bears on, so it rides that recommendation's partition and the
     * evidence-service reads it after the recommendation's creation (written in an earlier transaction).
     */
    public void evidenceProposed(EvidenceProposed draft, UUID recommendationId) {
        outbox.append(EventType.EVIDENCE_PROPOSED, draft.id(), 1, recommendationId, draft);
    }
}
