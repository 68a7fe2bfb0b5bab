package org.rectrack.recommendations.importing.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rectrack.events.recommendations.Tier;

/**
 * One small made-up input for each kind of layout that imports got wrong (issue 13), so that each kind, not
 * only its real example, stays read right. Kenya stands in for any country.
 */
class ReportLayoutsTest {

    private static final List<String> KENYA_2012 = List.of(
            "Increase efforts to address internal trafficking by assisting victims within the country and prosecuting "
                    + "their traffickers.",
            "Demonstrate stronger efforts against official complicity, especially locally, through prosecutions.",
            "Develop monitoring of labor recruiters.",
            "Adopt a national action plan.");

    private final ReportTextParser parser = new ReportTextParser();

    @Test
    void noWordOfASemicolonListIsLostWhereAnItemOpensWithAVerbNotKnownBefore() {
        String text = "KENYA (Tier 2)\n\nRecommendations for Kenya: Increase efforts to address internal trafficking by "
                + "assisting victims within the country and prosecuting their traffickers; demonstrate stronger efforts "
                + "against official complicity, especially locally, through prosecutions; develop monitoring of labor "
                + "recruiters; and adopt a national action plan.\n";

        assertThat(texts(parsed(text, 2012))).containsExactlyElementsOf(KENYA_2012);
    }

    @Test
    void anItemOpeningWithAnyVerbIsNotGluedToTheOneBefore() {
        String text = "KENYA: TIER 2\n\nRecommendations for Kenya: Increase efforts to prosecute forced labor; boost efforts "
                + "to identify victims; consider an independent budget for the committee; forge partnerships with "
                + "NGOs to shelter adult victims; and stay the deportation of potential victims.\n";

        assertThat(texts(parsed(text, 2013))).containsExactly(
                "Increase efforts to prosecute forced labor.",
                "Boost efforts to identify victims.",
                "Consider an independent budget for the committee.",
                "Forge partnerships with NGOs to shelter adult victims.",
                "Stay the deportation of potential victims.");
    }

    @Test
    void aSemicolonBeforeAGroupOfPeopleStaysInsideItsRecommendation() {
        String text = "KENYA: TIER 2\n\nRecommendations for Kenya: Screen vulnerable groups for trafficking, including "
                + "workers in the fisheries; migrant workers returning from the Gulf; and Somali refugees in the camps; "
                + "boost efforts to identify victims among children of migrant workers.\n";

        assertThat(texts(parsed(text, 2013))).containsExactly(
                "Screen vulnerable groups for trafficking, including workers in the fisheries; migrant workers "
                        + "returning from the Gulf; and Somali refugees in the camps.",
                "Boost efforts to identify victims among children of migrant workers.");
    }

    @Test
    void bulletsInsideOneParagraphUnderAHeadingOnItsOwnLineAreOneRecommendationEach() {
        String text = "KENYA: TIER 2\n\nPRIORITIZED RECOMMENDATIONS:\n\nAdopt a law on forced labor. • Fund shelters for "
                + "adult victims. • Train judges on the anti-trafficking law.\n\nPROSECUTION\n\nThe government maintained "
                + "law enforcement efforts.\n";

        assertThat(texts(parsed(text, 2019))).containsExactly(
                "Adopt a law on forced labor.",
                "Fund shelters for adult victims.",
                "Train judges on the anti-trafficking law.");
    }

    @Test
    void itemsRunTogetherWhereACopyLostTheBulletsAreCutAtEachSentenceEnd() {
        String text = "KENYA: TIER 2\n\nPRIORITIZED RECOMMENDATIONS:\n\nCriminalize forced labor.Stop penalizing victims "
                + "for unlawful acts traffickers compelled them to commit.Train judges on the law.\n\nPROSECUTION\n";

        assertThat(texts(parsed(text, 2020))).containsExactly(
                "Criminalize forced labor.",
                "Stop penalizing victims for unlawful acts traffickers compelled them to commit.",
                "Train judges on the law.");
    }

