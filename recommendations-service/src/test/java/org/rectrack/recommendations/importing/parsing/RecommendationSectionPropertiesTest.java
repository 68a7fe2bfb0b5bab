package org.rectrack.recommendations.importing.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.rectrack.deploy.infra.testing.Seeds;
import org.rectrack.recommendations.importing.text.ReportText;

/**
 * Properties of the recommendations parser, checked by jqwik on generated reports in every layout the TIP Report
 * has used (and the ways copies damage them): the recommendations come out as written, in order, and no word
 * of the recommendations section is lost; joining the recommendations gives back the section less its
 * separators. On arbitrary text the parser answers and never throws. jqwik shrinks a failing report to a
 * smallest one and prints it.
 */
class RecommendationSectionPropertiesTest {

    /** Verbs the parser knows, and verbs it has never been told of: it must split at both alike. */
    private static final List<String> VERBS = List.of("Increase", "Train", "Adopt", "Fund", "Screen", "Develop",
            "Vigorously investigate", "Proactively identify", "Boost", "Forge", "Broaden", "Bolster", "Tighten",
            "Stay", "Demonstrate", "Curb");
    private static final List<String> NOUNS = List.of("efforts", "victims", "traffickers", "labor", "recruiters",
            "shelters", "judges", "officials", "law", "plan", "services", "workers", "children", "cases", "funding",
            "hotlines", "police", "prosecutors", "complicity", "procedures", "guidelines", "data", "partnerships");
    private static final List<String> CONNECTORS = List.of("", "to", "for", "of", "on", "with", "and", "among",
            "against");
    private static final List<String> ADJECTIVES = List.of("", "adequate", "national", "independent", "forced",
            "sex", "trafficking", "foreign", "adult", "local");
    /** Words that only separate recommendations: a leading "and" or "or". */
    private static final Set<String> SEPARATOR_WORDS = Set.of("and", "or");

    private static final String INTRO = "The Government of Kenya does not fully meet the minimum standards for the "
            + "elimination of trafficking; therefore Kenya remained on Tier 2.";
    private static final String AFTER = "PROSECUTION\n\nThe government maintained law enforcement efforts.\n";

    private final ReportTextParser parser = new ReportTextParser();

    /** The layouts: what a report's section looks like, from its recommendations. */
    enum Layout {
        RECOMMENDATIONS_FOR_COLON(items -> "KENYA (Tier 2)\n\n" + INTRO + "\n\nRecommendations for Kenya: "
                + semicolons(items) + "\n\n" + AFTER),
        RECOMMENDATIONS_FOR_CAPITALS(items -> "KENYA: TIER 2\n" + INTRO + "\nRECOMMENDATIONS FOR KENYA\n"
                + semicolons(items) + "\n" + AFTER),
        PRIORITIZED_BULLETS_IN_A_PARAGRAPH(items -> "KENYA: TIER 2\n\n" + INTRO + "\n\nPRIORITIZED RECOMMENDATIONS:\n\n"
                + String.join(" • ", items) + "\n\n" + AFTER),
        PRIORITIZED_BULLETS_ON_LINES(items -> "KENYA: TIER 2\n\n" + INTRO + "\n\nPRIORITIZED RECOMMENDATIONS:\n"
                + items.stream().map(item -> "• " + item + "\n").collect(Collectors.joining()) + AFTER),
        PRIORITIZED_PARAGRAPHS(items -> "KENYA (Tier 2)\n\n" + INTRO + "\n\nPrioritized Recommendations\n\n"
                + String.join("\n\n", items) + "\n\n" + AFTER),
        BULLETS_LOST_RUN_TOGETHER(items -> "KENYA: Tier 2\n\n" + INTRO + "\n\nPRIORITIZED RECOMMENDATIONS:\n\n"
                + String.join("", items) + "\n\n" + AFTER),
        BULLETS_LOST_SPACED(items -> "KENYA: Tier 2\n\n" + INTRO + "\n\nPRIORITIZED RECOMMENDATIONS:\n\n"
                + String.join(" ", items) + "\n\n" + AFTER),
        HEADINGS_LOST_SEMICOLONS(items -> INTRO + "\n\n\n" + semicolons(items) + "\n\n\n"
                + "The government maintained law enforcement efforts.\n"),
        HEADINGS_LOST_BULLETS(items -> INTRO + "\n\n\n" + String.join(" • ", items) + "\n\n\n"
                + "The government maintained law enforcement efforts.\n");

        private final Function<List<String>, String> write;

        Layout(Function<List<String>, String> write) {
            this.write = write;
        }

