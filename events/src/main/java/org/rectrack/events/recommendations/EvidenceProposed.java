package org.rectrack.events.recommendations;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.rectrack.events.evidence.Assessment;
import org.rectrack.events.evidence.EvidenceChanged;

/**
 * Draft evidence the recommendations-service proposes about one recommendation: a figure or finding read from a
 * report's narrative (or an unmatched finding an admin attached later), for the evidence-service to record as
 * SUBMITTED evidence of origin ADMIN, for a reviewer. It travels on {@code rectrack.recommendations.v1} keyed by
 * the recommendation it bears on, so it is read after that recommendation's creation (see the outbox's
 * {@code append(type, id, version, after, data)}); its aggregate is the draft itself, of version 1 only.
 *
 * @param id               the draft's id, derived from what it is (report or finding, recommendation, content):
 *                         proposing the same draft again gives the same id, which its consumer applies once
 * @param recommendationId the one recommendation it bears on, and the Kafka key
 * @param reportId         the report whose narrative the quote is from
 * @param findingId        the unmatched finding it was attached from; null for a draft of an import
 * @param actionFrom       first day of the action: 1 January of the year the narrative says it took place
 * @param actionTo         last day of the action: 31 December of that year, or the day it was proposed if earlier
 * @param summary          the sentence as the report prints it
 * @param language         BCP 47 tag of the summary ({@code en})
 * @param source           the report: title, publisher, URL, {@code rectrack report <id>} and the quote
 * @param metrics          the figures the sentence states, each with its year; empty for a plain finding
 * @param proposedBy       the admin who imported the report or attached the finding (token subject)
 * @param proposedAt       when it was proposed
 */
public record EvidenceProposed(
        UUID id,
        UUID recommendationId,
        Assessment assessment,
        UUID reportId,
        UUID findingId,
        LocalDate actionFrom,
        LocalDate actionTo,
        String summary,
        String language,
        EvidenceChanged.Source source,
        List<EvidenceChanged.Metric> metrics,
        String proposedBy,
        Instant proposedAt) {

    public EvidenceProposed {
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
    }
}
