package org.rectrack.recommendations.importing.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a text that holds several country narratives (a whole TIP Report, or two chapters pasted one after
 * the other) into one text per country, at the headings that open a chapter: {@code LAOS: TIER 2},
 * {@code ICELAND (Tier 2)}, {@code SPECIAL CASE: ST. MAARTEN}, a title such as
 * {@code 2020 Trafficking in Persons Report: Estonia}; also a heading in capitals pasted right after the
 * previous chapter's last sentence ("…action plan. UGANDA: Tier 2 The Government…").
 *
 * <p>A chapter begins at the first heading naming another country than the chapter before it, so that a
 * title and a tier heading of the same country stay together; what comes before the first heading (a site's
 * banner, a news article) belongs to the first chapter. Nothing of the text is dropped: the narratives
 * cover it end to end.
 */
public final class NarrativeSplitter {

    /**
     * One country's chapter.
     *
     * @param country ISO 3166-1 alpha-3 code its heading names, or null for a text without any heading
     * @param start   where it begins in the text given, inclusive
     * @param end     where it ends, exclusive
     * @param text    the chapter's text: the text given from start to end
     */
    public record Narrative(String country, int start, int end, String text) {
    }

    private static final Pattern LINE = Pattern.compile("[^\\r\\n\\u2028\\u2029\\u0085]*(?:\\r\\n|[\\r\\n\\u2028\\u2029\\u0085])?");
    /** A sentence end in the middle of a line, after which a heading in capitals may have been pasted. */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?][”\"’)]?\\s+(?=\\p{Lu}{2})");
    private static final Pattern TITLE = Pattern.compile("(?:(?:19|20)\\d{2}\\s+)?" + ReportHeading.REPORT_DASH_COUNTRY.pattern(),
            Pattern.CASE_INSENSITIVE);

    private NarrativeSplitter() {
    }

    /** The narratives in the order the text gives them; one, covering the whole text, when it has at most one heading. */
    public static List<Narrative> split(String text) {
        String all = text == null ? "" : text;
        record Heading(int at, String country) {
        }
        List<Heading> headings = new ArrayList<>();
        Matcher line = LINE.matcher(all);
        while (line.find() && line.start() < all.length()) {
            int lineStart = line.start();
            String content = line.group();
            if (content.isEmpty()) {
                break;
            }
            int lead = lead(content);
            country(content, lead, false).ifPresent(code -> headings.add(new Heading(lineStart + lead, code)));
            Matcher end = SENTENCE_END.matcher(content);
            while (end.find()) {
                int at = end.end();
                country(content, at, true).ifPresent(code -> headings.add(new Heading(lineStart + at, code)));
            }
        }
        List<Narrative> narratives = new ArrayList<>();
        int start = 0;
        String country = null;
        for (Heading heading : headings) {
            if (country == null) {
                country = heading.country();
            } else if (!country.equals(heading.country())) {
                narratives.add(new Narrative(country, start, heading.at(), all.substring(start, heading.at())));
                start = heading.at();
                country = heading.country();
            }
        }
        narratives.add(new Narrative(country, start, all.length(), all.substring(start)));
        return narratives;
    }

    private static int lead(String content) {
        int lead = 0;
        while (lead < content.length() && (Character.isWhitespace(content.charAt(lead)) || content.charAt(lead) == '\uFEFF'
                || Character.isSpaceChar(content.charAt(lead)))) {
            lead++;
        }
        return lead;
    }

    /**
     * The country a chapter heading at this place of a line names.
     *
     * @param capitalsOnly only a name in capitals counts, as inside a line, where "Laos (Tier 2)" could be a
     *                     sentence's words
     */
    private static Optional<String> country(String line, int from, boolean capitalsOnly) {
        Matcher tierHeading = ReportHeading.TIER_HEADING.matcher(line).region(from, line.length());
        if (tierHeading.lookingAt() && (!capitalsOnly || isCapitals(tierHeading.group("name")))) {
            Optional<String> code = CountryNames.code(tierHeading.group("name"));
            if (code.isPresent()) {
                return code;
            }
        }
        Matcher tierFirst = ReportHeading.TIER_FIRST.matcher(line).region(from, line.length());
        if (tierFirst.lookingAt() && (!capitalsOnly || isCapitals(tierFirst.group("name")))) {
            Optional<String> code = ReportHeading.leadingCountry(tierFirst.group("name"));
            if (code.isPresent()) {
                return code;
            }
        }
        Matcher title = TITLE.matcher(line).region(from, line.length());
        if (!capitalsOnly && title.lookingAt()) {
            return ReportHeading.leadingCountry(title.group("name"));
        }
        return Optional.empty();
    }

    private static boolean isCapitals(String name) {
        return name.equals(name.toUpperCase(Locale.ROOT));
    }
}
