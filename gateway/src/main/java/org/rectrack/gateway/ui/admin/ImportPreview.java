package org.rectrack.gateway.ui.admin;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An import's answer as the import page shows it: the recommendations-service's {@code ImportResponse} (relayed by
 * the gateway), read leniently: only what the page shows is kept.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImportPreview(boolean dryRun, boolean created, Parsed parsed, Stored report, List<Lineage> lineage,
        List<Draft> draftEvidence, Drafts drafts) {

    /** What the text says. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Parsed(String country, int year, String tier, List<Recommendation> recommendations,
            List<String> notes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Recommendation(int rank, String text, List<String> pillars, List<String> targetGroups) {
    }

    /** The stored report (absent on a dry run that finds none). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Stored(UUID id, String country, int year, String title) {
    }

    /** A new recommendation that likely continues an earlier one, with how alike their wordings are (0 to 1). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Lineage(int rank, UUID continuesFromId, String continuesFromCode, int continuesFromYear,
            String continuesFromText, double score, boolean linked) {

        /** The similarity as a percentage, for reading. */
        public long percent() {
            return Math.round(score * 100);
        }
    }

    /** A figure or finding of the narrative, as draft evidence. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Draft(String quote, String pillar, String assessment, int year, List<Metric> metrics,
            Link recommendation) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metric(String kind, BigDecimal value, String unit) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Link(UUID recommendationId, String code, double score) {
    }

    /** On a 201: how many drafts were proposed for review (as events) and how many kept as unmatched findings. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Drafts(int proposed, int unmatched) {
    }
}
