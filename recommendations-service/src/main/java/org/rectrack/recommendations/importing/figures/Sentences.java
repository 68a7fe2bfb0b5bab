package org.rectrack.recommendations.importing.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits a paragraph into sentences, without splitting at "U.S.", "No." or "e.g." and the like. */
final class Sentences {

    private static final Set<String> ABBREVIATIONS = Set.of(
            "no", "nos", "mr", "mrs", "ms", "dr", "st", "dept", "gov", "govt", "etc", "vs", "approx", "jan", "feb",
            "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "art", "para", "inc", "co", "ltd");

    private Sentences() {
    }

    static List<String> of(String paragraph) {
        List<String> sentences = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < paragraph.length(); i++) {
            char c = paragraph.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && endsSentenceAt(paragraph, i)) {
                int end = i + 1;
                while (end < paragraph.length() && "”’\")".indexOf(paragraph.charAt(end)) >= 0) {
                    end++;
                }
                add(sentences, paragraph.substring(start, end));
                start = end;
                i = end - 1;
            }
        }
        add(sentences, paragraph.substring(start));
        return sentences;
    }

    /** A stop ends a sentence when a space and a capital, digit or quote follow, and it ends no abbreviation. */
    private static boolean endsSentenceAt(String text, int stop) {
        int next = stop + 1;
        while (next < text.length() && "”’\")".indexOf(text.charAt(next)) >= 0) {
            next++;
        }
        if (next >= text.length()) {
            return true;
        }
        if (text.charAt(next) != ' ' || next + 1 >= text.length()) {
            return false;
        }
        char following = text.charAt(next + 1);
        if (!(Character.isUpperCase(following) || Character.isDigit(following) || "“\"(".indexOf(following) >= 0)) {
            return false;
        }
        return text.charAt(stop) != '.' || !isAbbreviation(text, stop);
    }

    private static boolean isAbbreviation(String text, int stop) {
        int start = stop;
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1)) && text.charAt(start - 1) != '(') {
            start--;
        }
        String word = text.substring(start, stop);
        // "U.S." and "e.g." carry a stop inside; "A." is an initial
        return word.contains(".") || (word.length() == 1 && Character.isUpperCase(word.charAt(0)))
                || ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    private static void add(List<String> sentences, String sentence) {
        String trimmed = sentence.strip();
        if (!trimmed.isEmpty()) {
            sentences.add(trimmed);
        }
    }
}
