package org.rectrack.events.recommendations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Full state of one recommendation after a change.
 *
 * @param change          what happened: CREATED, REVISED, LINKED (the link to an earlier year's recommendation was
 *                        set, changed or removed: continuesFromId is the new link, null when removed) or WITHDRAWN
 * @param revision        1 for the text as published, +1 for each revision of the text
 * @param continuesFromId the same recommendation in an earlier year's report, if any
 */
public record RecommendationChanged(
        UUID id,
        UUID reportId,
        String code,
        String country,
        int year,
        int rank,
        String text,
        int revision,
        List<Pillar> pillars,
        List<String> targetGroups,
        UUID continuesFromId,
        RecommendationState state,
        String change,
        Instant changedAt) {
}
