package org.rectrack.recommendations.importing.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.Seeds;
import org.rectrack.events.evidence.Assessment;
import org.rectrack.events.recommendations.Pillar;
import org.rectrack.recommendations.importing.text.KnownRecommendation;
import org.rectrack.recommendations.importing.parsing.ParseResult;
import org.rectrack.recommendations.importing.parsing.ReportHints;
import org.rectrack.recommendations.importing.parsing.ReportTextParser;

class NarrativeReaderTest {

    private final NarrativeReader reader = new NarrativeReader();

    @Test
    void the2022NarrativeStatesTheseGovernmentFigures() {
        List<ProposedEvidence> items = reader.read(Seeds.read(Seeds.LAO_NEWS_AND_REPORT_2022), 2022, List.of());

        assertThat(items.stream().flatMap(item -> item.metrics().stream()).map(NarrativeReaderTest::describe)).containsExactly(
                "CASES_INVESTIGATED 39 CASES 2021",
                "CASES_INVESTIGATED 21 CASES 2020",
                "PROSECUTIONS 21 CASES 2021",
                "PROSECUTIONS 13 CASES 2021",
                "CONVICTIONS 10 PERSONS 2021",
                "CONVICTIONS 11 PERSONS 2020",
                "OFFICIALS_TRAINED 300 PERSONS 2021",
                "OFFICIALS_TRAINED 129 PERSONS 2020",
                "VICTIMS_IDENTIFIED 110 PERSONS 2021",
                "VICTIMS_IDENTIFIED 30 PERSONS FEMALE ADULT 2021",
                "VICTIMS_IDENTIFIED 62 PERSONS FEMALE CHILD 2021",
                "VICTIMS_IDENTIFIED 5 PERSONS MALE ADULT 2021",
                "VICTIMS_IDENTIFIED 13 PERSONS MALE CHILD 2021",
                "VICTIMS_IDENTIFIED 142 PERSONS 2020",
                "OFFICIALS_TRAINED 318 PERSONS 2021",
                "VICTIMS_REFERRED 15 PERSONS 2021",
                "VICTIMS_REFERRED 8 PERSONS FEMALE CHILD 2021",
                "VICTIMS_REFERRED 6 PERSONS MALE CHILD 2021",
                "VICTIMS_REFERRED 60 PERSONS 2020",
                "VICTIMS_REFERRED 220 PERSONS FEMALE 2021",
                "BUDGET 300000000 LAK 2020");
    }

    @Test
    void aFigureItemQuotesItsSentenceAndIsDatedByItsMainFigure() {
        List<ProposedEvidence> items = reader.read(Seeds.read(Seeds.LAO_NEWS_AND_REPORT_2022), 2022, List.of());

        ProposedEvidence investigations = items.stream().filter(item -> item.quote().contains("39 potential cases"))
                .findFirst().orElseThrow();
        assertThat(investigations.quote()).isEqualTo("Despite these obstacles, the Anti-Trafficking Department (ATD) "
                + "within the Ministry of Public Security investigated 39 potential cases of trafficking involving 77 "
                + "suspected perpetrators from January to December 2021 (compared with 21 cases involving 43 "
                + "perpetrators in 2020).");
        assertThat(investigations.year()).isEqualTo(2021);
        assertThat(investigations.pillar()).isEqualTo(Pillar.PROSECUTION);
        assertThat(investigations.assessment()).isEqualTo(Assessment.ADVANCES);

        ProposedEvidence fewerVictims = items.stream().filter(item -> item.quote().contains("142 victims"))
                .findFirst().orElseThrow();
        assertThat(fewerVictims.assessment()).isEqualTo(Assessment.SETBACK);
        assertThat(fewerVictims.pillar()).isEqualTo(Pillar.PROTECTION);
    }

    @Test
    void the2021PreventionExcerptStatesTheBudgetAndHotlineCalls() {
        List<ProposedEvidence> items = reader.read(Seeds.read(Seeds.PREVENTION_2021), 2021, List.of());

        assertThat(items.stream().flatMap(item -> item.metrics().stream()).map(NarrativeReaderTest::describe)).containsExactly(
                "BUDGET 300000000 LAK 2020",
                "HOTLINE_CALLS 15 CALLS_PER_MONTH 2020",
                "HOTLINE_CALLS 60 CALLS_PER_DAY 2020");
        assertThat(items).allSatisfy(item -> assertThat(item.pillar()).isEqualTo(Pillar.PREVENTION));
        assertThat(items).extracting(ProposedEvidence::quote)
                .contains("The government did not make efforts to reduce the demand for commercial sex.");
    }

