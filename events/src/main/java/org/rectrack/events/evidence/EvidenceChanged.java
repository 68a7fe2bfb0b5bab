package org.rectrack.events.evidence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Full state of one piece of evidence after a change, its review history included.
 *
 * @param organisation the submitting organisation (the token's {@code org} claim); grants rights only with
 *                     {@code origin} {@link Origin#ORGANISATION}
 * @param actionFrom   first day of the government action
 * @param actionTo     last day of the government action (equal to actionFrom for a single day)
 * @param language     BCP 47 tag of the summary, e.g. {@code lo}
 * @param change       what happened: SUBMITTED, VERIFIED, REJECTED or RETRACTED
 * @param origin       who stands behind it; null in events written before it existed, which count as
 *                     {@link Origin#ORGANISATION}
 */
public record EvidenceChanged(
        UUID id,
        String organisation,
        List<Link> recommendations,
        LocalDate actionFrom,
        LocalDate actionTo,
        String summary,
        String language,
        Source source,
        List<Metric> metrics,
        Visibility visibility,
        EvidenceState state,
        List<Transition> history,
        String change,
        Instant changedAt,
        Origin origin) {

    /** Evidence an NGO submitted for {@code organisation}: origin {@link Origin#ORGANISATION}. */
    public EvidenceChanged(UUID id, String organisation, List<Link> recommendations, LocalDate actionFrom,
            LocalDate actionTo, String summary, String language, Source source, List<Metric> metrics,
            Visibility visibility, EvidenceState state, List<Transition> history, String change, Instant changedAt) {
        this(id, organisation, recommendations, actionFrom, actionTo, summary, language, source, metrics, visibility,
                state, history, change, changedAt, Origin.ORGANISATION);
    }

    /** The evidence bears on this recommendation in this way. */
    public record Link(UUID recommendationId, Assessment assessment) {
    }

    /** Where the evidence is written. */
    public record Source(
            String title,
            String publisher,
            String url,
            String documentReference,
            LocalDate publishedOn,
            String quote) {
    }

    /** A typed figure, optionally broken down by sex and age group, about its own year. */
    public record Metric(
            MetricKind kind,
            BigDecimal value,
            String unit,
            String sex,
            String ageGroup,
            Integer year) {
    }

    /** One step of the review history: who moved it to which state, when and why. */
    public record Transition(
            EvidenceState state,
            String actor,
            String organisation,
            Instant at,
            String reason) {
    }
}
