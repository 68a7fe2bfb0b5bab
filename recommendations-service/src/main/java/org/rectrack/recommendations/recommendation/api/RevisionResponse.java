package org.rectrack.recommendations.recommendation.api;

import java.time.Instant;
import java.util.List;

import org.rectrack.events.recommendations.Pillar;
import org.rectrack.recommendations.recommendation.RecommendationRevision;

/** A text the recommendation has had, with who set it, when and why. */
public record RevisionResponse(
        int revision,
        String text,
        List<Pillar> pillars,
        List<String> targetGroups,
        String reason,
        String revisedBy,
        Instant revisedAt) {

    public static RevisionResponse of(RecommendationRevision revision) {
        return new RevisionResponse(revision.revision, revision.text, List.copyOf(revision.pillars),
                List.copyOf(revision.targetGroups), revision.reason, revision.revisedBy, revision.revisedAt);
    }
}
