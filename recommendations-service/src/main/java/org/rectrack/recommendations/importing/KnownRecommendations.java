package org.rectrack.recommendations.importing;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.rectrack.events.recommendations.RecommendationState;
import org.rectrack.recommendations.Recommendation;
import org.rectrack.recommendations.Report;
import org.rectrack.recommendations.report.ReportResponses;
import org.rectrack.recommendations.report.api.ReportResponse;
import org.rectrack.recommendations.importing.text.KnownRecommendation;

/** What the database already holds that an import compares its text with. */
@ApplicationScoped
class KnownRecommendations {

    /** The report this publisher already has on the country for the year, if any. */
    @Transactional
    Optional<ReportResponse> existing(String publisher, String country, int year) {
        return Report.findByPublisherCountryYear(publisher, country, year)
                .map(report -> ReportResponses.of(report, Recommendation.ofReport(report.id())));
    }

    /**
     * The publisher's active recommendations on the country from before the year that no recommendation of a
     * report before the year continues: the latest link of each chain, which a new recommendation may continue.
     */
    @Transactional
    List<KnownRecommendation> chainEnds(String publisher, String country, int year) {
        List<Recommendation> recommendations = Recommendation.list("""
                report.publisher = ?1 and report.country = ?2 and report.year < ?3 and state = ?4
                and id not in (select later.continuesFromId from Recommendation later
                               where later.continuesFromId is not null and later.report.year < ?3)
                order by report.year desc, rank""", publisher, country, year, RecommendationState.ACTIVE);
        return recommendations.stream().map(KnownRecommendations::known).toList();
    }

    /** The active recommendations of the publisher's latest report on the country before the year. */
    @Transactional
    List<KnownRecommendation> previousReport(String publisher, String country, int year) {
        return Report.earlierOf(country, year).stream()
                .filter(report -> report.publisher().equals(publisher))
                .findFirst()
                .map(report -> Recommendation.ofReport(report.id()).stream()
                        .filter(recommendation -> recommendation.state() == RecommendationState.ACTIVE)
                        .map(KnownRecommendations::known)
                        .toList())
                .orElse(List.of());
    }

    private static KnownRecommendation known(Recommendation recommendation) {
        return new KnownRecommendation(recommendation.id(), recommendation.code(), recommendation.report().year(),
                recommendation.text(), recommendation.pillars());
    }
}
