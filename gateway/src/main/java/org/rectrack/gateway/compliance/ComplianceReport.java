package org.rectrack.gateway.compliance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.rectrack.api.evidence.Citation;

/**
 * Everything a year-end compliance report states, as of one day and as known at one instant (DESIGN.md, "Two times"). Every renderer (JSON, CSV, PDF)
 * draws from this alone, so the three agree, and the same data always gives the same bytes.
 *
 * @param dataSha256 SHA-256 of this record's canonical JSON with this field left empty: the fingerprint
 *                   an auditor quotes to show two copies rest on the same data
 */
public record ComplianceReport(
        String country,
        int year,
        LocalDate asOf,
        Instant knownAt,
        Source report,
        List<TierEntry> tierHistory,
        List<Item> recommendations,
        Summary summary,
        List<MetricRow> metrics,
        List<Integer> metricYears,
        String dataSha256) {

    /** The published report the recommendations come from. */
    public record Source(String title, String publisher, String tier, LocalDate publishedOn, String sourceUrl) {
    }

    public record TierEntry(int year, String tier) {
    }

    /**
     * One prioritized recommendation with its status and what the status rests on.
     *
     * @param state ACTIVE, or WITHDRAWN: a withdrawn recommendation stays in the report, marked, so that an auditor
     *              sees what was asked and later withdrawn; it counts in no summary figure
     */
    public record Item(
            int rank,
            String code,
            String text,
            List<String> pillars,
            String status,
            String state,
            String rule,
            List<Evidence> evidence,
            int pendingEvidence,
            Integer outstandingSince,
            List<String> lineage) {
    }

    /** Verified evidence the status rests on, with its citation (rectrack-api's, the one shape of a citation). */
    public record Evidence(
            UUID id,
            String assessment,
            LocalDate actionFrom,
            LocalDate actionTo,
            String summary,
            String language,
            Citation citation) {
    }

    /**
     * Counts by status (every status named, in the order of the rules), the share implemented or in
     * progress, and the same share for the previous year's report when there is one.
     */
    public record Summary(
            List<StatusCount> counts,
            int total,
            BigDecimal shareImplementedOrInProgress,
            BigDecimal previousYearShare,
            BigDecimal changeInShare) {
    }

    public record StatusCount(String status, int count) {
    }

    /** One metric (kind and unit) summed over the verified evidence, per year, aligned with {@code metricYears}. */
    public record MetricRow(String kind, String unit, List<BigDecimal> values) {
    }

    public ComplianceReport withDataSha256(String sha256) {
        return new ComplianceReport(country, year, asOf, knownAt, report, tierHistory, recommendations, summary, metrics,
                metricYears, sha256);
    }
}
