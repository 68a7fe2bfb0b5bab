package org.rectrack.recommendations.recommendation.api;

import java.util.List;

import org.rectrack.api.recommendations.RecommendationResponse;
import org.rectrack.api.recommendations.RevisionResponse;
import org.rectrack.recommendations.Recommendation;
import org.rectrack.recommendations.RecommendationRevision;

/** The recommendation entities as the contract's records (rectrack-api): the entities never leave as JSON. */
public final class RecommendationResponses {

    private RecommendationResponses() {
    }

    /** The recommendation as it stands now. */
    public static RecommendationResponse of(Recommendation recommendation) {
        return new RecommendationResponse(recommendation.id, recommendation.report.id, recommendation.code,
                recommendation.report.country, recommendation.report.year, recommendation.rank, recommendation.text,
                recommendation.revision, List.copyOf(recommendation.pillars), List.copyOf(recommendation.targetGroups),
                recommendation.continuesFromId, recommendation.state, recommendation.withdrawnReason,
                recommendation.version, recommendation.updatedAt);
    }

    /** One text the recommendation has had. */
    public static RevisionResponse of(RecommendationRevision revision) {
        return new RevisionResponse(revision.revision, revision.text, List.copyOf(revision.pillars),
                List.copyOf(revision.targetGroups), revision.reason, revision.revisedBy, revision.revisedAt);
    }
}
