package org.rectrack.gateway.changes.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rectrack.events.recommendations.Tier;
import org.rectrack.gateway.status.Status;

/**
 * What changed in a country's report of a year against its previous stored report (issue 11, "Year over year"): the
 * tier change, and the recommendations first made this year, repeated through lineage (with a word-level difference of
 * the text and the status then and now), and dropped. The answer of
 * {@code GET /compliance-reports/{country}/{year}/changes}; its CSV and PDF draw from this alone.
 *
 * @param previous        the previous report, or null when the country has none before this year (then every
 *                        recommendation is new)
 * @param tierChange      null when there is no previous report
 * @param newOnes         recommendations with no lineage link back (first made this year), in rank order
 * @param repeated        recommendations that continue an earlier one (their {@code continuesFrom}), in rank order
 * @param dropped         the previous report's recommendations no recommendation of this year continues, in rank order
 */
@Schema(description = "A year's report against the country's previous stored report: the tier change, and its"
        + " recommendations as new, repeated (with the word-level difference of the text, and the status then and now)"
        + " or dropped (with the last status). Statuses are computed from the evidence the caller may see.")
public record YearOverYear(
        @Schema(example = "LAO") String country,
        @Schema(example = "2023") int year,
        @Schema(description = "the day the statuses now are as of", example = "2023-12-31") LocalDate asOf,
        @Schema(description = "the instant in the system both sides are as known at", example = "2024-01-15T09:00:00Z")
        Instant knownAt,
        ReportSide report,
        @Schema(description = "the country's latest report before this year; null when there is none")
        ReportSide previous,
        @Schema(description = "null when there is no previous report") TierChange tierChange,
        @JsonProperty("new") @Schema(description = "first made this year: no lineage link back") List<Line> newOnes,
        @Schema(description = "continuing an earlier year's recommendation (lineage)") List<Repeated> repeated,
        @Schema(description = "the previous report's recommendations that none of this year's continues")
        List<Line> dropped) {

    /**
     * One side of the comparison: a report's year, tier and source, and the day its statuses are as of.
     *
     * @param statusAsOf the day the statuses of this side are as of: 31 December of the previous report's year for the
     *                   previous side (the status then), the answer's asOf for this year's
     */
    public record ReportSide(
            @Schema(example = "2022") int year,
            @Schema(example = "TIER_2") Tier tier,
            @Schema(example = "U.S. Department of State") String publisher,
            @Schema(example = "2022 Trafficking in Persons Report: Laos") String title,
            @Schema(example = "2022-12-31") LocalDate statusAsOf) {
    }

    /**
     * How the tier moved, in the TIP Report's order (Tier 1, Tier 2, Tier 2 Watch List, Tier 3; a special case is
     * outside that order).
     *
     * @param direction UP (a better tier), DOWN, SAME, or UNRANKED when either side is a special case
     */
    public record TierChange(
            @Schema(example = "TIER_2_WATCH_LIST") Tier from,
            @Schema(example = "TIER_2") Tier to,
            @Schema(enumeration = { "UP", "DOWN", "SAME", "UNRANKED" }, example = "UP") String direction) {
    }

    /** A recommendation, with its status on the side it stands on. */
    public record Line(
            UUID id,
            @Schema(example = "LAO-2023-01") String code,
            @Schema(example = "2023") int year,
            @Schema(example = "1") int rank,
            String text,
            @Schema(example = "IN_PROGRESS") Status status) {
    }

    /**
     * A recommendation of this year that continues an earlier one.
     *
     * @param then     the recommendation it continues, with its status then (as of 31 December of its year)
     * @param now      this year's, with its status now
     * @param reworded whether the text changed, by a word or more
     * @param textDiff the text, old against new, word by word (every segment in order: joined, the EQUAL and DELETED
     *                 ones give the old text, the EQUAL and INSERTED ones the new)
     */
    public record Repeated(Line then, Line now, boolean reworded, List<TextDiff.Segment> textDiff) {
    }
}