    @Test
    void the2023FindingsAreProposedAgainstThe2022Recommendations() {
        List<ProposedEvidence> items = reader.read(Seeds.read(Seeds.REPORT_2023), 2023, recommendations2022());

        assertThat(items).extracting(ProposedEvidence::assessment, ProposedEvidence::pillar, ProposedEvidence::year,
                item -> item.recommendation().code()).containsExactly(
                        tuple(Assessment.NO_PROGRESS, Pillar.PROSECUTION, 2022, "LAO-2022-07"),
                        tuple(Assessment.SETBACK, Pillar.PROTECTION, 2022, "LAO-2022-03"),
                        tuple(Assessment.NO_PROGRESS, Pillar.PREVENTION, 2022, "LAO-2022-01"));
        assertThat(items.getFirst().quote()).isEqualTo("Courts did not convict any traffickers.");
        assertThat(items).allSatisfy(item -> assertThat(item.metrics()).isEmpty());
    }

    @Test
    void figuresLinkToTheRecommendationOfWhatTheyCount() {
        // The 2022 recommendations stand in for 2021's here: Laos received nearly the same ones both years.
        List<ProposedEvidence> items = reader.read(Seeds.read(Seeds.LAO_NEWS_AND_REPORT_2022), 2022, recommendations2022());

        assertThat(linkOf(items, "conviction of 10 traffickers")).isEqualTo("LAO-2022-07");
        assertThat(linkOf(items, "300 police officers")).isEqualTo("LAO-2022-05");
        assertThat(linkOf(items, "identified 110 trafficking victims")).isEqualTo("LAO-2022-03");
        assertThat(linkOf(items, "recruitment brokerage fees")).isEqualTo("LAO-2022-08");
    }

    @Test
    void theTierFormulaPraiseAndTheTraffickingProfileAreNotFindings() {
        List<ProposedEvidence> items = reader.read(Seeds.read(Seeds.LAO_NEWS_AND_REPORT_2022), 2022, List.of());

        assertThat(items).extracting(ProposedEvidence::quote).noneMatch(quote -> quote.contains("minimum standards"))
                .noneMatch(quote -> quote.contains("not contingent"))
                .noneMatch(quote -> quote.contains("13,000 individuals"))
                .noneMatch(quote -> quote.startsWith("Continue to increase efforts"));
    }

    @Test
    void arbitraryTextNeverThrows() {
        Random random = new Random(2397);
        String seed = Seeds.read(Seeds.LAO_NEWS_AND_REPORT_2022);
        List<KnownRecommendation> previous = recommendations2022();
        for (int run = 0; run < 100; run++) {
            int at = random.nextInt(seed.length());
            String text = seed.substring(0, at) + "(— $ ; 1,,2 9-9 of the 3 million kip" + seed.substring(random.nextInt(at + 1));
            assertThatCode(() -> reader.read(text, 2022, previous)).as("run %d", run)
                    .doesNotThrowAnyException();
        }
        assertThatCode(() -> reader.read("", 2022, List.of())).doesNotThrowAnyException();
        assertThatCode(() -> reader.read("(((( ———— 5 of the of the 7 ".repeat(20_000), 2022, List.of()))
                .doesNotThrowAnyException();
    }

    static List<KnownRecommendation> recommendations2022() {
        ParseResult.Parsed parsed = (ParseResult.Parsed) new ReportTextParser()
                .parse(Seeds.read(Seeds.LAO_NEWS_AND_REPORT_2022), ReportHints.NONE);
        return parsed.report().recommendations().stream()
                .map(r -> new KnownRecommendation(UUID.randomUUID(), "LAO-2022-%02d".formatted(r.rank()), 2022, r.text(),
                        r.pillars()))
                .toList();
    }

    private static String linkOf(List<ProposedEvidence> items, String quoted) {
        return items.stream().filter(item -> item.quote().contains(quoted)).findFirst().orElseThrow()
                .recommendation().code();
    }

    private static String describe(ProposedMetric metric) {
        StringBuilder text = new StringBuilder(metric.kind() + " " + metric.value().toPlainString() + " " + metric.unit());
        if (metric.sex() != null) {
            text.append(' ').append(metric.sex());
        }
        if (metric.ageGroup() != null) {
            text.append(' ').append(metric.ageGroup());
        }
        return text.append(' ').append(metric.year()).toString();
    }
}