    @Test
    void aHeadingInCapitalsWithoutColonHasItsListOnTheNextLine() {
        String text = "KENYA: TIER 2\nThe Government of Kenya does not fully meet the minimum standards.\n"
                + "RECOMMENDATIONS FOR KENYA\nIncrease efforts to prosecute forced labor; and train judges on the law.\n"
                + "PROSECUTION\nThe government maintained law enforcement efforts.\n";

        ParsedReport report = parsed(text, 2017);

        assertThat(report.country()).isEqualTo("KEN");
        assertThat(texts(report)).containsExactly("Increase efforts to prosecute forced labor.", "Train judges on the law.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Recommendations for Kenya: Adopt a law on forced labor; train judges on the law.            | TIER_2
            RECOMMENDATIONS FOR KENYA\\nAdopt a law on forced labor; train judges on the law.           | TIER_2
            PRIORITIZED RECOMMENDATIONS:\\nAdopt a law on forced labor. • Train judges on the law.      | TIER_2
            Prioritized Recommendations\\n\\nAdopt a law on forced labor.\\n\\nTrain judges on the law. | TIER_2
            Adopt a law on forced labor; and train judges on the law.                                  | TIER_2
            """)
    void everyYearsRecommendationsHeadingIsKnown(String section, Tier tier) {
        for (String heading : List.of("KENYA (Tier 2)", "KENYA: TIER 2", "Kenya – Tier 2")) {
            String text = heading + "\n\nThe Government of Kenya does not fully meet the minimum standards.\n\n"
                    + section.replace("\\n", "\n") + "\n\nPROSECUTION\n\nThe government maintained efforts.\n";

            ParsedReport report = parsed(text, 2015);

            assertThat(report.country()).as(heading).isEqualTo("KEN");
            assertThat(report.tier()).as(heading).isEqualTo(tier);
            assertThat(texts(report)).as(heading + " / " + section)
                    .containsExactly("Adopt a law on forced labor.", "Train judges on the law.");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            SPECIAL CASE: KENYA            | SPECIAL_CASE
            KENYA: SPECIAL CASE            | SPECIAL_CASE
            KENYA (Special Case)           | SPECIAL_CASE
            TIER 2 WATCH LIST: KENYA       | TIER_2_WATCH_LIST
            KENYA: Tier 2 Watch List       | TIER_2_WATCH_LIST
            KENYA (Tier 3)                 | TIER_3
            KENYA: TIER 1                  | TIER_1
            """)
    void tierHeadingsInEitherOrderNameCountryAndTier(String heading, Tier tier) {
        ParsedReport report = parsed(heading + "\n\nPrioritized Recommendations\n\nAdopt a law on forced labor.\n", 2020);

        assertThat(report.country()).isEqualTo("KEN");
        assertThat(report.tier()).isEqualTo(tier);
    }

    @Test
    void aTierAloneOnALineGivesTheTier() {
        ParsedReport report = parsed("TIER 2 WATCH LIST\n\nRecommendations for Kenya: Adopt a law on forced labor.\n", 2010);

        assertThat(report.country()).isEqualTo("KEN");
        assertThat(report.tier()).isEqualTo(Tier.TIER_2_WATCH_LIST);
    }

    @Test
    void aSpecialCaseWithoutRecommendationsIsAReportWithNoneAndSaysSo() {
        String text = "SPECIAL CASE: KENYA\n\nKenya is a Special Case. Floods impeded the government's ability to report.\n\n"
                + "GOVERNMENT EFFORTS\n\nThe government investigated two cases.\n";

        ParsedReport report = parsed(text, 2018);

        assertThat(report.country()).isEqualTo("KEN");
        assertThat(report.tier()).isEqualTo(Tier.SPECIAL_CASE);
        assertThat(report.recommendations()).isEmpty();
        assertThat(report.notes()).containsExactly(
                "no recommendations: the text is a Special Case narrative, for which the report gives none");
    }

    @Test
    void aNarrativeOfAnotherTierWithoutRecommendationsIsStillNoReport() {
        ParseResult result = parser.parse("KENYA: TIER 2\n\nThe government investigated two cases.\n",
                new ReportHints(null, 2018, null));

        assertThat(ReportTextParserTest.problems(result)).singleElement().asString().startsWith("recommendations: no recommendations found");
    }

    @Test
    void twoNarrativesPastedTogetherAreCutAtTheSecondHeading() {
        String kenya = "KENYA: TIER 2\nRecommendations for Kenya: Increase efforts to prosecute forced labor; and adopt a "
                + "national action plan.\n";
        String uganda = "UGANDA: TIER 2 WATCH LIST\nRecommendations for Uganda: Train judges on the law; and fund shelters.\n";

        List<NarrativeSplitter.Narrative> narratives = NarrativeSplitter.split(kenya + uganda);
        ParsedReport first = parsed(kenya + uganda, 2014);

        assertThat(narratives).extracting(NarrativeSplitter.Narrative::country, NarrativeSplitter.Narrative::start)
                .containsExactly(tuple("KEN", 0), tuple("UGA", kenya.length()));
        assertThat(narratives).extracting(NarrativeSplitter.Narrative::text).containsExactly(kenya, uganda);
        assertThat(texts(first)).containsExactly("Increase efforts to prosecute forced labor.", "Adopt a national action plan.");
        assertThat(first.notes()).singleElement().asString().contains("UGA " + kenya.length());
    }

    @Test
    void aHeadingPastedRightAfterTheLastRecommendationStartsTheNextNarrative() {
        String text = "KENYA: TIER 2\nRecommendations for Kenya: Adopt a national action plan; and train judges on the law. "
                + "UGANDA: TIER 2 The Government of Uganda does not fully meet the minimum standards. Recommendations for "
                + "Uganda: Fund shelters for adult victims; and train judges on the law.\n";

        List<ReportTextParser.NarrativeResult> each = parser.parseEach(text, new ReportHints(null, 2014, null));

        assertThat(each).extracting(result -> report(result.result()).country()).containsExactly("KEN", "UGA");
        assertThat(texts(report(each.getFirst().result())))
                .containsExactly("Adopt a national action plan.", "Train judges on the law.");
        assertThat(texts(report(each.getLast().result())))
                .containsExactly("Fund shelters for adult victims.", "Train judges on the law.");
    }

    @Test
    void aTextWithOneNarrativeIsOneNarrativeCoveringAllOfIt() {
        String text = "[ Banner ]\n\n2020 Trafficking in Persons Report: Estonia\n\nESTONIA: Tier 1\n\nThe Government of Estonia…\n";

        assertThat(NarrativeSplitter.split(text)).singleElement()
                .satisfies(narrative -> {
                    assertThat(narrative.country()).isEqualTo("EST");
                    assertThat(narrative.text()).isEqualTo(text);
                });
    }

    private ParsedReport parsed(String text, int year) {
        return report(parser.parse(text, new ReportHints(null, year, null)));
    }

    private static ParsedReport report(ParseResult result) {
        assertThat(result).as("%s", result).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).report();
    }

    private static List<String> texts(ParsedReport report) {
        return report.recommendations().stream().map(ParsedRecommendation::text).toList();
    }
}
