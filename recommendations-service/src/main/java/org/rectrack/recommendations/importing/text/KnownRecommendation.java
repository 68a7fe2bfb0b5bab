package org.rectrack.recommendations.importing.text;

import java.util.List;
import java.util.UUID;

import org.rectrack.events.recommendations.Pillar;

/** A recommendation already published, as the importer compares new text with it. */
public record KnownRecommendation(UUID id, String code, int year, String text, List<Pillar> pillars) {

    public KnownRecommendation {
        pillars = List.copyOf(pillars);
    }
}
