package org.rectrack.recommendations.importing.api;

import java.util.UUID;

import org.rectrack.recommendations.importing.figures.RecommendationLink;

/**
 * A stored unmatched finding that bears on the report just imported, and the recommendation of it most alike:
 * a proposal only, which an admin accepts by attaching the finding (POST /unmatched-findings/{findingId}/attach).
 */
public record FindingMatch(UUID findingId, RecommendationLink recommendation) {
}
