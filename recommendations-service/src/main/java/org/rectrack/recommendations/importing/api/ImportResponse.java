package org.rectrack.recommendations.importing.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rectrack.recommendations.drafts.api.DraftsProposed;
import org.rectrack.recommendations.importing.figures.ProposedEvidence;
import org.rectrack.recommendations.importing.lineage.LineageProposal;
import org.rectrack.recommendations.importing.parsing.ParsedReport;
import org.rectrack.recommendations.report.api.ReportResponse;

/**
 * What an import read and did.
 *
 * @param created       whether this request wrote the report; false on a dry run and when the same text was
 *                      imported before
 * @param parsed        what the text says, with proposed pillars and target groups
 * @param report        the stored report, new or found; null on a dry run that finds none
 * @param lineage       earlier recommendations the new ones likely continue; the linked ones are stored so, and
 *                      every one is kept as a lineage proposal ({@code /lineage-proposals}) when the report is written
 * @param draftEvidence the narrative's figures and findings as draft evidence about the previous report's
 *                      recommendations
 * @param drafts        only when this request wrote the report: what became of draftEvidence (proposed to the
 *                      evidence-service as events, or kept as unmatched findings)
 * @param findingMatches stored unmatched findings that bear on this report, each with its most alike recommendation,
 *                      for an admin to attach (POST /unmatched-findings/{id}/attach); only when this request wrote
 *                      the report
 */
public record ImportResponse(
        boolean dryRun,
        boolean created,
        ParsedReport parsed,
        ReportResponse report,
        List<LineageProposal> lineage,
        @Schema(description = "The narrative's figures and findings; on 201, each naming a recommendation was proposed"
                + " to the evidence-service (see drafts), each other one kept as an unmatched finding")
        List<ProposedEvidence> draftEvidence,
        @Schema(description = "Only on 201: the drafts proposed as events in the report's transaction and the"
                + " unmatched findings kept") DraftsProposed drafts,
        @Schema(description = "Only on 201: earlier imports' unmatched findings that bear on this report, each with"
                + " its most alike recommendation, for an admin to attach") List<FindingMatch> findingMatches) {
}
