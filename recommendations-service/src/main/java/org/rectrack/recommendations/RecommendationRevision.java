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
import org.rectrack.api.recommendations.RevisionResponse;
import org.rectrack.events.recommendations.Pillar;

/** A text a recommendation has had; written once (by the recommendation), never changed, so earlier wording stays on record. */
@Entity
@Table(name = "recommendation_revision")
public class RecommendationRevision extends PanacheEntityBase {

    @Id
    private UUID id;

    @Column(name = "recommendation_id", nullable = false)
    private UUID recommendationId;

    @Column(nullable = false)
    private int revision;

    @Column(nullable = false)
    private String text;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<Pillar> pillars = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "target_groups", nullable = false)
    private List<String> targetGroups = new ArrayList<>();

    private String reason;

    @Column(name = "revised_by", nullable = false)
    private String revisedBy;

    @Column(name = "revised_at", nullable = false)
    private Instant revisedAt;

    /** For Hibernate only: a revision is kept by the recommendation it records. */
    protected RecommendationRevision() {
    }

    /** The recommendation's text and classification as they are now, not yet persisted. */
    static RecommendationRevision of(Recommendation recommendation, String reason, String revisedBy) {
        RecommendationRevision revision = new RecommendationRevision();
        revision.id = UUID.randomUUID();
        revision.recommendationId = recommendation.id();
        revision.revision = recommendation.revision();
        revision.text = recommendation.text();
        revision.pillars = new ArrayList<>(recommendation.pillars());
        revision.targetGroups = new ArrayList<>(recommendation.targetGroups());
        revision.reason = reason;
        revision.revisedBy = revisedBy;
        revision.revisedAt = recommendation.updatedAt();
        return revision;
    }

    /** This text as the contract's {@link RevisionResponse} (rectrack-api). */
    public RevisionResponse response() {
        return new RevisionResponse(revision, text, List.copyOf(pillars), List.copyOf(targetGroups), reason, revisedBy,
                revisedAt);
    }

    /** Every text the recommendation has had, the published one first. */
    public static List<RecommendationRevision> of(UUID recommendationId) {
        return list("recommendationId = ?1 order by revision", recommendationId);
    }
}
