package org.rectrack.api.recommendations;

import java.time.Instant;
import java.util.List;

import org.rectrack.events.recommendations.Pillar;

/** A text the recommendation has had, with who set it, when and why. */
public record RevisionResponse(
        int revision,
        String text,
        List<Pillar> pillars,
        List<String> targetGroups,
        String reason,
        String revisedBy,
        Instant revisedAt) {
}
