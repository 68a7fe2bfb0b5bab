package org.rectrack.recommendations.drafts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.rectrack.events.evidence.Assessment;
import org.rectrack.events.evidence.EvidenceChanged;
import org.rectrack.api.recommendations.UnmatchedFindingResponse;
import org.rectrack.events.recommendations.Pillar;

/** A figure or finding of an imported narrative that names no recommendation; written once, never changed. */
@Entity
@Table(name = "unmatched_finding")
public class UnmatchedFinding extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "report_id", nullable = false)
    public UUID reportId;

    @Column(nullable = false)
    public String publisher;

    @Column(nullable = false, length = 3)
    public String country;

    /** The year of the report whose recommendations it bears on. */
    @Column(nullable = false)
    public int year;

    @Column(name = "report_year", nullable = false)
    public int reportYear;

    @Column(nullable = false)
    public String quote;

    @Enumerated(EnumType.STRING)
    public Pillar pillar;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Assessment assessment;

    @Column(name = "action_year", nullable = false)
    public int actionYear;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<EvidenceChanged.Metric> metrics = new ArrayList<>();

    @Column(nullable = false)
    public String reason;

    @Column(name = "kept_at", nullable = false)
    public Instant keptAt;

    /** The finding as what it is, without where it is kept. */
    public Finding finding() {
        return new Finding(quote, pillar, assessment, actionYear, metrics);
    }

    /** The finding as answered, with the recommendations it is attached to, in the order they were attached. */
    public UnmatchedFindingResponse response(List<UUID> attachedTo) {
        return new UnmatchedFindingResponse(id, country, year, publisher, reportId, reportYear, quote, pillar,
                assessment, actionYear,
                metrics.stream().map(metric -> new UnmatchedFindingResponse.Figure(metric.kind(), metric.value(),
                        metric.unit(), metric.sex(), metric.ageGroup(),
                        metric.year() == null ? actionYear : metric.year())).toList(),
                reason, keptAt, attachedTo);
    }
}
