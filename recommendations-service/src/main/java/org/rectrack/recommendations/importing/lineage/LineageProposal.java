package org.rectrack.recommendations.importing.lineage;

import java.util.UUID;

/**
 * A new recommendation that likely continues an earlier one of the same country, reworded or not.
 *
 * @param rank   the new recommendation's rank in its report
 * @param score  how alike the two wordings are, 0 to 1
 * @param linked whether the score is at or above {@link LineageProposer#LINK_THRESHOLD}, so the import
 *               links them; below it an admin confirms the link, or not
 */
public record LineageProposal(
        int rank,
        UUID continuesFromId,
        String continuesFromCode,
        int continuesFromYear,
        String continuesFromText,
        double score,
        boolean linked) {
}
