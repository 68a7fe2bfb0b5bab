package org.rectrack.recommendations.drafts;

import java.util.List;

import org.rectrack.events.evidence.Assessment;
import org.rectrack.events.evidence.EvidenceChanged;
import org.rectrack.events.recommendations.Pillar;

/**
 * A figure or finding read from a report's narrative, as draft evidence is made of it.
 *
 * @param quote      the sentence as the report prints it
 * @param pillar     the narrative section it is from, or null
 * @param actionYear the year the government's action took place
 * @param metrics    the figures it states, each with its year; empty for a plain finding
 */
public record Finding(String quote, Pillar pillar, Assessment assessment, int actionYear,
        List<EvidenceChanged.Metric> metrics) {

    public Finding {
        metrics = List.copyOf(metrics);
    }

    /** What makes the finding what it is, for ids derived from it. */
    String content() {
        return quote + "|" + assessment + "|" + actionYear + "|" + metrics;
    }
}
