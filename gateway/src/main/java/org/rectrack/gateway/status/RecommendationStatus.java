package org.rectrack.gateway.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rectrack.api.evidence.Citation;
import org.rectrack.api.evidence.Metric;
import org.rectrack.events.evidence.Assessment;
import org.rectrack.events.evidence.EvidenceState;
import org.rectrack.events.evidence.Visibility;
import org.rectrack.events.recommendations.Pillar;
import org.rectrack.events.recommendations.RecommendationState;
import org.rectrack.events.recommendations.Tier;

/**
 * One recommendation with its status and everything the status rests on, as one viewer may see it, in a time frame
 * (as of a day, as known at an instant): the answer of {@code GET /recommendations/{id}} and the line of a year-end compliance report.
 */
@Schema(description = "A recommendation with its derived status, the rule that decided it and the evidence behind it."
        + " The status is computed from the evidence the caller may see: restricted evidence of another organisation"
        + " counts neither in the status, nor in the pending count, nor in the evidence listed.")
public record RecommendationStatus(
        UUID id,
        @Schema(example = "LAO-2023-01") String code,
        @Schema(example = "LAO") String country,
        @Schema(example = "2023") int year,
        @Schema(example = "1") int rank,
        String text,
        @Schema(description = "1 as published, +1 for each revision of the text") int revision,
        List<Pillar> pillars,
        List<String> targetGroups,
        RecommendationState state,
        @Schema(description = "the report that makes the recommendation; null if it was not yet published as of the instant")
        ReportRef report,
        @Schema(example = "IN_PROGRESS") Status status,
        @Schema(description = "the rule of the status table that fired, the first that matched", example = "SOME_ADVANCES")
        StatusRule rule,
        @Schema(description = "the rule in words", example = "some verified evidence says the government advanced it")
        String explanation,
        @Schema(description = "the verified evidence the rule rests on, oldest action first")
        List<UUID> evidenceIds,
        @Schema(description = "evidence submitted but not yet reviewed: shown apart, never counted in the status")
        int pendingCount,
        @Schema(description = "all evidence on the recommendation the caller may see, in any review state, oldest action first")
        List<EvidenceItem> evidence,
        @Schema(description = "the same recommendation in earlier years' reports, the most recent first")
        List<LineageStep> lineage,
        @Schema(description = "the year the recommendation was first made (its own year without lineage)", example = "2021")
        int firstYear,
        @Schema(description = "the year since which the recommendation is outstanding; null once it is implemented",
                example = "2021")
        Integer outstandingSince,
        @Schema(description = "the day in the world the answer is as of: evidence of actions begun by then, reports"
                + " published by then", example = "2023-12-31")
        LocalDate asOf,
        @Schema(description = "the instant in the system the answer is as known at: what rectrack had recorded by then;"
                + " asking again with both times gives the same answer", example = "2024-01-15T09:00:00Z")
        Instant knownAt) {

    /** The report a recommendation belongs to, as of the same instant. */
    public record ReportRef(
            UUID id,
            @Schema(example = "TIER_2") Tier tier,
            @Schema(example = "U.S. Department of State") String publisher,
            @Schema(example = "2023 Trafficking in Persons Report: Laos") String title,
            String sourceUrl,
            LocalDate publishedOn) {
    }

    /**
     * One piece of evidence on the recommendation, with its citation and figures in the contract's shapes
     * (rectrack-api's {@link Citation} and {@link Metric}, as in {@code EvidenceResponse}); what it adds is how the
     * evidence bears on this recommendation and whether the status rests on it.
     */
    public record EvidenceItem(
            UUID id,
            @Schema(description = "how it bears on this recommendation") Assessment assessment,
            EvidenceState state,
            @Schema(description = "whether the status rests on it") boolean basis,
            LocalDate actionFrom,
            LocalDate actionTo,
            @Schema(description = "when a reviewer verified it; null unless verified") Instant verifiedAt,
            String summary,
            @Schema(example = "lo") String language,
            String organisation,
            Visibility visibility,
            Citation source,
            List<Metric> metrics) {
    }

    /** An earlier year's recommendation this one continues. */
    public record LineageStep(UUID id, @Schema(example = "LAO-2021-02") String code, int year, int rank) {
    }
}
