package org.rectrack.gateway.reports.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to an import, for the OpenAPI document only: the gateway relays the recommendations-service's answer
 * as it is (see that service's document for the shape of each part).
 */
@Schema(name = "ImportAnswer", description = "What an import read and did, as the recommendations-service answers it")
public record ImportAnswer(
        @Schema(description = "true: nothing was written") boolean dryRun,
        @Schema(description = "whether this request wrote the report") boolean created,
        @Schema(description = "what the text says: country, year, tier, recommendations with proposed pillars")
        Object parsed,
        @Schema(description = "the stored report with its recommendations (ids, codes, continuesFromId)") Object report,
        @Schema(description = "earlier recommendations the new ones likely continue, with a similarity score;"
                + " the linked ones are stored so") List<Object> lineage,
        @Schema(description = "the narrative's figures and findings, each with its quote, year, metrics and the"
                + " previous report's recommendation it most likely bears on") List<Object> draftEvidence,
        @Schema(description = "only on 201: the drafts proposed to the evidence-service as events in the report's"
                + " transaction ({proposed, draftIds}: each becomes SUBMITTED evidence shortly after) and those kept"
                + " as unmatched findings ({unmatched, unmatchedFindingIds})") Object drafts,
        @Schema(description = "only on 201: earlier imports' unmatched findings that bear on this report, each with"
                + " its most alike recommendation, for an admin to attach") List<Object> findingMatches) {
}
