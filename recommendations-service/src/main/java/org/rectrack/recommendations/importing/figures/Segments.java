package org.rectrack.recommendations.importing.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sentence cut into its main statement and its asides, the parts in brackets or between dashes.
 * Reports put other years' figures ("(compared with 21 cases … in 2020)") and breakdowns
 * ("—including eight girls and six boys—") in asides; reading them apart keeps each figure with its year.
 */
final class Segments {

    /** A dollar conversion after an amount in another currency, "($32,330)": the same figure again. */
    private static final Pattern DOLLAR_CONVERSION = Pattern.compile("\\s*\\(\\s*\\$[^()]{0,60}\\)");
    private static final Pattern COMPARISON = Pattern.compile(
            "^(?:compared\\s+(?:with|to)|up\\s+from|down\\s+from|versus|vs\\.?|from)\\b", Pattern.CASE_INSENSITIVE);

    /**
     * A comparison written into the sentence rather than in brackets: ", compared with 18 cases … in 2013", up to
     * the end of the statement.
     */
    private static final Pattern COMPARISON_CLAUSE = Pattern.compile(
            ",\\s*(?=(?:compared\\s+(?:with|to)|up\\s+from|down\\s+from|versus|as\\s+opposed\\s+to)\\b)[^;]*",
            Pattern.CASE_INSENSITIVE);

    /** One part: the main statement (first) or an aside; a comparison aside states another period's figure. */
    record Segment(String text, boolean aside, boolean comparison) {
    }

    private Segments() {
    }

    static List<Segment> of(String sentence) {
        String text = DOLLAR_CONVERSION.matcher(sentence).replaceAll("");
        StringBuilder main = new StringBuilder();
        List<String> asides = new ArrayList<>();
        StringBuilder aside = null;
        int depth = 0;
        boolean inDashes = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' && depth++ == 0 && !inDashes) {
                aside = new StringBuilder();
            } else if (c == ')' && depth > 0 && --depth == 0 && !inDashes) {
                asides.add(aside.toString());
                aside = null;
                main.append(' ');
            } else if (c == '—' && depth == 0) {
                inDashes = !inDashes;
                if (inDashes) {
                    aside = new StringBuilder();
                } else {
                    asides.add(aside.toString());
                    aside = null;
                    main.append(' ');
                }
            } else if (aside != null) {
                aside.append(c);
            } else {
                main.append(c);
            }
        }
        if (aside != null) {
            asides.add(aside.toString());
        }
        List<Segment> segments = new ArrayList<>();
        List<String> comparisons = new ArrayList<>();
        Matcher comparison = COMPARISON_CLAUSE.matcher(main);
        StringBuilder statement = new StringBuilder();
        int from = 0;
        while (comparison.find()) {
            statement.append(main, from, comparison.start()).append(' ');
            comparisons.add(main.substring(comparison.start() + 1).substring(0, comparison.end() - comparison.start() - 1));
            from = comparison.end();
        }
        statement.append(main, from, main.length());
        segments.add(new Segment(statement.toString(), false, false));
        for (String part : comparisons) {
            segments.add(new Segment(part, true, true));
        }
        for (String part : asides) {
            segments.add(new Segment(part, true, COMPARISON.matcher(part.strip()).find()));
        }
        return segments;
    }
}
