package org.rectrack.recommendations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.rectrack.events.recommendations.Pillar;
import org.rectrack.events.recommendations.RecommendationState;

/** One prioritized recommendation of a report; an aggregate of its own, with its own events. */
@Entity
@Table(name = "recommendation")
public class Recommendation extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "report_id")
    public Report report;

    /** Stable human code such as {@code LAO-2023-03}: country, year, rank (unique per publisher). */
    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public int rank;

    @Column(nullable = false)
    public String text;

    @Column(nullable = false)
    public int revision;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Pillar> pillars = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "target_groups", nullable = false)
    public List<String> targetGroups = new ArrayList<>();

    /** The same recommendation in an earlier year's report of the same country. */
    @Column(name = "continues_from_id")
    public UUID continuesFromId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RecommendationState state;

    @Column(name = "withdrawn_reason")
    public String withdrawnReason;

    /** The aggregate version its events carry: 1 when published, +1 for every change. */
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Persists a newly published recommendation with its text as revision 1. */
    public static Recommendation publish(Report report, int rank, String text, List<Pillar> pillars,
            List<String> targetGroups, UUID continuesFromId, String actor, Instant now) {
        Recommendation recommendation = new Recommendation();
        recommendation.id = UUID.randomUUID();
        recommendation.report = report;
        recommendation.rank = rank;
        recommendation.code = code(report.country, report.year, rank);
        recommendation.text = text;
        recommendation.revision = 1;
        recommendation.pillars = new ArrayList<>(pillars);
        recommendation.targetGroups = new ArrayList<>(targetGroups);
        recommendation.continuesFromId = continuesFromId;
        recommendation.state = RecommendationState.ACTIVE;
        recommendation.version = 1;
        recommendation.createdAt = now;
        recommendation.updatedAt = now;
        recommendation.persist();
        RecommendationRevision.of(recommendation, "published", actor).persist();
        return recommendation;
    }

    public static String code(String country, int year, int rank) {
        return "%s-%d-%02d".formatted(country, year, rank);
    }

    public static List<Recommendation> ofReport(UUID reportId) {
        return list("report.id = ?1 order by rank", reportId);
    }
}
