package org.rectrack.recommendations.importing.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A text's content words, reduced to rough stems so that "investigate", "investigations" and
 * "investigated" compare equal. A light suffix stripper, not a linguistic stemmer: it only has to map
 * the forms TIP reports use for one idea onto one token, the same way on both sides of a comparison.
 */
public final class Words {

    private static final Set<String> STOPWORDS = Set.of(
            "the", "and", "for", "with", "from", "into", "onto", "that", "this", "these", "those", "their", "them",
            "its", "all", "any", "which", "who", "whom", "such", "should", "would", "could", "will", "shall", "are",
            "was", "were", "been", "being", "has", "have", "had", "not", "but", "nor", "also", "including", "include",
            "among", "within", "under", "over", "through", "during", "other", "more", "most", "well", "both",
            "each", "than", "then", "there", "here", "about", "after", "before", "between", "via", "per", "our",
            "they", "his", "her", "you", "your", "one", "two", "out", "off", "too", "very", "can", "may", "might",
            "must", "did", "does", "doing", "done", "government", "governments", "laos", "lao", "anti");

    /** Suffix → replacement, tried in order; the first that leaves a stem of at least MIN_STEM letters wins. */
    private static final String[][] SUFFIXES = {
            { "ification", "ify" }, { "ies", "y" }, { "ied", "y" }, { "ments", "" }, { "ment", "" },
            { "ings", "" }, { "ing", "" }, { "ions", "" }, { "ion", "" }, { "ors", "" }, { "ers", "" },
            { "or", "" }, { "er", "" }, { "ed", "" }, { "es", "" }, { "e", "" }, { "s", "" }, { "ly", "" } };
    private static final int MIN_STEM = 3;

    private Words() {
    }

    /** The stems of the content words, in order, repeats kept. */
    public static List<String> stems(String text) {
        List<String> stems = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i <= lower.length(); i++) {
            char c = i < lower.length() ? lower.charAt(i) : ' ';
            if (Character.isLetter(c)) {
                word.append(c);
            } else if (!word.isEmpty()) {
                addStem(stems, word.toString());
                word.setLength(0);
            }
        }
        return stems;
    }

    private static void addStem(List<String> stems, String word) {
        // "anti-trafficking", "antitrafficking" and "trafficking" say the same in a report on trafficking
        String content = word.startsWith("antitraffick") ? word.substring("anti".length()) : word;
        if (content.length() < MIN_STEM || STOPWORDS.contains(content)) {
            return;
        }
        stems.add(stem(content));
    }

    static String stem(String word) {
        for (String[] suffix : SUFFIXES) {
            if (word.endsWith(suffix[0]) && word.length() - suffix[0].length() + suffix[1].length() >= MIN_STEM) {
                return word.substring(0, word.length() - suffix[0].length()) + suffix[1];
            }
        }
        return word;
    }
}
