package org.rectrack.recommendations.importing.parsing;

import java.util.List;

import org.rectrack.events.recommendations.Pillar;

/** One recommendation as the report prints it, at its printed rank, with proposed pillars and groups. */
public record ParsedRecommendation(int rank, String text, List<Pillar> pillars, List<String> targetGroups) {

    public ParsedRecommendation {
        pillars = List.copyOf(pillars);
        targetGroups = List.copyOf(targetGroups);
    }
}
