package org.rectrack.recommendations.importing.lineage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.rectrack.recommendations.importing.text.KnownRecommendation;
import org.rectrack.recommendations.importing.parsing.ParsedRecommendation;
import org.rectrack.recommendations.importing.text.Similarity;

/**
 * Proposes which of a new report's recommendations continue which earlier ones of the same country.
 *
 * <p>The TIP Report repeats a recommendation until the government acts on it, often reworded
 * ("Continue to increase efforts to disseminate…" becomes "Continue to disseminate…"). Wordings are
 * compared by {@link Similarity}: TF-IDF cosine of word stems, weighted over both reports, so that the
 * words every recommendation shares count little.
 *
 * <p>The thresholds were measured on Laos 2022 → 2023: the seven repeats score 0.91 to 1.00, and the
 * closest pair that is no repeat scores 0.41 ("Increase transnational collaboration on trafficking
 * investigations" against "Increase trafficking investigations, prosecutions, and convictions"). Links are
 * made at {@value #LINK_THRESHOLD}, in the middle of that gap; pairs from {@value #PROPOSAL_FLOOR} are
 * shown for an admin to decide; lower ones share only common words and are not shown.
 */
public final class LineageProposer {

    public static final double LINK_THRESHOLD = 0.6;
    public static final double PROPOSAL_FLOOR = 0.3;

    /**
     * @param earlier the same country's recommendations from earlier years that no later one continues yet:
     *                a new recommendation continues the latest link of its chain
     * @return one proposal per new recommendation that has a likely predecessor, in rank order
     */
    public List<LineageProposal> propose(List<ParsedRecommendation> recommendations, List<KnownRecommendation> earlier) {
        List<String> corpus = new ArrayList<>();
        recommendations.forEach(recommendation -> corpus.add(recommendation.text()));
        earlier.forEach(recommendation -> corpus.add(recommendation.text()));
        Similarity similarity = Similarity.over(corpus);

        List<Candidate> best = new ArrayList<>();
        for (ParsedRecommendation recommendation : recommendations) {
            earlier.stream()
                    .map(known -> new Candidate(recommendation.rank(), known, similarity.between(recommendation.text(), known.text())))
                    .filter(candidate -> candidate.score() >= PROPOSAL_FLOOR)
                    // the most alike; of equals, the latest year's
                    .max(Comparator.comparingDouble(Candidate::score).thenComparingInt(c -> c.earlier().year()))
                    .ifPresent(best::add);
        }
        // Two new recommendations may resemble one earlier one; only the more alike continues it.
        Map<UUID, Candidate> bestPerEarlier = new HashMap<>();
        for (Candidate candidate : best) {
            bestPerEarlier.merge(candidate.earlier().id(), candidate,
                    (a, b) -> b.score() > a.score() ? b : a);
        }
        return best.stream()
                .map(candidate -> candidate.toProposal(candidate.score() >= LINK_THRESHOLD
                        && bestPerEarlier.get(candidate.earlier().id()) == candidate))
                .toList();
    }

    private record Candidate(int rank, KnownRecommendation earlier, double score) {

        LineageProposal toProposal(boolean linked) {
            return new LineageProposal(rank, earlier.id(), earlier.code(), earlier.year(), earlier.text(),
                    Math.round(score * 1000) / 1000.0, linked);
        }
    }
}
