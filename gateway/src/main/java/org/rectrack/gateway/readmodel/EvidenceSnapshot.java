package org.rectrack.gateway.readmodel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.rectrack.api.evidence.Citation;
import org.rectrack.api.evidence.Metric;
import org.rectrack.events.evidence.EvidenceState;
import org.rectrack.events.evidence.Origin;
import org.rectrack.events.evidence.Visibility;

/**
 * One piece of evidence as a frame shows it, with what a recommendation's status is computed from: the columns of its
 * {@link EvidenceVersion} read as values, not as an entity. A status read over a country's 10,000 pieces of evidence
 * spent most of its time building, tracking and lazily completing entities it only read.
 *
 * @param verifiedAt when a reviewer last verified it (the latest VERIFIED step of its history), or null
 * @param summary    with {@code language}, {@code source} and {@code metrics}: what it says and where it is written
 * @param links      the recommendations it bears on, in the order the evidence-service gave them
 */
public record EvidenceSnapshot(
        UUID evidenceId,
        EvidenceState state,
        LocalDate actionFrom,
        LocalDate actionTo,
        Instant verifiedAt,
        String summary,
        String language,
        String organisation,
        Origin origin,
        Visibility visibility,
        Citation source,
        List<Metric> metrics,
        List<EvidenceVersion.Link> links) {
}
