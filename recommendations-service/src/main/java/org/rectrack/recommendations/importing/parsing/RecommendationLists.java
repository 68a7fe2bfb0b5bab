package org.rectrack.recommendations.importing.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rectrack.recommendations.importing.text.Bullets;
import org.rectrack.recommendations.importing.text.ReportText;

/**
 * Finds a report's recommendations section and splits it into the recommendations, in printed order,
 * in the three layouts the TIP Report has used:
 * <ul>
 * <li>a {@code Prioritized Recommendations} heading, then one recommendation per paragraph (2023);</li>
 * <li>{@code PRIORITIZED RECOMMENDATIONS:}, then recommendations separated by {@code •} (2017–2022);</li>
 * <li>{@code Recommendations for Laos:}, then recommendations separated by {@code ;} up to the end of
 * the paragraph (2012 and around).</li>
 * </ul>
 * Each recommendation's words are kept as printed; only list signs, a leading "and" and a trailing
 * separator go, and a recommendation cut from a sentence list gets its capital letter and full stop.
 */
final class RecommendationLists {

    /**
     * The heading; what follows it is the first item. In any case at the start of a paragraph or sentence,
     * elsewhere only in title or upper case (a heading joined to the line before it), so that the narrative's
     * "…acted on the prioritized recommendations" is no heading.
     */
    private static final Pattern HEADING = Pattern.compile(
            "(?:^|(?<=[.!?”\"]\\s)|(?=Prioriti[sz]ed Recommendations|PRIORITI[SZ]ED RECOMMENDATIONS"
                    + "|Recommendations for|RECOMMENDATIONS FOR))"
                    + "(?i:(?<prioritized>Prioriti[sz]ed\\s+Recommendations)\\b\\s*:?"
                    + "|Recommendations(?:\\s+for\\s+[^:]{2,80})?\\s*:)\\s*");
    /** A semicolon that separates: the next clause opens with an imperative (checked apart, see {@link #bySemicolons}). */
    private static final Pattern SEMICOLON = Pattern.compile(";\\s*");
    /** The narrative's next section printed on the same line as the last recommendation. */
    private static final Pattern NEXT_SECTION = Pattern.compile(
            "(?<=[.!?”\"])\\s+(?:PROSECUTION|PROTECTION|PREVENTION|TRAFFICKING PROFILE)\\b");
    /** A recommendation has at least a verb, an object and a qualifier; shorter lines are page furniture. */
    private static final int MIN_WORDS = 3;

    private RecommendationLists() {
    }

    /** The recommendations' texts in printed order; empty when the text has no recommendations section. */
    static Optional<List<String>> find(ReportText text) {
        List<String> paragraphs = text.paragraphs();
        for (int i = 0; i < paragraphs.size(); i++) {
            Matcher heading = HEADING.matcher(paragraphs.get(i));
            if (heading.find()) {
                String first = paragraphs.get(i).substring(heading.end());
                List<String> rest = paragraphs.subList(i + 1, paragraphs.size());
                return Optional.of(items(first, rest, heading.group("prioritized") != null));
            }
        }
        return Optional.empty();
    }

    private static List<String> items(String first, List<String> rest, boolean prioritized) {
        if (Bullets.containsBullet(first) || (first.isEmpty() && !rest.isEmpty() && Bullets.startsWithBullet(rest.getFirst()))) {
            return byBullets(first, rest);
        }
        List<String> items = new ArrayList<>(bySemicolons(first));
        // The 2012 layout ends with its paragraph; the prioritized one goes on one paragraph each.
        if (prioritized) {
            for (String paragraph : rest) {
                if (!looksLikeRecommendation(paragraph)) {
                    break;
                }
                items.add(tidy(paragraph));
            }
        }
        return items.stream().filter(item -> !item.isEmpty()).toList();
    }

    private static List<String> byBullets(String first, List<String> rest) {
        StringBuilder list = new StringBuilder(first);
        for (String paragraph : rest) {
            if (!Bullets.startsWithBullet(paragraph)) {
                break;
            }
            list.append(' ').append(paragraph);
        }
        List<String> items = new ArrayList<>();
        int start = 0;
        String all = list.toString();
        for (int i = 0; i <= all.length(); i++) {
            if (i == all.length() || Bullets.isBullet(all.charAt(i))) {
                String item = tidy(all.substring(start, i));
                if (!item.isEmpty()) {
                    items.add(item);
                }
                start = i + 1;
            }
        }
        return items;
    }

    /**
     * Splits at the semicolons that separate recommendations. A semicolon inside one recommendation
     * separates the parts of a list of places or groups ("…in SEZs; Lao labor migrants returning…"),
     * and what follows it is a noun phrase; a separating one is followed by the next recommendation's
     * imperative ("; train law enforcement…", "; and increase…").
     */
    private static List<String> bySemicolons(String paragraph) {
        List<String> items = new ArrayList<>();
        Matcher semicolon = SEMICOLON.matcher(paragraph);
        int start = 0;
        while (semicolon.find()) {
            if (Imperatives.opensWithImperative(paragraph.substring(semicolon.end(), Math.min(paragraph.length(),
                    semicolon.end() + 200)))) {
                items.add(tidy(paragraph.substring(start, semicolon.start())));
                start = semicolon.end();
            }
        }
        items.add(tidy(paragraph.substring(start)));
        return items;
    }

    private static boolean looksLikeRecommendation(String paragraph) {
        return paragraph.split(" ", MIN_WORDS + 1).length >= MIN_WORDS && Imperatives.opensWithImperative(paragraph);
    }

    /** One item as a recommendation on its own: no list sign or leading "and", a capital, a full stop. */
    private static String tidy(String item) {
        String text = Imperatives.withoutLead(item);
        Matcher nextSection = NEXT_SECTION.matcher(text);
        if (nextSection.find()) {
            text = text.substring(0, nextSection.start());
        }
        text = text.strip();
        while (text.endsWith(";") || text.endsWith(",")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        if (text.isEmpty()) {
            return text;
        }
        text = text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
        return ReportText.endsSentence(text) ? text : text + ".";
    }
}
