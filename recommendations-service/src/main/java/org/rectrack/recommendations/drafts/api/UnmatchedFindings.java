package org.rectrack.recommendations.drafts.api;

import java.util.List;
import java.util.UUID;

import org.rectrack.api.recommendations.UnmatchedFindingResponse;
import org.rectrack.recommendations.drafts.UnmatchedFinding;

/** Maps unmatched findings to the contract's records. */
public final class UnmatchedFindings {

    private UnmatchedFindings() {
    }

    /** The finding as answered, with the recommendations it is attached to, in the order they were attached. */
    public static UnmatchedFindingResponse of(UnmatchedFinding finding, List<UUID> attachedTo) {
        return new UnmatchedFindingResponse(finding.id, finding.country, finding.year, finding.publisher,
                finding.reportId, finding.reportYear, finding.quote, finding.pillar, finding.assessment,
                finding.actionYear,
                finding.metrics.stream().map(metric -> new UnmatchedFindingResponse.Figure(metric.kind(), metric.value(),
                        metric.unit(), metric.sex(), metric.ageGroup(),
                        metric.year() == null ? finding.actionYear : metric.year())).toList(),
                finding.reason, finding.keptAt, attachedTo);
    }
}
