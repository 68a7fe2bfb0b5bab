package org.rectrack.gateway.reports.api;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What became of an import's draft evidence: the gateway hands each draft that names an earlier recommendation
 * to the evidence-service as a submission, for a reviewer to verify.
 */
@Schema(description = "Added by the gateway to the answer of an import that created its report: what became of the"
        + " draft evidence. The import stands whatever happened here.")
public record EvidenceSubmission(
        @Schema(description = "drafts now SUBMITTED evidence (GET /evidence?state=SUBMITTED)", example = "3")
        int submitted,
        @Schema(description = "drafts that name no earlier recommendation (none of the year before is stored):"
                + " not submitted", example = "0")
        int withoutRecommendation,
        @Schema(description = "drafts the evidence-service did not take; problems says why", example = "0")
        int failed,
        @Schema(description = "the submitted evidence, in the drafts' order")
        List<UUID> evidenceIds,
        @Schema(description = "one line per draft that failed, with the evidence-service's answer")
        List<String> problems) {

    public EvidenceSubmission {
        evidenceIds = List.copyOf(evidenceIds);
        problems = List.copyOf(problems);
    }
}
