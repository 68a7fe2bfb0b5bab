package org.rectrack.gateway.ui;

import static org.rectrack.gateway.TestEvents.minutesAgo;
import static org.rectrack.gateway.TestEvents.publishAndAwait;

import java.time.LocalDate;
import java.util.UUID;

import org.rectrack.events.evidence.Assessment;
import org.rectrack.events.evidence.EvidenceState;
import org.rectrack.events.evidence.Visibility;
import org.rectrack.events.recommendations.RecommendationState;
import org.rectrack.events.recommendations.Tier;
import org.rectrack.gateway.TestEvents;
import org.rectrack.gateway.TestEvents.CountryYear;

/**
 * A country-year of the pages' tests, made of events on the real topics: a report and three recommendations, one with
 * public verified evidence that advances it (in progress), one with another organisation's restricted evidence that
 * fulfils it (implemented to a reviewer, no evidence to anyone else), one with none.
 */
record UiData(CountryYear where, UUID report, UUID advanced, UUID restricted, UUID untouched, UUID publicEvidence,
        UUID restrictedEvidence) {

    static final String OTHER_ORGANISATION = "other-ngo";

    static UiData publish() {
        CountryYear where = TestEvents.uniqueCountryYear();
        UUID report = UUID.randomUUID();
        publishAndAwait(TestEvents.report(report, 1, where, Tier.TIER_2, minutesAgo(50)));
        UUID advanced = recommendation(report, where, 1, "Vigorously investigate and prosecute trafficking crimes.");
        UUID restricted = recommendation(report, where, 2, "Train officials to identify victims among migrants.");
        UUID untouched = recommendation(report, where, 3, "Amend the penal code to criminalise all forms of trafficking.");
        UUID publicEvidence = UUID.randomUUID();
        UUID restrictedEvidence = UUID.randomUUID();
        LocalDate action = LocalDate.of(where.year(), 8, 1);
        publishAndAwait(TestEvents.evidence(publicEvidence, 2, advanced, Assessment.ADVANCES, action, "lao-ngo",
                Visibility.PUBLIC, EvidenceState.VERIFIED, minutesAgo(40)));
        publishAndAwait(TestEvents.evidence(restrictedEvidence, 2, restricted, Assessment.FULFILLS, action,
                OTHER_ORGANISATION, Visibility.RESTRICTED, EvidenceState.VERIFIED, minutesAgo(40)));
        return new UiData(where, report, advanced, restricted, untouched, publicEvidence, restrictedEvidence);
    }

    /** The board's path, as of the end of the year. */
    String board() {
        return "/countries/" + where.country() + "/" + where.year() + "?asOf=" + endOfYear();
    }

    String endOfYear() {
        return where.year() + "-12-31";
    }

    private static UUID recommendation(UUID report, CountryYear where, int rank, String text) {
        UUID id = UUID.randomUUID();
        publishAndAwait(TestEvents.recommendation(id, 1, report, where, rank, text, null, RecommendationState.ACTIVE,
                minutesAgo(50)));
        return id;
    }
}
