package org.rectrack.recommendations.importing.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.rectrack.events.evidence.MetricKind;

class MetricReaderTest {

    @Test
    void aComparisonIsAttributedToItsOwnYear() {
        assertThat(MetricReader.read("Police investigated 12 cases in 2023 (compared with seven cases in 2022).", 2024))
                .extracting(ProposedMetric::kind, ProposedMetric::value, ProposedMetric::year)
                .containsExactly(tuple(MetricKind.CASES_INVESTIGATED, BigDecimal.valueOf(12), 2023),
                        tuple(MetricKind.CASES_INVESTIGATED, BigDecimal.valueOf(7), 2022));
    }

    @Test
    void aComparisonInTheSentenceIsItsOwnYearAndTheReportingPeriodsFiguresAreTheYearBeforeTheReport() {
        assertThat(MetricReader.read("Within the current reporting period, authorities reported investigating 52 cases "
                + "of trafficking, resulting in 31 convictions, compared with 18 cases investigated and 27 convictions in "
                + "2013.", 2015))
                .extracting(ProposedMetric::kind, ProposedMetric::value, ProposedMetric::year)
                .containsExactly(tuple(MetricKind.CASES_INVESTIGATED, BigDecimal.valueOf(52), 2014),
                        tuple(MetricKind.CONVICTIONS, BigDecimal.valueOf(31), 2014),
                        tuple(MetricKind.CASES_INVESTIGATED, BigDecimal.valueOf(18), 2013),
                        tuple(MetricKind.CONVICTIONS, BigDecimal.valueOf(27), 2013));
    }

    @Test
    void aYearBeforeACommaStaysAYearAndSingularNounsCount() {
        assertThat(MetricReader.read("In 2017, the government prosecuted one trafficker and opened one investigation.", 2018))
                .extracting(ProposedMetric::kind, ProposedMetric::value, ProposedMetric::year)
                .containsExactly(tuple(MetricKind.PROSECUTIONS, BigDecimal.ONE, 2017),
                        tuple(MetricKind.CASES_INVESTIGATED, BigDecimal.ONE, 2017));
    }

    @Test
    void aNumberThatSaysWhereAnotherFigureComesFromIsNoFigureOfItsOwn() {
        assertThat(MetricReader.read("Police charged six individuals from two investigations dating back to 2015.", 2018))
                .extracting(ProposedMetric::kind, ProposedMetric::value)
                .containsExactly(tuple(MetricKind.PROSECUTIONS, BigDecimal.valueOf(6)));
    }

    @Test
    void anUndatedFigureIsAboutTheReportingPeriodAndThePreviousPeriodTheYearBefore() {
        assertThat(MetricReader.read("The government allocated 500 million Lao kip ($45,000) to the committee "
                + "(compared with 400 million Lao kip during the previous reporting period).", 2024))
                .extracting(ProposedMetric::kind, ProposedMetric::value, ProposedMetric::unit, ProposedMetric::year)
                .containsExactly(tuple(MetricKind.BUDGET, new BigDecimal("500000000"), "LAK", 2023),
                        tuple(MetricKind.BUDGET, new BigDecimal("400000000"), "LAK", 2022));
    }

    @Test
    void aPartOfATotalCountsAndTheTotalDoesNot() {
        assertThat(MetricReader.read("Prosecutors submitted 21 of the 25 cases for prosecution.", 2022))
                .extracting(ProposedMetric::kind, ProposedMetric::value)
                .containsExactly(tuple(MetricKind.PROSECUTIONS, BigDecimal.valueOf(21)));
    }

    @Test
    void aNumberNextToAnotherKindsWordIsNotCounted() {
        assertThat(MetricReader.read("Courts convicted 11 traffickers in five cases.", 2022))
                .extracting(ProposedMetric::kind, ProposedMetric::value, ProposedMetric::unit)
                .containsExactly(tuple(MetricKind.CONVICTIONS, BigDecimal.valueOf(11), "PERSONS"));
        assertThat(MetricReader.read("Courts ordered nine defendants to pay 65.5 million Lao kip to 11 victims.", 2022))
                .isEmpty();
        assertThat(MetricReader.read("The LWU trained 40 officials in six provinces on victim identification.", 2022))
                .extracting(ProposedMetric::kind, ProposedMetric::value)
                .containsExactly(tuple(MetricKind.OFFICIALS_TRAINED, BigDecimal.valueOf(40)));
    }

    @Test
    void numbersInWordsRangesAndThousandsAreRead() {
        assertThat(MetricReader.read("The hotline received 1,200-1,500 calls a month.", 2022))
                .extracting(ProposedMetric::kind, ProposedMetric::value, ProposedMetric::unit)
                .containsExactly(tuple(MetricKind.HOTLINE_CALLS, BigDecimal.valueOf(1200), "CALLS_PER_MONTH"));
        assertThat(MetricReader.read("Authorities identified twenty-five victims, including eighteen girls.", 2022))
                .extracting(ProposedMetric::value, ProposedMetric::sex, ProposedMetric::ageGroup)
                .containsExactly(tuple(BigDecimal.valueOf(25), null, null), tuple(BigDecimal.valueOf(18), "FEMALE", "CHILD"));
    }
}
