package org.rectrack.recommendations.importing.figures;

import java.util.List;

import org.rectrack.events.evidence.Assessment;
import org.rectrack.events.recommendations.Pillar;

/**
 * A draft evidence item read from a report's narrative, for a reviewer to check and submit.
 *
 * @param quote          the sentence as the report prints it: the citation
 * @param pillar         the narrative section it is from, or what its wording is about; null if neither says
 * @param year           the year the government's action took place
 * @param metrics        the figures it states, each with the year it is about; empty for a plain finding
 * @param recommendation the previous year's recommendation it most likely bears on; null when none is alike
 */
public record ProposedEvidence(
        String quote,
        Pillar pillar,
        Assessment assessment,
        int year,
        List<ProposedMetric> metrics,
        RecommendationLink recommendation) {

    public ProposedEvidence {
        metrics = List.copyOf(metrics);
    }

    ProposedEvidence linkedTo(RecommendationLink link) {
        return new ProposedEvidence(quote, pillar, assessment, year, metrics, link);
    }
}
