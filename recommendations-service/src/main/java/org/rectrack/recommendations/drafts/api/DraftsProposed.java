package org.rectrack.recommendations.drafts.api;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an import did with its narrative's draft evidence, in the same transaction as its report.
 *
 * @param proposed            drafts naming a recommendation, proposed to the evidence-service as events
 *                            ({@code rectrack.evidence.proposed}); each becomes SUBMITTED evidence of origin ADMIN
 *                            shortly after, for a reviewer (GET /evidence?state=SUBMITTED)
 * @param draftIds            their ids: the evidence-service records each once, however often it is proposed
 * @param unmatched           drafts naming no recommendation, kept as unmatched findings
 * @param unmatchedFindingIds their ids (GET /unmatched-findings/{id})
 */
@Schema(description = "The import's draft evidence: proposed to the evidence-service as events in the report's"
        + " transaction, or kept as unmatched findings for an admin to attach")
public record DraftsProposed(int proposed, List<UUID> draftIds, int unmatched, List<UUID> unmatchedFindingIds) {

    public DraftsProposed {
        draftIds = List.copyOf(draftIds);
        unmatchedFindingIds = List.copyOf(unmatchedFindingIds);
    }
}
