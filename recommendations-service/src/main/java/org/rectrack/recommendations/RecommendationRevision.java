package org.rectrack.recommendations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.rectrack.events.recommendations.Pillar;

/** A text a recommendation has had; written once, never changed, so earlier wording stays on record. */
@Entity
@Table(name = "recommendation_revision")
public class RecommendationRevision extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "recommendation_id", nullable = false)
    public UUID recommendationId;

    @Column(nullable = false)
    public int revision;

    @Column(nullable = false)
    public String text;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Pillar> pillars = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "target_groups", nullable = false)
    public List<String> targetGroups = new ArrayList<>();

    public String reason;

    @Column(name = "revised_by", nullable = false)
    public String revisedBy;

    @Column(name = "revised_at", nullable = false)
    public Instant revisedAt;

    public static RecommendationRevision of(Recommendation recommendation, String reason, String revisedBy) {
        RecommendationRevision revision = new RecommendationRevision();
        revision.id = UUID.randomUUID();
        revision.recommendationId = recommendation.id;
        revision.revision = recommendation.revision;
        revision.text = recommendation.text;
        revision.pillars = new ArrayList<>(recommendation.pillars);
        revision.targetGroups = new ArrayList<>(recommendation.targetGroups);
        revision.reason = reason;
        revision.revisedBy = revisedBy;
        revision.revisedAt = recommendation.updatedAt;
        return revision;
    }

    public static List<RecommendationRevision> of(UUID recommendationId) {
        return list("recommendationId = ?1 order by revision", recommendationId);
    }
}
