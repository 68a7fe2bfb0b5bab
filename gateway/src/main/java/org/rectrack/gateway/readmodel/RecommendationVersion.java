package org.rectrack.gateway.readmodel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.rectrack.events.recommendations.Pillar;
import org.rectrack.events.recommendations.RecommendationState;

/** One version of a recommendation as its event carried it; written once by the read model, never changed. */
@Entity
@Immutable
@Table(name = "recommendation_version")
public class RecommendationVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "recommendation_id", nullable = false)
    public UUID recommendationId;

    @Column(nullable = false)
    public long version;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    /** When the recommendations-service committed this version (the event's occurredAt); shown, not compared. */
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /**
     * When the event was appended to its topic (its record's LogAppendTime): the instant rectrack recorded this
     * version, which {@code knownAt} compares with.
     */
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "report_id", nullable = false)
    public UUID reportId;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String country;

    @Column(nullable = false)
    public int year;

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

    @Column(name = "continues_from_id")
    public UUID continuesFromId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RecommendationState state;

    @Column(nullable = false)
    public String change;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
