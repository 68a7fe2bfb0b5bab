package org.rectrack.recommendations.importing.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.rectrack.deploy.infra.testing.Seeds;
import org.rectrack.events.recommendations.Pillar;
import org.rectrack.recommendations.importing.text.KnownRecommendation;
import org.rectrack.recommendations.importing.parsing.ParseResult;
import org.rectrack.recommendations.importing.parsing.ParsedRecommendation;
import org.rectrack.recommendations.importing.parsing.ReportHints;
import org.rectrack.recommendations.importing.parsing.ReportTextParser;

class LineageProposerTest {

    private final LineageProposer proposer = new LineageProposer();

    @Test
    void laos2023ContinuesTheObviousRepeatsOf2022AndNothingAbsurd() {
        List<LineageProposal> proposals = proposer.propose(parsed(Seeds.REPORT_2023), known(2022, parsed(Seeds.LAO_NEWS_AND_REPORT_2022)));

        assertThat(proposals.stream().filter(LineageProposal::linked))
                .extracting(LineageProposal::rank, LineageProposal::continuesFromCode)
                .containsExactly(
                        tuple(2, "LAO-2022-03"),   // protection services to men, boys, and LGBTQI+ victims
                        tuple(5, "LAO-2022-01"),   // victim protection and referral guidelines
                        tuple(6, "LAO-2022-02"),   // screening of vulnerable groups
                        tuple(7, "LAO-2022-05"),   // training on the Lao Penal Code
                        tuple(8, "LAO-2022-06"),   // hotlines
                        tuple(9, "LAO-2022-08"),   // recruitment fees
                        tuple(10, "LAO-2022-09")); // diplomatic missions
        assertThat(proposals.stream().filter(LineageProposal::linked))
                .allSatisfy(proposal -> assertThat(proposal.score()).isGreaterThan(0.9));
    }

    @Test
    void relatedButNewRecommendationsAreOnlyShownForAnAdminToDecide() {
        List<LineageProposal> proposals = proposer.propose(parsed(Seeds.REPORT_2023), known(2022, parsed(Seeds.LAO_NEWS_AND_REPORT_2022)));

        assertThat(proposals.stream().filter(proposal -> !proposal.linked()))
                .extracting(LineageProposal::rank, LineageProposal::continuesFromCode)
                .containsExactly(
                        tuple(1, "LAO-2022-07"),  // "investigate and prosecute" against "investigations, prosecutions"
                        tuple(3, "LAO-2022-07")); // transnational collaboration on investigations
        assertThat(proposals).extracting(LineageProposal::rank).doesNotContain(4, 11); // new in 2023
        assertThat(proposals.stream().filter(proposal -> !proposal.linked()))
                .allSatisfy(proposal -> assertThat(proposal.score()).isBetween(LineageProposer.PROPOSAL_FLOOR,
                        LineageProposer.LINK_THRESHOLD));
    }

    @Test
    void ofTwoEqualPredecessorsTheLatestYearsIsContinued() {
        List<ParsedRecommendation> recommendations = List.of(recommendation(1, "Publicize and staff all anti-trafficking hotlines."));
        KnownRecommendation in2021 = known("LAO-2021-04", 2021, "Publicize and staff all anti-trafficking hotlines.");
        KnownRecommendation in2022 = known("LAO-2022-06", 2022, "Publicize and staff all anti-trafficking hotlines.");

        assertThat(proposer.propose(recommendations, List.of(in2021, in2022)))
                .extracting(LineageProposal::continuesFromCode, LineageProposal::score, LineageProposal::linked)
                .containsExactly(tuple("LAO-2022-06", 1.0, true));
    }

    @Test
    void twoNewRecommendationsLikeOneEarlierLinkOnlyTheMoreAlike() {
        List<ParsedRecommendation> recommendations = List.of(
                recommendation(1, "Publicize all government anti-trafficking hotlines and train hotline staff."),
                recommendation(2, "Publicize and adequately staff all government anti-trafficking hotlines."),
                recommendation(3, "Screen North Korean workers for signs of trafficking."));
        KnownRecommendation hotlines = known("LAO-2022-06", 2022, "Publicize and adequately staff all available government anti-trafficking hotlines.");
        KnownRecommendation fees = known("LAO-2022-08", 2022, "Eliminate worker-paid recruitment fees.");

        assertThat(proposer.propose(recommendations, List.of(hotlines, fees)))
                .extracting(LineageProposal::rank, LineageProposal::continuesFromCode, LineageProposal::linked)
                .containsExactly(tuple(1, "LAO-2022-06", false), tuple(2, "LAO-2022-06", true));
    }

    @Test
    void aFirstReportHasNoProposals() {
        assertThat(proposer.propose(parsed(Seeds.REPORT_2023), List.of())).isEmpty();
    }

    private static List<ParsedRecommendation> parsed(String seed) {
        return ((ParseResult.Parsed) new ReportTextParser().parse(Seeds.read(seed), ReportHints.NONE)).report()
                .recommendations();
    }

    private static List<KnownRecommendation> known(int year, List<ParsedRecommendation> recommendations) {
        return recommendations.stream()
                .map(r -> new KnownRecommendation(UUID.randomUUID(), "LAO-%d-%02d".formatted(year, r.rank()), year, r.text(),
                        r.pillars()))
                .toList();
    }

    private static KnownRecommendation known(String code, int year, String text) {
        return new KnownRecommendation(UUID.randomUUID(), code, year, text, List.of(Pillar.PREVENTION));
    }

    private static ParsedRecommendation recommendation(int rank, String text) {
        return new ParsedRecommendation(rank, text, List.of(), List.of());
    }
}
