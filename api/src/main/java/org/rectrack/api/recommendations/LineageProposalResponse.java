package org.rectrack.api.recommendations;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A stored lineage proposal: an import found that a new recommendation likely continues an earlier one of the same
 * country, with how alike their wordings are. An admin accepts it (the recommendation is linked: a new version with
 * its event) or rejects it (kept, so that it is not proposed again).
 *
 * @param id             the proposal's id
 * @param similarity     TF-IDF cosine of the two wordings' word stems, 0 to 1; from 0.6 the import linked them itself
 * @param state          PROPOSED (waiting for an admin), ACCEPTED (linked, by the import or an admin) or REJECTED
 * @param decidedBy      who accepted or rejected it (the import's admin for a link the import made); null while proposed
 * @param recommendation the new recommendation as it stands now: its {@code continuesFromId} is the link in force
 * @param continuesFrom  the earlier recommendation as it stands now
 */
@Schema(name = "LineageProposal")
public record LineageProposalResponse(
        UUID id,
        @Schema(example = "LAO") String country,
        @Schema(example = "2023") int year,
        @Schema(example = "0.913", minimum = "0", maximum = "1") double similarity,
        State state,
        Instant proposedAt,
        Instant decidedAt,
        String decidedBy,
        RecommendationResponse recommendation,
        RecommendationResponse continuesFrom) {

    /** Where a proposal is: waiting for an admin, or decided. */
    public enum State {
        PROPOSED, ACCEPTED, REJECTED
    }
}
