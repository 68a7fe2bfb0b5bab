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
 * Finds a report's recommendations section and splits it into the recommendations, in printed order.
 *
 * <p>The section starts at a heading in any of the shapes the TIP Report has printed since recommendations
 * began: {@code Recommendations for Laos:} followed by the list in the same paragraph (until 2016),
 * {@code RECOMMENDATIONS FOR LAOS} on its own line (2017), {@code PRIORITIZED RECOMMENDATIONS:} (2018–2022)
 * and {@code Prioritized Recommendations} (2023–). Copies of web pages often lose the heading: then the
 * section is the first paragraph that opens with an imperative and holds at least two of them, or the
 * first run of at least two paragraphs that each open with one.
 *
 * <p>Inside the section, recommendations are separated by list signs ({@code •}, also where a copy put
 * several on one line), by paragraphs, by semicolons and by full stops, the last two only where the next
 * clause opens with an imperative ({@link Imperatives}); a copy that lost the list signs runs them together
 * ("…law.Stop penalizing…"), which is a full stop too. Every word of the section belongs to one
 * recommendation: only separators (list signs, semicolons, a leading "and" or "or") are dropped, and a
 * recommendation cut from a sentence list gets its capital letter and full stop.
 */
public final class RecommendationLists {

    /**
     * The section as read and the recommendations cut from it.
     *
     * @param text           the section's text: its paragraphs (the first from after its heading) joined by a space
     * @param items          the recommendations in printed order
     * @param firstParagraph the index in {@link ReportText#paragraphs()} of the paragraph the section starts in
     * @param endParagraph   the index of the first paragraph after it
     */
    public record Section(String text, List<String> items, int firstParagraph, int endParagraph) {

        public Section {
            items = List.copyOf(items);
        }

        /** Whether the paragraph at this index belongs to the section (the narrative's reader skips those). */
        public boolean holds(int paragraph) {
            return paragraph >= firstParagraph && paragraph < endParagraph;
        }
    }

    /**
     * A heading followed by the first item, in the same paragraph. In any case at the start of a paragraph or
     * sentence, elsewhere only in title or upper case (a heading joined to the line before it), so that the
     * narrative's "…acted on the prioritized recommendations" is no heading.
     */
    private static final Pattern HEADING = Pattern.compile(
            "(?:^|(?<=[.!?”\"]\\s)|(?=Prioriti[sz]ed Recommendations|PRIORITI[SZ]ED RECOMMENDATIONS"
                    + "|Recommendations for|RECOMMENDATIONS FOR))"
                    + "(?i:Prioriti[sz]ed\\s+Recommendations\\b\\s*:?"
                    + "|Recommendations(?:\\s+for\\s+[^:]{2,80})?\\s*:)\\s*");
    /** A heading that is a paragraph of its own, with or without a colon: "RECOMMENDATIONS FOR ST. MAARTEN". */
    private static final Pattern HEADING_ALONE = Pattern.compile(
            "(?i:(?:Prioriti[sz]ed\\s+)?Recommendations(?:\\s+for\\s+[^:]{2,80}?)?)\\s*:?");
    /** The narrative's next section printed on the same line as the last recommendation. */
    private static final Pattern NEXT_SECTION = Pattern.compile(
            "(?<=[.!?”\"])\\s+(?:PROSECUTION|PROTECTION|PREVENTION|TRAFFICKING PROFILE|PROFILE|GOVERNMENT EFFORTS)\\b");
    private static final Pattern SEMICOLON = Pattern.compile(";\\s+");
    /** A full stop and a space before a capital: the end of a sentence, if it ends no abbreviation. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[\\p{Ll}\\d)\\]”\"’%])[.!?][”\"’)]?\\s+(?=[\\p{Lu}“\"])");
    /** A full stop right before a capital and a small letter: two sentences run together in a copy. */
    private static final Pattern RUN_TOGETHER = Pattern.compile("(?<=[\\p{Ll})\\]”\"’])[.!?](?=\\p{Lu}\\p{Ll})");
    /** A recommendation has at least a verb, an object and a qualifier; shorter lines are page furniture. */
    private static final int MIN_WORDS = 3;
    /** How much of a clause is read to find its opening verb. */
    private static final int OPENING = 200;
    /** "St." and "No." before a capital end no sentence; nor do initials, for which the word is too short. */
    private static final int MAX_ABBREVIATION = 8;
    private static final Pattern ABBREVIATION = Pattern.compile(
            "(?:\\p{L}\\.)+\\p{L}?|\\p{L}|\\p{Lu}\\p{L}|(?i:no|nos|dept|gov|govt|approx|art|para|inc|ltd|etc|vs|jan|feb|mar|apr|jun|jul"
                    + "|aug|sep|sept|oct|nov|dec)");

    private RecommendationLists() {
    }

    /** The recommendations section and its recommendations in printed order; empty when the text has none. */
    public static Optional<Section> find(ReportText text) {
        Imperatives imperatives = Imperatives.of(text);
        List<String> paragraphs = text.paragraphs();
        for (int i = 0; i < paragraphs.size(); i++) {
            String paragraph = paragraphs.get(i);
            String first;
            if (HEADING_ALONE.matcher(paragraph).matches()) {
                first = "";
            } else {
                Matcher heading = HEADING.matcher(paragraph);
                if (!heading.find()) {
                    continue;
                }
                first = paragraph.substring(heading.end());
            }
            List<String> blocks = blocks(first, paragraphs.subList(i + 1, paragraphs.size()), imperatives);
            if (!blocks.isEmpty()) {
                int end = i + 1 + blocks.size() - (first.isBlank() ? 0 : 1);
                return Optional.of(section(blocks, imperatives, i, end));
            }
        }
        return headless(paragraphs, imperatives);
    }

