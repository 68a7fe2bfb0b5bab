package org.rectrack.gateway.compliance.issued.api;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rectrack.gateway.compliance.ReportFormat;

/**
 * The body of {@code POST /compliance-reports/issued}: which report to issue. Country, year and format are required;
 * the two times default as a year-end report's do (DESIGN.md, "Two times").
 */
@Schema(name = "IssueReportRequest", description = "The compliance report to issue (sign off)")
public record IssueRequest(
        @Schema(description = "ISO 3166-1 alpha-3", example = "LAO", required = true) String country,
        @Schema(example = "2023", required = true) Integer year,
        @Schema(description = "the day in the world the report speaks of; default 31 December of the year",
                example = "2023-12-31") LocalDate asOf,
        @Schema(description = "the instant in the system whose records count (RFC 3339, at most microseconds);"
                + " default now, to the second", example = "2024-01-15T09:00:00Z") String knownAt,
        @Schema(required = true) ReportFormat format) {
}
