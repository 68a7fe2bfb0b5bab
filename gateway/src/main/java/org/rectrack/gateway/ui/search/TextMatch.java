package org.rectrack.gateway.ui.search;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Whether a text holds every word of a query. Lao is written without spaces between words, so a word is matched as a
 * substring of the text, never by splitting the text into words; both are compared in Unicode NFC (a Lao vowel or
 * tone mark typed in another order still matches) and case-folded (English).
 *
 * @param words the query's words, normalised; a query of one Lao phrase is one word
 */
public record TextMatch(List<String> words) {

    /** The query's words, split at white space. */
    public static TextMatch of(String query) {
        return new TextMatch(Arrays.stream(normalise(query).split("\\s+")).filter(word -> !word.isEmpty()).toList());
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    /** Whether every word occurs in one of the texts (null texts are skipped). */
    public boolean matches(String... texts) {
        StringBuilder all = new StringBuilder();
        for (String text : texts) {
            if (text != null) {
                all.append(normalise(text)).append('\n');
            }
        }
        String haystack = all.toString();
        return !words.isEmpty() && words.stream().allMatch(haystack::contains);
    }

    private static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