    /** The section's paragraphs: what follows the heading in its paragraph, then each list paragraph after it. */
    private static List<String> blocks(String first, List<String> rest, Imperatives imperatives) {
        List<String> blocks = new ArrayList<>();
        if (!first.isBlank()) {
            String block = untilNextSection(first);
            blocks.add(block);
            if (block.length() < first.length()) {
                return blocks;
            }
        }
        for (String paragraph : rest) {
            if (!isListParagraph(paragraph, imperatives)) {
                break;
            }
            String block = untilNextSection(paragraph);
            blocks.add(block);
            if (block.length() < paragraph.length()) {
                break;
            }
        }
        return blocks;
    }

    /**
     * A section without its heading: the first paragraph that opens with an imperative and holds more than one
     * recommendation, or the first run of paragraphs of one recommendation each; a lone imperative paragraph
     * is no list ("Read more about…").
     */
    private static Optional<Section> headless(List<String> paragraphs, Imperatives imperatives) {
        for (int i = 0; i < paragraphs.size(); i++) {
            // a bulleted paragraph may be any list; without a heading, only one of imperatives is taken
            if (!isListParagraph(paragraphs.get(i), imperatives) || !imperatives.opens(paragraphs.get(i), false)) {
                continue;
            }
            List<String> blocks = blocks("", paragraphs.subList(i, paragraphs.size()), imperatives);
            Section section = section(blocks, imperatives, i, i + blocks.size());
            if (section.items().size() > 1) {
                return Optional.of(section);
            }
        }
        return Optional.empty();
    }

    private static boolean isListParagraph(String paragraph, Imperatives imperatives) {
        if (ReportText.isCapitalsHeading(paragraph)) {
            return false;
        }
        return Bullets.startsWithBullet(paragraph)
                || paragraph.split(" ", MIN_WORDS + 1).length >= MIN_WORDS && imperatives.opens(paragraph, false);
    }

    private static String untilNextSection(String paragraph) {
        Matcher next = NEXT_SECTION.matcher(paragraph);
        return next.find() ? paragraph.substring(0, next.start()) : paragraph;
    }

    private static Section section(List<String> blocks, Imperatives imperatives, int first, int end) {
        List<String> items = new ArrayList<>();
        for (String block : blocks) {
            List<String> pieces = Bullets.containsBullet(block) ? byBullets(block) : bySeparators(block, imperatives);
            for (String piece : pieces) {
                String item = tidy(piece);
                if (!item.isEmpty()) {
                    items.add(item);
                }
            }
        }
        return new Section(String.join(" ", blocks), items, first, end);
    }

    private static List<String> byBullets(String block) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < block.length(); i++) {
            if (Bullets.isBullet(block.charAt(i))) {
                pieces.add(block.substring(start, i));
                start = i + 1;
            }
        }
        pieces.add(block.substring(start));
        return pieces;
    }

    /**
     * Cuts a paragraph at the semicolons and full stops that separate recommendations: those after which the
     * next clause opens with an imperative. A semicolon inside one recommendation separates the parts of a
     * list of places or groups ("…in SEZs; Lao labor migrants returning…"), and what follows it is a noun
     * phrase; a separating one is followed by the next recommendation's verb ("; train…", "; and boost…").
     */
    private static List<String> bySeparators(String block, Imperatives imperatives) {
        List<int[]> cuts = new ArrayList<>();
        Matcher semicolon = SEMICOLON.matcher(block);
        while (semicolon.find()) {
            if (imperatives.opens(opening(block, semicolon.end()), true)) {
                cuts.add(new int[] { semicolon.start(), semicolon.end() });
            }
        }
        Matcher sentenceEnd = SENTENCE_END.matcher(block);
        while (sentenceEnd.find()) {
            if (!endsAbbreviation(block, sentenceEnd.start()) && imperatives.opens(opening(block, sentenceEnd.end()), false)) {
                cuts.add(new int[] { sentenceEnd.start() + 1, sentenceEnd.end() });
            }
        }
        Matcher runTogether = RUN_TOGETHER.matcher(block);
        while (runTogether.find()) {
            if (!endsAbbreviation(block, runTogether.start()) && imperatives.opens(opening(block, runTogether.end()), false)) {
                cuts.add(new int[] { runTogether.end(), runTogether.end() });
            }
        }
        cuts.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int[] cut : cuts) {
            if (cut[0] >= start) {
                pieces.add(block.substring(start, cut[0]));
                start = cut[1];
            }
        }
        pieces.add(block.substring(start));
        return pieces;
    }

    /** The start of the clause at this position: enough to find its verb, and never a copy of a long paragraph. */
    private static String opening(String block, int from) {
        return block.substring(from, Math.min(block.length(), from + OPENING));
    }

    /** Whether the stop at this position ends an abbreviation or an initial ("U.S.", "St.", "No.") rather than a sentence. */
    private static boolean endsAbbreviation(String text, int stop) {
        int start = stop;
        while (start > 0 && stop - start < MAX_ABBREVIATION && !Character.isWhitespace(text.charAt(start - 1)) && "(“\"".indexOf(text.charAt(start - 1)) < 0) {
            start--;
        }
        return ABBREVIATION.matcher(text.substring(start, stop)).matches();
    }

    /** One item as a recommendation on its own: no list sign or leading "and", a capital, a full stop. */
    private static String tidy(String item) {
        String text = Imperatives.withoutLead(item).strip();
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
