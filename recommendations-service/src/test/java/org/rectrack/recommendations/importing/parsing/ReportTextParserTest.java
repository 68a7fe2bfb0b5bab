package org.rectrack.recommendations.importing.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rectrack.deploy.infra.testing.Seeds;
import org.rectrack.events.recommendations.Pillar;
import org.rectrack.events.recommendations.Tier;

class ReportTextParserTest {

    /** The 2023 recommendations by their first and last words, in printed order. */
    static final List<String> RECOMMENDATIONS_2023 = List.of(
            "Vigorously … terms.",
            "Increase … trafficking.",
            "Increase … investigations.",
            "Improve … communities.",
            "Continue … guidelines.",
            "Proactively … sex.",
            "Train … tourists.",
            "Publicize … referral.",
            "Further … fees.",
            "Continue … trafficking.",
            "Screen … 2397.");

    static final List<String> RECOMMENDATIONS_2022 = List.of(
            "Continue … guidelines.",
            "Proactively … sex.",
            "Increase … trafficking.",
            "Train … procedures.",
            "Further … tourists.",
            "Publicize … referral.",
            "Increase … convictions.",
            "Further … fees.",
            "Continue … trafficking.");

    private final ReportTextParser parser = new ReportTextParser();

    @Test
    void the2023ReportIsLaosTier2WithElevenRecommendationsInPrintedOrder() {
        ParsedReport report = parsed(Seeds.read(Seeds.REPORT_2023));

        assertThat(report.country()).isEqualTo("LAO");
        assertThat(report.year()).isEqualTo(2023);
        assertThat(report.tier()).isEqualTo(Tier.TIER_2);
        assertThat(report.title()).isEqualTo("2023 Trafficking in Persons Report: Laos");
        assertThat(firstAndLastWords(report)).containsExactlyElementsOf(RECOMMENDATIONS_2023);
        assertThat(report.recommendations()).extracting(ParsedRecommendation::rank)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 11).boxed().toList());
    }

    @Test
    void the2023ScreeningRecommendationKeepsItsSemicolonsAndTypographicQuotes() {
        ParsedRecommendation screening = parsed(Seeds.read(Seeds.REPORT_2023)).recommendations().get(5);

        assertThat(screening.text())
                .startsWith("Proactively screen for trafficking indicators among vulnerable groups, including Lao")
                .contains("People’s Republic of China (PRC)’s Belt and Road Initiative")
                .contains("; Laos and foreign nationals employed in SEZs; Laos and foreign nationals exploited")
                .endsWith("and other establishments that facilitate commercial sex.");
        assertThat(screening.text().chars().filter(c -> c == ';')).hasSize(4);
    }

    @Test
    void the2022ReportAfterTheLaoArticleIsLaosTier2WithNineBulletedRecommendations() {
        ParsedReport report = parsed(Seeds.read(Seeds.LAO_NEWS_AND_REPORT_2022));

        assertThat(report.country()).isEqualTo("LAO");
        assertThat(report.year()).isEqualTo(2022);
        assertThat(report.tier()).isEqualTo(Tier.TIER_2);
        assertThat(firstAndLastWords(report)).containsExactlyElementsOf(RECOMMENDATIONS_2022);
        assertThat(report.recommendations()).allSatisfy(r -> assertThat(r.text()).doesNotContain("•", "PROSECUTION"));
    }

    @Test
    void theLaoLanguageArticleChangesNothing() {
        String withArticle = Seeds.read(Seeds.LAO_NEWS_AND_REPORT_2022);
        String englishOnly = withArticle.substring(withArticle.indexOf("TRAFFICKING IN PERSON REPORT"));
        String article = withArticle.substring(0, withArticle.indexOf("TRAFFICKING IN PERSON REPORT"));

        assertThat(parser.parse(englishOnly, ReportHints.NONE)).isEqualTo(parser.parse(withArticle, ReportHints.NONE));
        String report2023 = Seeds.read(Seeds.REPORT_2023);
        assertThat(parser.parse(article + report2023, ReportHints.NONE))
                .isEqualTo(parser.parse(report2023, ReportHints.NONE));
    }

    @Test
    void the2021PreventionExcerptHasNoRecommendationsEvenWhenCountryYearAndTierAreGiven() {
        ParseResult result = parser.parse(Seeds.read(Seeds.PREVENTION_2021), new ReportHints("LAO", 2021, Tier.TIER_2));

        assertThat(result).isInstanceOfSatisfying(ParseResult.Failed.class, failed -> assertThat(failed.problems())
                .singleElement()
                .satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("recommendations");
                    assertThat(problem.message()).startsWith("no recommendations found");
                }));
    }

    @Test
    void theOlderGeneralTextHasNoRecommendations() {
        ParseResult result = parser.parse(Seeds.read(Seeds.GENERAL_TEXT), ReportHints.NONE);

        assertThat(problems(result)).contains("recommendations: no recommendations found: the text has no "
                + "'Prioritized Recommendations' or 'Recommendations for <country>:' section followed by recommendations");
    }

    @Test
    void the2012LayoutSplitsAtSemicolonsOnlyWhereTheNextRecommendationBegins() {
        // The 2023 recommendations written the 2012 way: one paragraph, lower case, "; " between them.
        List<String> texts = parsed(Seeds.read(Seeds.REPORT_2023)).recommendations().stream()
                .map(ParsedRecommendation::text).toList();
        String list = IntStream.range(0, texts.size())
                .mapToObj(i -> (i == texts.size() - 1 ? "and " : "") + lowerFirst(withoutFullStop(texts.get(i))))
                .collect(Collectors.joining("; "));
        String text = """
                2012 Trafficking in Persons Report - Laos

                LAOS (Tier 2 Watch List)

                The Government of Laos does not fully comply with the minimum standards for the elimination of trafficking.

                Recommendations for Laos: %s.

                Prosecution
                The government increased law enforcement efforts; it convicted traffickers.
                """.formatted(list);

        ParsedReport report = parsed(text);

        assertThat(report.year()).isEqualTo(2012);
        assertThat(report.tier()).isEqualTo(Tier.TIER_2_WATCH_LIST);
        assertThat(report.recommendations()).extracting(ParsedRecommendation::text).containsExactlyElementsOf(texts);
    }

    @Test
    void aPrioritizedListEndsWhereTheNarrativeResumes() {
        String text = """
                LAOS (Tier 2)

                Prioritized Recommendations

                Increase investigations of forced labor in special economic zones.

                Train border officials on victim identification.

                The government maintained law enforcement efforts. Courts convicted 10 traffickers.

                Increase is what observers hoped to see in the next year.
                """;

        assertThat(parsed(text, 2023).recommendations()).extracting(ParsedRecommendation::text).containsExactly(
                "Increase investigations of forced labor in special economic zones.",
                "Train border officials on victim identification.");
    }

    @Test
    void aPrioritizedListEndsAtTheNextSectionHeadingAndBeforePageFurniture() {
        String text = "LAOS: TIER 2\n\nPRIORITIZED RECOMMENDATIONS:\nIncrease investigations of forced labor.\n"
                + "Screen returning migrants for trafficking indicators.\nPROSECUTION\nProsecute more traffickers was "
                + "the aim.\n\nXS\nSM\n";

        assertThat(parsed(text, 2023).recommendations()).extracting(ParsedRecommendation::text).containsExactly(
                "Increase investigations of forced labor.",
                "Screen returning migrants for trafficking indicators.");
    }

    @Test
    void linesWrappedInsideARecommendationAreJoined() {
        String text = "LAOS (Tier 2)\n\nPrioritized Recommendations\n\nVigorously investigate and prosecute traffickers\n"
                + "and seek adequate penalties for convicted traffickers.\n\nIncrease transnational\ncollaboration.\n";

        assertThat(parsed(text, 2023).recommendations()).extracting(ParsedRecommendation::text).containsExactly(
                "Vigorously investigate and prosecute traffickers and seek adequate penalties for convicted traffickers.",
                "Increase transnational collaboration.");
    }

    @Test
    void bulletsOnLinesOfTheirOwnAreOneRecommendationEach() {
        String text = "LAOS (Tier 2)\nPrioritized Recommendations:\n• Increase trafficking investigations.\n"
                + "- Publicize all anti-trafficking hotlines.\n● Screen North Korean workers for signs of trafficking.\n"
                + "The government decreased prevention efforts.\n";

        assertThat(parsed(text, 2023).recommendations()).extracting(ParsedRecommendation::text).containsExactly(
                "Increase trafficking investigations.",
                "Publicize all anti-trafficking hotlines.",
                "Screen North Korean workers for signs of trafficking.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            LAOS (Tier 2)                                              | LAO | TIER_2
            LAOS: TIER 2                                               | LAO | TIER_2
            Laos: Tier 2 Watch List                                    | LAO | TIER_2_WATCH_LIST
            LAOS: TIER 2WL                                             | LAO | TIER_2_WATCH_LIST
            BURMA: TIER 3                                              | MMR | TIER_3
            KOREA, NORTH: TIER 3                                       | PRK | TIER_3
            CÔTE D’IVOIRE: TIER 2                                      | CIV | TIER_2
            THE GAMBIA (Tier 2 Watch List)                             | GMB | TIER_2_WATCH_LIST
            SAINT VINCENT AND THE GRENADINES: TIER 1                   | VCT | TIER_1
            LIBYA: SPECIAL CASE                                        | LBY | SPECIAL_CASE
            """)
    void headingsNameTheCountryAndTier(String heading, String country, Tier tier) {
        ParsedReport report = parsed(heading + "\n\nPrioritized Recommendations\n\nIncrease trafficking investigations.", 2023);

        assertThat(report.country()).isEqualTo(country);
        assertThat(report.tier()).isEqualTo(tier);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            LAOS (Tier 2) Extracted in part from the U.S. State Dept 2023 TIP Report | 2023
            2012 Trafficking in Persons Report - Laos                                | 2012
            Trafficking in Persons Report, June 2016: Laos                           | 2016
            """)
    void headingsNameTheYear(String heading, int year) {
        ParsedReport report = parsed(heading + "\n\nLAOS: TIER 2\n\nPrioritized Recommendations\n\n"
                + "Increase trafficking investigations.");

        assertThat(report.year()).isEqualTo(year);
        assertThat(report.country()).isEqualTo("LAO");
    }

    @Test
    void hintsFillWhatTheTextDoesNotSayAndMustAgreeWithWhatItDoes() {
        String excerpt = "Prioritized Recommendations\n\nIncrease trafficking investigations.";

        assertThat(parsed(parser.parse(excerpt, new ReportHints("LAO", 2023, Tier.TIER_2))).country()).isEqualTo("LAO");
        assertThat(problems(parser.parse(excerpt, ReportHints.NONE)))
                .containsExactly(
                        "country: the text names no country in a heading such as 'LAOS (Tier 2)'; give ?country=LAO",
                        "year: the text names no report year in a heading such as '2023 TIP Report'; give ?year=2023",
                        "tier: the text names no tier in a heading such as 'LAOS (Tier 2)'; give ?tier=TIER_2");
        assertThat(problems(parser.parse(Seeds.read(Seeds.REPORT_2023), new ReportHints("MMR", 2023, null))))
                .containsExactly("country: the text says LAO but country=MMR was given");
    }

    @Test
    void pillarsAndTargetGroupsAreProposedFromTheWording() {
        List<ParsedRecommendation> recommendations = parsed(Seeds.read(Seeds.REPORT_2023)).recommendations();

        assertThat(recommendations.get(0).pillars()).containsExactly(Pillar.PROSECUTION);
        assertThat(recommendations.get(1).pillars()).containsExactly(Pillar.PROTECTION);
        assertThat(recommendations.get(1).targetGroups()).containsExactly("men", "boys", "LGBTQI+");
        assertThat(recommendations.get(2).pillars()).containsExactly(Pillar.PROSECUTION, Pillar.PARTNERSHIP);
        assertThat(recommendations.get(5).targetGroups())
                .containsExactly("foreign workers", "displaced communities", "migrant workers", "women", "girls");
        assertThat(recommendations.get(8).pillars()).containsExactly(Pillar.PREVENTION);
        assertThat(recommendations.get(10).targetGroups()).containsExactly("North Korean workers");
    }

    @Test
    void emptyAndNonEnglishTextsSaySo() {
        assertThat(problems(parser.parse("", ReportHints.NONE)))
                .containsExactly("text: has no English text to read a report from");
        assertThat(problems(parser.parse(" \r\n\t\n", ReportHints.NONE)))
                .containsExactly("text: has no English text to read a report from");
        assertThat(problems(parser.parse("ລາວ ຍັງຖືກຈັດເຂົ້າ ໃນກຸ່ມ", ReportHints.NONE)))
                .containsExactly("text: has no English text to read a report from");
    }

    static List<String> firstAndLastWords(ParsedReport report) {
        return report.recommendations().stream().map(r -> {
            String[] words = r.text().split(" ");
            return words[0] + " … " + words[words.length - 1];
        }).toList();
    }

    static List<String> problems(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Failed.class);
        return ((ParseResult.Failed) result).problems().stream().map(p -> p.field() + ": " + p.message()).toList();
    }

    private ParsedReport parsed(String text) {
        return parsed(parser.parse(text, ReportHints.NONE));
    }

    private ParsedReport parsed(String text, int year) {
        return parsed(parser.parse(text, new ReportHints(null, year, null)));
    }

    private static ParsedReport parsed(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).report();
    }

    private static String lowerFirst(String text) {
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static String withoutFullStop(String text) {
        return text.substring(0, text.length() - 1);
    }
}
