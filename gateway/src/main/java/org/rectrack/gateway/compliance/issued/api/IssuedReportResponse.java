package org.rectrack.gateway.compliance.issued.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.rectrack.gateway.compliance.ReportFormat;

/**
 * An issued compliance report as clients see it: what was issued (the parameters, the format and the SHA-256 of the
 * exact bytes), by whom and when ({@code IssuedReport.response()} makes it of the entity).
 *
 * @param sha256     SHA-256 of the bytes issued, 64 lower-case hex digits ({@code sha256sum} of the file)
 * @param dataSha256 the report's own fingerprint of the data it rests on, the same in every format
 */
@Schema(name = "IssuedReport")
public record IssuedReportResponse(
        UUID id,
        @Schema(example = "LAO") String country,
        @Schema(example = "2023") int year,
        @Schema(example = "2023-12-31") LocalDate asOf,
        @Schema(example = "2024-01-15T09:00:00Z") Instant knownAt,
        ReportFormat format,
        @Schema(example = "application/pdf") String mediaType,
        String sha256,
        String dataSha256,
        @Schema(description = "the length of the bytes issued") long sizeBytes,
        Issuer issuedBy,
        Instant issuedAt) {

    /** Who issued it: the token's subject and its principal name. */
    public record Issuer(@Schema(example = "auditor@lao-audit") String subject, @Schema(example = "auditor@lao-audit") String name) {
    }
}
