package org.rectrack.gateway.reports.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to an import, for the OpenAPI document only: the gateway relays the recommendations-service's answer
 * (see that service's document for the shape of each part) and, when the import created its report, adds
 * {@code evidenceSubmission}.
 */
@Schema(name = "ImportAnswer", description = "What an import read and did: the recommendations-service's answer, plus"
        + " evidenceSubmission when the report was created")
public record ImportAnswer(
        @Schema(description = "true: nothing was written") boolean dryRun,
        @Schema(description = "whether this request wrote the report") boolean created,
        @Schema(description = "what the text says: country, year, tier, recommendations with proposed pillars")
        Object parsed,
        @Schema(description = "the stored report with its recommendations (ids, codes, continuesFromId)") Object report,
        @Schema(description = "earlier recommendations the new ones likely continue, with a similarity score;"
                + " the linked ones are stored so") List<Object> lineage,
        @Schema(description = "the narrative's figures and findings, each with its quote, year, metrics and the"
                + " previous year's recommendation it most likely bears on") List<Object> draftEvidence,
        @Schema(description = "only on 201: what became of draftEvidence") EvidenceSubmission evidenceSubmission) {
}
