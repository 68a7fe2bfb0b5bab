package org.rectrack.recommendations.importing.text;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * How alike two texts' wordings are: the cosine of their TF-IDF word-stem vectors, from 0 (no content
 * word shared) to 1 (the same words in the same proportions).
 *
 * <p>The IDF weights come from the texts being compared, so words every recommendation uses
 * ("trafficking", "increase", "efforts") count for little, and the words that make one recommendation
 * itself ("hotlines", "recruitment fees", "diplomatic missions") count for much.
 */
public final class Similarity {

    private final Map<String, Double> idf;
    private final double unseenIdf;

    private Similarity(Map<String, Double> idf, double unseenIdf) {
        this.idf = idf;
        this.unseenIdf = unseenIdf;
    }

    /** Weights from these texts; compare only texts of this corpus or like it. */
    public static Similarity over(Collection<String> corpus) {
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (String text : corpus) {
            new HashSet<>(Words.stems(text)).forEach(stem -> documentFrequency.merge(stem, 1, Integer::sum));
        }
        int documents = corpus.size();
        Map<String, Double> idf = new HashMap<>();
        documentFrequency.forEach((stem, frequency) -> idf.put(stem, weight(documents, frequency)));
        return new Similarity(idf, weight(documents, 0));
    }

    public double between(String a, String b) {
        return cosine(vector(Words.stems(a)), vector(Words.stems(b)));
    }

    private Map<String, Double> vector(List<String> stems) {
        Map<String, Double> vector = new HashMap<>();
        for (String stem : stems) {
            vector.merge(stem, idf.getOrDefault(stem, unseenIdf), Double::sum);
        }
        return vector;
    }

    private static double cosine(Map<String, Double> a, Map<String, Double> b) {
        double dot = 0;
        for (Map.Entry<String, Double> entry : a.entrySet()) {
            dot += entry.getValue() * b.getOrDefault(entry.getKey(), 0.0);
        }
        double norms = norm(a) * norm(b);
        return norms == 0 ? 0 : dot / norms;
    }

    private static double norm(Map<String, Double> vector) {
        double sum = 0;
        for (double value : vector.values()) {
            sum += value * value;
        }
        return Math.sqrt(sum);
    }

    /** Smoothed IDF: never zero, so a word in every text still counts a little. */
    private static double weight(int documents, int frequency) {
        return Math.log((documents + 1.0) / (frequency + 1.0)) + 1.0;
    }
}
