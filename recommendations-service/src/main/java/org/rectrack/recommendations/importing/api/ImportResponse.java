package org.rectrack.recommendations.importing.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
 *                      recommendations, for a reviewer to check and submit to the evidence service
 */
public record ImportResponse(
        boolean dryRun,
        boolean created,
        ParsedReport parsed,
        ReportResponse report,
        List<LineageProposal> lineage,
        @Schema(description = "Not yet submitted anywhere: POST each reviewed item to /evidence")
        List<ProposedEvidence> draftEvidence) {
}
