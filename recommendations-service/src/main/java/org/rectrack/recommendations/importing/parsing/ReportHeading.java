package org.rectrack.recommendations.importing.parsing;

import java.time.Year;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rectrack.events.recommendations.Tier;
import org.rectrack.recommendations.importing.text.ReportText;

/**
 * Reads which country, year and tier a report text is about, from the ways TIP reports and their copies
 * head a country chapter: {@code LAOS (Tier 2)}, {@code LAOS: TIER 2},
 * {@code Extracted in part from the U.S. State Dept 2023 TIP Report},
 * {@code 2012 Trafficking in Persons Report - Laos}, and the formulaic first sentence
 * "The Government of Laos does not fully meet the minimum standards…".
 *
 * <p>Each fact is read from its most reliable form first; a fact no form states is absent, never guessed
 * from the narrative's dates, which talk about many years.
 */
final class ReportHeading {

    /** The TIP Report began in 2001; a later year than next year is no report's year. */
    static final int FIRST_YEAR = 2001;

    private static final String TIER = "(?:Tier\\s*(?<level>III|II|I|1|2|3)(?<watch>\\s*(?:Watch\\s*List|WL))?(?!\\w)"
            + "|(?<special>Special\\s+Case))";
    private static final String REPORT = "(?:TIP|Trafficking\\s+in\\s+Persons?)\\s+Report";

    /** "LAOS (Tier 2)", "LAOS: TIER 2", "Burma – Tier 3" at the start of a paragraph. */
    static final Pattern TIER_HEADING = Pattern.compile(
            "(?:\\[[^\\]]{0,200}]\\s*)?(?<name>\\p{L}[\\p{L} .,'’&()-]{0,80}?)\\s*[(:\\-–—]?\\s*" + TIER,
            Pattern.CASE_INSENSITIVE);
    /** The tier first, as for Special Cases: "SPECIAL CASE: ST. MAARTEN", "TIER 2: KENYA". */
    static final Pattern TIER_FIRST = Pattern.compile(
            "(?:\\[[^\\]]{0,200}]\\s*)?" + TIER + "\\s*[:\\-–—]\\s*(?<name>\\p{L}[^:;]{0,80}?)\\s*(?:[(:–—]|$)",
            Pattern.CASE_INSENSITIVE);
    /** A tier alone on a line, as the report heads the countries of one tier: "TIER 2 WATCH LIST". */
    private static final Pattern TIER_ALONE = Pattern.compile("\\s*" + TIER + "\\s*:?\\s*", Pattern.CASE_INSENSITIVE);
    /** "St. Maarten is a Special Case." */
    private static final Pattern SPECIAL_CASE_SENTENCE = Pattern.compile(
            "\\b(?:is|was|remained|remains)\\s+(?:a\\s+)?(?<special>Special\\s+Case)\\b", Pattern.CASE_INSENSITIVE);
    /** "…remained on Tier 2", "…was downgraded to Tier 2 Watch List". */
    private static final Pattern TIER_SENTENCE = Pattern.compile(
            "\\b(?:remained|remains|placed|upgraded|downgraded|ranked|moved)\\s+(?:on|to|at|in)\\s+(?:the\\s+)?" + TIER,
            Pattern.CASE_INSENSITIVE);

    private static final Pattern YEAR_BEFORE_REPORT = Pattern.compile(
            "\\b(?<year>(?:19|20)\\d{2})\\s+" + REPORT + "\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR_AFTER_REPORT = Pattern.compile(
            "\\b" + REPORT + "\\s*[,:(]?\\s*(?:June\\s+)?(?<year>(?:19|20)\\d{2})\\b", Pattern.CASE_INSENSITIVE);
    /** The chart printed with each chapter, "LAOS TIER RANKING BY YEAR 2015 2016 … 2022", ends at the report's year. */
    private static final Pattern TIER_CHART = Pattern.compile("TIER RANKING BY YEAR", Pattern.CASE_INSENSITIVE);
    private static final Pattern CHART_TOKEN = Pattern.compile("\\G\\s+(\\d{4}|[123]|2WL)(?!\\S)");

    static final Pattern REPORT_DASH_COUNTRY = Pattern.compile(
            "\\b" + REPORT + "\\s*[-–—:]\\s*(?<name>[^.,;:()]{2,80})", Pattern.CASE_INSENSITIVE);
    private static final Pattern RECOMMENDATIONS_FOR = Pattern.compile(
            "\\bRecommendations\\s+for\\s+(?<name>[^:]{2,80}?)\\s*(?::|$)", Pattern.CASE_INSENSITIVE);
    private static final Pattern MINIMUM_STANDARDS = Pattern.compile(
            "\\bGovernment\\s+of\\s+(?<name>[^,.;]{2,80}?)\\s+(?:does\\s+not\\s+(?:fully\\s+)?|fully\\s+)"
                    + "(?:meet|compl)", Pattern.CASE_INSENSITIVE);
    /** Country names have at most this many words ("Saint Vincent and the Grenadines"). */
    private static final int MAX_NAME_WORDS = 6;