        String write(List<String> items) {
            return write.apply(items);
        }

        /** "Adopt a law.", "Train judges." → "adopt a law; and train judges." */
        private static String semicolons(List<String> items) {
            return IntStream.range(0, items.size())
                    .mapToObj(i -> {
                        String item = items.get(i);
                        String clause = i == 0 ? item : Character.toLowerCase(item.charAt(0)) + item.substring(1);
                        clause = clause.substring(0, clause.length() - 1);
                        return (i > 0 && i == items.size() - 1 ? "and " : "") + clause;
                    })
                    .collect(Collectors.joining("; ")) + ".";
        }
    }

    @Property(tries = 500)
    void everyRecommendationComesOutAsWrittenInOrder(@ForAll("recommendations") List<String> items,
            @ForAll Layout layout) {
        String text = layout.write(items);

        ParseResult result = parser.parse(text, new ReportHints(null, 2015, null));

        assertThat(result).as(text).isInstanceOf(ParseResult.Parsed.class);
        assertThat(((ParseResult.Parsed) result).report().recommendations()).as(text)
                .extracting(ParsedRecommendation::text).containsExactlyElementsOf(items);
    }

    @Property(tries = 500)
    void noWordOfTheSectionIsLost(@ForAll("recommendations") List<String> items, @ForAll Layout layout) {
        assertSectionKeepsEveryWord(layout.write(items));
    }

    @Property(tries = 300)
    void damagedLayoutsNeverThrow(@ForAll("recommendations") List<String> items, @ForAll Layout layout,
            @ForAll("damage") String damage, @ForAll("fractions") double where) {
        String text = layout.write(items);
        int at = (int) (where * text.length());
        String damaged = text.substring(0, at) + damage + text.substring(at);

        assertThatCode(() -> parser.parse(damaged, ReportHints.NONE)).doesNotThrowAnyException();
        assertSectionKeepsEveryWord(damaged);
    }

    @Property(tries = 300)
    void anyTextIsAnsweredWithoutAnException(@ForAll String text) {
        assertThatCode(() -> {
            ParseResult result = parser.parse(text, ReportHints.NONE);
            assertThat(result).isNotNull();
            parser.parseEach(text, ReportHints.NONE);
        }).doesNotThrowAnyException();
        assertSectionKeepsEveryWord(text);
    }

    @Example
    void theSeedsAndCorpusKeepEveryWordOfTheirSections() {
        List<String> texts = new ArrayList<>(List.of(Seeds.REPORT_2023, Seeds.LAO_NEWS_AND_REPORT_2022,
                Seeds.PREVENTION_2021, Seeds.GENERAL_TEXT).stream().map(Seeds::read).toList());
        for (String text : texts) {
            assertSectionKeepsEveryWord(text);
        }
    }

    @Provide
    Arbitrary<List<String>> recommendations() {
        Arbitrary<String> phrase = Combinators.combine(Arbitraries.of(CONNECTORS), Arbitraries.of(ADJECTIVES),
                Arbitraries.of(NOUNS)).as((connector, adjective, noun) -> String.join(" ",
                        Arrays.stream(new String[] { connector, adjective, noun }).filter(word -> !word.isEmpty()).toList()));
        // the verb's object comes first, as in English: "Increase of efforts" would make "Increase" a noun
        Arbitrary<String> recommendation = Combinators.combine(Arbitraries.of(VERBS), Arbitraries.of(NOUNS),
                phrase.list().ofMinSize(1).ofMaxSize(8))
                .as((verb, object, phrases) -> verb + " " + object + " " + String.join(" ", phrases) + ".");
        return recommendation.list().ofMinSize(2).ofMaxSize(12);
    }

    @Provide
    Arbitrary<String> damage() {
        return Arbitraries.oneOf(Arbitraries.of("•", ";", "; ", "\n\n", ".", "PROSECUTION ", "Recommendations for Kenya: ",
                "\u0000", "\r", " and ", "U.S. ", "St. "), Arbitraries.strings().ofMaxLength(20));
    }

    @Provide
    Arbitrary<Double> fractions() {
        return Arbitraries.doubles().between(0, 1);
    }

    /** Every word of the section found is in one of the recommendations, in order, less separating "and"s. */
    private static void assertSectionKeepsEveryWord(String text) {
        RecommendationLists.find(ReportText.of(text)).ifPresent(section -> assertThat(words(String.join(" ", section.items())))
                .as("the section %s", section.text())
                .containsExactlyElementsOf(words(section.text())));
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> !word.isEmpty() && !SEPARATOR_WORDS.contains(word))
                .toList();
    }
}
