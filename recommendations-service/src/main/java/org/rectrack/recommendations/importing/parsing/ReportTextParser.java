package org.rectrack.recommendations.importing.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.rectrack.events.recommendations.Tier;
import org.rectrack.recommendations.importing.text.ReportText;

/**
 * Reads the plain text of a TIP Report country chapter into a report: country, year, tier and the
 * prioritized recommendations in printed order, with proposed pillars and target groups; a text of many
 * chapters is cut into them by {@link NarrativeSplitter}.
 *
 * <p>Pure Java and side-effect free, so that it can be tested on every seed text and on arbitrary
 * input. It answers every input, however broken, with a {@link ParseResult}: a report, or the list of
 * everything that is missing, so an admin fixes all of it in one go.
 */
public final class ReportTextParser {

    /** More recommendations than this is a text the parser misread, not a report. */
    static final int MAX_RECOMMENDATIONS = 100;
    /** A longer one is a list whose end the parser missed; the longest real ones are about 1,000. */
    static final int MAX_RECOMMENDATION_LENGTH = 5_000;
    /** 2 MiB: a whole year's TIP Report is about 6 MB, one country's chapter under 100 kB. */
    public static final int MAX_TEXT_LENGTH = 2 * 1024 * 1024;
    /** 16 MiB: a whole year's TIP Report, about 188 narratives, is about 6 MB of text. */
    public static final int MAX_REPORT_LENGTH = 16 * 1024 * 1024;

    /**
     * Reads one country's narrative. A text that holds several is read up to the second country's heading,
     * and the answer's notes name the others and where they start (see {@link #parseEach} to read them all).
     *
     * @param text  the narrative's plain text, of at most {@link #MAX_TEXT_LENGTH} characters; null reads as empty
     * @param hints what the admin says about the text: facts it may not state itself
     * @return the report, or every problem that keeps the text from being one
     */
    public ParseResult parse(String text, ReportHints hints) {
        if (text != null && text.length() > MAX_TEXT_LENGTH) {
            return new ParseResult.Failed(List.of(new ParseProblem("text", "is " + text.length()
                    + " characters long, more than the " + MAX_TEXT_LENGTH + " one country's report text may have")));
        }
        List<NarrativeSplitter.Narrative> narratives = NarrativeSplitter.split(text);
        List<String> notes = new ArrayList<>();
        if (narratives.size() > 1) {
            notes.add("the text holds " + narratives.size() + " countries' narratives; only the first ("
                    + narratives.getFirst().country() + ") was read, the others start at characters "
                    + narratives.stream().skip(1).map(n -> n.country() + " " + n.start()).collect(Collectors.joining(", "))
                    + ": import each on its own");
        }
        return parseNarrative(narratives.getFirst().text(), hints, notes);
    }

    /**
     * Reads every country's narrative of a text that holds many, as a whole year's report does, each on its own:
     * one narrative's problems do not keep the others from being read.
     *
     * @param text  a whole report's text, of at most {@link #MAX_REPORT_LENGTH} characters
     * @param hints what the admin says of all of them: the year (a country or tier given applies to none, since
     *              each narrative names its own)
     * @return each narrative with what was read from it, in the order of the text
     */
    public List<NarrativeResult> parseEach(String text, ReportHints hints) {
        if (text != null && text.length() > MAX_REPORT_LENGTH) {
            return List.of(new NarrativeResult(new NarrativeSplitter.Narrative(null, 0, text.length(), ""),
                    new ParseResult.Failed(List.of(new ParseProblem("text", "is " + text.length()
                            + " characters long, more than the " + MAX_REPORT_LENGTH + " a whole report's text may have")))));
        }
        ReportHints yearOnly = new ReportHints(null, hints.year(), null);
        return NarrativeSplitter.split(text).stream()
                .map(narrative -> new NarrativeResult(narrative, parseNarrative(narrative.text(), yearOnly, List.of())))
                .toList();
    }

    /** One narrative of a whole report and what was read from it. */
    public record NarrativeResult(NarrativeSplitter.Narrative narrative, ParseResult result) {
    }

    private ParseResult parseNarrative(String text, ReportHints hints, List<String> notes) {
        ReportText report = ReportText.of(text);
        if (report.isEmpty()) {
            return new ParseResult.Failed(List.of(new ParseProblem("text",
                    "has no English text to read a report from")));
        }
        List<ParseProblem> problems = new ArrayList<>();
        String country = agreed("country", ReportHeading.country(report), hints.country(), problems,
                "the text names no country in a heading such as 'LAOS (Tier 2)'; give ?country=LAO");
        Integer year = agreed("year", ReportHeading.year(report), hints.year(), problems,
                "the text names no report year in a heading such as '2023 TIP Report'; give ?year=2023");
        Tier tier = agreed("tier", ReportHeading.tier(report), hints.tier(), problems,
                "the text names no tier in a heading such as 'LAOS (Tier 2)'; give ?tier=TIER_2");
        List<String> texts = RecommendationLists.find(report).map(RecommendationLists.Section::items).orElse(List.of());
        List<String> allNotes = new ArrayList<>(notes);
        if (texts.isEmpty() && tier == Tier.SPECIAL_CASE) {
            // The report ranks a Special Case in no tier and gives it no recommendations: none is made up.
            allNotes.add("no recommendations: the text is a Special Case narrative, for which the report gives none");
        } else if (texts.isEmpty()) {
            problems.add(new ParseProblem("recommendations", "no recommendations found: the text has no "
                    + "'Prioritized Recommendations' or 'Recommendations for <country>:' section followed by recommendations"));
        } else if (texts.size() > MAX_RECOMMENDATIONS) {
            problems.add(new ParseProblem("recommendations", "found " + texts.size()
                    + " recommendations, more than the " + MAX_RECOMMENDATIONS + " a report can have"));
        } else {
            for (int i = 0; i < texts.size(); i++) {
                if (texts.get(i).length() > MAX_RECOMMENDATION_LENGTH) {
                    problems.add(new ParseProblem("recommendations[" + i + "]", "is " + texts.get(i).length()
                            + " characters long, more than " + MAX_RECOMMENDATION_LENGTH + ": where the list ends was not found"));
                }
            }
        }
        if (!problems.isEmpty()) {
            return new ParseResult.Failed(problems);
        }
        List<ParsedRecommendation> recommendations = new ArrayList<>();
        for (String recommendation : texts) {
            recommendations.add(new ParsedRecommendation(recommendations.size() + 1, recommendation,
                    Pillars.propose(recommendation), TargetGroups.propose(recommendation)));
        }
        return new ParseResult.Parsed(new ParsedReport(country, year, tier, recommendations, allNotes));
    }

    /** The fact from the text, else from the hint; both present must agree, and at least one must be. */
    private static <T> T agreed(String field, Optional<T> fromText, T hint, List<ParseProblem> problems, String missing) {
        if (fromText.isPresent() && hint != null && !fromText.get().equals(hint)) {
            problems.add(new ParseProblem(field, "the text says " + fromText.get() + " but " + field + "=" + hint
                    + " was given"));
            return null;
        }
        if (fromText.isEmpty() && hint == null) {
            problems.add(new ParseProblem(field, missing));
            return null;
        }
        return fromText.orElse(hint);
    }
}