    private ReportHeading() {
    }

    static Optional<String> country(ReportText text) {
        return first(text, paragraph -> {
            Matcher heading = TIER_HEADING.matcher(paragraph);
            return heading.lookingAt() ? CountryNames.code(heading.group("name")) : Optional.empty();
        }).or(() -> first(text, paragraph -> {
            Matcher heading = TIER_FIRST.matcher(paragraph);
            return heading.lookingAt() ? leadingCountry(heading.group("name")) : Optional.empty();
        })).or(() -> first(text, paragraph -> leadingCountry(REPORT_DASH_COUNTRY, paragraph)))
                .or(() -> first(text, paragraph -> leadingCountry(RECOMMENDATIONS_FOR, paragraph)))
                .or(() -> first(text, paragraph -> leadingCountry(MINIMUM_STANDARDS, paragraph)));
    }

    static Optional<Integer> year(ReportText text) {
        return first(text, paragraph -> reportYear(YEAR_BEFORE_REPORT, paragraph))
                .or(() -> first(text, paragraph -> reportYear(YEAR_AFTER_REPORT, paragraph)))
                .or(() -> first(text, ReportHeading::lastChartYear));
    }

    static Optional<Tier> tier(ReportText text) {
        return first(text, paragraph -> {
            Matcher heading = TIER_HEADING.matcher(paragraph);
            return heading.lookingAt() && CountryNames.code(heading.group("name")).isPresent()
                    ? Optional.of(tierOf(heading))
                    : Optional.empty();
        }).or(() -> first(text, paragraph -> {
            Matcher heading = TIER_FIRST.matcher(paragraph);
            return heading.lookingAt() && leadingCountry(heading.group("name")).isPresent()
                    ? Optional.of(tierOf(heading))
                    : Optional.empty();
        })).or(() -> first(text, paragraph -> {
            Matcher alone = TIER_ALONE.matcher(paragraph);
            return alone.matches() ? Optional.of(tierOf(alone)) : Optional.empty();
        })).or(() -> first(text, paragraph -> {
            Matcher sentence = TIER_SENTENCE.matcher(paragraph);
            return sentence.find() ? Optional.of(tierOf(sentence)) : Optional.empty();
        })).or(() -> first(text, paragraph -> {
            Matcher sentence = SPECIAL_CASE_SENTENCE.matcher(paragraph);
            return sentence.find() ? Optional.of(Tier.SPECIAL_CASE) : Optional.empty();
        }));
    }

    static boolean isReportYear(int year) {
        return year >= FIRST_YEAR && year <= Year.now().getValue() + 1;
    }

    private static <T> Optional<T> first(ReportText text, Function<String, Optional<T>> read) {
        for (String paragraph : text.paragraphs()) {
            Optional<T> found = read.apply(paragraph);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The tier a heading pattern matched; SPECIAL_CASE_SENTENCE has no level group, the others have all three. */
    static Tier tierOf(Matcher matcher) {
        if (matcher.group("special") != null) {
            return Tier.SPECIAL_CASE;
        }
        return switch (matcher.group("level").toUpperCase(Locale.ROOT)) {
            case "1", "I" -> Tier.TIER_1;
            case "3", "III" -> Tier.TIER_3;
            default -> matcher.group("watch") == null ? Tier.TIER_2 : Tier.TIER_2_WATCH_LIST;
        };
    }

    private static Optional<Integer> reportYear(Pattern pattern, String paragraph) {
        Matcher matcher = pattern.matcher(paragraph);
        while (matcher.find()) {
            int year = Integer.parseInt(matcher.group("year"));
            if (isReportYear(year)) {
                return Optional.of(year);
            }
        }
        return Optional.empty();
    }

    private static Optional<Integer> lastChartYear(String paragraph) {
        Matcher chart = TIER_CHART.matcher(paragraph);
        if (!chart.find()) {
            return Optional.empty();
        }
        Matcher token = CHART_TOKEN.matcher(paragraph);
        token.region(chart.end(), paragraph.length());
        int last = 0;
        while (token.find()) {
            if (token.group(1).length() == 4) {
                last = Math.max(last, Integer.parseInt(token.group(1)));
            }
        }
        return isReportYear(last) ? Optional.of(last) : Optional.empty();
    }

    /** The country named by the longest run of leading words of the captured name: "LAOS The Government…" → LAO. */
    private static Optional<String> leadingCountry(Pattern pattern, String paragraph) {
        Matcher matcher = pattern.matcher(paragraph);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return leadingCountry(matcher.group("name"));
    }

    /** The country named by the longest run of leading words of a name: "ST. MAARTEN St. Maarten is…" → SXM. */
    static Optional<String> leadingCountry(String name) {
        List<String> words = Arrays.asList(name.strip().split(" "));
        for (int count = Math.min(MAX_NAME_WORDS, words.size()); count > 0; count--) {
            Optional<String> code = CountryNames.code(String.join(" ", words.subList(0, count)));
            if (code.isPresent()) {
                return code;
            }
        }
        return Optional.empty();
    }
}
