package org.rectrack.recommendations.importing.figures;

import java.util.UUID;

/** The earlier recommendation a draft evidence item most likely bears on, and how alike their wordings are. */
public record RecommendationLink(UUID recommendationId, String code, double score) {
}
