package org.rectrack.recommendations.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rectrack.events.evidence.MetricKind;
import org.rectrack.recommendations.importing.Corpus.Fixture;
import org.rectrack.recommendations.importing.figures.NarrativeReader;
import org.rectrack.recommendations.importing.figures.ProposedEvidence;
import org.rectrack.recommendations.importing.parsing.ParseResult;
import org.rectrack.recommendations.importing.parsing.ParsedRecommendation;
import org.rectrack.recommendations.importing.parsing.ParsedReport;
import org.rectrack.recommendations.importing.parsing.ReportHints;
import org.rectrack.recommendations.importing.parsing.ReportTextParser;

/**
 * Every real narrative of {@code shared/corpus} read against every field a careful reader wrote down for it:
 * country, year, tier, the recommendations in order word for word, and the law-enforcement figures with the
 * year each is about. Where the copy lost the year, the admin gives it, as the import's {@code ?year=} does.
 */
class CorpusTest {

    /** The kinds of figure the corpus lists; it leaves the others (referrals, training, budget) unlisted. */
    private static final Set<MetricKind> LISTED_KINDS = Set.of(MetricKind.CASES_INVESTIGATED, MetricKind.PROSECUTIONS,
            MetricKind.CONVICTIONS, MetricKind.VICTIMS_IDENTIFIED);

    private final ReportTextParser parser = new ReportTextParser();
    private final NarrativeReader reader = new NarrativeReader();

    static Stream<Fixture> fixtures() {
        return Corpus.fixtures().stream();
    }

    @Test
    void theCorpusIsThere() {
        assertThat(Corpus.fixtures()).hasSizeGreaterThanOrEqualTo(8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void countryYearAndTierAreRead(Fixture fixture) {
        ParsedReport report = parsed(fixture);

        assertThat(report.country()).isEqualTo(fixture.country());
        assertThat(report.year()).isEqualTo(fixture.reportYear());
        assertThat(report.tier()).isEqualTo(fixture.tier());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyRecommendationIsReadWordForWordInPrintedOrder(Fixture fixture) {
        ParsedReport report = parsed(fixture);

        assertThat(report.recommendations()).hasSize(fixture.count());
        assertThat(report.recommendations()).extracting(ParsedRecommendation::text)
                .containsExactlyElementsOf(fixture.recommendations());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyListedFigureIsReadOnceWithItsYear(Fixture fixture) {
        List<ProposedEvidence> items = reader.read(fixture.text(), fixture.reportYear(), List.of());

        List<Tuple> read = items.stream()
                .flatMap(item -> item.metrics().stream().filter(metric -> LISTED_KINDS.contains(metric.kind()))
                        .map(metric -> tuple(metric.kind(), metric.value().longValueExact(), metric.year(), item.quote())))
                .toList();
        assertThat(read).containsExactlyInAnyOrderElementsOf(fixture.figures().stream()
                .map(figure -> tuple(figure.kind(), figure.value(), figure.year(), figure.quote())).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void aNarrativeWithoutRecommendationsSaysSo(Fixture fixture) {
        ParsedReport report = parsed(fixture);

        if (fixture.count() == 0) {
            assertThat(report.notes()).anySatisfy(note -> assertThat(note).startsWith("no recommendations"));
        } else {
            assertThat(report.notes()).isEmpty();
        }
    }

    private ParsedReport parsed(Fixture fixture) {
        // the year is given only where the text does not state it, as an admin would
        ReportHints hints = new ReportHints(null, fixture.year() == null ? fixture.yearFromSource() : null, null);
        ParseResult result = parser.parse(fixture.text(), hints);
        assertThat(result).as("%s: %s", fixture.file(), result).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).report();
    }
}
