package org.rectrack.recommendations.importing.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.rectrack.events.evidence.MetricKind;
import org.rectrack.events.recommendations.Pillar;
import org.rectrack.recommendations.importing.text.KnownRecommendation;
import org.rectrack.recommendations.importing.text.Similarity;

/**
 * Finds the previous year's recommendation a sentence of the narrative bears on: the one whose wording
 * is most alike, with a lead for one of the same pillar (a sentence of the prosecution section is about a
 * prosecution recommendation unless its words say otherwise). The lead multiplies the similarity, so
 * that a shared pillar decides between near ties but never makes up for shared words.
 */
final class RecommendationMatcher {

    /** How much more alike a recommendation of the same pillar counts: a quarter. */
    static final double PILLAR_LEAD = 1.25;
    /**
     * Below this similarity no link is proposed. Measured on the Laos seeds: the right recommendation scored
     * 0.149 and up (border officials' awareness → training border officials), while sentences that bear on
     * none scored up to 0.122 with some unrelated one (demand for commercial sex → services for men and boys).
     */
    static final double MIN_SIMILARITY = 0.125;
    /** The words a recommendation uses for what a figure counts, which the figure's sentence may not repeat. */
    private static final Map<MetricKind, String> KIND_WORDS = Map.of(
            MetricKind.CASES_INVESTIGATED, "investigate investigations",
            MetricKind.PROSECUTIONS, "prosecute prosecutions",
            MetricKind.CONVICTIONS, "convict convictions",
            MetricKind.VICTIMS_IDENTIFIED, "identify victims identification",
            MetricKind.VICTIMS_REFERRED, "refer referral victims protection services",
            MetricKind.OFFICIALS_TRAINED, "train training officials",
            MetricKind.BUDGET, "budget funding resources",
            MetricKind.HOTLINE_CALLS, "hotlines");

    private final List<KnownRecommendation> recommendations;
    private final Similarity similarity;

    private RecommendationMatcher(List<KnownRecommendation> recommendations, Similarity similarity) {
        this.recommendations = recommendations;
        this.similarity = similarity;
    }

    /** Word weights from the recommendations and the sentences together, so the narrative's common words weigh little. */
    static RecommendationMatcher of(List<KnownRecommendation> recommendations, List<String> sentences) {
        List<String> corpus = new ArrayList<>(sentences);
        recommendations.forEach(recommendation -> corpus.add(recommendation.text()));
        return new RecommendationMatcher(List.copyOf(recommendations), Similarity.over(corpus));
    }

    Optional<RecommendationLink> bestFor(ProposedEvidence item) {
        StringBuilder words = new StringBuilder(item.quote());
        item.metrics().stream().map(ProposedMetric::kind).distinct()
                .forEach(kind -> words.append(' ').append(KIND_WORDS.get(kind)));
        return bestFor(words.toString(), item.pillar());
    }

    private Optional<RecommendationLink> bestFor(String sentence, Pillar pillar) {
        KnownRecommendation best = null;
        double bestScore = 0;
        double bestSimilarity = 0;
        for (KnownRecommendation recommendation : recommendations) {
            double alike = similarity.between(sentence, recommendation.text());
            double score = alike * (pillar != null && recommendation.pillars().contains(pillar) ? PILLAR_LEAD : 1);
            if (score > bestScore) {
                best = recommendation;
                bestScore = score;
                bestSimilarity = alike;
            }
        }
        if (best == null || bestSimilarity < MIN_SIMILARITY) {
            return Optional.empty();
        }
        return Optional.of(new RecommendationLink(best.id(), best.code(), Math.round(bestSimilarity * 1000) / 1000.0));
    }
}
