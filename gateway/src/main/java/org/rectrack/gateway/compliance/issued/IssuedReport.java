package org.rectrack.gateway.compliance.issued;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.rectrack.gateway.compliance.ReportFormat;
import org.rectrack.gateway.compliance.issued.api.IssuedReportResponse;

/**
 * A compliance report an auditor issued: the parameters it was rendered with, the SHA-256 of its bytes, who and
 * when. Written once ({@link IssuedReports#issue}), never changed; never leaves the gateway as JSON (see
 * {@link org.rectrack.gateway.compliance.issued.api.IssuedReportResponse}).
 */
@Entity
@Table(name = "issued_report")
public class IssuedReport extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String country;

    @Column(nullable = false)
    public int year;

    /** The day in the world the report speaks of. */
    @Column(name = "as_of", nullable = false)
    public LocalDate asOf;

    /** The instant in the system whose records the report rests on. */
    @Column(name = "known_at", nullable = false)
    public Instant knownAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReportFormat format;

    /** SHA-256 of the exact bytes issued, lower-case hex. */
    @Column(nullable = false)
    public String sha256;

    /** The report's own {@code dataSha256}: tells a change of data from a change of rendering when bytes differ. */
    @Column(name = "data_sha256", nullable = false)
    public String dataSha256;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    /** The token's {@code sub}. */
    @Column(name = "issued_by_subject", nullable = false)
    public String issuedBySubject;

    /** The token's principal name ({@code upn}, {@code preferred_username} or {@code sub}). */
    @Column(name = "issued_by_name", nullable = false)
    public String issuedByName;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "idempotency_fingerprint")
    public String idempotencyFingerprint;

    /** The issued report as clients see it: the entity itself never leaves as JSON. */
    public IssuedReportResponse response() {
        return new IssuedReportResponse(id, country, year, asOf, knownAt, format, format.mediaType().toString(), sha256,
                dataSha256, sizeBytes, new IssuedReportResponse.Issuer(issuedBySubject, issuedByName), issuedAt);
    }
}
